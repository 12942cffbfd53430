import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import {
    APIConnectionError, AuthenticationError, ConflictError, IdempotencyError, InvalidRequestError, Narvark,
    NotFoundError, PermissionDeniedError, RateLimitError, ServerError,
} from "../dist/esm/index.js";
import { fakeServer } from "./fake-server.mjs";

const KEY = "nvk_test_sk_abcdefghjkmnpqrstvwxyz0123456789ab";
const OTP = { id: "otp_jt97kb6cq643dzvmxxqkfbf5kz", object: "otp", status: "pending" };

describe("Narvark client", () => {
    let server;
    let sleeps;
    let client;

    beforeEach(async () => {
        server = await fakeServer();
        sleeps = [];
        client = new Narvark({ apiKey: KEY, baseUrl: server.url, timeout: 5000, maxRetries: 2,
            sleep: async ms => { sleeps.push(ms); } });
    });

    afterEach(() => server.close());

    it("should post the send body with the key and an idempotency key when sending", async () => {
        server.answer(200, OTP);

        const otp = await client.send({ to: "+447911123456", channel: "sms", metadata: { order: "42" } });

        assert.equal(otp.id, OTP.id);
        const [request] = server.requests;
        assert.equal(request.method, "POST");
        assert.equal(request.path, "/v1/otp/send");
        assert.equal(request.headers.authorization, `Bearer ${KEY}`);
        assert.equal(request.headers["content-type"], "application/json");
        assert.ok(request.headers["idempotency-key"]);
        assert.deepEqual(JSON.parse(request.body), { to: "+447911123456", channel: "sms", metadata: { order: "42" } });
    });

    it("should reuse one idempotency key when a send is retried after a dropped connection and a 500", async () => {
        server.drop();
        server.answer(500, { error: { code: "internal_error", message: "oops" } });
        server.answer(200, OTP);

        await client.send({ to: "+447911123456", channel: "sms" });

        assert.equal(server.requests.length, 3);
        assert.equal(new Set(server.requests.map(r => r.headers["idempotency-key"])).size, 1);
        assert.equal(sleeps.length, 2);
    });

    it("should use a new idempotency key when sending another OTP", async () => {
        server.answer(200, OTP);
        server.answer(200, OTP);

        await client.send({ to: "+447911123456", channel: "sms" });
        await client.send({ to: "+447911123456", channel: "sms" });

        assert.notEqual(server.requests[0].headers["idempotency-key"], server.requests[1].headers["idempotency-key"]);
    });

    it("should retry with the same key when the first send is still in flight", async () => {
        server.answer(409, { error: { code: "idempotency_in_flight", message: "running" } }, { "Retry-After": "1" });
        server.answer(200, OTP);

        assert.equal((await client.send({ to: "+447911123456", channel: "sms" })).id, OTP.id);

        const [first, second] = server.requests;
        assert.equal(first.headers["idempotency-key"], second.headers["idempotency-key"]);
        assert.deepEqual(sleeps, [1000]);
    });

    it("should honour Retry-After when rate limited", async () => {
        server.answer(429, { error: { code: "rate_limited", message: "slow down" } }, { "Retry-After": "7" });
        server.answer(200, OTP);

        await client.get(OTP.id);

        assert.deepEqual(sleeps, [7000]);
    });

    it("should back off with jitter within bounds when the server keeps failing", async () => {
        for (let i = 0; i < 3; i++) {
            server.answer(503, { error: { code: "internal_error", message: "down" } });
        }

        await assert.rejects(client.get(OTP.id), e => e instanceof ServerError && e.status === 503);

        assert.equal(server.requests.length, 3);
        assert.ok(sleeps[0] >= 250 && sleeps[0] <= 500 && sleeps[1] >= 500 && sleeps[1] <= 1000, String(sleeps));
    });

    it("should throw a typed error with code, param, status and request id when the API refuses", async () => {
        server.answer(400, { error: { code: "invalid_request", message: "ttl must be between 60 and 86400",
            param: "ttl" } }, { "Request-Id": "req_123" });

        await assert.rejects(client.send({ to: "+447911123456", channel: "sms", ttl: 5 }), e => {
            assert.ok(e instanceof InvalidRequestError);
            assert.equal(e.code, "invalid_request");
            assert.equal(e.param, "ttl");
            assert.equal(e.status, 400);
            assert.equal(e.requestId, "req_123");
            assert.equal(e.message, "ttl must be between 60 and 86400");
            return true;
        });
        assert.equal(server.requests.length, 1);
    });

    it("should map statuses to error classes when the API refuses", async () => {
        for (const [status, Class] of [[401, AuthenticationError], [403, PermissionDeniedError], [404, NotFoundError],
            [409, ConflictError], [422, IdempotencyError]]) {
            server.answer(status, { error: { code: "x", message: "m" } });
            await assert.rejects(client.cancel(OTP.id), Class);
        }
    });

    it("should never show the key when an error message echoes it", async () => {
        server.answer(401, { error: { code: "unauthorized", message: `bad key ${KEY}` } });

        await assert.rejects(client.get(OTP.id), e => {
            assert.ok(!String(e).includes(KEY) && !e.stack.includes(KEY));
            return true;
        });
        assert.ok(!JSON.stringify(client).includes(KEY));
        assert.ok(!Object.values(client).some(v => String(v).includes(KEY)));
    });

    it("should not retry a verify when the connection drops", async () => {
        server.drop();

        await assert.rejects(client.verify(OTP.id, "492 817"), e => e instanceof APIConnectionError
            && !e.message.includes(KEY));

        assert.equal(server.requests.length, 1);
    });

    it("should send the code as typed when verifying", async () => {
        server.answer(200, { id: OTP.id, valid: true });

        assert.equal((await client.verify(OTP.id, "492 817")).valid, true);

        assert.deepEqual(JSON.parse(server.requests[0].body), { id: OTP.id, code: "492 817" });
    });

    it("should send the message fields when sending with a brand, locale, autofill and transaction", async () => {
        server.answer(200, { ...OTP, brand: "Acme Shop", locale: "pt-BR",
            transaction: { amount: "42.00", currency: "EUR", payee: "ACME Shop" } });
        const transaction = { amount: "42.00", currency: "EUR", payee: "ACME Shop" };

        const otp = await client.send({ to: "+5511987654321", channel: "sms", brand: "Acme Shop", locale: "pt",
            app_hash: "FA+9qCX9VSu", transaction });

        assert.equal(otp.locale, "pt-BR");
        assert.equal(otp.brand, "Acme Shop");
        assert.deepEqual(otp.transaction, transaction);
        assert.deepEqual(JSON.parse(server.requests[0].body), { to: "+5511987654321", channel: "sms",
            brand: "Acme Shop", locale: "pt", app_hash: "FA+9qCX9VSu", transaction });
    });

    it("should send the transaction and read the reason when verifying a bound code", async () => {
        server.answer(200, { id: OTP.id, valid: false, reason: "transaction_mismatch", attempts_remaining: 4 });
        const transaction = { amount: "42.01", currency: "EUR", payee: "ACME Shop" };

        const verification = await client.verify(OTP.id, "492817", { transaction });

        assert.equal(verification.valid, false);
        assert.equal(verification.reason, "transaction_mismatch");
        assert.deepEqual(JSON.parse(server.requests[0].body), { id: OTP.id, code: "492817", transaction });
    });

    it("should throw a connection error when the retries run out", async () => {
        server.drop();
        server.drop();
        server.drop();

        await assert.rejects(client.get(OTP.id), APIConnectionError);

        assert.equal(server.requests.length, 3);
    });

    it("should time out and retry when the server does not answer in time", async () => {
        server.hang();
        server.answer(200, OTP);
        const impatient = new Narvark({ apiKey: KEY, baseUrl: server.url, timeout: 200, maxRetries: 1,
            sleep: async () => {} });

        assert.equal((await impatient.get(OTP.id)).id, OTP.id);

        assert.equal(server.requests.length, 2);
    });

    it("should follow cursors when listing", async () => {
        server.answer(200, { object: "list", has_more: true, data: [{ id: "otp_a" }, { id: "otp_b" }] });
        server.answer(200, { object: "list", has_more: false, data: [{ id: "otp_c" }] });

        const ids = [];
        for await (const otp of client.list({ status: "verified", metadata: { order: "42" }, limit: 2 })) {
            ids.push(otp.id);
        }

        assert.deepEqual(ids, ["otp_a", "otp_b", "otp_c"]);
        assert.equal(server.requests[0].path, "/v1/otp?status=verified&limit=2&metadata%5Border%5D=42");
        assert.ok(server.requests[1].path.endsWith("&starting_after=otp_b"));
    });

    it("should post resend and cancel to their routes", async () => {
        server.answer(200, OTP);
        server.answer(200, { ...OTP, status: "cancelled" });

        await client.resend(OTP.id, { code: "new" });
        assert.equal((await client.cancel(OTP.id)).status, "cancelled");

        const [resend, cancel] = server.requests;
        assert.equal(resend.path, `/v1/otp/${OTP.id}/resend`);
        assert.deepEqual(JSON.parse(resend.body), { code: "new" });
        assert.ok(resend.headers["idempotency-key"]);
        assert.equal(cancel.path, `/v1/otp/${OTP.id}/cancel`);
    });

    it("should not retry when a resend comes too soon", async () => {
        server.answer(429, { error: { code: "resend_too_soon", message: "wait" } }, { "Retry-After": "30" });

        await assert.rejects(client.resend(OTP.id), e => e instanceof RateLimitError && e.retryAfter === 30);

        assert.equal(server.requests.length, 1);
    });

    it("should not retry when the destination is rate limited", async () => {
        server.answer(429, { error: { code: "destination_rate_limited", message: "too many" } },
            { "Retry-After": "5" });

        await assert.rejects(client.send({ to: "+447911123456", channel: "sms" }), RateLimitError);

        assert.equal(server.requests.length, 1);
    });

    it("should not follow a redirect when the server answers one", async () => {
        server.answer(302, {}, { Location: "http://127.0.0.1:9/steal" });

        await assert.rejects(client.get(OTP.id), e => e.status === 302);

        assert.equal(server.requests.length, 1);
    });

    it("should cover the webhook routes", async () => {
        server.answer(201, { id: "we_1", secret: "whsec_x" });
        server.answer(200, { object: "list", data: [{ id: "we_1" }] });
        server.answer(200, { id: "we_1", secret: "whsec_y" });
        server.answer(200, { object: "list", has_more: false, data: [{ id: "whd_1" }] });
        server.answer(200, { id: "whd_1", status: "pending" });
        server.answer(200, { id: "we_1", deleted: true });

        assert.equal((await client.createWebhookEndpoint({ url: "https://example.com/h", events: ["otp.verified"] }))
            .id, "we_1");
        assert.deepEqual((await client.listWebhookEndpoints()).map(e => e.id), ["we_1"]);
        assert.equal((await client.rotateWebhookSecret("we_1")).secret, "whsec_y");
        const deliveries = [];
        for await (const d of client.listWebhookDeliveries({ endpoint_id: "we_1" })) {
            deliveries.push(d.id);
        }
        assert.deepEqual(deliveries, ["whd_1"]);
        await client.redeliverWebhook("whd_1");
        assert.equal((await client.deleteWebhookEndpoint("we_1")).deleted, true);

        assert.deepEqual(server.requests.map(r => `${r.method} ${r.path}`), [
            "POST /v1/webhook_endpoints", "GET /v1/webhook_endpoints", "POST /v1/webhook_endpoints/we_1/rotate_secret",
            "GET /v1/webhook_deliveries?endpoint_id=we_1", "POST /v1/webhook_deliveries/whd_1/redeliver",
            "DELETE /v1/webhook_endpoints/we_1"]);
    });

    it("should escape an id when it holds a path separator", async () => {
        server.answer(404, { error: { code: "not_found", message: "no such OTP" } });

        await assert.rejects(client.get("../admin"), NotFoundError);

        assert.equal(server.requests[0].path, "/v1/otp/..%2Fadmin");
    });
});
