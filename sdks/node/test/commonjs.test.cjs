// The CommonJS build loads with require() and exposes the same API.
const assert = require("node:assert/strict");
const { it } = require("node:test");
const narvark = require("../dist/cjs/index.js");

it("should load the CommonJS build with require", () => {
    assert.equal(typeof narvark.Narvark, "function");
    assert.equal(typeof narvark.verifyWebhook, "function");
    assert.ok(new narvark.RateLimitError("x", { status: 429 }) instanceof narvark.NarvarkError);
});
