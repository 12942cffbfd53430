"""Typed errors. Every API error carries the API's code, message and param, the HTTP status and the request id."""
from typing import Optional


class NarvarkError(Exception):
    """Base class of every error the SDK raises."""

    def __init__(self, message: str, *, code: Optional[str] = None, param: Optional[str] = None,
                 status: Optional[int] = None, request_id: Optional[str] = None,
                 retry_after: Optional[float] = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.param = param
        self.status = status
        self.request_id = request_id
        self.retry_after = retry_after

    def __str__(self) -> str:
        parts = [self.message]
        if self.code:
            parts.append(f"code={self.code}")
        if self.param:
            parts.append(f"param={self.param}")
        if self.status is not None:
            parts.append(f"status={self.status}")
        if self.request_id:
            parts.append(f"request_id={self.request_id}")
        return " ".join(parts)


class APIError(NarvarkError):
    """The API answered with an error status."""


class InvalidRequestError(APIError):
    """400, 405, 413, 415: the request was malformed; ``param`` names the field at fault."""


class AuthenticationError(APIError):
    """401: no valid API key."""


class PermissionDeniedError(APIError):
    """403, e.g. ``country_not_allowed``."""


class NotFoundError(APIError):
    """404: unknown, foreign or other-environment object."""


class ConflictError(APIError):
    """409, e.g. ``otp_not_active``, ``resend_limit_reached``, ``idempotency_in_flight``."""


class IdempotencyError(APIError):
    """422 ``idempotency_mismatch``: the Idempotency-Key was used with another request."""


class RateLimitError(APIError):
    """429: ``rate_limited``, ``destination_rate_limited`` or ``resend_too_soon``; see ``retry_after``."""


class ServerError(APIError):
    """5xx: a failure on Narvark's side."""


class APIConnectionError(NarvarkError):
    """No answer: connection refused or dropped, or the timeout ran out."""


class WebhookVerificationError(NarvarkError):
    """A webhook whose signature, timestamp or headers do not check out."""


_BY_STATUS = {400: InvalidRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError,
              405: InvalidRequestError, 409: ConflictError, 413: InvalidRequestError, 415: InvalidRequestError,
              422: IdempotencyError, 429: RateLimitError}


def error_class(status: int) -> type:
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, APIError)
