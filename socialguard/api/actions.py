"""Making, revoking and using API tokens: the only code that changes an ApiToken."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import string

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from socialguard.api.models import ApiToken
from socialguard.audit.log import log

PREFIX_ALPHABET = string.ascii_lowercase + string.digits
PREFIX_LENGTH = 8
TOUCH_EVERY = dt.timedelta(minutes=1)


class TokenError(ValueError):
    """The token cannot be changed like this; the message says why."""


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_text(prefix: str, secret: str) -> str:
    return f"sg_{prefix}_{secret}"


def _new_prefix() -> str:
    while True:
        prefix = "".join(secrets.choice(PREFIX_ALPHABET) for _ in range(PREFIX_LENGTH))
        if not ApiToken.objects.filter(key_prefix=prefix).exists():
            return prefix


@transaction.atomic
def do_create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`, and its plaintext: show that once, it is not kept."""
    name = name.strip()
    if not name:
        raise TokenError("Give the token a name that says what it is for.")
    if not user.is_active:
        raise TokenError(f"{user.get_username()} is not an active user.")
    prefix, secret = _new_prefix(), secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, key_prefix=prefix,
                                    key_hash=hash_secret(secret))
    log("api_token.created", actor=user, subject=token,
        data={"name": name, "prefix": prefix, "user": user.pk})
    return token, token_text(prefix, secret)


@transaction.atomic
def do_revoke_token(token: ApiToken, by: User | None) -> ApiToken:
    """Refuse the token from now on. `by` is None when an operator revokes from the shell."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise TokenError(f"Token sg_{token.key_prefix}_… was already revoked.")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    log("api_token.revoked", actor=by, subject=token,
        data={"name": token.name, "prefix": token.key_prefix, "user": token.user_id})
    return token


def do_record_use(token: ApiToken, now: dt.datetime) -> None:
    """Note that the token was used, at most once a minute (so a busy client does not write
    on every request). Bookkeeping, not an event: nothing is audited."""
    if token.last_used_at is not None and now - token.last_used_at < TOUCH_EVERY:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
