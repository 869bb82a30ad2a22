"""Chronologies: ordered, complete for the team, need-to-know for everyone else, and a
constant number of queries whatever their length."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from socialguard.incidents import actions, chronology
from socialguard.incidents.access import sees_team_record
from socialguard.incidents.models import Type
from socialguard.incidents.tests.records import (
    full_incident,
    image_incident,
    make_team,
    report,
)
from socialguard.people.models import StaffMember

pytestmark = pytest.mark.django_db

TEAM_ONLY = {"triage", "note", "decision", "takedown", "takedown_check", "takedown_removed",
             "support", "custody", "police"}


@pytest.fixture
def team(school, alice):
    return make_team(school, alice)


@pytest.fixture
def staff(school):
    return StaffMember.objects.create(school=school, first_name="Mark", last_name="Clarke")


def kinds(entries):
    return [entry.kind for entry in entries]


def test_the_team_sees_every_record_in_order(school, team, pupils):
    incident = full_incident(school, team, pupils["james"])
    entries = chronology.for_incident(incident, team["dora"])
    assert kinds(entries) == ["occurred", "report", "evidence", "evidence", "triage", "note",
                              "decision", "takedown", "takedown_check", "support", "resolution",
                              "note", "takedown_removed"]  # removed 30 hours later
    assert [e.at for e in entries] == sorted(e.at for e in entries)
    assert {e.incident_reference for e in entries} == {incident.reference}
    evidence = [e for e in entries if e.kind == "evidence"]
    assert all("SHA-256 " in e.summary and len(e.summary.split("SHA-256 ")[1][:64]) == 64
               for e in evidence)
    by_kind = {e.kind: e for e in entries}
    assert "behaviour policy applies" in by_kind["decision"].summary
    assert by_kind["decision"].summary.startswith("Decided not to refer to Police")
    assert "severity: high" in by_kind["triage"].summary and by_kind["triage"].by == "Dora"
    assert by_kind["takedown_check"].by == "automatic check"
    assert "30.0 hours" in by_kind["takedown_removed"].summary
    assert "Substantiated" in by_kind["resolution"].summary
    assert by_kind["report"].by == "Alice" and by_kind["report"].source.startswith("incident:")


def test_a_reporter_never_sees_notes_decisions_or_the_outcome(school, team, pupils):
    incident = full_incident(school, team, pupils["james"])
    assert not sees_team_record(team["alice"], incident)
    entries = chronology.for_incident(incident, team["alice"])
    assert kinds(entries) == ["occurred", "report", "evidence", "resolution"]
    assert not TEAM_ONLY & set(kinds(entries))
    [evidence] = [e for e in entries if e.kind == "evidence"]
    assert evidence.by == "Alice"  # her own evidence, not the DSL's
    assert entries[-1].summary == "Resolved."
    text = " ".join(e.summary for e in entries)
    assert "mother" not in text and "Substantiated" not in text


def test_someone_outside_the_team_gets_not_found(school, team, pupils, charlie):
    incident = full_incident(school, team, pupils["james"])
    for who in (team["sam"], charlie):
        with pytest.raises(Http404):
            chronology.for_incident(incident, who)
    assert chronology.for_pupil(pupils["james"], team["sam"]) == []


def test_a_pupil_timeline_spans_their_incidents(school, team, pupils):
    first = full_incident(school, team, pupils["james"])
    second = report(school, team["sam"], involved=[{"part": "alleged",
                                                     "pupil": pupils["james"]}])
    report(school, team["sam"], involved=[{"part": "affected", "pupil": pupils["oliver"]}])
    entries = chronology.for_pupil(pupils["james"], team["dora"])
    assert {e.incident_reference for e in entries} == {first.reference, second.reference}
    assert [e.at for e in entries] == sorted(e.at for e in entries)
    # alice reported only the first one: that is all her timeline of James holds
    mine = chronology.for_pupil(pupils["james"], team["alice"])
    assert {e.incident_reference for e in mine} == {first.reference}


def test_sealed_incidents_stay_with_the_dsl(school, team, staff):
    sealed = image_incident(school, team, staff)
    dsl = chronology.for_staff(staff, team["dora"])
    assert {"triage", "police", "custody"} <= set(kinds(dsl))
    [police] = [e for e in dsl if e.kind == "police"]
    assert "WM-123" in police.summary and "Nobody viewed" in police.summary
    [custody] = [e for e in dsl if e.kind == "custody"]
    assert "PC Jones (officer 4567)" in custody.summary
    assert chronology.for_staff(staff, team["head"]) == []
    # the reporter still sees that they reported it, nothing of the police or custody
    assert kinds(chronology.for_staff(staff, team["sam"])) == ["report"]
    assert sealed.reference in {e.incident_reference for e in dsl}


def test_hr_sees_only_the_hr_compartment(school, team, staff):
    hr = report(school, team["sam"], kind=Type.STAFF_MISUSE,
                involved=[{"part": "alleged", "staff": staff}])
    actions.do_add_note(hr, team["harry"], "Interview arranged with the union rep.")
    general = report(school, team["sam"], involved=[{"part": "witness", "staff": staff}])
    entries = chronology.for_staff(staff, team["harry"])
    assert {e.incident_reference for e in entries} == {hr.reference}
    assert "note" in kinds(entries)
    assert general.reference in {e.incident_reference
                                 for e in chronology.for_staff(staff, team["head"])}


def _busy_incident(school, team, pupil, notes):
    incident = report(school, team["alice"], involved=[{"part": "affected", "pupil": pupil}])
    for n in range(notes):
        actions.do_add_note(incident, team["dora"], f"Note {n}")
    return incident


def test_queries_do_not_grow_with_the_entries(school, team, pupils,
                                              django_assert_num_queries):
    small = _busy_incident(school, team, pupils["james"], 10)
    big = _busy_incident(school, team, pupils["oliver"], 100)
    for extra in (small, big):
        actions.do_triage(extra, team["dora"], severity="low")
        actions.do_add_evidence(extra, team["dora"], kind="text", captured_at=extra.reported_at,
                                text="copied")
    with CaptureQueriesContext(connection) as baseline:
        assert len(chronology.for_incident(small, team["dora"])) == 13
    with django_assert_num_queries(len(baseline.captured_queries)):
        assert len(chronology.for_incident(big, team["dora"])) == 103


def test_pupil_queries_do_not_grow_with_the_incidents(school, team, pupils,
                                                      django_assert_num_queries):
    for _ in range(2):
        full_incident(school, team, pupils["james"])
    for _ in range(8):
        full_incident(school, team, pupils["oliver"])
    with CaptureQueriesContext(connection) as baseline:
        chronology.for_pupil(pupils["james"], team["dora"])
    with django_assert_num_queries(len(baseline.captured_queries)):
        assert len({e.incident_reference
                    for e in chronology.for_pupil(pupils["oliver"], team["dora"])}) == 8


def test_a_500_entry_chronology_builds_fast(school, team, pupils):
    incident = _busy_incident(school, team, pupils["james"], 498)
    chronology.for_incident(incident, team["dora"])  # warm up
    started = time.perf_counter()
    entries = chronology.for_incident(incident, team["dora"])
    elapsed = time.perf_counter() - started
    assert len(entries) == 499
    assert elapsed < 0.15, f"{elapsed * 1000:.0f} ms"
