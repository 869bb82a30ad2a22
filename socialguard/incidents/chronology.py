"""Chronologies: one ordered timeline per incident, per pupil and per staff member (issue 4).

A timeline is built from the records themselves (the report, evidence with its SHA-256, notes,
triage from the audit chain, decisions with their rationale, takedowns and their checks,
support, device custody, the police call and the resolution) and holds only what the user may
see (I10):

- incidents come from `access.visible_incidents`, so nobody sees an incident they could not
  open;
- the team's record (notes, triage, decisions, takedowns, support, custody, the police call
  and the outcome) is included only where `access.sees_team_record` holds. A reporter's
  timeline has their report, the evidence they added themselves and the date the incident was
  resolved, never the notes, decisions or outcome.

Building a timeline takes a constant number of queries whatever its length: the records are
prefetched, and the team-only ones are filtered in the database so they are never loaded for
a user who may not see them.

Entries are ordered by time; each record's time is when the school recorded it (evidence is
placed when it was added, its capture time is in the summary).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from socialguard.audit.models import AuditEvent
from socialguard.incidents.access import compartments, visible_incidents
from socialguard.incidents.models import (
    CustodyEntry,
    Decision,
    Evidence,
    Incident,
    Note,
    Support,
    Takedown,
    TakedownCheck,
)
from socialguard.orgs.access import User
from socialguard.orgs.models import Organisation
from socialguard.people.models import Pupil, StaffMember

# The order of kinds recorded at the same instant (a report comes before its evidence...).
KINDS = ("occurred", "report", "evidence", "triage", "note", "decision", "takedown",
         "takedown_check", "takedown_removed", "support", "custody", "police", "resolution")
_RANK = {kind: rank for rank, kind in enumerate(KINDS)}
TRIAGE_EVENT = "incident.triaged"


@dataclass(frozen=True)
class Entry:
    at: dt.datetime
    kind: str
    summary: str
    by: str
    incident_reference: str
    source: str  # "<record>:<id>", to find the record the entry came from

    def sort_key(self) -> tuple[dt.datetime, str, int, str]:
        return (self.at, self.incident_reference, _RANK.get(self.kind, len(KINDS)),
                self.source)


def for_incident(incident: Incident, user: User) -> list[Entry]:
    """The incident's timeline; 404 if the user may not see the incident."""
    found = visible_incidents(user, incident.school).filter(pk=incident.pk)
    entries = _timeline(user, incident.school, found)
    if not entries:
        raise Http404("No such incident")
    return entries


def for_pupil(pupil: Pupil, user: User) -> list[Entry]:
    """Every incident the pupil is involved in (any part) that the user may see."""
    found = visible_incidents(user, pupil.school).filter(involved__pupil=pupil)
    return _timeline(user, pupil.school, found)


def for_staff(staff: StaffMember, user: User) -> list[Entry]:
    """Every incident the member of staff is involved in (any part) that the user may see."""
    found = visible_incidents(user, staff.school).filter(involved__staff=staff)
    return _timeline(user, staff.school, found)


def _timeline(user: User, school: Organisation, found: QuerySet[Incident]) -> list[Entry]:
    # One membership query stands for `sees_team_record` on every incident of the school:
    # sees_team_record(user, incident) == incident.compartment in compartments(user, school).
    team = sorted(compartments(user, school))
    incidents = list(_prefetched(found.distinct(), user, team))
    triage = _triage_events([i for i in incidents if i.compartment in team])
    entries = [entry for incident in incidents
               for entry in _incident_entries(incident, incident.compartment in team,
                                              triage.get(str(incident.pk), ()))]
    return sorted(entries, key=Entry.sort_key)


