"""Incidents through the real actions: reporting, evidence, image abuse, routing, outcome."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from socialguard.audit.log import verify
from socialguard.audit.models import AuditEvent
from socialguard.conftest import member
from socialguard.incidents import actions
from socialguard.incidents.access import incident_for, visible_incidents
from socialguard.incidents.models import (
    AppendOnlyError,
    Compartment,
    Evidence,
    Incident,
    Note,
    Status,
    Type,
)
from socialguard.orgs.models import Role

pytestmark = pytest.mark.django_db
NOW = timezone.now()


@pytest.fixture
def team(school, alice, charlie):
    return {"alice": alice, "charlie": charlie,
            "dora": member(school, "dora", Role.STAFF, Role.DSL),
            "head": member(school, "head", Role.STAFF, Role.SLT),
            "harry": member(school, "harry", Role.HR),
            "sam": member(school, "sam", Role.STAFF)}


def report(school, who, kind=Type.CYBERBULLYING_PUPIL, **extra):
    return actions.do_report(school, who, type=kind, what_happened="Nasty comments about a "
                             "Year 6 pupil on a public page.", where_url="https://x.example/p/1",
                             **extra)


def test_a_report_gets_a_reference_and_an_audit_event(school, team):
    incident = report(school, team["alice"])
    assert incident.reference.startswith(f"INC-{NOW.year}-")
    assert incident.status == Status.REPORTED
    assert AuditEvent.objects.filter(event="incident.reported").count() == 1


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"type": "gossip"}, "what kind of concern"),
    ({"what_happened": "  "}, "Say what happened"),
    ({"type": Type.INDECENT_IMAGES}, "where the material is"),
])
def test_a_report_must_say_enough(school, team, kwargs, message):
    fields = {"type": Type.SAFEGUARDING, "what_happened": "Something happened", **kwargs}
    with pytest.raises(actions.ActionError, match=message):
        actions.do_report(school, team["alice"], **fields)


def test_evidence_is_hashed_and_append_only(school, team):
    incident = report(school, team["alice"])
    shot = actions.do_add_evidence(incident, team["alice"], kind="screenshot", captured_at=NOW,
                                   data=b"\x89PNG fake screenshot bytes", name="shot.png")
    assert len(shot.sha256) == 64
    shot.note = "changed my mind"
    with pytest.raises(AppendOnlyError):
        shot.save()
    with pytest.raises(AppendOnlyError):
        shot.delete()
    fix = actions.do_add_evidence(incident, team["dora"], kind="text", captured_at=NOW,
                                  text="The comment read: ...", corrects=shot)
    assert list(shot.corrections.all()) == [fix]
    assert Evidence.objects.filter(incident=incident).count() == 2


def test_no_file_is_ever_stored_for_image_abuse(school, team):
    incident = report(school, team["alice"], kind=Type.INDECENT_IMAGES,
                      image_location="On a Year 9 pupil's phone, Snapchat")
    for kind in ("screenshot", "file"):
        with pytest.raises(actions.ImageAbuseFileRefused, match="call the police now"):
            actions.do_add_evidence(incident, team["dora"], kind=kind, captured_at=NOW,
                                    data=b"anything at all", name="x.jpg")
    assert not Evidence.objects.filter(incident=incident).exists()
    assert AuditEvent.objects.filter(event="incident.file_refused").count() == 2
    assert incident.image_abuse.location.startswith("On a Year 9")


def test_police_call_records_who_viewed_and_why(school, team):
    incident = report(school, team["alice"], kind=Type.INDECENT_IMAGES, image_location="phone")
    with pytest.raises(actions.ActionError, match="record why"):
        actions.do_record_police_call(incident, team["dora"], called_at=NOW, reference="P1",
                                      anyone_viewed=True)
    record = actions.do_record_police_call(incident, team["dora"], called_at=NOW,
                                           reference="WM-123", anyone_viewed=False)
    assert record.police_reference == "WM-123"


@pytest.mark.parametrize(("route", "refer", "rationale", "consent", "message"), [
    ("police", True, "", None, "rationale"),
    ("police", False, "too short", None, "rationale"),
    ("police_consent", True, "Threatening messages to Mr Clarke.", None, "consent"),
    ("astrology", True, "Threatening messages to Mr Clarke.", None, "Choose a route"),
])
def test_every_routing_decision_needs_a_rationale(school, team, route, refer, rationale,
                                                  consent, message):
    incident = report(school, team["alice"])
    with pytest.raises(actions.ActionError, match=message):
        actions.do_decide_route(incident, team["dora"], route=route, refer=refer,
                                rationale=rationale, consent_recorded=consent)


def test_a_decision_not_to_refer_is_recorded_too(school, team):
    incident = report(school, team["alice"])
    decision = actions.do_decide_route(incident, team["dora"], route="police", refer=False,
                                       rationale="No threat or illegal content; behaviour "
                                                 "policy applies instead.")
    incident.refresh_from_db()
    assert not decision.refer and incident.status == Status.ACTION


def test_triage_can_seal_an_incident_from_the_head(school, team):
    incident = report(school, team["alice"])
    actions.do_triage(incident, team["dora"], severity="high", misuse_context="conduct",
                      misuse_category="aggressive", kcsie_area="conduct",
                      compartment=Compartment.DSL_ONLY)
    assert not visible_incidents(team["head"], school).filter(pk=incident.pk).exists()
    assert visible_incidents(team["dora"], school).filter(pk=incident.pk).exists()
    assert visible_incidents(team["alice"], school).filter(pk=incident.pk).exists()  # reporter


# who -> sees a general incident someone else reported / an HR-compartment one
MATRIX = {"alice": (False, False), "sam": (False, False), "charlie": (False, False),
          "dora": (True, True), "head": (True, True), "harry": (False, True)}


@pytest.mark.parametrize("who", list(MATRIX))
def test_need_to_know(school, team, who):
    general = report(school, team["sam"])
    hr = report(school, team["sam"], kind=Type.STAFF_MISUSE)
    assert hr.compartment == Compartment.HR
    seen = visible_incidents(team[who], school)
    if who == "sam":
        assert seen.count() == 2  # the reporter sees their own reports
        return
    assert (seen.filter(pk=general.pk).exists(), seen.filter(pk=hr.pk).exists()) == MATRIX[who]


def test_every_read_is_audited(school, team):
    incident = report(school, team["alice"])
    incident_for(team["dora"], school, incident.pk)
    incident_for(team["dora"], school, incident.pk)
    reads = AuditEvent.objects.filter(event="incident.viewed", subject_id=str(incident.pk))
    assert reads.count() == 2 and reads.first().actor == team["dora"]
    assert verify().ok


def test_resolution_sets_retention_from_the_record_class(school, team, pupils):
    pupils["james"].date_of_birth = dt.date(2015, 3, 1)
    pupils["james"].save()
    incident = report(school, team["alice"], involved=[{"part": "affected",
                                                        "pupil": pupils["james"]}])
    resolved = actions.do_resolve(incident, team["dora"], outcome="substantiated",
                                  summary="Posts removed; behaviour policy applied.")
    assert resolved.retention_class == "child_protection"
    assert resolved.retain_until == dt.date(2040, 3, 1)
    assert Note.objects.filter(incident=incident, text__startswith="Resolved").exists()
    with pytest.raises(actions.ActionError, match="already resolved"):
        actions.do_resolve(incident, team["dora"], outcome="substantiated", summary="again")


def test_image_abuse_records_are_locked(school, team):
    incident = report(school, team["alice"], kind=Type.INDECENT_IMAGES, image_location="phone")
    resolved = actions.do_resolve(incident, team["dora"], outcome="substantiated",
                                  summary="Handed to the police.")
    assert resolved.locked and resolved.retain_until is None


def test_references_count_up(school, team):
    first, second = report(school, team["alice"]), report(school, team["alice"])
    assert int(second.reference[-5:]) == int(first.reference[-5:]) + 1
    assert Incident.objects.count() == 2
