"""Need-to-know access to incidents (I10), and every read audited.

- The reporter sees their own reports (never the notes or decisions).
- The DSL and deputies (Role.DSL) see every incident of the school, sealed ones included.
- The head teacher (Role.SLT) sees the general and HR compartments, not sealed ones.
- HR (Role.HR) sees the HR compartment (allegations against staff) and nothing else.
- Everyone else, and other schools, get "not found".
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from socialguard.audit.log import log
from socialguard.incidents.models import Compartment, Incident
from socialguard.orgs.access import User, roles_in
from socialguard.orgs.models import Organisation, Role

_SEES = {
    Role.DSL: (Compartment.GENERAL, Compartment.HR, Compartment.DSL_ONLY),
    Role.SLT: (Compartment.GENERAL, Compartment.HR),
    Role.HR: (Compartment.HR,),
}


def compartments(user: User, school: Organisation) -> set[str]:
    roles = roles_in(user, school)
    return {c for role, seen in _SEES.items() if role in roles for c in seen}


def is_team(user: User, school: Organisation) -> bool:
    """Part of the safeguarding team for the school (sees more than their own reports)."""
    return bool(compartments(user, school))


def visible_incidents(user: User, school: Organisation) -> QuerySet[Incident]:
    if not user.is_authenticated:
        return Incident.objects.none()
    allowed = Q(reporter_id=user.pk) | Q(compartment__in=compartments(user, school))
    return Incident.objects.filter(school=school).filter(allowed)


def incident_for(user: User, school: Organisation, incident_id: int, *,
                 purpose: str = "viewed") -> Incident:
    """The incident if the user may see it; the read is audited (I10)."""
    incident = (visible_incidents(user, school).select_related("reporter", "school")
                .filter(pk=incident_id).first())
    if incident is None:
        raise Http404("No such incident")
    from django.db import transaction

    with transaction.atomic():
        log(f"incident.{purpose}", actor=user, subject=incident, organisation=school)
    return incident


def sees_team_record(user: User, incident: Incident) -> bool:
    """Whether the user sees notes, decisions and triage (the reporter alone does not)."""
    return incident.compartment in compartments(user, incident.school)
