"""Posts through the API: the same door as the web app (alice her own, bob the school's,
charlie nothing), a constant number of queries per page, submit through the real action."""

from __future__ import annotations

import pytest

from socialguard.api.tests.conftest import CLEAN
from socialguard.posts import actions
from socialguard.posts.models import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(school, alice, bob, account, pupils):
    mine = actions.do_create_post(school, alice, CLEAN, accounts=[account],
                                  tagged=[pupils["james"]])
    theirs = actions.do_create_post(school, bob, "Bob's draft", accounts=[account])
    return {"alice": mine, "bob": theirs}


def ids(response):
    return sorted(post["id"] for post in response.json()["results"])


def test_alice_lists_her_own_posts(api_as, alice, school, posts, account, pupils):
    response = api_as(alice).get("posts", school=school.pk)
    assert response.status_code == 200
    page = response.json()
    assert (page["count"], page["limit"], page["offset"]) == (1, 20, 0)
    [post] = page["results"]
    assert post["id"] == posts["alice"].pk
    assert post["author"] == {"id": alice.pk, "username": "alice", "name": "Alice"}
    assert (post["state"], post["accounts"], post["tagged"]) == (
        "draft", [account.pk], [pupils["james"].pk])


def test_bob_the_approver_lists_every_post_of_the_school(api_as, bob, school, posts):
    response = api_as(bob).get("posts", school=school.pk)
    assert ids(response) == sorted(p.pk for p in posts.values())


def test_charlie_cannot_list_another_schools_posts(api_as, charlie, school, other_school,
                                                   posts):
    assert api_as(charlie).get("posts", school=school.pk).status_code == 404
    own = api_as(charlie).get("posts", school=other_school.pk)
    assert own.json()["count"] == 0


def test_posts_filter_by_state_and_paginate(api_as, bob, alice, school, posts, account):
    extra = [actions.do_create_post(school, alice, f"post {n}", accounts=[account])
             for n in range(3)]
    actions.do_submit(extra[0], alice)
    client = api_as(bob)
    assert ids(client.get("posts", school=school.pk, state="screening")) == [extra[0].pk]
    both = client.get(f"posts?school={school.pk}&state=screening&state=draft")
    assert both.json()["count"] == 5
    first = client.get("posts", school=school.pk, limit=2).json()
    second = client.get("posts", school=school.pk, limit=2, offset=2).json()
    assert first["count"] == second["count"] == 5
    assert len(first["results"]) == len(second["results"]) == 2
    assert not {p["id"] for p in first["results"]} & {p["id"] for p in second["results"]}


@pytest.mark.parametrize(("params", "field"), [
    ({}, "school"),
    ({"school": "x"}, "school"),
    ({"school": "0"}, "school"),
    ({"school": "SCHOOL", "state": "lost"}, "state"),
    ({"school": "SCHOOL", "limit": "101"}, "limit"),
    ({"school": "SCHOOL", "limit": "0"}, "limit"),
    ({"school": "SCHOOL", "offset": "-1"}, "offset"),
    ({"school": "SCHOOL", "offset": "1.5"}, "offset"),
])
def test_bad_list_parameters_are_a_400_naming_the_field(api_as, bob, school, params, field):
    params = {k: (school.pk if v == "SCHOOL" else v) for k, v in params.items()}
    response = api_as(bob).get("posts", **params)
    assert response.status_code == 400
    assert field in response.json()["fields"]


@pytest.mark.parametrize("count", [5, 30])
def test_a_page_costs_the_same_queries_for_5_or_30_posts(
        api_as, bob, alice, school, account, pupils, count, django_assert_num_queries):
    for n in range(count):
        actions.do_create_post(school, alice, f"post {n}", accounts=[account],
                               tagged=[pupils["james"], pupils["oliver"]])
    client = api_as(bob)
    client.get("posts", school=school.pk)  # the first use writes last_used_at
    # token and user; memberships, school, roles (school_for); roles (visible_posts);
    # count; page with authors; accounts; tagged pupils
    with django_assert_num_queries(9):
        response = client.get("posts", school=school.pk, limit=100)
    assert len(response.json()["results"]) == count


@pytest.mark.parametrize(("who", "whose", "status"), [
    ("alice", "alice", 200),
    ("alice", "bob", 404),  # a colleague's draft is not hers to see
    ("bob", "alice", 200),
    ("charlie", "alice", 404),
])
def test_post_detail_is_found_only_for_those_who_may_see_it(
        api_as, request, posts, charlie, who, whose, status):
    client = api_as(request.getfixturevalue(who))
    response = client.get(f"posts/{posts[whose].pk}")
    assert response.status_code == status
    if status == 404:
        assert response.json() == client.get("posts/999999").json()
    else:
        assert response.json()["id"] == posts[whose].pk
        assert response.json()["screening"] is None


def test_alice_submits_her_post_and_it_is_screened(api_as, alice, posts,
                                                   django_capture_on_commit_callbacks):
    client = api_as(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"posts/{posts['alice'].pk}/submit")
    assert response.status_code == 202
    assert response.json()["state"] == State.SCREENING
    detail = client.get(f"posts/{posts['alice'].pk}").json()
    assert detail["state"] == State.AWAITING_APPROVAL
    assert detail["screening"]["outcome"] == "PASS"
    assert detail["screening"]["decision"]["outcome"] == "PASS"


@pytest.mark.parametrize(("who", "whose", "status", "message"), [
    ("bob", "alice", 409, "Only the author can submit"),
    ("alice", "bob", 404, "Not found"),
    ("charlie", "alice", 404, "Not found"),
])
def test_submitting_someone_elses_post_is_refused(api_as, request, posts, charlie, who,
                                                  whose, status, message):
    response = api_as(request.getfixturevalue(who)).post(f"posts/{posts[whose].pk}/submit")
    assert response.status_code == status
    assert message in response.json()["error"]
    posts[whose].refresh_from_db()
    assert posts[whose].state == State.DRAFT


def test_submitting_twice_is_a_conflict(api_as, alice, posts):
    client = api_as(alice)
    assert client.post(f"posts/{posts['alice'].pk}/submit").status_code == 202
    again = client.post(f"posts/{posts['alice'].pk}/submit")
    assert again.status_code == 409
    assert again.json() == {"error": "This post is already being screened."}
