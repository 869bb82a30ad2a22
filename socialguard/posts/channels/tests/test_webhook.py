"""Webhook channel and the HTTP seam, against a real HTTP server on 127.0.0.1.

No mocks: the receiver below is a real http.server in a thread. Each path answers one way;
every request it gets is recorded so the tests can check what went over the wire.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import socket
import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from socialguard.lib.http import (
    DeliveryError,
    RefusedUrl,
    ResponseTooLarge,
    check_url,
    post_json,
)
from socialguard.posts.channels import channel_for
from socialguard.posts.channels.base import Delivery
from socialguard.posts.channels.webhook import WebhookChannel, sign, verify_signature

SECRET = "s3cret-shared-with-the-school"
LIVE = "https://www.facebook.com/oakfieldprimary/posts/42"
HUGE = b"x" * (200 * 1024)

# path -> (status, body, extra headers)
ROUTES: dict[str, tuple[int, bytes, dict[str, str]]] = {
    "/ok": (200, json.dumps({"live_url": LIVE}).encode(), {}),
    "/created": (201, json.dumps({"live_url": LIVE, "id": 7}).encode(), {}),
    "/accepted": (202, b"queued", {}),
    "/no-content": (204, b"", {}),
    "/wrong-live-url": (200, b'{"live_url": "http://evil.example/x"}', {}),
    "/odd-live-url": (200, b'{"live_url": 42}', {}),
    "/bad": (400, b'{"error": "text too long"}', {}),
    "/unauthorised": (401, b"bad signature", {}),
    "/missing": (404, b"", {}),
    "/unprocessable": (422, b"no such account", {}),
    "/request-timeout": (408, b"", {}),
    "/busy": (429, b"slow down", {"Retry-After": "30"}),
    "/error": (500, b"Traceback (most recent call last): ...", {}),
    "/unavailable": (503, b"", {}),
    "/redirect": (302, b"", {"Location": "/ok"}),
    "/permanent-redirect": (308, b"", {"Location": "/ok"}),
    "/huge": (200, HUGE, {}),
    "/huge-error": (500, HUGE, {}),
    "/huge-bad": (400, HUGE, {}),
}


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


class Receiver(ThreadingHTTPServer):
    """Records requests; answers by path; /flaky fails each key once, then de-duplicates."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[Received] = []
        self.posted: dict[str, str] = {}  # idempotency key -> live url, as a receiver keeps
        self.seen_keys: set[str] = set()
        self.release = threading.Event()
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def answer(self, received: Received) -> tuple[int, bytes, dict[str, str]]:
        if received.path == "/slow":
            self.release.wait(5)
            return 200, b"{}", {}
        if received.path == "/flaky":
            return self._flaky(received.headers["X-Socialguard-Idempotency-Key"])
        return ROUTES[received.path]

    def _flaky(self, key: str) -> tuple[int, bytes, dict[str, str]]:
        with self.lock:
            if key not in self.seen_keys:
                self.seen_keys.add(key)
                return 503, b"", {}
            live = self.posted.setdefault(key, f"{LIVE}{len(self.posted)}")
        return 200, json.dumps({"live_url": live}).encode(), {}


class _Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        received = Received(self.path, dict(self.headers.items()), self.rfile.read(length))
        with self.server.lock:
            self.server.requests.append(received)
        status, body, headers = self.server.answer(received)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client may stop reading (size cap, timeout): that is the point.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def server():
    receiver = Receiver()
    thread = threading.Thread(target=receiver.serve_forever, daemon=True)
    thread.start()
    yield receiver
    receiver.release.set()
    receiver.shutdown()
    receiver.server_close()


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def receiver(server):
    server.requests.clear()
    return server


def delivery(url: str, **changes: object) -> Delivery:
    base = Delivery(
        publication_id=11, idempotency_key="post-5-v2-account-3",
        account_name="Oakfield Primary on Facebook", platform="facebook",
        url=url, secret=SECRET, text="Well done to Year 6 on sports day! 🏅",
        media=["https://sg.oakfield.sch.uk/media/published/2025/06/a.jpg"],
        written_by="Ann Author", approved_by="Pat Approver", post_id=5, version=2)
    return replace(base, **changes)


