"""Every change to an incident: one atomic action each, each audited (docs/incidents.md)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from socialguard.audit.log import log
from socialguard.incidents.models import (
    Compartment,
    CustodyEntry,
    Decision,
    Evidence,
    ImageAbuseRecord,
    Incident,
    Involved,
    Note,
    Outcome,
    Route,
    SeriousnessAssessment,
    Status,
    Support,
    Type,
)
from socialguard.orgs.models import Organisation

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


class ActionError(ValueError):
    """The change cannot be made; the message says why."""


class ImageAbuseFileRefused(ActionError):
    """I5: no file is ever stored for an indecent-image incident."""


def _audit(event: str, incident: Incident, user: User | None, **data: Any) -> None:
    log(event, actor=user, subject=incident, organisation=incident.school,
        data={"reference": incident.reference, **data})


def _reference(school: Organisation) -> str:
    year = timezone.now().year
    last = (Incident.objects.filter(reference__startswith=f"INC-{year}-")
            .aggregate(Max("reference"))["reference__max"])
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"INC-{year}-{number:05d}"


def _compartment(kind: str) -> str:
    return Compartment.HR if kind == Type.STAFF_MISUSE else Compartment.GENERAL


@transaction.atomic
def do_report(school: Organisation, reporter: User, *, type: str, what_happened: str,
              where_url: str = "", platform: str = "", account: str = "",
              occurred_at: dt.datetime | None = None, how_known: str = "",
              involved: Iterable[dict[str, Any]] = (), image_location: str = "") -> Incident:
    """I1: anyone reports at once. An indecent-image report records where the material is,
    never the material (I5)."""
    if type not in Type.values:
        raise ActionError("Choose what kind of concern this is.")
    if not what_happened.strip():
        raise ActionError("Say what happened.")
    if type == Type.INDECENT_IMAGES and not image_location.strip():
        raise ActionError("Say where the material is (device, account or web address); do "
                          "not copy, send or delete it.")
    incident = Incident.objects.create(
        school=school, reference=_reference(school), type=type, reporter=reporter,
        what_happened=what_happened.strip(), where_url=where_url, platform=platform,
        account=account, occurred_at=occurred_at, how_known=how_known,
        compartment=_compartment(type))
    for person in involved:
        Involved.objects.create(incident=incident, **person)
    if type == Type.INDECENT_IMAGES:
        ImageAbuseRecord.objects.create(incident=incident, location=image_location.strip())
    _audit("incident.reported", incident, reporter, type=type)
    return incident


def refuse_image_abuse_file(incident: Incident, user: User, name: str) -> None:
    """The file is not read or stored; the attempt is audited in its own transaction."""
    with transaction.atomic():
        _audit("incident.file_refused", incident, user, name=name[:100],
               reason="indecent-image incidents never hold files")
    raise ImageAbuseFileRefused(
        "No file can be attached to this report. Do not view, copy or delete the material: "
        "call the police now and record where it is.")


def do_add_evidence(incident: Incident, user: User, *, kind: str,
                    captured_at: dt.datetime, data: bytes | None = None, name: str = "",
                    url: str = "", text: str = "", note: str = "",
                    corrects: Evidence | None = None) -> Evidence:
    """I2: evidence is added, never edited; a correction is a new entry pointing back."""
    if incident.type == Type.INDECENT_IMAGES and (data is not None or kind in ("screenshot",
                                                                                 "file")):
        del data  # destroyed unread
        refuse_image_abuse_file(incident, user, name)
    return _store_evidence(incident, user, kind=kind, captured_at=captured_at, data=data,
                           name=name, url=url, text=text, note=note, corrects=corrects)


@transaction.atomic
def _store_evidence(incident: Incident, user: User, *, kind: str, captured_at: dt.datetime,
                    data: bytes | None, name: str, url: str, text: str, note: str,
                    corrects: Evidence | None) -> Evidence:
    if kind not in Evidence.Kind.values:
        raise ActionError("Choose the kind of evidence.")
    if data is not None and len(data) > MAX_EVIDENCE_BYTES:
        raise ActionError("That file is over 20 MB.")
    if kind in ("screenshot", "file") and not data:
        raise ActionError("Attach the file.")
    if kind == "url" and not url:
        raise ActionError("Give the web address.")
    if corrects is not None and corrects.incident_id != incident.pk:
        raise ActionError("A correction must be to evidence of the same incident.")
    content = data if data is not None else (url or text).encode()
    digest = hashlib.sha256(content).hexdigest()
    evidence = Evidence(incident=incident, kind=kind, url=url, text=text, note=note,
                        captured_at=captured_at, captured_by=user, sha256=digest,
                        corrects=corrects)
    if data is not None:
        evidence.file.save(f"{digest[:20]}", ContentFile(data), save=False)
    evidence.save()
    _audit("evidence.added", incident, user, evidence=evidence.pk, sha256=digest, kind=kind,
           corrects=corrects.pk if corrects else None)
    return evidence


@transaction.atomic
def do_add_note(incident: Incident, user: User, text: str) -> Note:
    if not text.strip():
        raise ActionError("The note is empty.")
    note = Note.objects.create(incident=incident, author=user, text=text.strip())
    _audit("incident.note_added", incident, user, note=note.pk)
    return note


TRIAGE_FIELDS = ("misuse_context", "misuse_category", "kcsie_area", "criminal_type", "severity")


@transaction.atomic
def do_triage(incident: Incident, user: User, **triage: str) -> Incident:
    """I3: classify by the misuse matrix, KCSIE's areas and the criminal list; set severity;
    seal it (DSL only) or move it to the HR compartment if need be."""
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if not triage.get("severity"):
        raise ActionError("Set the severity.")
    before = {name: getattr(incident, name) for name in (*TRIAGE_FIELDS, "compartment")}
    for name in (*TRIAGE_FIELDS, "compartment"):
        if name in triage:
            setattr(incident, name, triage[name])
    if incident.compartment not in Compartment.values:
        raise ActionError("Unknown compartment.")
    incident.triaged_at = incident.triaged_at or timezone.now()
    if incident.status == Status.REPORTED:
        incident.status = Status.TRIAGED
    incident.save()
    _audit("incident.triaged", incident, user, before=before,
           after={name: getattr(incident, name) for name in before})
    return incident


@transaction.atomic
def do_decide_route(incident: Incident, user: User, *, route: str, refer: bool,
                    rationale: str, reference: str = "", consent_recorded: bool | None = None,
                    due_at: dt.datetime | None = None) -> Decision:
    """I4: every decision, a decision not to refer included, needs a written rationale."""
    if route not in Route.values:
        raise ActionError("Choose a route.")
    if len(rationale.strip()) < 10:
        raise ActionError("Write the rationale for this decision (why, on what facts).")
    if route == Route.POLICE_WITH_CONSENT and refer and consent_recorded is not True:
        raise ActionError("Record the victim's consent before referring to the police.")
    decision = Decision.objects.create(
        incident=incident, route=route, refer=refer, rationale=rationale.strip(),
        reference=reference, consent_recorded=consent_recorded, due_at=due_at, decided_by=user)
    Incident.objects.filter(pk=incident.pk, status__in=[Status.REPORTED, Status.TRIAGED]
                            ).update(status=Status.ACTION)
    _audit("incident.route_decided", incident, user, route=route, refer=refer,
           decision=decision.pk)
    return decision


@transaction.atomic
def do_record_police_call(incident: Incident, user: User, *, called_at: dt.datetime,
                          reference: str, anyone_viewed: bool, viewed_reason: str = ""
                          ) -> ImageAbuseRecord:
    record = ImageAbuseRecord.objects.select_for_update().get(incident=incident)
    if anyone_viewed and not viewed_reason.strip():
        raise ActionError("Someone viewed the material: the DSL must record why.")
    record.police_called_at, record.police_reference = called_at, reference
    record.anyone_viewed, record.viewed_reason = anyone_viewed, viewed_reason
    record.save()
    _audit("incident.police_called", incident, user, reference=reference,
           anyone_viewed=anyone_viewed)
    return record


@transaction.atomic
def do_assess_seriousness(incident: Incident, user: User, *, nature: str, visible_for: str,
                          recirculation: str, impact: str) -> SeriousnessAssessment:
    """I8: the disciplinary link for a staff breach, with 000's seriousness factors."""
    values = {"nature": nature, "visible_for": visible_for, "recirculation": recirculation,
              "impact": impact}
    missing = [name.replace("_", " ") for name, value in values.items() if not value.strip()]
    if missing:
        raise ActionError("Assess every factor: " + ", ".join(missing) + ".")
    assessment = SeriousnessAssessment.objects.create(incident=incident, assessed_by=user,
                                                      **{k: v.strip() for k, v in
                                                         values.items()})
    _audit("incident.seriousness_assessed", incident, user, assessment=assessment.pk)
    return assessment


