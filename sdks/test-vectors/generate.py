#!/usr/bin/env python3
"""Writes webhook-signatures.json: the webhook signing cases every SDK and the gateway's signer test check.

Computed here with the standard library's hmac, independently of the Java signer; the gateway's WebhookSignerTest
then checks the Java signer produces the very same headers. Run it again only to add cases:
    python3 sdks/test-vectors/generate.py > sdks/test-vectors/webhook-signatures.json
"""
import base64
import hashlib
import hmac
import json

TOLERANCE = 300


def key(secret):
    return base64.b64decode(secret[len("whsec_"):])


def narvark(secrets, body):
    return ",".join(hmac.new(key(s), body.encode(), hashlib.sha256).hexdigest() for s in secrets)


def standard(secrets, msg_id, ts, body):
    signed = f"{msg_id}.{ts}.{body}".encode()
    return " ".join("v1," + base64.b64encode(hmac.new(key(s), signed, hashlib.sha256).digest()).decode()
                    for s in secrets)


JEFE = "whsec_" + base64.b64encode(b"Jefe").decode()
REFERENCE = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # the Standard Webhooks reference vector's secret
NARVARK = "whsec_" + base64.b64encode(bytes(range(1, 25))).decode()  # 24 bytes, like a real endpoint secret
NEXT = "whsec_" + base64.b64encode(bytes(range(101, 125))).decode()
OTHER = "whsec_" + base64.b64encode(b"not the endpoint's secret").decode()
EVENT = ('{"id":"evt_0k8w3d5m7q9s1v3x5z7b9d1f3h","object":"event","api_version":"2026-11-26",'
         '"type":"otp.delivered","created_at":"2026-11-26T10:15:30.466Z","livemode":false,'
         '"data":{"object":"otp","otp_id":"otp_jt97kb6cq643dzvmxxqkfbf5kz","status":"delivered","channel":"sms",'
         '"to":"+447911123456","metadata":{"order":"42","name":"Zoë ✓"},"attempt":0}}')
EVENT_ID = "evt_0k8w3d5m7q9s1v3x5z7b9d1f3h"
TS = 1795688130


def valid(name, secrets, msg_id, ts, body, verify_with, now=None):
    return {"name": name, "secrets": secrets, "verify_secret": verify_with, "id": msg_id, "timestamp": ts,
            "now": ts if now is None else now, "body": body,
            "x_narvark_signature": narvark(secrets, body),
            "webhook_signature": standard(secrets, msg_id, ts, body)}


def headers(secrets, msg_id, ts, body, **changes):
    h = {"webhook-id": msg_id, "webhook-timestamp": str(ts), "webhook-signature": standard(secrets, msg_id, ts, body),
         "x-narvark-signature": narvark(secrets, body)}
    h.update({k.replace("_", "-"): v for k, v in changes.items()})
    return {k: v for k, v in h.items() if v is not None}


def invalid(name, secret, now, body, hdrs):
    return {"name": name, "secret": secret, "now": now, "body": body, "headers": hdrs}


cases_valid = [
    valid("standard webhooks reference vector", [REFERENCE], "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
          '{"test": 2432232314}', REFERENCE),
    valid("rfc 4231 case 2 key", [JEFE], "evt_1", 1614265330, "what do ya want for nothing?", JEFE),
    valid("narvark event with non-ascii metadata", [NARVARK], EVENT_ID, TS, EVENT, NARVARK),
    valid("body with newline and spaces kept byte for byte", [NARVARK], EVENT_ID, TS, '{ "a" : 1 }\n', NARVARK),
    valid("rotation: two secrets, verified with the new one", [NEXT, NARVARK], EVENT_ID, TS, EVENT, NEXT),
    valid("rotation: two secrets, verified with the previous one", [NEXT, NARVARK], EVENT_ID, TS, EVENT, NARVARK),
    valid("timestamp 300 s old is within the tolerance", [NARVARK], EVENT_ID, TS, EVENT, NARVARK, now=TS + 300),
    valid("timestamp 300 s ahead is within the tolerance", [NARVARK], EVENT_ID, TS, EVENT, NARVARK, now=TS - 300),
]
good = [NARVARK]
tampered_body = EVENT.replace('"status":"delivered"', '"status":"verified"')
cases_invalid = [
    invalid("tampered body", NARVARK, TS, tampered_body, headers(good, EVENT_ID, TS, EVENT)),
    invalid("one byte appended to the body", NARVARK, TS, EVENT + " ", headers(good, EVENT_ID, TS, EVENT)),
    invalid("body re-encoded (non-ascii escaped)", NARVARK, TS, EVENT.replace("ë", "\\u00eb"),
            headers(good, EVENT_ID, TS, EVENT)),
    invalid("wrong secret", OTHER, TS, EVENT, headers(good, EVENT_ID, TS, EVENT)),
    invalid("tampered webhook-id", NARVARK, TS, EVENT,
            headers(good, EVENT_ID, TS, EVENT, webhook_id="evt_0k8w3d5m7q9s1v3x5z7b9d1f3j")),
    invalid("tampered webhook-timestamp", NARVARK, TS + 1, EVENT,
            headers(good, EVENT_ID, TS, EVENT, webhook_timestamp=str(TS + 1))),
    invalid("timestamp 301 s old (replay)", NARVARK, TS + 301, EVENT, headers(good, EVENT_ID, TS, EVENT)),
    invalid("timestamp 301 s ahead", NARVARK, TS - 301, EVENT, headers(good, EVENT_ID, TS, EVENT)),
    invalid("timestamp not a number", NARVARK, TS, EVENT,
            headers(good, EVENT_ID, TS, EVENT, webhook_timestamp="17956881e3")),
    invalid("missing webhook-signature", NARVARK, TS, EVENT,
            headers(good, EVENT_ID, TS, EVENT, webhook_signature=None)),
    invalid("missing webhook-id", NARVARK, TS, EVENT, headers(good, EVENT_ID, TS, EVENT, webhook_id=None)),
    invalid("missing webhook-timestamp", NARVARK, TS, EVENT,
            headers(good, EVENT_ID, TS, EVENT, webhook_timestamp=None)),
    invalid("signature of another version", NARVARK, TS, EVENT,
            headers(good, EVENT_ID, TS, EVENT,
                    webhook_signature=standard(good, EVENT_ID, TS, EVENT).replace("v1,", "v2,"))),
    invalid("one character of the signature flipped", NARVARK, TS, EVENT,
            headers(good, EVENT_ID, TS, EVENT, webhook_signature=(lambda s: s[:-3] + ("A" if s[-3] != "A" else "B")
                                                                  + s[-2:])(standard(good, EVENT_ID, TS, EVENT)))),
    invalid("valid standard signature but tampered X-Narvark-Signature", NARVARK, TS, EVENT,
            headers(good, EVENT_ID, TS, EVENT, x_narvark_signature="0" * 64)),
    invalid("rotation: neither signing secret is the receiver's", OTHER, TS, EVENT,
            headers([NEXT, NARVARK], EVENT_ID, TS, EVENT)),
]

print(json.dumps({
    "description": "Narvark webhook signing cases. body is the raw UTF-8 body; secrets sign, verify_secret checks. "
                   "valid: the signer must produce exactly x_narvark_signature and webhook_signature, and a "
                   "verifier whose clock reads now must accept them. invalid: a verifier with secret and clock "
                   "now must refuse body with headers.",
    "tolerance_seconds": TOLERANCE,
    "valid": cases_valid,
    "invalid": cases_invalid,
}, indent=2, ensure_ascii=False))
