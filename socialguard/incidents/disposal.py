"""Retention review (docs/incidents.md): records whose keeping period has ended are listed
for a person to decide. Disposal is reviewed and audited, never silent, never of a locked
record; the audit keeps that the record existed (reference, type, dates), not its content.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from socialguard.audit.log import log
from socialguard.incidents.actions import ActionError
from socialguard.incidents.models import (
    CustodyEntry,
    Decision,
    Disclosure,
    Evidence,
    ImageAbuseRecord,
    Incident,
    Involved,
    Note,
    SeriousnessAssessment,
    Status,
    Support,
    Takedown,
    TakedownCheck,
)
from socialguard.orgs.models import Organisation

_CHILDREN = (TakedownCheck, Takedown, Evidence, Note, Decision, Support, CustodyEntry,
             SeriousnessAssessment, Disclosure, ImageAbuseRecord, Involved)


def due_for_review(school: Organisation, today: dt.date | None = None) -> QuerySet[Incident]:
    today = today or timezone.localdate()
    return Incident.objects.filter(school=school, locked=False, retain_until__lte=today,
                                   status__in=[Status.RESOLVED, Status.CLOSED])


@transaction.atomic
def do_keep(incident: Incident, user: User, *, years: int, rationale: str) -> Incident:
    """Keep a record past its date, for a stated reason (e.g. an open inquiry)."""
    if years < 1 or len(rationale.strip()) < 10:
        raise ActionError("Say for how many years and why the record is kept longer.")
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    base = incident.retain_until or timezone.localdate()
    incident.retain_until = base.replace(year=base.year + years)
    incident.save(update_fields=["retain_until"])
    log("incident.retention_extended", actor=user, subject=incident,
        organisation=incident.school,
        data={"reference": incident.reference, "until": incident.retain_until.isoformat(),
              "rationale": rationale.strip()})
    return incident


@transaction.atomic
def do_dispose(incident: Incident, user: User, *, rationale: str) -> None:
    """Delete a record whose keeping period has ended, after a person's review."""
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if incident.locked:
        raise ActionError("This record may bear on child sexual abuse inquiries: it is "
                          "never disposed of.")
    if incident.retain_until is None or incident.retain_until > timezone.localdate():
        raise ActionError("This record's keeping period has not ended.")
    if len(rationale.strip()) < 10:
        raise ActionError("Record why the record can now be disposed of.")
    log("incident.disposed", actor=user, subject=incident, organisation=incident.school,
        data={"reference": incident.reference, "type": incident.type,
              "reported": incident.reported_at.date().isoformat(),
              "retention_class": incident.retention_class, "rationale": rationale.strip()})
    files = [e.file for e in incident.evidence.exclude(file="")]
    for model in _CHILDREN:  # the one sanctioned removal of append-only rows
        model.objects.filter(**_link(model, incident)).delete()
    Incident.objects.filter(pk=incident.pk).delete()
    for stored in files:
        transaction.on_commit(partial(stored.delete, save=False))


def _link(model: type, incident: Incident) -> dict[str, object]:
    return {"takedown__incident": incident} if model is TakedownCheck else {"incident": incident}
