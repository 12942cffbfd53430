// The conformance scenario with the Node.js SDK (run by run.py, which sets the environment; needs npm run build).
import { randomUUID } from "node:crypto";
import {
    APIError, constructEvent, FAILURE_REASONS, isRetryableFailure, Narvark, NotFoundError, verifyWebhook,
    WebhookVerificationError,
} from "../node/dist/esm/index.js";

const SDK = process.env.NARVARK_SDK;
const RECEIVER = process.env.NARVARK_RECEIVER_URL;

function check(condition, step, detail = "") {
    if (!condition) {
        console.log(`[${SDK}] FAIL ${step} ${JSON.stringify(detail)}`);
        process.exit(1);
    }
    console.log(`[${SDK}] ok   ${step}`);
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const client = new Narvark({ apiKey: process.env.NARVARK_API_KEY, baseUrl: process.env.NARVARK_BASE_URL,
    maxRetries: 3 });
const run = randomUUID().replaceAll("-", "");
const hookPath = `/hooks/${SDK}-${run}`;

const endpoint = await client.createWebhookEndpoint({ url: RECEIVER + hookPath, events: ["otp.verified"] });
check(endpoint.secret.startsWith("whsec_"), "create webhook endpoint");

const otp = await client.send({ to: "+15005550001", channel: "sms", metadata: { conformance: SDK, run } });
check(otp.status === "pending" && otp.id.startsWith("otp_"), "send (retried after the dropped connection)");

const wrong = await client.verify(otp.id, "000 000");
check(!wrong.valid && wrong.attempts_remaining === 4, "verify with a wrong code", wrong);

const right = await client.verify(otp.id, "123 456");
check(right.valid && right.status === "verified", "verify with the right code", right);

let status = await client.get(otp.id);
for (let i = 0; i < 100 && status.status !== "verified"; i++) { // the status read model follows within moments
    await sleep(100);
    status = await client.get(otp.id);
}
check(status.status === "verified" && status.attempts_used === 2, "status", status);
check(status.parts === 1 && status.delivery_attempts[0]?.encoding === "gsm7" && status.failure_reason === null,
    "status: one GSM-7 part", status);

let blocked = await client.send({ to: "+15005550012", channel: "sms" });
for (let i = 0; i < 100 && blocked.status !== "failed"; i++) {
    await new Promise(resolve => setTimeout(resolve, 100));
    blocked = await client.get(blocked.id);
}
check(blocked.failure_reason === "blocked" && blocked.carrier_error === "simulator:blocked"
    && blocked.delivery_attempts[0]?.failure_reason === "blocked" && FAILURE_REASONS.includes(blocked.failure_reason)
    && !isRetryableFailure(blocked.failure_reason), "status: failure reason and carrier error", blocked);

const other = await client.send({ to: "+15005550001", channel: "sms", metadata: { conformance: SDK } });
try {
    await client.resend(other.id);
    check(false, "a resend within the cooldown is refused");
} catch (e) {
    check(e instanceof APIError && e.code === "resend_too_soon" && e.status === 429,
        "a resend within the cooldown is refused (not retried)", String(e));
}
const cancelled = await client.cancel(other.id);
check(cancelled.status === "cancelled" && cancelled.cancelled_at, "cancel", cancelled);
try {
    await client.resend(other.id, { code: "new" });
    check(false, "a resend of a cancelled OTP is refused");
} catch (e) {
    check(e instanceof APIError && e.code === "otp_not_active" && e.status === 409,
        "a resend of a cancelled OTP is refused", String(e));
}

try {
    await client.get("otp_" + "0".repeat(26));
    check(false, "a typed error for an unknown OTP");
} catch (e) {
    check(e instanceof NotFoundError && e.code === "not_found" && e.status === 404 && e.requestId?.startsWith("req_")
        && !String(e).includes(process.env.NARVARK_API_KEY), "a typed error for an unknown OTP", String(e));
}

let listed = [];
for (let i = 0; i < 100; i++) { // the search read model follows the event store within moments
    listed = [];
    for await (const found of client.list({ metadata: { run }, limit: 1 })) {
        listed.push(found);
    }
    if (listed.length > 0 && listed.every(o => o.status === "verified")) {
        break;
    }
    await sleep(300);
}
check(listed.length === 1 && listed[0].id === otp.id, "list: exactly one OTP for this run", listed);

let delivery;
for (let i = 0; i < 300 && !delivery; i++) {
    const received = await (await fetch(`${RECEIVER}/received?path=${encodeURIComponent(hookPath)}`)).json();
    delivery = received.find(r => JSON.parse(Buffer.from(r.body_base64, "base64")).type === "otp.verified");
    if (!delivery) {
        await sleep(300);
    }
}
check(delivery !== undefined, "webhook otp.verified received");
const body = Buffer.from(delivery.body_base64, "base64");
const event = constructEvent(body, delivery.headers, endpoint.secret);
check(event.data.otp_id === otp.id, "webhook verified with the SDK's helper");
const tampered = Buffer.from(body.toString("utf8").replace('"verified"', '"expired"'), "utf8");
try {
    verifyWebhook(tampered, delivery.headers, endpoint.secret);
    check(false, "tampered webhook body refused");
} catch (e) {
    check(e instanceof WebhookVerificationError, "tampered webhook body refused", String(e));
}

const deliveries = [];
for await (const d of client.listWebhookDeliveries({ endpoint_id: endpoint.id, limit: 1 })) {
    deliveries.push(d);
}
check(deliveries.some(d => d.event_id === event.id), "webhook deliveries listed", deliveries);
check((await client.redeliverWebhook(deliveries[0].id)).id === deliveries[0].id, "webhook redelivered");
const rotated = await client.rotateWebhookSecret(endpoint.id);
check(rotated.secret.startsWith("whsec_") && rotated.secret !== endpoint.secret, "webhook secret rotated");
const endpoints = await client.listWebhookEndpoints();
check(endpoints.length === 1 && endpoints[0].id === endpoint.id, "webhook endpoints listed");
check((await client.deleteWebhookEndpoint(endpoint.id)).deleted === true, "webhook endpoint deleted");

const payment = { amount: "42", currency: "EUR", payee: "ACME Shop" };
const bound = await client.send({ to: "+15005550001", channel: "sms", brand: "Acme Pay", locale: "pt",
    transaction: payment });
check(bound.locale === "pt-BR" && bound.brand === "Acme Pay" && bound.transaction?.amount === "42.00",
    "send with brand, locale and transaction", bound);
const mismatch = await client.verify(bound.id, "123456");
check(!mismatch.valid && mismatch.reason === "transaction_mismatch", "verify without the transaction", mismatch);
const boundOk = await client.verify(bound.id, "123456", { transaction: { ...payment, amount: "42.00" } });
check(boundOk.valid && boundOk.reason === null, "verify with the same transaction", boundOk);
