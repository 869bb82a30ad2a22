"""Incident records made with the real actions, for the chronology, review and PDF tests."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.utils import timezone

from socialguard.incidents import actions
from socialguard.incidents.models import (
    Compartment,
    CustodyEntry,
    Incident,
    Takedown,
    TakedownCheck,
    Type,
)
from socialguard.orgs.models import Membership, Role
from socialguard.people.models import StaffMember

NOW = timezone.now()
LAWFUL = "UK GDPR Art. 6(1)(e) public task; Art. 9(2)(g) safeguarding of children"
SHARE = {"to_whom": "DC Patel, West Midlands Police", "why": "Strategy meeting on 3 March",
         "lawful_basis": LAWFUL, "consent": None}


def member(school, name, *roles, first_name=""):
    user = User.objects.create_user(name, password="pw", first_name=first_name)
    for role in roles:
        Membership.objects.create(user=user, organisation=school, role=role)
    return user


def make_team(school, alice):
    return {"alice": alice,
            "dora": member(school, "dora", Role.STAFF, Role.DSL, first_name="Dora"),
            "head": member(school, "head", Role.STAFF, Role.SLT),
            "harry": member(school, "harry", Role.HR),
            "gill": member(school, "gill", Role.GOVERNOR),
            "sam": member(school, "sam", Role.STAFF)}


def report(school, who, kind=Type.CYBERBULLYING_PUPIL, **extra):
    return actions.do_report(school, who, type=kind, what_happened="Nasty comments about a "
                             "Year 6 pupil on a public page.", where_url="https://x.example/p/1",
                             platform="Instagram", **extra)


def takedown(incident, *, host="instagram.com", requested=None, hours=None, due_hours=48,
             state=None):
    requested = requested or timezone.now()
    removed = requested + dt.timedelta(hours=hours) if hours is not None else None
    return Takedown.objects.create(
        incident=incident, host=host, url="https://x.example/p/1", terms_cited="Bullying policy",
        request_text="Please remove.", requested_at=requested,
        due_at=requested + dt.timedelta(hours=due_hours),
        state=state or (Takedown.State.REMOVED if removed else Takedown.State.REQUESTED),
        removed_at=removed)


def full_incident(school, team, pupil):
    """Every kind of record on one incident reported by alice about `pupil`."""
    alice, dora = team["alice"], team["dora"]
    incident = report(school, alice, occurred_at=NOW - dt.timedelta(days=2),
                      involved=[{"part": "affected", "pupil": pupil}])
    actions.do_add_evidence(incident, alice, kind="screenshot", captured_at=NOW,
                            data=b"\x89PNG alice's screenshot", name="shot.png")
    actions.do_add_evidence(incident, dora, kind="text", captured_at=NOW,
                            text="The DSL's copy of the comment")
    actions.do_triage(incident, dora, severity="high", kcsie_area="conduct")
    actions.do_add_note(incident, dora, "Spoke to the pupil's mother.")
    actions.do_decide_route(incident, dora, route="police", refer=False,
                            rationale="No threat or illegal content; behaviour policy applies.")
    removal = takedown(incident, hours=30)
    TakedownCheck.objects.create(takedown=removal, removed=True, how="automatic",
                                 http_status=404)
    actions.do_offer_support(incident, dora, person="The pupil", offered="Counselling",
                             accepted=True)
    actions.do_resolve(incident, dora, outcome="substantiated",
                       summary="Posts removed; behaviour policy applied.")
    return Incident.objects.get(pk=incident.pk)


def image_incident(school, team, staff: StaffMember):
    dora = team["dora"]
    incident = report(school, team["sam"], kind=Type.INDECENT_IMAGES,
                      image_location="A Year 9 pupil's phone",
                      involved=[{"part": "witness", "staff": staff}])
    actions.do_triage(incident, dora, severity="critical", compartment=Compartment.DSL_ONLY)
    actions.do_record_police_call(incident, dora, called_at=NOW, reference="WM-123",
                                  anyone_viewed=False)
    CustodyEntry.objects.create(incident=incident, device="iPhone 12", held_by="Dora (DSL)",
                                handed_to="PC Jones", officer_number="4567", at=NOW,
                                recorded_by=dora)
    return incident
