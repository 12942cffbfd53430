import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { constructEvent, verifyWebhook, WebhookVerificationError } from "../dist/esm/index.js";

const VECTORS = JSON.parse(readFileSync(new URL("../../test-vectors/webhook-signatures.json", import.meta.url),
    "utf8"));

function headersOf(v) {
    return { "webhook-id": v.id, "webhook-timestamp": String(v.timestamp), "webhook-signature": v.webhook_signature,
        "X-Narvark-Signature": v.x_narvark_signature };
}

describe("webhook verification against the shared vectors", () => {
    for (const v of VECTORS.valid) {
        it(`should accept: ${v.name}`, () => {
            verifyWebhook(Buffer.from(v.body, "utf8"), headersOf(v), v.verify_secret, { now: v.now });
            verifyWebhook(Buffer.from(v.body, "utf8"), new Headers(headersOf(v)), v.verify_secret, { now: v.now });
        });
    }
    for (const v of VECTORS.invalid) {
        it(`should refuse: ${v.name}`, () => {
            assert.throws(() => verifyWebhook(Buffer.from(v.body, "utf8"), v.headers, v.secret, { now: v.now }),
                WebhookVerificationError);
        });
    }

    it("should accept when one of several receiver secrets matches", () => {
        const v = VECTORS.valid[2];
        verifyWebhook(v.body, headersOf(v), [VECTORS.invalid[3].secret, v.verify_secret], { now: v.now });
    });

    it("should parse the event when constructing it", () => {
        const v = VECTORS.valid[2];
        assert.equal(constructEvent(Buffer.from(v.body), headersOf(v), v.verify_secret, { now: v.now }).type,
            "otp.delivered");
    });

    it("should refuse a secret without the prefix", () => {
        assert.throws(() => verifyWebhook("{}", {}, "Jefe"), TypeError);
    });
});