def channel(timeout=2.0, **options) -> WebhookChannel:
    return WebhookChannel(timeout=timeout, **options)


# --- what goes over the wire -------------------------------------------------------------

FIXED = datetime(2025, 6, 20, 9, 30, 15, tzinfo=UTC)


def test_it_posts_the_documented_payload(receiver):
    channel(clock=lambda: FIXED).send(delivery(receiver.url("/ok")))
    [request] = receiver.requests
    assert json.loads(request.body) == {
        "event": "post.publish",
        "idempotency_key": "post-5-v2-account-3",
        "post": {"id": 5, "version": 2, "text": "Well done to Year 6 on sports day! 🏅",
                 "media": ["https://sg.oakfield.sch.uk/media/published/2025/06/a.jpg"]},
        "account": {"name": "Oakfield Primary on Facebook"},
        "approved_by": "Pat Approver",
        "written_by": "Ann Author",
        "sent_at": "2025-06-20T09:30:15Z",
    }


def test_it_sends_the_documented_headers(receiver):
    channel(clock=lambda: FIXED).send(delivery(receiver.url("/ok")))
    headers = receiver.requests[0].headers
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Socialguard-Idempotency-Key"] == "post-5-v2-account-3"
    assert headers["X-Socialguard-Timestamp"] == str(int(FIXED.timestamp())) == "1750411815"
    assert headers["X-Socialguard-Signature"].startswith("sha256=")
    assert len(headers["X-Socialguard-Signature"]) == len("sha256=") + 64


def test_the_signature_verifies_as_docs_channels_md_says(receiver):
    channel().send(delivery(receiver.url("/ok")))
    request = receiver.requests[0]
    timestamp = request.headers["X-Socialguard-Timestamp"]
    header = request.headers["X-Socialguard-Signature"]
    assert verify_signature(SECRET, timestamp, request.body, header, datetime.now(UTC))
    assert not verify_signature("another-secret", timestamp, request.body, header,
                                datetime.now(UTC))


def test_the_signature_is_hmac_sha256_of_timestamp_dot_body():
    # Computed independently of our code, as a receiver would (docs/channels.md).
    expected = hmac.new(b"k", b"1750411815.{}", hashlib.sha256).hexdigest()
    assert sign("k", "1750411815", b"{}") == f"sha256={expected}"


NOW = datetime(2025, 6, 20, 12, 0, 0, tzinfo=UTC)
BODY = b'{"event":"post.publish"}'


def _stamp(delta: timedelta) -> str:
    return str(int((NOW + delta).timestamp()))


VERIFY = [
    # (secret, timestamp, body, header, valid)
    (SECRET, _stamp(timedelta(0)), BODY, sign(SECRET, _stamp(timedelta(0)), BODY), True),
    (SECRET, _stamp(timedelta(minutes=-4, seconds=-59)), BODY,
     sign(SECRET, _stamp(timedelta(minutes=-4, seconds=-59)), BODY), True),
    (SECRET, _stamp(timedelta(minutes=4)), BODY,
     sign(SECRET, _stamp(timedelta(minutes=4)), BODY), True),  # small clock skew
    (SECRET, _stamp(timedelta(minutes=-5, seconds=-1)), BODY,
     sign(SECRET, _stamp(timedelta(minutes=-5, seconds=-1)), BODY), False),  # replayed later
    (SECRET, _stamp(timedelta(minutes=6)), BODY,
     sign(SECRET, _stamp(timedelta(minutes=6)), BODY), False),  # from the future
    ("wrong", _stamp(timedelta(0)), BODY, sign(SECRET, _stamp(timedelta(0)), BODY), False),
    (SECRET, _stamp(timedelta(0)), BODY + b" ", sign(SECRET, _stamp(timedelta(0)), BODY),
     False),  # body changed
    (SECRET, _stamp(timedelta(seconds=1)), BODY, sign(SECRET, _stamp(timedelta(0)), BODY),
     False),  # timestamp changed
    (SECRET, _stamp(timedelta(0)), BODY,
     sign(SECRET, _stamp(timedelta(0)), BODY).removeprefix("sha256="), False),
    (SECRET, _stamp(timedelta(0)), BODY, "", False),
    (SECRET, "yesterday", BODY, sign(SECRET, "yesterday", BODY), False),
    (SECRET, "99999999999999999999", BODY, sign(SECRET, "99999999999999999999", BODY), False),
]