def _prefetched(found: QuerySet[Incident], user: User, team: list[str]
                ) -> QuerySet[Incident]:
    """The incidents with the records the user may see, in a fixed number of queries."""
    seen = Q(incident__compartment__in=team)
    own_evidence = Q(captured_by_id=user.pk) if user.is_authenticated else Q(pk__in=[])
    checks = TakedownCheck.objects.select_related("checked_by")
    return found.select_related("reporter", "image_abuse").prefetch_related(
        Prefetch("evidence", Evidence.objects.filter(seen | own_evidence)
                 .select_related("captured_by")),
        Prefetch("notes", Note.objects.filter(seen).select_related("author")),
        Prefetch("decisions", Decision.objects.filter(seen).select_related("decided_by")),
        Prefetch("takedowns", Takedown.objects.filter(seen).prefetch_related(
            Prefetch("checks", checks))),
        Prefetch("support", Support.objects.filter(seen).select_related("recorded_by")),
        Prefetch("custody", CustodyEntry.objects.filter(seen).select_related("recorded_by")),
    )


def _triage_events(incidents: list[Incident]) -> dict[str, list[AuditEvent]]:
    """`incident.triaged` audit events, by incident id, in one query."""
    if not incidents:
        return {}
    events = (AuditEvent.objects.filter(event=TRIAGE_EVENT,
                                        subject_type=Incident._meta.label_lower,
                                        subject_id__in=[str(i.pk) for i in incidents])
              .select_related("actor").order_by("id"))
    grouped: dict[str, list[AuditEvent]] = {}
    for event in events:
        grouped.setdefault(event.subject_id, []).append(event)
    return grouped


def _name(user: object | None, default: str = "") -> str:
    if user is None:
        return default
    full = getattr(user, "get_full_name", lambda: "")()
    return str(full or getattr(user, "username", "") or default)


def _incident_entries(incident: Incident, team: bool, triage: Iterable[AuditEvent]
                      ) -> Iterator[Entry]:
    yield from _report_entries(incident)
    yield from _evidence_entries(incident)
    if team:
        yield from _triage_entries(incident, triage)
        yield from _note_entries(incident)
        yield from _decision_entries(incident)
        yield from _takedown_entries(incident)
        yield from _support_entries(incident)
        yield from _custody_entries(incident)
        yield from _police_entries(incident)
    yield from _resolution_entries(incident, team)


def _entry(incident: Incident, at: dt.datetime, kind: str, summary: str, by: str,
           source: str) -> Entry:
    return Entry(at=at, kind=kind, summary=summary, by=by,
                 incident_reference=incident.reference, source=source)


def _when(at: dt.datetime | None) -> str:
    return at.strftime("%d/%m/%Y %H:%M") if at else "not recorded"


def _report_entries(incident: Incident) -> Iterator[Entry]:
    reporter = _name(incident.reporter)
    source = f"incident:{incident.pk}"
    if incident.occurred_at:
        yield _entry(incident, incident.occurred_at, "occurred",
                     "What was reported happened (as reported).", reporter, source)
    where = "; ".join(part for part in (incident.platform, incident.account, incident.where_url)
                      if part)
    summary = f"Reported: {incident.get_type_display()}. {incident.what_happened}"
    yield _entry(incident, incident.reported_at, "report",
                 f"{summary} Where: {where}." if where else summary, reporter, source)


def _evidence_entries(incident: Incident) -> Iterator[Entry]:
    for item in incident.evidence.all():
        what = item.url or item.text or item.file.name or ""
        corrects = f" Corrects evidence {item.corrects_id}." if item.corrects_id else ""
        note = f" Note: {item.note}" if item.note else ""
        summary = (f"Evidence ({item.get_kind_display()}): {what}. Captured "
                   f"{_when(item.captured_at)}. SHA-256 {item.sha256}.{corrects}{note}")
        yield _entry(incident, item.created_at, "evidence", summary, _name(item.captured_by),
                     f"evidence:{item.pk}")


_TRIAGE_LABELS = {"misuse_context": "misuse context", "misuse_category": "misuse category",
                  "kcsie_area": "KCSIE area", "criminal_type": "criminal offence",
                  "severity": "severity", "compartment": "compartment"}


def _triage_entries(incident: Incident, events: Iterable[AuditEvent]) -> Iterator[Entry]:
    for event in events:
        before = event.data.get("before") or {}
        after = event.data.get("after") or {}
        changes = [f"{label}: {after.get(field) or '-'}"
                   + (f" (was {before[field]})" if before.get(field) else "")
                   for field, label in _TRIAGE_LABELS.items()
                   if after.get(field) != before.get(field)]
        summary = "Triaged. " + ("; ".join(changes) if changes else "No change.")
        yield _entry(incident, event.created_at, "triage", summary, _name(event.actor),
                     f"audit:{event.pk}")


