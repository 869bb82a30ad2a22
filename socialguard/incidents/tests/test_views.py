"""Incident pages × roles; the reporter's view; image abuse refuses files by direct POST."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from socialguard.audit.models import AuditEvent
from socialguard.conftest import member
from socialguard.incidents import actions
from socialguard.incidents.models import Evidence, Incident, Type
from socialguard.orgs.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(school, other_school, alice):
    return {"anonymous": None, "alice": alice,
            "sam": member(school, "sam", Role.STAFF),
            "dora": member(school, "dora", Role.STAFF, Role.DSL),
            "head": member(school, "head", Role.STAFF, Role.SLT),
            "harry": member(school, "harry", Role.HR),
            "gina": member(school, "gina", Role.GOVERNOR),
            "olga": member(other_school, "olga", Role.STAFF, Role.DSL)}


@pytest.fixture
def incident(school, alice):
    return actions.do_report(school, alice, type=Type.CYBERBULLYING_PUPIL,
                                what_happened="Mean comments about a pupil on a fan page.",
                                where_url="https://example.org/p/1")


WHO = ("anonymous", "alice", "sam", "dora", "head", "harry", "gina", "olga")
# page -> status for each of WHO; alice reported the incident; olga is another school's DSL.
MATRIX = {
    "list": (302, 200, 200, 200, 200, 200, 200, 404),
    "report": (302, 200, 200, 200, 200, 200, 200, 404),
    "detail": (302, 200, 404, 200, 200, 404, 404, 404),
}


def url(page, school, incident):
    if page == "detail":
        return reverse("incidents:detail", args=[school.pk, incident.pk])
    return reverse(f"incidents:{page}", args=[school.pk])


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("who", WHO)
def test_access_matrix(client, people, school, incident, page, who):
    if people[who] is not None:
        client.force_login(people[who])
    assert client.get(url(page, school, incident)).status_code == MATRIX[page][WHO.index(who)]


def test_the_reporter_does_not_see_the_dsls_notes(client, people, school, incident):
    actions.do_add_note(incident, people["dora"], "Spoke to parents; police not needed.")
    client.force_login(people["alice"])
    body = client.get(url("detail", school, incident)).content.decode()
    assert incident.reference in body
    assert "Spoke to parents" not in body and "Safeguarding notes" not in body
    client.force_login(people["dora"])
    assert "Spoke to parents" in client.get(url("detail", school, incident)).content.decode()


def test_another_schools_dsl_sees_nothing(client, people, school, incident):
    client.force_login(people["olga"])
    assert client.get(url("detail", school, incident)).status_code == 404


def test_each_read_of_an_incident_is_audited(client, people, school, incident):
    client.force_login(people["dora"])
    client.get(url("detail", school, incident))
    assert AuditEvent.objects.filter(event="incident.viewed", actor=people["dora"]).count() == 1


def test_a_direct_post_with_a_file_for_image_abuse_is_refused(client, people, school):
    client.force_login(people["alice"])
    response = client.post(reverse("incidents:report", args=[school.pk]), {
        "type": Type.INDECENT_IMAGES, "what_happened": "A pupil showed me a nude of a Year 10.",
        "image_location": "On the pupil's phone (Snapchat)",
        "evidence": SimpleUploadedFile("image.jpg", b"\xff\xd8\xff not stored")}, follow=True)
    incident = Incident.objects.get(type=Type.INDECENT_IMAGES)
    assert not Evidence.objects.filter(incident=incident).exists()
    assert b"call the police now" in response.content
    assert AuditEvent.objects.filter(event="incident.file_refused").exists()
    client.force_login(people["dora"])
    client.post(reverse("incidents:evidence", args=[school.pk, incident.pk]), {
        "kind": "file", "captured_at": "2026-11-20T10:00",
        "file": SimpleUploadedFile("again.jpg", b"\xff\xd8\xff still not stored")})
    assert not Evidence.objects.filter(incident=incident).exists()


def test_choosing_image_abuse_switches_the_form(client, people, school):
    client.force_login(people["alice"])
    body = client.get(reverse("incidents:report", args=[school.pk]),
                      {"type": Type.INDECENT_IMAGES}, HTTP_HX_REQUEST="true").content.decode()
    assert "Call the police now" in body
    assert 'type="file"' not in body and "image_location" in body


def test_the_team_triages_decides_and_resolves_through_the_pages(client, people, school,
                                                                incident):
    client.force_login(people["dora"])
    base = [school.pk, incident.pk]
    client.post(reverse("incidents:triage", args=base), {
        "severity": "high", "misuse_context": "conduct", "misuse_category": "aggressive",
        "kcsie_area": "conduct", "compartment": "general"})
    client.post(reverse("incidents:decide", args=base), {
        "route": "police", "refer": "yes", "rationale": "Credible threat to a pupil's safety.",
        "reference": "WM-2026-1"})
    client.post(reverse("incidents:resolve", args=base), {
        "outcome": "substantiated", "summary": "Content removed; police advised the family."})
    incident.refresh_from_db()
    assert (incident.severity, incident.status, incident.outcome) == (
        "high", "resolved", "substantiated")
    assert incident.decisions.get().reference == "WM-2026-1"


def test_a_reporter_cannot_post_team_actions(client, people, school, incident):
    client.force_login(people["alice"])
    response = client.post(reverse("incidents:note", args=[school.pk, incident.pk]),
                           {"text": "I am not the DSL"})
    assert response.status_code == 404
    assert not incident.notes.exists()


def test_route_suggestions_come_from_the_pack_and_the_answers(client, people, school,
                                                               incident):
    client.force_login(people["dora"])
    body = client.post(reverse("incidents:suggest", args=[school.pk, incident.pk]),
                       {"credible_threat": "yes", "pupil_perpetrator": "yes"}).content.decode()
    assert "Police" in body and "Behaviour policy" in body
    client.force_login(people["alice"])  # the reporter gets no suggestions
    assert client.post(reverse("incidents:suggest", args=[school.pk, incident.pk]),
                       {}).status_code == 404


def test_takedown_request_check_and_escalation_through_the_pages(client, people, school,
                                                                 incident):
    client.force_login(people["dora"])
    base = [school.pk, incident.pk]
    client.post(reverse("incidents:takedown", args=base), {
        "host": "Facebook", "url": "https://www.facebook.com/groups/x/posts/1",
        "terms": "Community Standards: bullying and harassment"})
    takedown = incident.takedowns.get()
    assert "24" in takedown.request_text and takedown.due_at > takedown.requested_at
    client.post(reverse("incidents:takedown_step", args=[*base, takedown.pk, "escalate"]),
                {"to": "The ISP"})
    client.post(reverse("incidents:takedown_step", args=[*base, takedown.pk, "check"]),
                {"removed": "yes", "detail": "Looked at the page: gone"})
    takedown.refresh_from_db()
    assert (takedown.state, takedown.escalated_to) == ("removed", "The ISP")
    page = client.get(reverse("incidents:detail", args=base)).content.decode()
    assert "Removed" in page and "Looked at the page: gone" in page


SHARE = {"to_whom": "West Midlands Police, PC 1234", "why": "Strategy meeting on 25 November",
         "lawful_basis": "UK GDPR Art. 6(1)(c) legal obligation (statutory safeguarding duty)"}


def test_printing_a_chronology_logs_the_disclosure_first(client, people, school, incident):
    from socialguard.incidents.models import Disclosure

    client.force_login(people["dora"])
    page = client.get(reverse("incidents:chronology", args=[school.pk, incident.pk]))
    assert page.status_code == 200 and b"Mean comments" in page.content
    refused = client.post(reverse("incidents:chronology", args=[school.pk, incident.pk]), {})
    assert refused.status_code == 200 and not Disclosure.objects.exists()
    pdf = client.post(reverse("incidents:chronology", args=[school.pk, incident.pk]), SHARE)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert Disclosure.objects.get().to_whom == SHARE["to_whom"]


@pytest.mark.parametrize(("who", "status"), [("alice", 404), ("dora", 200), ("head", 200),
                                             ("gina", 200), ("olga", 404)])
def test_the_annual_review_is_for_the_dsl_head_and_governors(client, people, school, incident,
                                                             who, status):
    client.force_login(people[who])
    assert client.get(reverse("incidents:review", args=[school.pk])).status_code == status


def test_the_review_exports_csv_with_a_disclosure(client, people, school, incident):
    client.force_login(people["dora"])
    response = client.post(reverse("incidents:review", args=[school.pk]), {
        **SHARE, "start": "2025-09-01", "end": "2026-12-31", "format": "csv"})
    assert response["Content-Type"] == "text/csv"
    assert "Cyberbullying of a pupil" in response.content.decode()


def test_a_staff_breach_records_the_seriousness_factors(client, people, school):
    client.force_login(people["dora"])
    breach = actions.do_report(school, people["sam"], type=Type.STAFF_MISUSE,
                               what_happened="A teacher posted about a pupil's exclusion.")
    url = reverse("incidents:seriousness", args=[school.pk, breach.pk])
    client.post(url, {"nature": "Confidential", "visible_for": "", "recirculation": "x",
                      "impact": "y"})
    assert not breach.seriousness.exists()
    client.post(url, {"nature": "Confidential pupil information", "visible_for": "6 hours",
                      "recirculation": "Shared twice", "impact": "Family distressed"})
    assert breach.seriousness.get().visible_for == "6 hours"


@pytest.mark.parametrize(("who", "status"), [("alice", 404), ("sam", 404), ("dora", 200),
                                             ("head", 200), ("harry", 200), ("olga", 404)])
def test_a_pupils_chronology_is_for_the_team_and_its_reads_are_audited(client, people, school,
                                                                        pupils, who, status):
    actions.do_report(school, people["alice"], type=Type.CYBERBULLYING_PUPIL,
                      what_happened="Comments about James.",
                      involved=[{"part": "affected", "pupil": pupils["james"]}])
    client.force_login(people[who])
    url = reverse("incidents:person", args=[school.pk, "pupil", pupils["james"].pk])
    assert client.get(url).status_code == status
    if status == 200:
        assert AuditEvent.objects.filter(event="incident.pupil_timeline_viewed",
                                         actor=people[who]).exists()


# Every way in: no view, admin or API changes or deletes evidence.
def test_evidence_cannot_be_changed_through_any_door(client, people, school, incident):
    from django.conf import settings
    from django.urls import get_resolver

    assert "django.contrib.admin" not in settings.INSTALLED_APPS
    routes = [str(p.pattern) for p in get_resolver().url_patterns]
    api = next(p for p in get_resolver().url_patterns if str(p.pattern) == "api/v1/")
    assert not any("incident" in str(p.pattern) for p in api.url_patterns)
    assert routes  # the map was read
    evidence = actions.do_add_evidence(incident, people["dora"], kind="text",
                                       captured_at=incident.reported_at, text="original")
    client.force_login(people["dora"])
    url = reverse("incidents:evidence", args=[school.pk, incident.pk])
    for method in ("put", "patch", "delete"):
        assert getattr(client, method)(url).status_code == 405
    client.post(url, {"kind": "text", "text": "changed", "captured_at": "2026-11-20T10:00"})
    evidence.refresh_from_db()
    assert evidence.text == "original"
    assert incident.evidence.count() == 2  # the change is a new entry


def test_the_device_custody_chain_is_recorded_for_image_abuse(client, people, school):
    abuse = actions.do_report(school, people["alice"], type=Type.INDECENT_IMAGES,
                              what_happened="Image shared in a group chat.",
                              image_location="A Year 9 pupil's phone")
    client.force_login(people["dora"])
    url = reverse("incidents:custody", args=[school.pk, abuse.pk])
    client.post(url, {"device": "iPhone 13 (pupil's)", "held_by": "Ms Sharma (DSL)",
                      "at": "2026-11-20T10:00"})
    client.post(url, {"device": "iPhone 13 (pupil's)", "held_by": "Ms Sharma (DSL)",
                      "at": "2026-11-20T11:30", "handed_to": "PC Jones", "officer_number": ""})
    client.post(url, {"device": "iPhone 13 (pupil's)", "held_by": "Ms Sharma (DSL)",
                      "at": "2026-11-20T11:30", "handed_to": "PC Jones",
                      "officer_number": "WM 4421"})
    chain = list(abuse.custody.values_list("handed_to", "officer_number"))
    assert chain == [("", ""), ("PC Jones", "WM 4421")]  # the handover without a number refused


def test_a_report_names_people_from_the_registry_and_strangers(client, people, school, pupils,
                                                               other_school):
    from socialguard.people.models import Pupil

    stranger = Pupil.objects.create(school=other_school, mis_id="Z9", first_name="Zed",
                                    last_name="Other")
    client.force_login(people["alice"])
    options = client.get(reverse("incidents:people_search", args=[school.pk]), {"q": "Jam"})
    assert b"James Smith" in options.content
    client.post(reverse("incidents:report", args=[school.pk]), {
        "type": Type.CYBERBULLYING_PUPIL, "what_happened": "Insults about James.",
        f"involve_pupil_{pupils['james'].pk}": "affected",
        f"involve_pupil_{pupils['oliver'].pk}": "alleged",
        f"involve_pupil_{stranger.pk}": "alleged",  # another school's pupil: ignored
        "involve_pupil_x": "alleged", "involved": "An older teenager from the park"})
    incident = Incident.objects.get()
    assert sorted((i.part, str(i)) for i in incident.involved.all()) == [
        ("affected", "James Smith"), ("alleged", "Oliver Brown"),
        ("other", "An older teenager from the park")]