@transaction.atomic
def do_add_custody(incident: Incident, user: User, *, device: str, held_by: str, at: dt.datetime,
                   handed_to: str = "", officer_number: str = "") -> CustodyEntry:
    """I5: the device custody chain, one handover at a time (append-only)."""
    if not device.strip() or not held_by.strip():
        raise ActionError("Say which device and who holds it.")
    if handed_to.strip() and not officer_number.strip():
        raise ActionError("Record the officer's number when the device is handed over.")
    entry = CustodyEntry.objects.create(incident=incident, device=device.strip(),
                                        held_by=held_by.strip(), handed_to=handed_to.strip(),
                                        officer_number=officer_number.strip(), at=at,
                                        recorded_by=user)
    _audit("incident.custody_recorded", incident, user, entry=entry.pk)
    return entry


@transaction.atomic
def do_offer_support(incident: Incident, user: User, *, person: str, offered: str,
                     accepted: bool | None = None) -> Support:
    support = Support.objects.create(incident=incident, person=person, offered=offered,
                                     accepted=accepted, recorded_by=user)
    _audit("incident.support_offered", incident, user, support=support.pk)
    return support


@transaction.atomic
def do_resolve(incident: Incident, user: User, *, outcome: str, summary: str) -> Incident:
    """I8: the outcome category and what was done; retention follows from them."""
    from socialguard.incidents.retention import retention_for

    if outcome not in Outcome.values:
        raise ActionError("Choose the outcome.")
    if not summary.strip():
        raise ActionError("Summarise what was done.")
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if incident.status in (Status.RESOLVED, Status.CLOSED):
        raise ActionError("This incident is already resolved.")
    incident.outcome, incident.status = outcome, Status.RESOLVED
    incident.resolved_at = timezone.now()
    incident.retention_class, incident.retain_until = retention_for(incident)
    incident.save()
    Note.objects.create(incident=incident, author=user, text=f"Resolved: {summary.strip()}")
    _audit("incident.resolved", incident, user, outcome=outcome,
           retention=incident.retention_class)
    return incident
