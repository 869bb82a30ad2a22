"""Export in one call: record the disclosure(s), then produce the file (issue 4).

A chronology spanning several incidents gets one disclosure log entry per incident, so each
incident's own log shows every share of it; a pupil or staff chronology with no incident the
user may see is still logged, school-wide. The disclosures are committed before the file is
built: a failed build leaves an over-complete log, never a missing entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction

from socialguard.incidents import chronology, pdf
from socialguard.incidents.access import visible_incidents
from socialguard.incidents.disclosure import (
    DisclosureError,
    ShareDetails,
    do_record_disclosure,
)
from socialguard.incidents.models import Disclosure, Incident
from socialguard.incidents.review import annual_review, review_csv
from socialguard.orgs.access import has_role
from socialguard.orgs.models import Organisation, Role
from socialguard.people.models import Pupil, StaffMember

# Who may export the annual review (aggregate numbers only).
REVIEW_ROLES = (Role.DSL, Role.SLT, Role.GOVERNOR)


def _require(details: ShareDetails | None) -> ShareDetails:
    if details is None:
        raise DisclosureError("Record the disclosure first: to whom, why, the lawful basis "
                              "and consent.")
    return details


@transaction.atomic
def _record(user: User, school: Organisation, incidents: Sequence[Incident | None], what: str,
            details: ShareDetails) -> list[Disclosure]:
    return [do_record_disclosure(user, school, incident=incident, what=what,
                                 to_whom=details.to_whom, why=details.why,
                                 lawful_basis=details.lawful_basis, consent=details.consent)
            for incident in incidents]


def _chronology(user: User, school: Organisation, title: str, what: str,
                entries: list[chronology.Entry], details: ShareDetails | None) -> bytes:
    details = _require(details)
    references = {entry.incident_reference for entry in entries}
    incidents: list[Incident | None] = list(
        visible_incidents(user, school).filter(reference__in=references).order_by("pk"))
    disclosures = _record(user, school, incidents or [None], what, details)
    return pdf.chronology_pdf(title, entries, school, disclosures=disclosures)


def incident_chronology(user: User, incident: Incident, details: ShareDetails | None
                        ) -> bytes:
    entries = chronology.for_incident(incident, user)
    return _chronology(user, incident.school, f"Chronology of {incident.reference}",
                       f"Chronology PDF of {incident.reference}", entries, details)


def pupil_chronology(user: User, pupil: Pupil, details: ShareDetails | None) -> bytes:
    entries = chronology.for_pupil(pupil, user)
    name = pupil.preferred_name or pupil.first_name
    return _chronology(user, pupil.school, f"Chronology: {name} {pupil.last_name}",
                       f"Pupil chronology PDF (pupil {pupil.pk})", entries, details)


def staff_chronology(user: User, staff: StaffMember, details: ShareDetails | None) -> bytes:
    entries = chronology.for_staff(staff, user)
    return _chronology(user, staff.school, f"Chronology: {staff.first_name} {staff.last_name}",
                       f"Staff chronology PDF (staff member {staff.pk})", entries, details)


def review(user: User, school: Organisation, start: dt.date, end: dt.date,
           details: ShareDetails | None, *, format: str = "pdf") -> bytes:
    """The annual review as PDF, or as CSV (UTF-8 bytes) with format="csv"."""
    details = _require(details)
    if format not in ("pdf", "csv"):
        raise ValueError("format is pdf or csv")
    if not has_role(user, school, REVIEW_ROLES):
        raise DisclosureError("Only the DSL, the head teacher or governors export the review.")
    report = annual_review(school, start, end)
    what = f"Annual review {format.upper()} {start.isoformat()} to {end.isoformat()}"
    [disclosure] = _record(user, school, [None], what, details)
    if format == "csv":
        return review_csv(report, disclosure=disclosure).encode()
    return pdf.review_pdf(report, disclosure=disclosure)
