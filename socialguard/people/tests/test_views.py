"""People pages × roles, and the upload flows through the page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from socialguard.conftest import member
from socialguard.orgs.models import Role
from socialguard.people.models import Consent, Pupil

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(school, alice, bob, charlie):
    def user(name, role):
        return member(school, name, role)

    return {"anonymous": None, "alice": alice, "bob": bob, "charlie": charlie,
            "dana": user("dana", Role.SLT), "dora": user("dora", Role.DSL),
            "gina": user("gina", Role.GOVERNOR)}


WHO = ("anonymous", "alice", "bob", "charlie", "dana", "dora", "gina")
PAGES = {  # page -> status for each of WHO (302 = to sign in)
    "pupils": (302, 200, 200, 404, 200, 200, 404),
    "pupil": (302, 200, 200, 404, 200, 200, 404),
    "import": (302, 404, 404, 404, 200, 200, 404),
    "devices": (302, 200, 200, 404, 200, 200, 404),
}


def url(page, school, pupil):
    if page == "pupil":
        return reverse("people:pupil", args=[school.pk, pupil.pk])
    return reverse(f"people:{page}", args=[school.pk])


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("who", WHO)
def test_access_matrix(client, people, school, pupils, page, who):
    if people[who] is not None:
        client.force_login(people[who])
    response = client.get(url(page, school, pupils["james"]))
    assert response.status_code == PAGES[page][WHO.index(who)]


def test_staff_cannot_record_consent(client, alice, school, pupils):
    client.force_login(alice)
    response = client.post(reverse("people:pupil", args=[school.pk, pupils["oliver"].pk]), {
        "purpose": "social_media", "granted": "yes", "given_by": "Mum",
        "given_on": "2026-11-01", "evidence": "file"})
    assert response.status_code == 404
    assert not Consent.objects.filter(pupil=pupils["oliver"]).exists()


def test_a_leader_records_and_withdraws_consent(client, people, school, pupils):
    client.force_login(people["dana"])
    page = reverse("people:pupil", args=[school.pk, pupils["oliver"].pk])
    client.post(page, {"purpose": "social_media", "granted": "yes", "given_by": "Mrs Brown",
                       "given_on": "2026-11-01", "evidence": "Office file 12"})
    client.post(page, {"purpose": "social_media", "granted": "no", "given_by": "Mrs Brown",
                       "given_on": "2026-11-02", "evidence": ""})
    assert list(Consent.objects.filter(pupil=pupils["oliver"]).values_list("granted", flat=True)
                ) == [False, True]


def test_an_import_with_errors_imports_nothing_and_says_where(client, people, school):
    client.force_login(people["dana"])
    csv = (b"UPN,Legal Forename,Legal Surname,Year\n"
           b"A123456789012,Ann,Lee,3\n"
           b",Bob,,4\n")
    response = client.post(reverse("people:import", args=[school.pk]), {
        "kind": "pupils", "file": SimpleUploadedFile("pupils.csv", csv, "text/csv")})
    body = response.content.decode()
    assert "Nothing was imported" in body and "Line 3" in body
    assert not Pupil.objects.filter(school=school).exists()


def test_the_do_not_publish_flag_is_set_by_a_leader(client, people, school, pupils):
    client.force_login(people["dana"])
    client.post(reverse("people:do_not_publish", args=[school.pk, pupils["james"].pk]),
                {"flag": "on"})
    pupils["james"].refresh_from_db()
    assert pupils["james"].do_not_publish
