"""The Narvark OTP API client: send and verify one-time passwords, and verify Narvark's webhooks."""
__version__ = "0.1.0"

from . import failures, webhooks  # noqa: E402
from ._client import DEFAULT_BASE_URL, Narvark  # noqa: E402
from .failures import FAILURE_REASONS, is_retryable_failure  # noqa: E402
from .errors import (APIConnectionError, APIError, AuthenticationError, ConflictError,  # noqa: E402
                     IdempotencyError, InvalidRequestError, NarvarkError, NotFoundError, PermissionDeniedError,
                     RateLimitError, ServerError, WebhookVerificationError)

__all__ = ["Narvark", "DEFAULT_BASE_URL", "webhooks", "failures", "FAILURE_REASONS", "is_retryable_failure", "NarvarkError", "APIError", "APIConnectionError",
           "AuthenticationError", "ConflictError", "IdempotencyError", "InvalidRequestError", "NotFoundError",
           "PermissionDeniedError", "RateLimitError", "ServerError", "WebhookVerificationError"]
