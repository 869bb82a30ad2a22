"""The engine's registry (screening.roster.Registry) built from a school's database rows."""

from __future__ import annotations

from collections import defaultdict

from socialguard.orgs.models import Organisation
from socialguard.people.models import Consent, Device, Guardian, Pupil, StaffMember
from socialguard.screening import roster


def current_consents(school: Organisation) -> dict[int, dict[str, bool]]:
    """pupil id -> purpose -> granted, from the newest record of each purpose."""
    found: dict[int, dict[str, bool]] = defaultdict(dict)
    rows = (Consent.objects.filter(pupil__school=school)
            .order_by("pupil_id", "purpose", "-recorded_at", "-id")
            .values_list("pupil_id", "purpose", "granted"))
    for pupil_id, purpose, granted in rows:
        found[pupil_id].setdefault(purpose, granted)
    return found


def registry_for(school: Organisation) -> roster.Registry:
    consents = current_consents(school)
    links: dict[int, list[str]] = defaultdict(list)
    for guardian_id, pupil_id in Guardian.pupils.through.objects.filter(
            guardian__school=school).values_list("guardian_id", "pupil_id"):
        links[guardian_id].append(str(pupil_id))
    return roster.Registry(
        organisation=roster.Organisation(
            name=school.name, aliases=tuple(school.aliases), phones=tuple(school.phones),
            emails=tuple(school.emails), website=school.website or None,
            address=school.address or None),
        pupils=tuple(
            roster.Pupil(id=str(p.pk), first_name=p.first_name, last_name=p.last_name,
                         preferred_name=p.preferred_name or None, year=p.year or None,
                         consent=roster.Consent(**consents.get(p.pk, {})),
                         do_not_publish=p.do_not_publish)
            for p in Pupil.objects.filter(school=school)),
        staff=tuple(
            roster.StaffMember(id=str(s.pk), first_name=s.first_name, last_name=s.last_name,
                               title=s.title or None, role=s.role or None,
                               personal_phones=tuple(s.personal_phones),
                               personal_emails=tuple(s.personal_emails))
            for s in StaffMember.objects.filter(school=school)),
        guardians=tuple(
            roster.Guardian(id=str(g.pk), first_name=g.first_name, last_name=g.last_name,
                            pupils=tuple(links.get(g.pk, ())))
            for g in Guardian.objects.filter(school=school)),
        devices=tuple(roster.Device(make=d.make, model=d.model, serial=d.serial or None)
                      for d in Device.objects.filter(school=school)),
    )
