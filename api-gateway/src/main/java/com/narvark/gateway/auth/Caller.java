package com.narvark.gateway.auth;

/** Who is calling: the account and environment of the API key that authenticated the request. */
public record Caller(String accountId, boolean livemode, String keyId) {
}
