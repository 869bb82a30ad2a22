"""API tokens. The secret is shown once, when the token is made; only its hash is kept."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """`sg_<key_prefix>_<secret>`: the prefix finds the row, the secret's SHA-256 proves it.

    The secret is 256 random bits, so a plain (fast) hash is enough: there is nothing to
    guess that a slow password hash would protect.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for.")
    key_prefix = models.CharField(max_length=8, unique=True,
                                  help_text="Shown in lists and logs; not secret.")
    key_hash = models.CharField(max_length=64, help_text="SHA-256 of the secret, in hex.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} (sg_{self.key_prefix}_…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
