/** Every error the SDK throws. API errors carry the API's code, message and param, the HTTP status and request id. */
export class NarvarkError extends Error {
    readonly code: string | null;
    readonly param: string | null;
    readonly status: number | null;
    readonly requestId: string | null;
    /** Seconds, from the Retry-After header (429, and 409 idempotency_in_flight). */
    readonly retryAfter: number | null;

    constructor(message: string, details: {
        code?: string | null; param?: string | null; status?: number | null; requestId?: string | null;
        retryAfter?: number | null;
    } = {}) {
        super(message);
        this.name = new.target.name;
        this.code = details.code ?? null;
        this.param = details.param ?? null;
        this.status = details.status ?? null;
        this.requestId = details.requestId ?? null;
        this.retryAfter = details.retryAfter ?? null;
    }
}

/** The API answered with an error status. */
export class APIError extends NarvarkError {}
/** 400, 405, 413, 415: a malformed request; `param` names the field at fault. */
export class InvalidRequestError extends APIError {}
/** 401: no valid API key. */
export class AuthenticationError extends APIError {}
/** 403, e.g. `country_not_allowed`. */
export class PermissionDeniedError extends APIError {}
/** 404: unknown, foreign or other-environment object. */
export class NotFoundError extends APIError {}
/** 409, e.g. `otp_not_active`, `resend_limit_reached`, `idempotency_in_flight`. */
export class ConflictError extends APIError {}
/** 422 `idempotency_mismatch`. */
export class IdempotencyError extends APIError {}
/** 429: `rate_limited`, `destination_rate_limited` or `resend_too_soon`; see `retryAfter`. */
export class RateLimitError extends APIError {}
/** 5xx: a failure on Narvark's side. */
export class ServerError extends APIError {}
/** No answer: connection refused or dropped, or the timeout ran out. */
export class APIConnectionError extends NarvarkError {}
/** A webhook whose signature, timestamp or headers do not check out. */
export class WebhookVerificationError extends NarvarkError {}

const BY_STATUS: Record<number, typeof APIError> = {
    400: InvalidRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError,
    405: InvalidRequestError, 409: ConflictError, 413: InvalidRequestError, 415: InvalidRequestError,
    422: IdempotencyError, 429: RateLimitError,
};

export function errorClass(status: number): typeof APIError {
    return status >= 500 ? ServerError : BY_STATUS[status] ?? APIError;
}
