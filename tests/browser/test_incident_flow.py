"""Incidents in a real browser (issue 4's bar).

A member of staff reports cyberbullying with a screenshot; the DSL triages, refers to the
police with a rationale, sends a takedown and records removal; the reporter cannot see the
DSL's notes; another school's DSL cannot see the incident at all; the image-abuse type
refuses a file in the browser (and the view tests refuse it by direct POST).
"""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect

from socialguard.incidents.models import Evidence, Incident, Type
from socialguard.orgs.models import Role
from tests.browser.conftest import add_user

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
       b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def menu(page, name):
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()


def test_report_triage_refer_takedown_removed(page, login, logout, live_server, school, alice,
                                              other_school, tmp_path):
    add_user(school, "dora", Role.STAFF, Role.DSL)
    add_user(other_school, "olga", Role.STAFF, Role.DSL)
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(PNG)

    # Alice reports cyberbullying with a screenshot.
    login(page, "alice")
    menu(page, "Incidents")
    page.get_by_role("link", name="Report a concern").click()
    # Cyberbullying of a pupil is the first choice; choosing another type swaps the fields.
    expect(page.get_by_label("What kind of concern is it?")).to_have_value(
        Type.CYBERBULLYING_PUPIL)
    page.get_by_label("What happened").fill("A fake account is posting insults about a "
                                            "Year 6 pupil.")
    page.get_by_label("Where: web address (if online)").fill("https://www.facebook.com/x/1")
    page.get_by_label("Screenshot or file (optional)").set_input_files(str(shot))
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator(".messages")).to_contain_text("Reported as INC-")
    incident = Incident.objects.get()
    assert Evidence.objects.filter(incident=incident, kind="screenshot").count() == 1
    logout(page)

    # The DSL triages, refers to the police with a rationale, notes, sends a takedown.
    login(page, "dora")
    page.goto(f"{live_server.url}/s/{school.pk}/incidents/{incident.pk}/")
    page.get_by_label("Severity").select_option("high")
    page.get_by_role("button", name="Save triage").click()
    expect(page.locator(".messages")).to_contain_text("Saved")
    page.locator("#decision_route").select_option("police")
    page.get_by_label("Rationale (required, also for not referring)").fill(
        "Threats of violence against the pupil in the posts.")
    page.get_by_label("Their reference").fill("WM-2026-77")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("region", name="Decisions and referrals")).to_contain_text(
        "WM-2026-77")
    page.get_by_label("Note (seen by the safeguarding team only)").fill(
        "DSL note: spoke to the family.")
    page.get_by_role("button", name="Add note").click()
    page.get_by_text("Request a takedown").click()
    page.get_by_label("Host or platform (e.g. Facebook)").fill("Facebook")
    page.get_by_label("The terms it breaks").fill("Community Standards: bullying")
    page.get_by_role("button", name="Send the request").click()
    takedowns = page.get_by_role("region", name="Takedowns")
    expect(takedowns).to_contain_text("Requested")
    takedowns.get_by_label("Is it gone?").select_option("yes")
    takedowns.get_by_role("button", name="Record the check").click()
    expect(takedowns).to_contain_text("Removed")
    logout(page)

    # The reporter sees her report but not the DSL's notes.
    login(page, "alice")
    page.goto(f"{live_server.url}/s/{school.pk}/incidents/{incident.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(incident.reference)
    expect(page.locator("main")).not_to_contain_text("spoke to the family")
    logout(page)

    # Another school's DSL cannot see it at all.
    login(page, "olga")
    response = page.goto(f"{live_server.url}/s/{school.pk}/incidents/{incident.pk}/")
    assert response.status == 404


def test_image_abuse_switches_the_form_and_takes_no_file(page, login, live_server, school,
                                                        alice):
    login(page, "alice")
    page.goto(f"{live_server.url}/s/{school.pk}/incidents/report/")
    expect(page.get_by_label("Screenshot or file (optional)")).to_be_visible()
    with page.expect_response(lambda response: "/incidents/report/" in response.url):
        page.get_by_label("What kind of concern is it?").select_option(Type.INDECENT_IMAGES)
    expect(page.get_by_role("alert")).to_contain_text("Call the police now")
    expect(page.locator("input[type=file]")).to_have_count(0)
    page.get_by_label("What happened").fill("A pupil was sent a nude image of another pupil.")
    page.get_by_label("Where the material is (device, account, address)").fill(
        "The pupil's phone; not copied")
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator(".messages")).to_contain_text("Reported as INC-")
    incident = Incident.objects.get(type=Type.INDECENT_IMAGES)
    assert not incident.evidence.exists()
