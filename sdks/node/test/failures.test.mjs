import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { FAILURE_REASONS, Narvark, isRetryableFailure } from "../dist/esm/index.js";
import { fakeServer } from "./fake-server.mjs";

const KEY = "nvk_test_sk_abcdefghjkmnpqrstvwxyz0123456789ab";
const FAILED = {
    id: "otp_9zq4kb6cq643dzvmxxqkfbf5kz", object: "otp", status: "failed", failure_reason: "invalid_destination",
    carrier_error: "smpp:0x0000000B", parts: 0, delivery_attempts: [
        { attempt: 0, channel: "whatsapp", status: "failed", parts: 0, encoding: null,
            failure_reason: "unreachable", carrier_error: "whatsapp:131026" },
        { attempt: 1, channel: "sms", status: "failed", parts: 0, encoding: null,
            failure_reason: "invalid_destination", carrier_error: "smpp:0x0000000B" },
    ],
};

describe("Failure reasons", () => {
    let server;
    let client;

    beforeEach(async () => {
        server = await fakeServer();
        client = new Narvark({ apiKey: KEY, baseUrl: server.url, timeout: 5000, maxRetries: 0 });
    });

    afterEach(() => server.close());

    it("should expose the failure reason, carrier error and attempts when an OTP failed", async () => {
        server.answer(200, FAILED);

        const otp = await client.get(FAILED.id);

        assert.equal(otp.failure_reason, "invalid_destination");
        assert.equal(otp.carrier_error, "smpp:0x0000000B");
        assert.equal(otp.parts, 0);
        assert.deepEqual(otp.delivery_attempts.map(a => `${a.channel} ${a.failure_reason}`),
            ["whatsapp unreachable", "sms invalid_destination"]);
    });

    it("should expose the parts and the alphabet when a long SMS was delivered", async () => {
        server.answer(200, { id: FAILED.id, object: "otp", status: "delivered", failure_reason: null,
            carrier_error: null, parts: 2, delivery_attempts: [{ attempt: 0, channel: "sms", status: "delivered",
                parts: 2, encoding: "ucs2", failure_reason: null, carrier_error: null }] });

        const otp = await client.get(FAILED.id);

        assert.equal(otp.parts, 2);
        assert.equal(otp.delivery_attempts[0].encoding, "ucs2");
    });

    it("should list the documented reasons and tell the retryable ones when asked", () => {
        assert.equal(FAILURE_REASONS.length, 9);
        assert.ok(FAILURE_REASONS.includes("country_not_supported"));
        assert.equal(isRetryableFailure("rate_limited"), true);
        assert.equal(isRetryableFailure("invalid_destination"), false);
        assert.equal(isRetryableFailure("a_reason_from_the_future"), false);
        assert.equal(isRetryableFailure(null), false);
    });
});
