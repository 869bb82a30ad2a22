"""One audit table, append-only and hash-chained (docs/audit.md).

Every state change of the product writes an AuditEvent in the same transaction as the change
(`socialguard.audit.log.log`). Each event's hash covers the previous event's hash, so an
edited, removed or reordered row breaks the chain, and `socialguard audit-verify` says where.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class AppendOnlyError(RuntimeError):
    """Audit events are never changed or deleted."""


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("audit events cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")


class AuditEvent(models.Model):
    created_at = models.DateTimeField()
    event = models.CharField(max_length=80, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("orgs.Organisation", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    subject_type = models.CharField(max_length=40, blank=True)
    subject_id = models.CharField(max_length=40, blank=True)
    data = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"]),
                   models.Index(fields=["organisation", "created_at"])]

    def __str__(self) -> str:
        subject = f"{self.subject_type}:{self.subject_id}"
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.event} {subject}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit events cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")


class ChainHead(models.Model):
    """One row holding the latest hash: locking it serialises writers of the chain."""

    last_hash = models.CharField(max_length=64, default="0" * 64)
    count = models.BigIntegerField(default=0)