@pytest.mark.parametrize(("secret", "timestamp", "body", "header", "valid"), VERIFY)
def test_verify_signature(secret, timestamp, body, header, valid):
    assert verify_signature(secret, timestamp, body, header, NOW) is valid


# --- how answers are classified ------------------------------------------------------------

ANSWERS = [
    # (path, status, live_url, permanent, the error says)
    ("/ok", "sent", LIVE, False, ""),
    ("/created", "sent", LIVE, False, ""),
    ("/accepted", "sent", "", False, ""),
    ("/no-content", "sent", "", False, ""),
    ("/wrong-live-url", "sent", "", False, "live_url was not recorded: The link must start"),
    ("/odd-live-url", "sent", "", False, "live_url is not a string"),
    ("/huge", "sent", "", False, "larger than 65536 bytes"),
    ("/bad", "failed", "", True, 'Permanent failure, not retried: the webhook answered 400 '
                                 'Bad Request; "{"error": "text too long"}"'),
    ("/unauthorised", "failed", "", True, "401 Unauthorized"),
    ("/missing", "failed", "", True, "404 Not Found"),
    ("/unprocessable", "failed", "", True, "422 Unprocessable"),
    ("/huge-bad", "failed", "", True, "400 Bad Request; the answer (400) was larger"),
    ("/redirect", "failed", "", True, "302 Found; redirects are not followed"),
    ("/permanent-redirect", "failed", "", True, "308 Permanent Redirect"),
    ("/request-timeout", "failed", "", False, "will retry with the same idempotency key: "
                                              "the webhook answered 408"),
    ("/busy", "failed", "", False, "will retry with the same idempotency key: the webhook "
                                   'answered 429 Too Many Requests; "slow down"'),
    ("/error", "failed", "", False, "will retry with the same idempotency key: the webhook "
                                    "answered 500 Internal Server Error"),
    ("/unavailable", "failed", "", False, "503 Service Unavailable"),
    ("/huge-error", "failed", "", False, "500 Internal Server Error; the answer (500) was "
                                         "larger than 65536 bytes"),
]


@pytest.mark.parametrize(("path", "status", "live_url", "permanent", "error"), ANSWERS)
def test_it_classifies_the_receivers_answer(receiver, path, status, live_url, permanent,
                                            error):
    result = channel().send(delivery(receiver.url(path)))
    assert (result.status, result.live_url, result.permanent) == (status, live_url, permanent)
    assert error in result.error
    if not error:
        assert result.error == ""
    assert len(receiver.requests) == 1  # one attempt per send: retrying is the caller's call


def test_it_does_not_follow_redirects(receiver):
    channel().send(delivery(receiver.url("/redirect")))
    assert [r.path for r in receiver.requests] == ["/redirect"]


def test_a_slow_receiver_times_out_and_is_retryable(receiver):
    result = channel(timeout=0.3).send(delivery(receiver.url("/slow")))
    assert (result.status, result.permanent) == ("failed", False)
    assert "timed out after 0.3 s" in result.error
    assert "will retry" in result.error


def test_nobody_listening_is_retryable():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = channel().send(delivery(f"http://127.0.0.1:{port}/hook"))
    assert (result.status, result.permanent) == ("failed", False)
    assert "connection refused" in result.error


