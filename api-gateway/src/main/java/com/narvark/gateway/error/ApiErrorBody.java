package com.narvark.gateway.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {"error": {"code", "message", "param"}}}: the one error shape of the API. */
public record ApiErrorBody(Error error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, String param) {
    }
}