def _note_entries(incident: Incident) -> Iterator[Entry]:
    for note in incident.notes.all():
        yield _entry(incident, note.created_at, "note", note.text, _name(note.author),
                     f"note:{note.pk}")


def _decision_entries(incident: Incident) -> Iterator[Entry]:
    for decision in incident.decisions.all():
        verdict = "Referred to" if decision.refer else "Decided not to refer to"
        extra = [f"Reference {decision.reference}." if decision.reference else "",
                 {True: "Consent recorded.", False: "Consent refused.", None: ""}[
                     decision.consent_recorded],
                 f"Due {_when(decision.due_at)}." if decision.due_at else ""]
        summary = " ".join([f"{verdict} {decision.get_route_display()}. Rationale: "
                            f"{decision.rationale}", *filter(None, extra)])
        yield _entry(incident, decision.created_at, "decision", summary,
                     _name(decision.decided_by), f"decision:{decision.pk}")


def _takedown_entries(incident: Incident) -> Iterator[Entry]:
    for takedown in incident.takedowns.all():
        state = takedown.get_state_display()
        if takedown.escalated_to:
            state += f", escalated to {takedown.escalated_to}"
        yield _entry(incident, takedown.requested_at, "takedown",
                     f"Takedown requested from {takedown.host}: {takedown.url}. Terms cited: "
                     f"{takedown.terms_cited}. Due {_when(takedown.due_at)}. Now: {state}.",
                     "", f"takedown:{takedown.pk}")
        for check in takedown.checks.all():
            found = "removed" if check.removed else "still up"
            status = f" (HTTP {check.http_status})" if check.http_status else ""
            detail = f" {check.detail}" if check.detail else ""
            yield _entry(incident, check.created_at, "takedown_check",
                         f"Checked {takedown.url}: {found}{status}, {check.how}.{detail}",
                         _name(check.checked_by, "automatic check"),
                         f"takedown_check:{check.pk}")
        if takedown.removed_at:
            hours = (takedown.removed_at - takedown.requested_at).total_seconds() / 3600
            yield _entry(incident, takedown.removed_at, "takedown_removed",
                         f"Removed by {takedown.host}, {hours:.1f} hours after the request.",
                         "", f"takedown:{takedown.pk}")


def _support_entries(incident: Incident) -> Iterator[Entry]:
    answers = {True: "accepted", False: "declined", None: "answer not yet recorded"}
    for support in incident.support.all():
        yield _entry(incident, support.created_at, "support",
                     f"Support offered to {support.person}: {support.offered} "
                     f"({answers[support.accepted]}).", _name(support.recorded_by),
                     f"support:{support.pk}")


def _custody_entries(incident: Incident) -> Iterator[Entry]:
    for item in incident.custody.all():
        handed = (f", handed to {item.handed_to}"
                  + (f" (officer {item.officer_number})" if item.officer_number else "")
                  if item.handed_to else "")
        yield _entry(incident, item.at, "custody",
                     f"Device {item.device} held by {item.held_by}{handed}.",
                     _name(item.recorded_by), f"custody:{item.pk}")


def _police_entries(incident: Incident) -> Iterator[Entry]:
    record = getattr(incident, "image_abuse", None)
    if record is None or record.police_called_at is None:
        return
    viewed = {True: f"The material was viewed: {record.viewed_reason}",
              False: "Nobody viewed the material.", None: ""}[record.anyone_viewed]
    yield _entry(incident, record.police_called_at, "police",
                 f"Police called, reference {record.police_reference or 'none given'}. "
                 f"{viewed}".strip(), "", f"image_abuse:{record.pk}")


def _resolution_entries(incident: Incident, team: bool) -> Iterator[Entry]:
    if incident.resolved_at is None:
        return
    summary = (f"Resolved. Outcome: {incident.get_outcome_display()}." if team
               else "Resolved.")
    yield _entry(incident, incident.resolved_at, "resolution", summary, "",
                 f"incident:{incident.pk}")
