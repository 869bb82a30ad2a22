"""Webhook channel: a signed JSON POST to a URL the school configures for its own automation.

The receiver de-duplicates on the idempotency key; socialguard sends the same key on every
attempt for the same publication, so a retry after a lost answer never posts twice.
Payload, headers, signature and retry rules are documented in docs/channels.md.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from typing import Any

from socialguard.lib.http import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    DeliveryError,
    HttpResponse,
    RefusedUrl,
    ResponseTooLarge,
    post_json,
)
from socialguard.posts.channels.base import Delivery, SendResult
from socialguard.posts.channels.manual.channel import InvalidLiveUrl, validate_live_url

EVENT = "post.publish"
KEY_HEADER = "X-Socialguard-Idempotency-Key"
TIMESTAMP_HEADER = "X-Socialguard-Timestamp"
SIGNATURE_HEADER = "X-Socialguard-Signature"
TOLERANCE = timedelta(minutes=5)
RETRYABLE_4XX = frozenset({408, 429})
_SNIPPET = 200


def _utcnow() -> datetime:
    return datetime.now(UTC)


class WebhookChannel:
    kind = "webhook"

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                 clock: Callable[[], datetime] = _utcnow) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.clock = clock

    def send(self, delivery: Delivery) -> SendResult:
        if problem := _configuration_problem(delivery):
            return _permanent(problem)
        now = self.clock()
        body = payload(delivery, now)
        try:
            response = post_json(delivery.url, body, signed_headers(delivery, body, now),
                                 timeout=self.timeout, max_bytes=self.max_bytes)
        except RefusedUrl as exc:
            return _permanent(f"{exc}; change the account's webhook URL")
        except ResponseTooLarge as exc:
            unread = HttpResponse(exc.status, b"")
            return classify(unread, delivery, note=f"{exc}, so it was not read")
        except DeliveryError as exc:
            return _retryable(str(exc))
        return classify(response, delivery)


def payload(delivery: Delivery, now: datetime) -> bytes:
    """The JSON body, as UTF-8 bytes: exactly what is signed and sent."""
    document = {
        "event": EVENT,
        "idempotency_key": delivery.idempotency_key,
        "post": {"id": delivery.post_id, "version": delivery.version, "text": delivery.text,
                 "media": list(delivery.media)},
        "account": {"name": delivery.account_name},
        "approved_by": delivery.approved_by,
        "written_by": delivery.written_by,
        "sent_at": now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def signed_headers(delivery: Delivery, body: bytes, now: datetime) -> dict[str, str]:
    timestamp = str(int(now.timestamp()))
    return {
        "Content-Type": "application/json",
        KEY_HEADER: delivery.idempotency_key,
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(delivery.secret, timestamp, body),
    }


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """`sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>` keyed with the account secret."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def verify_signature(secret: str, timestamp: str, body: bytes, header: str, now: datetime,
                     tolerance: timedelta = TOLERANCE) -> bool:
    """True if `header` is our signature of `body` at `timestamp`, and `timestamp` is
    within `tolerance` of `now` (either side). For receivers and tests."""
    try:
        sent = datetime.fromtimestamp(int(timestamp), UTC)
    except (ValueError, OverflowError, OSError):
        return False
    if abs(now - sent) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), header.strip())


def classify(response: HttpResponse, delivery: Delivery, note: str = "") -> SendResult:
    """Turn the receiver's answer into a result: 2xx sent; 408, 429 and 5xx retryable;
    other 4xx and 3xx permanent."""
    status = response.status
    if 200 <= status < 300:
        live_url, url_note = _live_url(response.body, delivery.platform)
        return SendResult("sent", live_url=live_url, error=_join(note, url_note))
    answer = _join(f"the webhook answered {_status_text(status)}", _snippet(response.body), note)
    if 300 <= status < 400:
        return _permanent(f"{answer}; redirects are not followed, so set the account's "
                          "webhook URL to the final address")
    if 400 <= status < 500 and status not in RETRYABLE_4XX:
        return _permanent(f"{answer}; the receiver refused the post, so fix the receiver "
                          "or the account settings before publishing again")
    return _retryable(answer)


def _configuration_problem(delivery: Delivery) -> str:
    if not delivery.url:
        return "the account has no webhook URL; set one before publishing"
    if not delivery.secret:
        return "the account has no webhook secret, so requests cannot be signed; set one"
    return ""


def _permanent(error: str) -> SendResult:
    return SendResult("failed", error=f"Permanent failure, not retried: {error}.",
                      permanent=True)


def _retryable(error: str) -> SendResult:
    return SendResult("failed", error=f"Failed, will retry with the same idempotency key: "
                                      f"{error}.")


def _live_url(body: bytes, platform: str) -> tuple[str, str]:
    """The `live_url` from a JSON answer, if there is a usable one, and a note if not."""
    found = _json_field(body, "live_url")
    if found is None:
        return "", ""
    if not isinstance(found, str):
        return "", "the answer's live_url is not a string, so no link was recorded"
    try:
        return validate_live_url(found, platform), ""
    except InvalidLiveUrl as exc:
        return "", f"the answer's live_url was not recorded: {exc}"


def _json_field(body: bytes, name: str) -> Any:
    try:
        document = json.loads(body)
    except ValueError:
        return None
    return document.get(name) if isinstance(document, dict) else None


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _snippet(body: bytes) -> str:
    text = " ".join(body.decode("utf-8", "replace").split())
    return f'"{text[:_SNIPPET]}…"' if len(text) > _SNIPPET else (f'"{text}"' if text else "")


def _join(*parts: str) -> str:
    return "; ".join(part for part in parts if part)
