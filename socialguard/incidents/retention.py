"""How long incident records are kept, per record class, as data (docs/incidents.md).

- child protection: to the pupil's date of birth + 25 years;
- allegations against staff: to retirement age or 10 years, whichever is longer; malicious
  allegations are removed (a disposal review is due at once);
- anything that may bear on child sexual abuse inquiries is locked: never disposed of.
Disposal itself is a reviewed action, never silent (a later issue's scheduled task lists what
is due; a person decides).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from socialguard.incidents.models import Incident, Outcome, Type

RETIREMENT_AGE = 67


@dataclass(frozen=True)
class RecordClass:
    name: str
    types: frozenset[str]
    years: int
    from_birth: bool = False
    locked: bool = False


CLASSES = (
    RecordClass("child_sexual_abuse", frozenset({Type.INDECENT_IMAGES}), 0, locked=True),
    RecordClass("child_protection", frozenset({Type.SAFEGUARDING, Type.CYBERBULLYING_PUPIL,
                                               Type.RADICALISATION}), 25, from_birth=True),
    RecordClass("staff_allegation", frozenset({Type.STAFF_MISUSE}), 10),
    RecordClass("general", frozenset(), 6),
)


def record_class(incident: Incident) -> RecordClass:
    return next((c for c in CLASSES if incident.type in c.types), CLASSES[-1])


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def retention_for(incident: Incident) -> tuple[str, dt.date | None]:
    """The class and the date to review for disposal (None: kept indefinitely, locked)."""
    kind = record_class(incident)
    if kind.locked:
        incident.locked = True
        return kind.name, None
    today = timezone.now().date()
    if kind.name == "staff_allegation":
        return kind.name, _staff_date(incident, today)
    if kind.from_birth:
        births = [i.pupil.date_of_birth for i in incident.involved.select_related("pupil")
                  if i.pupil and i.pupil.date_of_birth]
        start = max(births) if births else incident.reported_at.date()
        return kind.name, _years_after(start, kind.years)
    return kind.name, _years_after(today, kind.years)


def _staff_date(incident: Incident, today: dt.date) -> dt.date:
    if incident.outcome == Outcome.MALICIOUS:
        return today  # removed: the disposal review is due now
    ten_years = _years_after(today, 10)
    births = [i.staff.date_of_birth for i in incident.involved.select_related("staff")
              if i.staff and i.staff.date_of_birth]
    retirement = [_years_after(b, RETIREMENT_AGE) for b in births]
    return max([ten_years, *retirement])
