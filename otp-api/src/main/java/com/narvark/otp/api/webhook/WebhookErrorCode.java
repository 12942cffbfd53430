package com.narvark.otp.api.webhook;

/** Why a webhook command was refused, carried as the details of a command execution exception. */
public enum WebhookErrorCode {
    /** The URL resolves to a loopback, private, link-local, multicast, metadata or unresolvable address. */
    URL_REFUSED,
    /** The account already has the maximum number of endpoints in this environment. */
    TOO_MANY_ENDPOINTS,
    /** The delivery's endpoint is disabled: nothing can be redelivered to it. */
    ENDPOINT_DISABLED
}
