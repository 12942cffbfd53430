/**
 * Signed webhooks: the endpoint registry, the webhook projection (lifecycle event → outbox rows), the signer, the
 * SSRF guard and the sender that posts the outbox with retries. Reached only through otp-api messages.
 */
package com.narvark.otp.webhooks;
