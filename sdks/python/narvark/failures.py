"""The failure reasons of the Narvark API: why a delivery attempt or an OTP failed, the same on every channel.

``otp["failure_reason"]`` (and each of ``otp["delivery_attempts"]``) holds one of them; ``carrier_error`` beside it is
the carrier's own code (``provider:code``). More reasons may be added: treat an unknown one like ``carrier_error``.
"""
from typing import Optional

INVALID_DESTINATION = "invalid_destination"
UNREACHABLE = "unreachable"
BLOCKED = "blocked"
COUNTRY_NOT_SUPPORTED = "country_not_supported"
CONTENT_REJECTED = "content_rejected"
RATE_LIMITED = "rate_limited"
CARRIER_TIMEOUT = "carrier_timeout"
CARRIER_UNAVAILABLE = "carrier_unavailable"
CARRIER_ERROR = "carrier_error"

FAILURE_REASONS = (INVALID_DESTINATION, UNREACHABLE, BLOCKED, COUNTRY_NOT_SUPPORTED, CONTENT_REJECTED, RATE_LIMITED,
                   CARRIER_TIMEOUT, CARRIER_UNAVAILABLE, CARRIER_ERROR)

# Where the same destination may well work a little later; the others need the user or another channel.
_RETRYABLE = frozenset((RATE_LIMITED, CARRIER_TIMEOUT, CARRIER_UNAVAILABLE))


def is_retryable_failure(reason: Optional[str]) -> bool:
    """True when a resend to the same destination is worth trying later (unknown reasons are not)."""
    return reason in _RETRYABLE
