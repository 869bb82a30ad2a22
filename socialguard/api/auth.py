"""Bearer tokens: `Authorization: Bearer sg_<prefix>_<secret>`.

Every way a token can be wrong (missing, malformed, unknown, wrong secret, revoked, user
inactive) gets the same kind of answer: 401 with a JSON error and `WWW-Authenticate: Bearer`.
The messages differ only where that tells an attacker nothing they did not send.
"""

from __future__ import annotations

import hmac
import re

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils import timezone

from socialguard.api.actions import do_record_use, hash_secret
from socialguard.api.models import ApiToken

_TOKEN = re.compile(r"sg_([a-z0-9]{8})_([A-Za-z0-9_-]{16,128})")
_DUMMY_HASH = hash_secret("not a real secret")


class Unauthorized(Exception):
    """No valid token; the message says what was wrong."""


def authenticate(request: HttpRequest) -> User:
    """The user the request's token belongs to, or Unauthorized."""
    prefix, secret = _parse(request.headers.get("Authorization", ""))
    token = _find(prefix, secret)
    do_record_use(token, timezone.now())
    return token.user


def _parse(header: str) -> tuple[str, str]:
    if not header:
        raise Unauthorized("Send an API token: Authorization: Bearer sg_…")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() != "bearer":
        raise Unauthorized("Use the Bearer scheme: Authorization: Bearer sg_…")
    match = _TOKEN.fullmatch(credentials.strip())
    if match is None:
        raise Unauthorized("Malformed token: expected sg_<prefix>_<secret>.")
    return match.group(1), match.group(2)


def _find(prefix: str, secret: str) -> ApiToken:
    token = ApiToken.objects.select_related("user").filter(key_prefix=prefix).first()
    expected = token.key_hash if token is not None else _DUMMY_HASH
    # Compare even when no token has the prefix, so timing does not tell prefixes apart.
    matches = hmac.compare_digest(hash_secret(secret), expected)
    if token is None or not matches:
        raise Unauthorized("Invalid token.")
    if token.revoked_at is not None:
        raise Unauthorized("This token has been revoked.")
    if not token.user.is_active:
        raise Unauthorized("The token's user is no longer active.")
    return token
