"""Verifies webhooks from Narvark: the Standard Webhooks headers and X-Narvark-Signature, over the raw body."""
import base64
import binascii
import hashlib
import hmac
import json
import time
from typing import Any, Dict, Mapping, Optional, Sequence, Union

from .errors import WebhookVerificationError

#: How far ``webhook-timestamp`` may be from now, in seconds; older (or later) messages may be replays.
DEFAULT_TOLERANCE = 300

_PREFIX = "whsec_"


def _key(secret: str) -> bytes:
    if not isinstance(secret, str) or not secret.startswith(_PREFIX):
        raise ValueError("a webhook secret starts with whsec_")
    try:
        return base64.b64decode(secret[len(_PREFIX):], validate=True)
    except binascii.Error:
        raise ValueError("a webhook secret is whsec_ followed by base64") from None


def _header(headers: Mapping[str, Any], name: str) -> Optional[str]:
    for key, value in headers.items():
        if key.lower() == name:
            if isinstance(value, (list, tuple)):
                value = value[0] if value else None
            return value
    return None


def _any_matches(expected: bytes, candidates: Sequence[str]) -> bool:
    matched = False
    for candidate in candidates:
        # Constant time, and every candidate is compared: timing reveals neither which nor how much matched.
        matched |= hmac.compare_digest(expected, candidate.strip().encode("ascii", "replace"))
    return matched


def verify(payload: Union[bytes, str], headers: Mapping[str, Any], secret: Union[str, Sequence[str]], *,
           tolerance: int = DEFAULT_TOLERANCE, now: Optional[float] = None) -> None:
    """Raises WebhookVerificationError unless the raw ``payload`` is signed by ``secret`` (or one of several, while
    you rotate) within ``tolerance`` seconds. ``X-Narvark-Signature``, when present, must match too.

    Pass the body exactly as received (bytes), before any JSON parsing.
    """
    body = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
    keys = [_key(s) for s in ([secret] if isinstance(secret, str) else secret)]
    if not keys:
        raise ValueError("at least one webhook secret is needed")
    msg_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    signature = _header(headers, "webhook-signature")
    if not msg_id or not timestamp or not signature:
        raise WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature header")
    if not timestamp.isascii() or not timestamp.isdigit():
        raise WebhookVerificationError("webhook-timestamp is not a Unix time in seconds")
    current = time.time() if now is None else now
    if abs(int(current) - int(timestamp)) > tolerance:
        raise WebhookVerificationError("webhook-timestamp is outside the tolerance")
    signed = f"{msg_id}.{timestamp}.".encode("utf-8") + body
    candidates = signature.split(" ")
    if not any([_any_matches(b"v1," + base64.b64encode(hmac.new(k, signed, hashlib.sha256).digest()), candidates)
                for k in keys]):
        raise WebhookVerificationError("no matching webhook-signature")
    narvark = _header(headers, "x-narvark-signature")
    if narvark is not None:
        parts = narvark.split(",")
        if not any([_any_matches(hmac.new(k, body, hashlib.sha256).hexdigest().encode("ascii"), parts)
                    for k in keys]):
            raise WebhookVerificationError("no matching X-Narvark-Signature")


def construct_event(payload: Union[bytes, str], headers: Mapping[str, Any], secret: Union[str, Sequence[str]], *,
                    tolerance: int = DEFAULT_TOLERANCE, now: Optional[float] = None) -> Dict[str, Any]:
    """Verifies like :func:`verify`, then parses the event. Deduplicate on its ``id``: delivery is at least once."""
    verify(payload, headers, secret, tolerance=tolerance, now=now)
    return json.loads(payload)
