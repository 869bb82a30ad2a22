"""The HTTP seam: the only place in socialguard that talks to the network.

Small functions on the standard library (no new dependency). `post_json` refuses anything
but http(s) URLs, never follows redirects (a POST must reach the URL the school configured,
not wherever that URL points to), stops waiting after `timeout` seconds and stops reading
after `max_bytes`. Any HTTP status is an answer (`HttpResponse`); only a request that got
no answer raises `DeliveryError`. `status_of` asks a URL for its status (HEAD, or GET
without reading the body), on the same terms; `resolves_publicly` says whether a URL's
host is on the public internet, for callers that must not reach into the school's network.

Proxies from the environment (`https_proxy`, `no_proxy`) are honoured, as urllib does:
some school networks only reach the internet through one.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 64 * 1024
USER_AGENT = "socialguard"
_CHUNK = 8192
_SCHEMES = ("http", "https")


class DeliveryError(Exception):
    """The request got no usable answer: refused URL, network failure, timeout."""


class RefusedUrl(DeliveryError):
    """The URL is not one socialguard will send to (wrong scheme, no host). Retrying the
    same URL cannot help: someone must change it."""


class ResponseTooLarge(DeliveryError):
    """The server answered, but with a body larger than the cap. `status` is its status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class HttpResponse:
    status: int
    body: bytes


@dataclass(frozen=True, slots=True)
class HttpStatus:
    """A status without a body; `location` is a redirect's Location header, as sent."""

    status: int
    location: str = ""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand 3xx answers back as they are instead of following them."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None



def check_url(url: str) -> None:
    """Raise RefusedUrl unless `url` is an http(s) URL with a host."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        raise RefusedUrl(f"{url!r} is not a valid URL ({exc})") from None
    if parts.scheme.lower() not in _SCHEMES:
        scheme = parts.scheme or "no scheme"
        raise RefusedUrl(f"refusing to send to {url!r}: only http and https URLs are "
                         f"allowed, not {scheme}")
    if not host:
        raise RefusedUrl(f"refusing to send to {url!r}: the URL has no host")


def post_json(url: str, body: bytes, headers: Mapping[str, str], *,
              timeout: float = DEFAULT_TIMEOUT,
              max_bytes: int = DEFAULT_MAX_BYTES) -> HttpResponse:
    """POST `body` to `url` and return the status and (at most `max_bytes` of) the body.

    `timeout` bounds the whole exchange, connecting and reading alike (give or take one
    socket wait). `headers` are sent as given; Content-Type defaults to application/json.
    """
    check_url(url)
    request = urllib.request.Request(url, data=body, method="POST",  # noqa: S310 (checked)
                                     headers=_with_defaults(headers))
    deadline = time.monotonic() + timeout
    try:
        return _exchange(request, timeout, deadline, max_bytes)
    except (OSError, http.client.HTTPException) as exc:
        raise DeliveryError(f"no answer from {url}: {_describe(exc, timeout)}") from exc


def status_of(url: str, *, method: str = "HEAD",
              timeout: float = DEFAULT_TIMEOUT) -> HttpStatus:
    """Ask `url` for its status with HEAD (or GET), reading no body, following no redirect.

    A 3xx comes back as it is, with its Location, for the caller to judge.
    """
    check_url(url)
    if method not in ("HEAD", "GET"):
        raise ValueError(f"status_of sends HEAD or GET, not {method}")
    request = urllib.request.Request(url, method=method,  # noqa: S310 (checked)
                                     headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        response = urllib.request.build_opener(_NoRedirects).open(request, timeout=timeout)
    except urllib.error.HTTPError as answer:  # any non-2xx status is still an answer
        with answer:
            return HttpStatus(answer.code, answer.headers.get("Location") or "")
    except (OSError, http.client.HTTPException) as exc:
        raise DeliveryError(f"no answer from {url}: {_describe(exc, timeout)}") from exc
    with response:
        return HttpStatus(int(response.status), response.headers.get("Location") or "")


def resolves_publicly(url: str) -> bool:
    """True when every address the URL's host resolves to is a global (internet) one;
    False for loopback, private, link-local and other reserved addresses.

    Raises DeliveryError when the host does not resolve. The answer can change by the
    time a request is sent (DNS can be rebound); it keeps honest mistakes out, not an
    attacker who controls a DNS server.
    """
    check_url(url)
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        found = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError, UnicodeError) as exc:
        raise DeliveryError(f"cannot resolve {parts.hostname}: {exc}") from exc
    addresses = {str(info[4][0]) for info in found}
    return bool(addresses) and all(ipaddress.ip_address(a).is_global for a in addresses)


def _with_defaults(headers: Mapping[str, str]) -> dict[str, str]:
    merged = {"Content-Type": "application/json", "Accept": "application/json",
              "User-Agent": USER_AGENT}
    merged.update(headers)
    return merged


def _exchange(request: urllib.request.Request, timeout: float, deadline: float,
              max_bytes: int) -> HttpResponse:
    try:
        # Built per call so proxy settings are read when used, not at import.
        response = urllib.request.build_opener(_NoRedirects).open(request, timeout=timeout)
    except urllib.error.HTTPError as answer:  # any non-2xx status is still an answer
        with answer:
            return HttpResponse(answer.code, _read_capped(answer, answer.code, deadline,
                                                          max_bytes))
    with response:
        status = int(response.status)
        return HttpResponse(status, _read_capped(response, status, deadline, max_bytes))


def _read_capped(stream: urllib.error.HTTPError | http.client.HTTPResponse, status: int,
                 deadline: float, max_bytes: int) -> bytes:
    body = bytearray()
    while chunk := stream.read(_CHUNK):
        body += chunk
        if len(body) > max_bytes:
            raise ResponseTooLarge(f"the answer ({status}) was larger than {max_bytes} bytes",
                                   status)
        if time.monotonic() > deadline:
            raise TimeoutError("the answer took too long to arrive")
    return bytes(body)


def _describe(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc.reason, str):
        exc = exc.reason
    if isinstance(exc, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    return str(exc) or type(exc).__name__
