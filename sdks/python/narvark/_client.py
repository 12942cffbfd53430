import email.utils
import http.client
import json
import random
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import __version__
from .errors import APIConnectionError, NarvarkError, error_class

DEFAULT_BASE_URL = "http://localhost:8080"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2
#: A Retry-After longer than this is not waited for: the error is raised instead.
MAX_RETRY_AFTER = 60.0

#: 429s that are the API's answer to this request, not load: waiting would only delay the user's error.
_NOT_RETRIED = ("resend_too_soon", "destination_rate_limited")

Json = Dict[str, Any]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """The API never redirects: a 3xx is answered as an error, and the key is never sent on to another host."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class Narvark:
    """A client of the Narvark OTP API.

    >>> client = Narvark("nvk_test_sk_…")
    >>> otp = client.send(to="+447911123456", channel="sms")
    >>> client.verify(otp["id"], "123 456")["valid"]
    True
    """

    def __init__(self, api_key: str, *, base_url: str = DEFAULT_BASE_URL, timeout: float = DEFAULT_TIMEOUT,
                 max_retries: int = DEFAULT_MAX_RETRIES, sleep: Callable[[float], None] = time.sleep) -> None:
        if not api_key:
            raise ValueError("an API key is required")
        if max_retries < 0:
            raise ValueError("max_retries must not be negative")
        self._api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self._sleep = sleep

    def __repr__(self) -> str:
        return f"Narvark(base_url={self.base_url!r})"

    # OTPs

    def send(self, *, to: str, channel: str, ttl: Optional[int] = None,
             fallback: Union[str, Sequence[str], None] = None, code_length: Optional[int] = None,
             template: Optional[str] = None, metadata: Optional[Mapping[str, str]] = None,
             max_attempts: Optional[int] = None, brand: Optional[str] = None, locale: Optional[str] = None,
             app_hash: Optional[str] = None, web_domain: Optional[str] = None,
             transaction: Optional[Mapping[str, str]] = None, idempotency_key: Optional[str] = None) -> Json:
        """Sends an OTP. Retries reuse one Idempotency-Key, so a retry never creates a second OTP.

        ``brand`` names the message's sender instead of the account's display name; ``locale`` is a BCP 47 tag (the
        nearest written language is used); ``app_hash`` and ``web_domain`` add the SMS autofill line; ``transaction``
        (``{"amount": "42.00", "currency": "EUR", "payee": "ACME Shop"}``) binds the code to a payment, and
        :meth:`verify` must then carry the same.
        """
        body = _without_none({"to": to, "channel": channel, "ttl": ttl,
                              "fallback": list(fallback) if isinstance(fallback, (list, tuple)) else fallback,
                              "code_length": code_length, "template": template,
                              "metadata": dict(metadata) if metadata is not None else None,
                              "max_attempts": max_attempts, "brand": brand, "locale": locale,
                              "app_hash": app_hash, "web_domain": web_domain,
                              "transaction": dict(transaction) if transaction is not None else None})
        return self._request("POST", "/v1/otp/send", body=body, idempotency_key=idempotency_key or _new_key())

    def verify(self, id: str, code: str, *, transaction: Optional[Mapping[str, str]] = None) -> Json:
        """Checks a code as the user typed it (``"492 817"`` is fine). Read ``valid`` in the answer.

        An OTP sent for a transaction needs the same ``transaction``; otherwise the answer is ``valid: False`` with
        ``reason: "transaction_mismatch"``.
        """
        body = {"id": id, "code": code}
        if transaction is not None:
            body["transaction"] = dict(transaction)
        return self._request("POST", "/v1/otp/verify", body=body, safe=False)

    def get(self, id: str) -> Json:
        return self._request("GET", "/v1/otp/" + _segment(id))

    def list(self, *, status: Optional[str] = None, channel: Optional[str] = None, to: Optional[str] = None,
             created_after: Optional[str] = None, created_before: Optional[str] = None,
             metadata: Optional[Mapping[str, str]] = None, limit: Optional[int] = None,
             starting_after: Optional[str] = None) -> Iterator[Json]:
        """Every matching OTP, newest first, fetching the next page (``limit`` per request) as you iterate."""
        query: List[Tuple[str, str]] = [(k, str(v)) for k, v in (("status", status), ("channel", channel),
                                                                   ("to", to), ("created_after", created_after),
                                                                   ("created_before", created_before),
                                                                   ("limit", limit)) if v is not None]
        query += [(f"metadata[{k}]", v) for k, v in (metadata or {}).items()]
        return self._pages("/v1/otp", query, starting_after)

    def resend(self, id: str, *, code: Optional[str] = None, idempotency_key: Optional[str] = None) -> Json:
        """Sends the OTP again; ``code="new"`` issues a new code (default ``"same"``)."""
        return self._request("POST", "/v1/otp/" + _segment(id) + "/resend", body=_without_none({"code": code}),
                             idempotency_key=idempotency_key or _new_key())

    def cancel(self, id: str, *, idempotency_key: Optional[str] = None) -> Json:
        return self._request("POST", "/v1/otp/" + _segment(id) + "/cancel", body={},
                             idempotency_key=idempotency_key or _new_key())

    # Webhooks

    def create_webhook_endpoint(self, url: str, *, events: Optional[Sequence[str]] = None,
                                idempotency_key: Optional[str] = None) -> Json:
        """Registers an endpoint. The answer's ``secret`` (``whsec_…``) is shown only here and on rotation."""
        body = _without_none({"url": url, "events": list(events) if events is not None else None})
        return self._request("POST", "/v1/webhook_endpoints", body=body,
                             idempotency_key=idempotency_key or _new_key())

    def list_webhook_endpoints(self) -> List[Json]:
        return self._request("GET", "/v1/webhook_endpoints")["data"]

    def get_webhook_endpoint(self, id: str) -> Json:
        return self._request("GET", "/v1/webhook_endpoints/" + _segment(id))

    def delete_webhook_endpoint(self, id: str) -> Json:
        return self._request("DELETE", "/v1/webhook_endpoints/" + _segment(id))

    def rotate_webhook_secret(self, id: str) -> Json:
        """A new secret; the previous one keeps signing for 24 hours. Not retried: a retry would rotate twice."""
        return self._request("POST", "/v1/webhook_endpoints/" + _segment(id) + "/rotate_secret", safe=False)

    def list_webhook_deliveries(self, *, endpoint_id: Optional[str] = None, type: Optional[str] = None,
                                status: Optional[str] = None, limit: Optional[int] = None,
                                starting_after: Optional[str] = None) -> Iterator[Json]:
        query = [(k, str(v)) for k, v in (("endpoint_id", endpoint_id), ("type", type), ("status", status),
                                           ("limit", limit)) if v is not None]
        return self._pages("/v1/webhook_deliveries", query, starting_after)

    def redeliver_webhook(self, id: str) -> Json:
        return self._request("POST", "/v1/webhook_deliveries/" + _segment(id) + "/redeliver")

    # Transport

    def _pages(self, path: str, query: List[Tuple[str, str]], starting_after: Optional[str]) -> Iterator[Json]:
        cursor = starting_after
        while True:
            page = self._request("GET", path, query=query + ([("starting_after", cursor)] if cursor else []))
            for item in page["data"]:
                yield item
            if not page.get("has_more") or not page["data"]:
                return
            cursor = page["data"][-1]["id"]

    def _request(self, method: str, path: str, *, body: Optional[Json] = None,
                 query: Optional[List[Tuple[str, str]]] = None, idempotency_key: Optional[str] = None,
                 safe: bool = True) -> Json:
        """``safe``: whether a retry after an unknown outcome (5xx, connection lost) cannot do the work twice.
        GETs, DELETEs and POSTs with an Idempotency-Key are; verify and rotate are not."""
        url = self.base_url + path + ("?" + urllib.parse.urlencode(query) if query else "")
        data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8") \
            if body is not None else None
        headers = {"Authorization": "Bearer " + self._api_key, "Accept": "application/json",
                   "User-Agent": "narvark-python/" + __version__}
        if data is not None:
            headers["Content-Type"] = "application/json"
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        attempt = 0
        while True:
            request = urllib.request.Request(url, data=data, headers=headers, method=method)
            try:
                with _OPENER.open(request, timeout=self.timeout) as response:
                    raw = response.read()
                    return json.loads(raw) if raw else {}
            except urllib.error.HTTPError as e:
                error = self._api_error(e)
                e.close()
                wait = self._retry_wait(attempt, error, safe)
                if wait is None:
                    raise error from None
            except (urllib.error.URLError, http.client.HTTPException, socket.timeout, OSError) as e:
                if not safe or attempt >= self.max_retries:
                    raise APIConnectionError(self._redact(f"could not reach Narvark at {self.base_url}: "
                                                          f"{_reason(e)}")) from None
                wait = _backoff(attempt)
            self._sleep(wait)
            attempt += 1

    def _retry_wait(self, attempt: int, error: NarvarkError, safe: bool) -> Optional[float]:
        if attempt >= self.max_retries:
            return None
        status = error.status or 0
        if status == 429 and error.code not in _NOT_RETRIED or error.code == "idempotency_in_flight" and safe:
            if error.retry_after is not None:
                return error.retry_after if error.retry_after <= MAX_RETRY_AFTER else None
            return _backoff(attempt)
        if status >= 500 and safe:
            return _backoff(attempt)
        return None

    def _api_error(self, e: urllib.error.HTTPError) -> NarvarkError:
        try:
            payload = json.loads(e.read() or b"{}").get("error") or {}
        except (ValueError, AttributeError, OSError):
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        message = str(payload.get("message") or f"HTTP {e.code}")
        request_id = e.headers.get("Request-Id") or e.headers.get("X-Request-Id") if e.headers else None
        return error_class(e.code)(self._redact(message), code=payload.get("code"), param=payload.get("param"),
                                   status=e.code, request_id=request_id,
                                   retry_after=_retry_after(e.headers.get("Retry-After") if e.headers else None))

    def _redact(self, text: str) -> str:
        # The key must never appear in an error message or a log line, even if some layer echoed it.
        return text.replace(self._api_key, "[redacted]")


def _new_key() -> str:
    return str(uuid.uuid4())


def _segment(id: str) -> str:
    if not isinstance(id, str) or not id:
        raise ValueError("an id is required")
    return urllib.parse.quote(id, safe="")


def _without_none(values: Json) -> Json:
    return {k: v for k, v in values.items() if v is not None}


def _backoff(attempt: int) -> float:
    # Exponential from 0.5 s, capped at 8 s, with jitter so many clients do not retry in step.
    ceiling = min(8.0, 0.5 * (2 ** attempt))
    return ceiling / 2 + random.uniform(0, ceiling / 2)


def _retry_after(value: Optional[str]) -> Optional[float]:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


def _reason(e: BaseException) -> str:
    reason = getattr(e, "reason", None)
    return str(reason if reason is not None else e) or type(e).__name__
