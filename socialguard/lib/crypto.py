"""Secrets at rest (platform credentials, webhook secrets): encrypted with a key that lives
outside the database.

The key is ENCRYPTION_KEY (a Fernet key: `socialguard manage generate_encryption_key`) or,
when unset, one derived from SECRET_KEY with HKDF. Losing the key makes stored secrets
unreadable; rotating it needs re-entry of the secrets.
"""

from __future__ import annotations

import base64
import os
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

PREFIX = "enc1:"


class SecretUnreadable(ValueError):
    """A stored secret cannot be decrypted with the configured key."""


@cache
def _fernet(material: str) -> Fernet:
    if material.startswith("fernet:"):
        return Fernet(material[len("fernet:"):].encode())
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"socialguard-secrets",
                   info=b"fernet").derive(material.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def _key() -> Fernet:
    explicit = os.environ.get("ENCRYPTION_KEY", "")
    return _fernet(f"fernet:{explicit}" if explicit else settings.SECRET_KEY)


def encrypt(plain: str) -> str:
    if not plain:
        return ""
    return PREFIX + _key().encrypt(plain.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored:
        return ""
    if not stored.startswith(PREFIX):
        raise SecretUnreadable("this secret was not stored encrypted")
    try:
        return _key().decrypt(stored[len(PREFIX):].encode()).decode()
    except InvalidToken as error:
        raise SecretUnreadable("this secret cannot be read with the current encryption "
                               "key; enter it again") from error
