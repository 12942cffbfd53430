/**
 * Webhook endpoints, the webhook outbox projection, the signer and the sender. The module is wired into the gateway
 * already so that its dependency rules are enforced from the start; its content arrives with the webhooks work.
 */
package com.narvark.otp.webhooks;
