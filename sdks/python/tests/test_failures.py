import unittest

import narvark
from narvark import Narvark, failures
from tests.fake_server import FakeServer

KEY = "nvk_test_sk_abcdefghjkmnpqrstvwxyz0123456789ab"
FAILED = {"id": "otp_9zq4kb6cq643dzvmxxqkfbf5kz", "object": "otp", "status": "failed",
          "failure_reason": "invalid_destination", "carrier_error": "smpp:0x0000000B", "parts": 0,
          "delivery_attempts": [
              {"attempt": 0, "channel": "whatsapp", "status": "failed", "parts": 0, "encoding": None,
               "failure_reason": "unreachable", "carrier_error": "whatsapp:131026"},
              {"attempt": 1, "channel": "sms", "status": "failed", "parts": 0, "encoding": None,
               "failure_reason": "invalid_destination", "carrier_error": "smpp:0x0000000B"}]}


class FailuresTest(unittest.TestCase):

    def setUp(self):
        self.server = FakeServer()
        self.client = Narvark(KEY, base_url=self.server.url, timeout=5, max_retries=0)

    def tearDown(self):
        self.server.close()

    def test_should_expose_the_failure_reason_carrier_error_and_attempts_when_an_otp_failed(self):
        self.server.answer(200, FAILED)

        otp = self.client.get(FAILED["id"])

        self.assertEqual(otp["failure_reason"], failures.INVALID_DESTINATION)
        self.assertEqual(otp["carrier_error"], "smpp:0x0000000B")
        self.assertEqual([(a["channel"], a["failure_reason"]) for a in otp["delivery_attempts"]],
                         [("whatsapp", failures.UNREACHABLE), ("sms", failures.INVALID_DESTINATION)])

    def test_should_expose_the_parts_and_the_alphabet_when_a_long_sms_was_delivered(self):
        self.server.answer(200, {"id": FAILED["id"], "object": "otp", "status": "delivered", "failure_reason": None,
                                 "carrier_error": None, "parts": 2, "delivery_attempts": [
                                     {"attempt": 0, "channel": "sms", "status": "delivered", "parts": 2,
                                      "encoding": "ucs2", "failure_reason": None, "carrier_error": None}]})

        otp = self.client.get(FAILED["id"])

        self.assertEqual(otp["parts"], 2)
        self.assertEqual(otp["delivery_attempts"][0]["encoding"], "ucs2")

    def test_should_list_the_documented_reasons_and_tell_the_retryable_ones_when_asked(self):
        self.assertEqual(len(narvark.FAILURE_REASONS), 9)
        self.assertIn("country_not_supported", narvark.FAILURE_REASONS)
        self.assertTrue(narvark.is_retryable_failure(failures.RATE_LIMITED))
        self.assertFalse(narvark.is_retryable_failure(failures.INVALID_DESTINATION))
        self.assertFalse(narvark.is_retryable_failure("a_reason_from_the_future"))
        self.assertFalse(narvark.is_retryable_failure(None))


if __name__ == "__main__":
    unittest.main()
