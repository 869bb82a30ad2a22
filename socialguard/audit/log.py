"""Writing and verifying the audit chain."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from socialguard.audit.models import AuditEvent, ChainHead

GENESIS = "0" * 64


def _canonical(event: AuditEvent) -> bytes:
    body = {
        "previous": event.previous_hash,
        "at": event.created_at.isoformat(),
        "event": event.event,
        "actor": event.actor_id,
        "organisation": event.organisation_id,
        "subject": [event.subject_type, event.subject_id],
        "data": event.data,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), default=str).encode()


def digest(event: AuditEvent) -> str:
    return hashlib.sha256(_canonical(event)).hexdigest()


def log(event: str, *, actor: Any = None, subject: models.Model | None = None,
        organisation: Any = None, data: Mapping[str, Any] | None = None) -> AuditEvent:
    """Append one event to the chain. Must run inside the transaction of the change."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.log() must run inside the transaction of the change")
    head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1)
    record = AuditEvent(
        created_at=timezone.now(), event=event,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        organisation=organisation,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        data=json.loads(json.dumps(dict(data or {}), default=str)),
        previous_hash=head.last_hash,
    )
    record.hash = digest(record)
    record.save()
    ChainHead.objects.filter(pk=1).update(last_hash=record.hash, count=models.F("count") + 1)
    return record


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    problem: str | None = None


def verify(batch: int = 2000) -> Verification:
    """Recompute every hash in order: the chain must link and match the head."""
    previous, checked = GENESIS, 0
    for event in _in_order(batch):
        if event.previous_hash != previous:
            return Verification(False, checked, f"event {event.pk}: does not follow the event "
                                "before it (a row was removed or reordered)")
        if digest(event) != event.hash:
            return Verification(False, checked, f"event {event.pk} ({event.event}): its "
                                "contents no longer match its hash (the row was changed)")
        previous, checked = event.hash, checked + 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and (head.last_hash != previous or head.count != checked):
        return Verification(False, checked, "the newest events are missing (the chain head "
                            f"records {head.count} events)")
    return Verification(True, checked)


def _in_order(batch: int) -> Iterator[AuditEvent]:
    last = 0
    while True:
        rows = list(AuditEvent.objects.filter(pk__gt=last).order_by("pk")[:batch])
        if not rows:
            return
        yield from rows
        last = rows[-1].pk
