import json
import pathlib
import unittest

from narvark import WebhookVerificationError, webhooks

VECTORS = json.loads((pathlib.Path(__file__).resolve().parents[2] / "test-vectors" / "webhook-signatures.json")
                     .read_text(encoding="utf-8"))


class WebhookVectorsTest(unittest.TestCase):

    def test_should_accept_every_valid_vector(self):
        for case in VECTORS["valid"]:
            with self.subTest(case["name"]):
                headers = {"webhook-id": case["id"], "webhook-timestamp": str(case["timestamp"]),
                           "webhook-signature": case["webhook_signature"],
                           "X-Narvark-Signature": case["x_narvark_signature"]}
                webhooks.verify(case["body"].encode("utf-8"), headers, case["verify_secret"], now=case["now"])

    def test_should_refuse_every_tampered_vector(self):
        self.assertGreater(len(VECTORS["invalid"]), 10)
        for case in VECTORS["invalid"]:
            with self.subTest(case["name"]):
                with self.assertRaises(WebhookVerificationError):
                    webhooks.verify(case["body"].encode("utf-8"), case["headers"], case["secret"], now=case["now"])

    def test_should_accept_when_one_of_several_receiver_secrets_matches(self):
        case = VECTORS["valid"][2]
        headers = {"webhook-id": case["id"], "webhook-timestamp": str(case["timestamp"]),
                   "webhook-signature": case["webhook_signature"]}
        other = VECTORS["invalid"][3]["secret"]

        webhooks.verify(case["body"], headers, [other, case["verify_secret"]], now=case["now"])

    def test_should_parse_the_event_when_constructing_it(self):
        case = VECTORS["valid"][2]
        headers = {"webhook-id": case["id"], "webhook-timestamp": str(case["timestamp"]),
                   "webhook-signature": case["webhook_signature"]}

        event = webhooks.construct_event(case["body"].encode("utf-8"), headers, case["verify_secret"],
                                         now=case["now"])

        self.assertEqual(event["type"], "otp.delivered")

    def test_should_refuse_a_secret_without_the_prefix(self):
        with self.assertRaises(ValueError):
            webhooks.verify(b"{}", {}, "Jefe")


if __name__ == "__main__":
    unittest.main()