@pytest.mark.parametrize(("url", "secret", "error"), [
    ("", SECRET, "no webhook URL"),
    ("http://127.0.0.1:1/hook", "", "no webhook secret"),
    ("file:///etc/passwd", SECRET, "only http and https URLs are allowed, not file"),
    ("ftp://127.0.0.1/hook", SECRET, "not ftp"),
    ("gopher://127.0.0.1/hook", SECRET, "not gopher"),
    ("data:text/plain,hello", SECRET, "not data"),
    ("127.0.0.1:8000/hook", SECRET, "only http and https"),
    ("//127.0.0.1/hook", SECRET, "not no scheme"),
    ("http:///hook", SECRET, "no host"),
])
def test_bad_account_settings_fail_permanently_without_sending(receiver, url, secret, error):
    result = channel().send(delivery(url, secret=secret))
    assert (result.status, result.permanent) == ("failed", True)
    assert result.error.startswith("Permanent failure, not retried")
    assert error in result.error
    assert receiver.requests == []


# --- retries are idempotent ------------------------------------------------------------------

def test_a_retry_sends_the_same_idempotency_key(receiver):
    target = delivery(receiver.url("/flaky"), idempotency_key="post-9-v1-account-1")
    first = channel().send(target)
    second = channel().send(target)
    assert (first.status, first.permanent) == ("failed", False)
    assert second.status == "sent"
    keys = {r.headers["X-Socialguard-Idempotency-Key"] for r in receiver.requests}
    bodies = [json.loads(r.body)["idempotency_key"] for r in receiver.requests]
    assert keys == {"post-9-v1-account-1"}
    assert bodies == ["post-9-v1-account-1"] * 2
    for request in receiver.requests:  # each attempt is signed afresh and verifies
        assert verify_signature(SECRET, request.headers["X-Socialguard-Timestamp"],
                                request.body, request.headers["X-Socialguard-Signature"],
                                datetime.now(UTC))


def test_a_receiver_that_deduplicates_posts_once_however_often_it_is_sent(receiver):
    target = delivery(receiver.url("/flaky"), idempotency_key="post-10-v1-account-1")
    results = [channel().send(target) for _ in range(4)]
    assert [r.status for r in results] == ["failed", "sent", "sent", "sent"]
    assert len({r.live_url for r in results[1:]}) == 1  # the same post, not three
    assert list(receiver.posted).count("post-10-v1-account-1") == 1


def test_different_publications_have_different_keys(receiver):
    for key in ("post-11-v1-account-1", "post-11-v1-account-2", "post-11-v2-account-1"):
        channel().send(delivery(receiver.url("/ok"), idempotency_key=key))
    assert len({r.headers["X-Socialguard-Idempotency-Key"] for r in receiver.requests}) == 3


def test_the_registered_webhook_channel_sends(receiver):
    assert channel_for("webhook").send(delivery(receiver.url("/created"))).live_url == LIVE


# --- the HTTP seam ---------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "FILE:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)",
    "data:,x", "mailto:head@oakfield.sch.uk", "ws://127.0.0.1/x", "", "http://", "https:///x",
    "http://[::1",
])
def test_post_json_refuses_what_is_not_an_http_url(url):
    with pytest.raises(RefusedUrl):
        post_json(url, b"{}", {})


@pytest.mark.parametrize("url", ["http://127.0.0.1/x", "HTTPS://example.org/hook",
                                 "https://[::1]:8443/hook"])
def test_check_url_accepts_http_and_https(url):
    check_url(url)


def test_post_json_returns_any_status_as_an_answer(receiver):
    response = post_json(receiver.url("/bad"), b"{}", {})
    assert (response.status, response.body) == (400, b'{"error": "text too long"}')
    assert receiver.requests[0].headers["Content-Type"] == "application/json"


def test_post_json_caps_the_answer(receiver):
    assert post_json(receiver.url("/huge"), b"{}", {}, max_bytes=len(HUGE)).body == HUGE
    with pytest.raises(ResponseTooLarge, match="larger than 1000 bytes") as raised:
        post_json(receiver.url("/huge"), b"{}", {}, max_bytes=1000)
    assert raised.value.status == 200


def test_post_json_times_out(receiver):
    with pytest.raises(DeliveryError, match=r"no answer from http://127\.0\.0\.1:\d+/slow: "
                                            r"timed out after 0\.2 s"):
        post_json(receiver.url("/slow"), b"{}", {}, timeout=0.2)
