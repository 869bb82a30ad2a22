"""The disclosure log: every export or share of incident records, to whom, why, on what
lawful basis and whether with consent (issue 4).

`do_record_disclosure` writes the log entry and its `incident.disclosed` audit event in one
transaction. The export functions (`pdf.chronology_pdf`, `pdf.review_pdf`,
`review.review_csv`, and `exports.*`, which record and export in one call) refuse to run
without recorded disclosures: `check_disclosures` says why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from socialguard.audit.log import log
from socialguard.incidents.access import visible_incidents
from socialguard.incidents.actions import ActionError
from socialguard.incidents.models import Disclosure, Incident
from socialguard.orgs.access import roles_in
from socialguard.orgs.models import Organisation

# Suggestions for the form; any written basis is accepted (it is the DSL's judgement).
LAWFUL_BASES = (
    "UK GDPR Art. 6(1)(e) public task; Art. 9(2)(g) and DPA 2018 Sch. 1 para. 18 "
    "(safeguarding of children)",
    "UK GDPR Art. 6(1)(c) legal obligation (statutory safeguarding duty)",
    "UK GDPR Art. 6(1)(f) legitimate interests",
    "UK GDPR Art. 6(1)(a) consent",
    "DPA 2018 Sch. 2 para. 2 (crime and taxation: police request)",
    "DPA 2018 Sch. 2 para. 5 (legal proceedings / court order)",
)
# A disclosure is for one export: an older one cannot be reused for a new export.
FRESH_FOR = dt.timedelta(minutes=15)
_LIMITS = {"what": 200, "to_whom": 200, "lawful_basis": 200}


class DisclosureError(ActionError):
    """The disclosure cannot be recorded; the message says what is missing."""


class DisclosureRequired(DisclosureError):
    """An export was attempted without a recorded disclosure."""


@dataclass(frozen=True)
class ShareDetails:
    """What the person exporting says about the share (the `what` is filled in for them)."""

    to_whom: str
    why: str
    lawful_basis: str
    consent: bool | None  # None: consent not sought (the lawful basis is not consent)


def _validate(*, what: str, to_whom: str, why: str, lawful_basis: str,
              consent: bool | None) -> None:
    missing = {"what": "Say what is being shared.",
               "to_whom": "Say who it is shared with (name, role and organisation).",
               "why": "Say why it is being shared.",
               "lawful_basis": "Give the lawful basis for sharing, e.g. "
                               f"\u201c{LAWFUL_BASES[0]}\u201d."}
    values = {"what": what, "to_whom": to_whom, "why": why, "lawful_basis": lawful_basis}
    for field, message in missing.items():
        if not str(values[field] or "").strip():
            raise DisclosureError(message)
    for field, limit in _LIMITS.items():
        if len(values[field].strip()) > limit:
            raise DisclosureError(f"Keep \u201c{field.replace('_', ' ')}\u201d to {limit} "
                                  "characters.")
    if consent not in (True, False, None):
        raise DisclosureError("Say whether consent was given (yes, no, or not sought).")
    if "consent" in lawful_basis.lower() and consent is not True:
        raise DisclosureError("The lawful basis is consent, but consent is not recorded as "
                              "given: record the consent or choose another basis.")


def _check_access(user: User, school: Organisation, incident: Incident | None) -> None:
    if incident is None:
        if not roles_in(user, school):
            raise DisclosureError("Only staff of the school can record a disclosure.")
        return
    if incident.school_id != school.pk or not visible_incidents(user, school).filter(
            pk=incident.pk).exists():
        raise DisclosureError("No such incident.")


@transaction.atomic
def do_record_disclosure(user: User, school: Organisation, *, incident: Incident | None,
                         what: str, to_whom: str, why: str, lawful_basis: str,
                         consent: bool | None) -> Disclosure:
    """Log one export or share; `incident` is None for a school-wide export (the review)."""
    _validate(what=what, to_whom=to_whom, why=why, lawful_basis=lawful_basis, consent=consent)
    _check_access(user, school, incident)
    disclosure = Disclosure.objects.create(
        incident=incident, school=school, what=what.strip(), to_whom=to_whom.strip(),
        why=why.strip(), lawful_basis=lawful_basis.strip(), consent=consent, by=user)
    log("incident.disclosed", actor=user, subject=incident or disclosure, organisation=school,
        data={"reference": incident.reference if incident else "", "disclosure": disclosure.pk,
              "what": disclosure.what, "to_whom": disclosure.to_whom, "why": disclosure.why,
              "lawful_basis": disclosure.lawful_basis, "consent": consent})
    return disclosure


def check_disclosures(disclosures: Sequence[Disclosure] | None, school_id: int,
                      references: Iterable[str] = ()) -> None:
    """Refuse an export unless recorded, fresh disclosures of this school cover every incident
    in it. Raises DisclosureRequired."""
    if not disclosures:
        raise DisclosureRequired("Record the disclosure first: to whom, why, the lawful basis "
                                 "and consent.")
    oldest = timezone.now() - FRESH_FOR
    for disclosure in disclosures:
        if disclosure.pk is None or disclosure.school_id != school_id:
            raise DisclosureRequired("The disclosure is not recorded for this school.")
        if disclosure.created_at < oldest:
            raise DisclosureRequired("That disclosure was for an earlier export: record this "
                                     "one.")
    covered = {d.incident.reference for d in disclosures if d.incident is not None}
    missing = sorted(set(references) - covered)
    if missing:
        raise DisclosureRequired(f"No disclosure is recorded for {', '.join(missing)}.")
