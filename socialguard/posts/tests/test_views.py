"""Every page × every role, including another school's staff, and the live screening."""

from __future__ import annotations

import pytest
from django.urls import reverse

from socialguard.conftest import member
from socialguard.orgs.models import Role
from socialguard.posts import actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(school, alice, bob, charlie):
    def user(name, role):
        return member(school, name, role)

    return {"anonymous": None, "alice": alice, "bob": bob, "charlie": charlie,
            "dana": user("dana", Role.SLT), "gina": user("gina", Role.GOVERNOR),
            "ivan": user("ivan", Role.IT_ADMIN)}


@pytest.fixture
def draft(school, alice, account):
    return actions.do_create_post(school, alice, "Harvest festival today!", accounts=[account])


PAGES = {
    "school": lambda s, p: reverse("school", args=[s.pk]),
    "my posts": lambda s, p: reverse("posts:list", args=[s.pk]),
    "new post": lambda s, p: reverse("posts:new", args=[s.pk]),
    "alice's draft": lambda s, p: reverse("posts:detail", args=[s.pk, p.pk]),
    "edit alice's draft": lambda s, p: reverse("posts:edit", args=[s.pk, p.pk]),
    "approval queue": lambda s, p: reverse("posts:queue", args=[s.pk]),
    "archive": lambda s, p: reverse("posts:archive", args=[s.pk]),
    "audit log": lambda s, p: reverse("audit", args=[s.pk]),
    "audit export": lambda s, p: reverse("audit_export", args=[s.pk]),
}

# page -> expected status for each of anonymous, alice (staff, author), bob (approver),
# charlie (another school), dana (SLT), gina (governor), ivan (IT admin). 302 = to sign in.
MATRIX = {
    "school":             (302, 200, 200, 404, 200, 200, 200),
    "my posts":           (302, 200, 200, 404, 200, 200, 200),
    "new post":           (302, 200, 200, 404, 200, 404, 404),
    "alice's draft":      (302, 200, 200, 404, 200, 404, 404),
    "edit alice's draft": (302, 200, 404, 404, 404, 404, 404),
    "approval queue":     (302, 404, 200, 404, 200, 404, 404),
    "archive":            (302, 200, 200, 404, 200, 200, 200),
    "audit log":          (302, 404, 404, 404, 200, 404, 404),
    "audit export":       (302, 404, 404, 404, 200, 404, 404),
}
WHO = ("anonymous", "alice", "bob", "charlie", "dana", "gina", "ivan")


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("who", WHO)
def test_access_matrix(client, people, school, draft, page, who):
    if people[who] is not None:
        client.force_login(people[who])
    response = client.get(PAGES[page](school, draft))
    assert response.status_code == MATRIX[page][WHO.index(who)]


def test_editing_someone_elses_post_is_refused_even_by_post(client, bob, school, draft):
    client.force_login(bob)
    response = client.post(reverse("posts:edit", args=[school.pk, draft.pk]),
                           {"text": "changed", "channel": "facebook"})
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.text == "Harvest festival today!"


def test_live_screening_quotes_the_rule_and_marks_the_name(client, alice, school, pupils):
    client.force_login(alice)
    response = client.post(reverse("posts:screen", args=[school.pk]),
                           {"text": "Well done James Smith!", "channel": "facebook"},
                           HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert "BLOCK" in body
    assert "<mark" in body and "James Smith</mark>" in body
    assert "identifying information relating to a child" in body


def test_live_screening_of_another_school_is_not_found(client, charlie, school):
    client.force_login(charlie)
    response = client.post(reverse("posts:screen", args=[school.pk]), {"text": "hello"})
    assert response.status_code == 404


def test_pupil_search_finds_by_name_in_the_school_only(client, alice, school, pupils):
    client.force_login(alice)
    body = client.get(reverse("posts:pupil_search", args=[school.pk]), {"q": "jam"}).content
    assert b"James Smith" in body and b"Oliver" not in body


def test_compose_and_submit_through_the_page(client, alice, school, account,
                                             django_capture_on_commit_callbacks):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):  # the screening task runs
        response = client.post(reverse("posts:new", args=[school.pk]), {
            "text": "Harvest festival today! https://www.oakfield.sch.uk", "channel": "facebook",
            "accounts": [account.pk], "submit": "1"}, follow=True)
    assert response.status_code == 200
    post = school.posts.get()
    page = client.get(reverse("posts:detail", args=[school.pk, post.pk]))
    assert b"Awaiting approval" in page.content
    assert b"Policy check: PASS" in page.content


def test_a_decompression_bomb_is_refused_with_a_clear_error(client, alice, school, account):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "bomb.png"
    client.force_login(alice)
    response = client.post(reverse("posts:new", args=[school.pk]), {
        "text": "Look", "channel": "facebook", "accounts": [account.pk], "photo": buffer})
    assert response.status_code == 200
    assert b"not a usable photo" in response.content
    assert not school.posts.exists()  # nothing half-saved


@pytest.mark.parametrize(("text", "expected"), [
    ("Well done James Smith and James!", "Well done [removed] and [removed]!"),
    ("Questions? Call 07700 900456 today", "Questions? Call [removed] today"),
])
def test_fix_it_applies_the_products_own_remedy(client, alice, school, pupils, text, expected):
    client.force_login(alice)
    response = client.post(reverse("posts:apply_fix", args=[school.pk]),
                           {"text": text, "channel": "facebook", "remedy": "0"})
    assert response.status_code == 200
    assert response["HX-Trigger"] == "rescreen"
    assert f">{expected}</textarea>" in response.content.decode()


def test_fix_it_refuses_a_remedy_that_does_not_exist(client, alice, school):
    client.force_login(alice)
    response = client.post(reverse("posts:apply_fix", args=[school.pk]),
                           {"text": "Harvest festival today!", "remedy": "7"})
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "content", "message"), [
    ("notes.jpg", b"this is not a photo at all", b"not a usable photo"),
    ("empty.png", b"", b"The submitted file is empty"),
    ("huge.jpg", b"\xff\xd8\xff" + b"0" * (15 * 1024 * 1024 + 1), b"over 15 MB"),
])
def test_bad_photos_are_refused_clearly_and_save_nothing(client, alice, school, account, name,
                                                         content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(alice)
    response = client.post(reverse("posts:new", args=[school.pk]), {
        "text": "Look", "channel": "facebook", "accounts": [account.pk],
        "photo": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.content
    assert not school.posts.exists()


def test_a_double_submit_screens_once(client, alice, school, account,
                                      django_capture_on_commit_callbacks):
    post = actions.do_create_post(school, alice, "Harvest festival today!", accounts=[account])
    client.force_login(alice)
    url = reverse("posts:submit", args=[school.pk, post.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
        second = client.post(url, follow=True)
    assert b"already" in second.content
    assert post.screenings.count() == 1
