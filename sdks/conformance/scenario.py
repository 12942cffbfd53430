"""The conformance scenario with the Python SDK (run by run.py, which sets the environment)."""
import base64
import json
import os
import sys
import time
import urllib.parse
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))

from narvark import (APIError, Narvark, NotFoundError, WebhookVerificationError, failures,  # noqa: E402
                     is_retryable_failure, webhooks)

SDK, RECEIVER = os.environ["NARVARK_SDK"], os.environ["NARVARK_RECEIVER_URL"]

def check(condition, step, detail=""):
    if not condition:
        print(f"[{SDK}] FAIL {step} {detail}", flush=True)
        sys.exit(1)
    print(f"[{SDK}] ok   {step}", flush=True)

client = Narvark(os.environ["NARVARK_API_KEY"], base_url=os.environ["NARVARK_BASE_URL"], max_retries=3)
run = uuid.uuid4().hex
hook_path = f"/hooks/{SDK}-{run}"

endpoint = client.create_webhook_endpoint(RECEIVER + hook_path, events=["otp.verified"])
check(endpoint["secret"].startswith("whsec_"), "create webhook endpoint")

otp = client.send(to="+15005550001", channel="sms", metadata={"conformance": SDK, "run": run})
check(otp["status"] == "pending" and otp["id"].startswith("otp_"), "send (retried after the dropped connection)")

wrong = client.verify(otp["id"], "000 000")
check(not wrong["valid"] and wrong["attempts_remaining"] == 4, "verify with a wrong code", wrong)

right = client.verify(otp["id"], "123 456")
check(right["valid"] and right["status"] == "verified", "verify with the right code", right)

status = client.get(otp["id"])
for _ in range(100):  # the status read model follows the event store within moments
    if status["status"] == "verified":
        break
    time.sleep(0.1)
    status = client.get(otp["id"])
check(status["status"] == "verified" and status["attempts_used"] == 2, "status", status)
attempt = (status.get("delivery_attempts") or [{}])[0]
check(status["parts"] == 1 and attempt.get("encoding") == "gsm7" and status["failure_reason"] is None,
      "status: one GSM-7 part", status)

blocked = client.send(to="+15005550012", channel="sms")
for _ in range(100):
    blocked = client.get(blocked["id"])
    if blocked["status"] == "failed":
        break
    time.sleep(0.1)
check(blocked["failure_reason"] == failures.BLOCKED and blocked["carrier_error"] == "simulator:blocked"
      and blocked["delivery_attempts"][0]["failure_reason"] == "blocked"
      and not is_retryable_failure(blocked["failure_reason"]), "status: failure reason and carrier error", blocked)

other = client.send(to="+15005550001", channel="sms", metadata={"conformance": SDK})
try:
    client.resend(other["id"])
    check(False, "a resend within the cooldown is refused")
except APIError as e:
    check(e.code == "resend_too_soon" and e.status == 429 and (e.retry_after or 0) >= 1,
          "a resend within the cooldown is refused (not retried)", str(e))
cancelled = client.cancel(other["id"])
check(cancelled["status"] == "cancelled" and cancelled["cancelled_at"], "cancel", cancelled)
try:
    client.resend(other["id"], code="new")
    check(False, "a resend of a cancelled OTP is refused")
except APIError as e:
    check(e.code == "otp_not_active" and e.status == 409, "a resend of a cancelled OTP is refused", str(e))

try:
    client.get("otp_" + "0" * 26)
    check(False, "a typed error for an unknown OTP")
except NotFoundError as e:
    check(e.code == "not_found" and e.status == 404 and (e.request_id or "").startswith("req_")
          and os.environ["NARVARK_API_KEY"] not in str(e), "a typed error for an unknown OTP", str(e))

listed = []
for _ in range(100):  # the search read model follows the event store within moments
    listed = list(client.list(metadata={"run": run}, limit=1))
    if listed and all(o["status"] == "verified" for o in listed):
        break
    time.sleep(0.3)
check(len(listed) == 1 and listed[0]["id"] == otp["id"], "list: exactly one OTP for this run", listed)

delivery = None
for _ in range(300):
    query = urllib.parse.urlencode({"path": hook_path})
    with urllib.request.urlopen(f"{RECEIVER}/received?{query}", timeout=10) as response:
        received = json.loads(response.read())
    delivery = next((r for r in received if json.loads(base64.b64decode(r["body_base64"]))["type"] == "otp.verified"),
                    None)
    if delivery:
        break
    time.sleep(0.3)
check(delivery is not None, "webhook otp.verified received")
body = base64.b64decode(delivery["body_base64"])
event = webhooks.construct_event(body, delivery["headers"], endpoint["secret"])
check(event["data"]["otp_id"] == otp["id"], "webhook verified with the SDK's helper")
try:
    webhooks.verify(body.replace(b'"verified"', b'"expired"', 1), delivery["headers"], endpoint["secret"])
    check(False, "tampered webhook body refused")
except WebhookVerificationError:
    check(True, "tampered webhook body refused")

deliveries = list(client.list_webhook_deliveries(endpoint_id=endpoint["id"], limit=1))
check(any(d["event_id"] == event["id"] for d in deliveries), "webhook deliveries listed", deliveries)
check(client.redeliver_webhook(deliveries[0]["id"])["id"] == deliveries[0]["id"], "webhook redelivered")
rotated = client.rotate_webhook_secret(endpoint["id"])
check(rotated["secret"].startswith("whsec_") and rotated["secret"] != endpoint["secret"], "webhook secret rotated")
check([e["id"] for e in client.list_webhook_endpoints()] == [endpoint["id"]], "webhook endpoints listed")
check(client.delete_webhook_endpoint(endpoint["id"])["deleted"], "webhook endpoint deleted")

payment = {"amount": "42", "currency": "EUR", "payee": "ACME Shop"}
bound = client.send(to="+15005550001", channel="sms", brand="Acme Pay", locale="pt", transaction=payment)
check(bound["locale"] == "pt-BR" and bound["brand"] == "Acme Pay" and bound["transaction"]["amount"] == "42.00",
      "send with brand, locale and transaction", bound)
mismatch = client.verify(bound["id"], "123456")
check(not mismatch["valid"] and mismatch["reason"] == "transaction_mismatch", "verify without the transaction",
      mismatch)
bound_ok = client.verify(bound["id"], "123456", transaction=dict(payment, amount="42.00"))
check(bound_ok["valid"] and bound_ok["reason"] is None, "verify with the same transaction", bound_ok)
