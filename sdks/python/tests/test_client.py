import json
import unittest

import narvark
from narvark import Narvark
from tests.fake_server import FakeServer

KEY = "nvk_test_sk_abcdefghjkmnpqrstvwxyz0123456789ab"
OTP = {"id": "otp_jt97kb6cq643dzvmxxqkfbf5kz", "object": "otp", "status": "pending"}


class ClientTest(unittest.TestCase):

    def setUp(self):
        self.server = FakeServer()
        self.sleeps = []
        self.client = Narvark(KEY, base_url=self.server.url, timeout=5, max_retries=2, sleep=self.sleeps.append)

    def tearDown(self):
        self.server.close()

    def test_should_post_the_send_body_with_the_key_and_an_idempotency_key_when_sending(self):
        self.server.answer(200, OTP)

        otp = self.client.send(to="+447911123456", channel="sms", metadata={"order": "42"}, fallback=["voice"])

        self.assertEqual(otp["id"], OTP["id"])
        request = self.server.requests[0]
        self.assertEqual((request["method"], request["path"]), ("POST", "/v1/otp/send"))
        self.assertEqual(request["headers"]["authorization"], "Bearer " + KEY)
        self.assertEqual(request["headers"]["content-type"], "application/json")
        self.assertTrue(request["headers"]["idempotency-key"])
        self.assertEqual(json.loads(request["body"]), {"to": "+447911123456", "channel": "sms",
                                                       "fallback": ["voice"], "metadata": {"order": "42"}})

    def test_should_reuse_one_idempotency_key_when_a_send_is_retried_after_a_dropped_connection_and_a_500(self):
        self.server.drop()
        self.server.answer(500, {"error": {"code": "internal_error", "message": "oops"}})
        self.server.answer(200, OTP)

        self.client.send(to="+447911123456", channel="sms")

        keys = {r["headers"]["idempotency-key"] for r in self.server.requests}
        self.assertEqual(len(self.server.requests), 3)
        self.assertEqual(len(keys), 1)
        self.assertEqual(len(self.sleeps), 2)

    def test_should_use_a_new_idempotency_key_when_sending_another_otp(self):
        self.server.answer(200, OTP)
        self.server.answer(200, OTP)

        self.client.send(to="+447911123456", channel="sms")
        self.client.send(to="+447911123456", channel="sms")

        self.assertNotEqual(self.server.requests[0]["headers"]["idempotency-key"],
                            self.server.requests[1]["headers"]["idempotency-key"])

    def test_should_retry_with_the_same_key_when_the_first_send_is_still_in_flight(self):
        self.server.answer(409, {"error": {"code": "idempotency_in_flight", "message": "running"}},
                           {"Retry-After": "1"})
        self.server.answer(200, OTP)

        self.assertEqual(self.client.send(to="+447911123456", channel="sms")["id"], OTP["id"])

        first, second = self.server.requests
        self.assertEqual(first["headers"]["idempotency-key"], second["headers"]["idempotency-key"])
        self.assertEqual(self.sleeps, [1.0])

    def test_should_honour_retry_after_when_rate_limited(self):
        self.server.answer(429, {"error": {"code": "rate_limited", "message": "slow down"}}, {"Retry-After": "7"})
        self.server.answer(200, OTP)

        self.client.get(OTP["id"])

        self.assertEqual(self.sleeps, [7.0])

    def test_should_back_off_with_jitter_within_bounds_when_the_server_fails(self):
        for _ in range(3):
            self.server.answer(503, {"error": {"code": "internal_error", "message": "down"}})

        with self.assertRaises(narvark.ServerError) as raised:
            self.client.get(OTP["id"])

        self.assertEqual(raised.exception.status, 503)
        self.assertEqual(len(self.server.requests), 3)
        self.assertTrue(0.25 <= self.sleeps[0] <= 0.5 and 0.5 <= self.sleeps[1] <= 1.0, self.sleeps)

    def test_should_raise_a_typed_error_with_code_param_status_and_request_id_when_the_api_refuses(self):
        self.server.answer(400, {"error": {"code": "invalid_request", "message": "ttl must be between 60 and 86400",
                                           "param": "ttl"}}, {"Request-Id": "req_123"})

        with self.assertRaises(narvark.InvalidRequestError) as raised:
            self.client.send(to="+447911123456", channel="sms", ttl=5)

        error = raised.exception
        self.assertEqual((error.code, error.param, error.status, error.request_id),
                         ("invalid_request", "ttl", 400, "req_123"))
        self.assertEqual(error.message, "ttl must be between 60 and 86400")
        self.assertEqual(len(self.server.requests), 1)

    def test_should_map_statuses_to_error_classes_when_the_api_refuses(self):
        cases = [(401, narvark.AuthenticationError), (403, narvark.PermissionDeniedError),
                 (404, narvark.NotFoundError), (409, narvark.ConflictError), (422, narvark.IdempotencyError)]
        for status, cls in cases:
            self.server.answer(status, {"error": {"code": "x", "message": "m"}})
            with self.assertRaises(cls):
                self.client.cancel(OTP["id"])

    def test_should_never_show_the_key_when_an_error_message_echoes_it(self):
        self.server.answer(401, {"error": {"code": "unauthorized", "message": "bad key " + KEY}})

        with self.assertRaises(narvark.AuthenticationError) as raised:
            self.client.get(OTP["id"])

        self.assertNotIn(KEY, str(raised.exception))
        self.assertNotIn(KEY, repr(raised.exception))
        self.assertNotIn(KEY, repr(self.client))

    def test_should_not_retry_a_verify_when_the_connection_drops(self):
        self.server.drop()

        with self.assertRaises(narvark.APIConnectionError) as raised:
            self.client.verify(OTP["id"], "492 817")

        self.assertEqual(len(self.server.requests), 1)
        self.assertNotIn(KEY, str(raised.exception))

    def test_should_send_the_code_as_typed_when_verifying(self):
        self.server.answer(200, {"id": OTP["id"], "valid": True})

        self.assertTrue(self.client.verify(OTP["id"], "492 817")["valid"])

        self.assertEqual(json.loads(self.server.requests[0]["body"]), {"id": OTP["id"], "code": "492 817"})

    def test_should_send_the_message_fields_when_sending_with_brand_locale_autofill_and_transaction(self):
        payment = {"amount": "42.00", "currency": "EUR", "payee": "ACME Shop"}
        self.server.answer(200, dict(OTP, brand="Acme Shop", locale="pt-BR", transaction=payment))

        otp = self.client.send(to="+5511987654321", channel="sms", brand="Acme Shop", locale="pt",
                               web_domain="shop.example.com", transaction=payment)

        self.assertEqual(otp["locale"], "pt-BR")
        self.assertEqual(otp["transaction"], payment)
        self.assertEqual(json.loads(self.server.requests[0]["body"]), {
            "to": "+5511987654321", "channel": "sms", "brand": "Acme Shop", "locale": "pt",
            "web_domain": "shop.example.com", "transaction": payment})

    def test_should_send_the_transaction_and_read_the_reason_when_verifying_a_bound_code(self):
        payment = {"amount": "42.01", "currency": "EUR", "payee": "ACME Shop"}
        self.server.answer(200, {"id": OTP["id"], "valid": False, "reason": "transaction_mismatch"})

        answer = self.client.verify(OTP["id"], "492817", transaction=payment)

        self.assertEqual(answer["reason"], "transaction_mismatch")
        self.assertEqual(json.loads(self.server.requests[0]["body"]),
                         {"id": OTP["id"], "code": "492817", "transaction": payment})

    def test_should_raise_a_connection_error_when_retries_run_out(self):
        for _ in range(3):
            self.server.drop()

        with self.assertRaises(narvark.APIConnectionError):
            self.client.get(OTP["id"])

        self.assertEqual(len(self.server.requests), 3)

    def test_should_follow_cursors_when_listing(self):
        self.server.answer(200, {"object": "list", "has_more": True, "data": [{"id": "otp_a"}, {"id": "otp_b"}]})
        self.server.answer(200, {"object": "list", "has_more": False, "data": [{"id": "otp_c"}]})

        ids = [otp["id"] for otp in self.client.list(status="verified", metadata={"order": "42"}, limit=2)]

        self.assertEqual(ids, ["otp_a", "otp_b", "otp_c"])
        self.assertEqual(self.server.requests[0]["path"],
                         "/v1/otp?status=verified&limit=2&metadata%5Border%5D=42")
        self.assertTrue(self.server.requests[1]["path"].endswith("&starting_after=otp_b"))

    def test_should_post_resend_and_cancel_to_their_routes(self):
        self.server.answer(200, OTP)
        self.server.answer(200, dict(OTP, status="cancelled"))

        self.client.resend(OTP["id"], code="new")
        self.assertEqual(self.client.cancel(OTP["id"])["status"], "cancelled")

        resend, cancel = self.server.requests
        self.assertEqual(resend["path"], "/v1/otp/" + OTP["id"] + "/resend")
        self.assertEqual(json.loads(resend["body"]), {"code": "new"})
        self.assertTrue(resend["headers"]["idempotency-key"])
        self.assertEqual(cancel["path"], "/v1/otp/" + OTP["id"] + "/cancel")

    def test_should_not_retry_when_a_resend_comes_too_soon(self):
        self.server.answer(429, {"error": {"code": "resend_too_soon", "message": "wait"}}, {"Retry-After": "30"})

        with self.assertRaises(narvark.RateLimitError) as raised:
            self.client.resend(OTP["id"])

        self.assertEqual((raised.exception.code, raised.exception.retry_after), ("resend_too_soon", 30.0))
        self.assertEqual(len(self.server.requests), 1)

    def test_should_not_retry_when_the_destination_is_rate_limited(self):
        self.server.answer(429, {"error": {"code": "destination_rate_limited", "message": "too many"}},
                           {"Retry-After": "5"})

        with self.assertRaises(narvark.RateLimitError):
            self.client.send(to="+447911123456", channel="sms")

        self.assertEqual(len(self.server.requests), 1)

    def test_should_not_follow_a_redirect_when_the_server_answers_one(self):
        self.server.answer(302, {}, {"Location": "http://127.0.0.1:9/steal"})

        with self.assertRaises(narvark.APIError) as raised:
            self.client.get(OTP["id"])

        self.assertEqual((raised.exception.status, len(self.server.requests)), (302, 1))

    def test_should_cover_the_webhook_routes(self):
        self.server.answer(201, {"id": "we_1", "secret": "whsec_x"})
        self.server.answer(200, {"object": "list", "data": [{"id": "we_1"}]})
        self.server.answer(200, {"id": "we_1", "secret": "whsec_y"})
        self.server.answer(200, {"object": "list", "has_more": False, "data": [{"id": "whd_1"}]})
        self.server.answer(200, {"id": "whd_1", "status": "pending"})
        self.server.answer(200, {"id": "we_1", "deleted": True})

        self.assertEqual(self.client.create_webhook_endpoint("https://example.com/h", events=["otp.verified"])["id"],
                         "we_1")
        self.assertEqual([e["id"] for e in self.client.list_webhook_endpoints()], ["we_1"])
        self.assertEqual(self.client.rotate_webhook_secret("we_1")["secret"], "whsec_y")
        self.assertEqual([d["id"] for d in self.client.list_webhook_deliveries(endpoint_id="we_1")], ["whd_1"])
        self.client.redeliver_webhook("whd_1")
        self.assertTrue(self.client.delete_webhook_endpoint("we_1")["deleted"])

        self.assertEqual([(r["method"], r["path"]) for r in self.server.requests], [
            ("POST", "/v1/webhook_endpoints"), ("GET", "/v1/webhook_endpoints"),
            ("POST", "/v1/webhook_endpoints/we_1/rotate_secret"), ("GET", "/v1/webhook_deliveries?endpoint_id=we_1"),
            ("POST", "/v1/webhook_deliveries/whd_1/redeliver"), ("DELETE", "/v1/webhook_endpoints/we_1")])

    def test_should_escape_an_id_when_it_holds_a_path_separator(self):
        self.server.answer(404, {"error": {"code": "not_found", "message": "no such OTP"}})

        with self.assertRaises(narvark.NotFoundError):
            self.client.get("../admin")

        self.assertEqual(self.server.requests[0]["path"], "/v1/otp/..%2Fadmin")


if __name__ == "__main__":
    unittest.main()
