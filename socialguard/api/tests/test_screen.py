"""POST /api/v1/screen: the CLI's decision for one item, against a school you work in."""

from __future__ import annotations

import json

import pytest

from socialguard.api.endpoint import MAX_BODY_BYTES
from socialguard.api.tests.conftest import CLEAN

pytestmark = pytest.mark.django_db


HERE = object()  # stands for the school's id, known only once the fixture has run


def item(**fields):
    return {"id": "p1", "kind": "official_post", "text": CLEAN, **fields}


def test_a_clean_post_passes(api_as, alice, school):
    response = api_as(alice).post("screen", {"school": school.pk, "item": item()})
    assert response.status_code == 200
    decision = response.json()
    assert (decision["outcome"], decision["id"], decision["policy"]) == ("PASS", "p1",
                                                                         "core-trust")
    assert all(v["outcome"] == "advise" for v in decision["violations"])


def test_a_pupils_name_is_blocked_with_the_quote(api_as, alice, school, pupils):
    response = api_as(alice).post("screen", {"school": school.pk,
                                             "item": item(text="Well done James Smith!")})
    assert response.status_code == 200
    decision = response.json()
    assert decision["outcome"] == "BLOCK"
    blocking = [v for v in decision["violations"] if v["outcome"] == "block"]
    assert blocking and all(v["quote"] and v["section"] for v in blocking)
    named = [f for v in blocking for f in v["findings"] if f["check"] == "pupil_named"]
    assert [(f["text"], f["span"]) for f in named] == [("James Smith", [10, 21])]
    assert "identifying information" in blocking[0]["quote"]


@pytest.mark.parametrize(("body", "field"), [
    ({"item": item()}, "school"),
    ({"school": "1", "item": item()}, "school"),
    ({"school": True, "item": item()}, "school"),
    ({"school": HERE}, "item"),
    ({"school": HERE, "item": ["text"]}, "item"),
    ({"school": HERE, "item": item(), "pack": "rmet"}, "pack"),
    ({"school": HERE, "item": item(kind="tweet")}, "item.kind"),
    ({"school": HERE, "item": {"text": "hi"}}, "item.kind"),
    ({"school": HERE, "item": item(text=42)}, "item.text"),
    ({"school": HERE, "item": item(text="x" * 100_001)}, "item.text"),
    ({"school": HERE, "item": item(tagged="P001")}, "item.tagged"),
    ({"school": HERE, "item": item(author=["S1"])}, "item.author"),
    ({"school": HERE, "item": item(colour="red")}, "item.colour"),
    ({"school": HERE, "item": item(media=["photo.jpg"])}, "item.media"),
    ({"school": HERE, "item": item(media=["../../etc/passwd"])}, "item.media"),
])
def test_bad_input_is_a_400_naming_the_field(api_as, alice, school, body, field):
    if body.get("school") is HERE:
        body = {**body, "school": school.pk}
    response = api_as(alice).post("screen", body)
    assert response.status_code == 400
    error = response.json()
    assert field in error["fields"], error
    assert error["error"].startswith(field.split(".")[0])


def test_an_empty_media_list_is_fine(api_as, alice, school):
    response = api_as(alice).post("screen", {"school": school.pk, "item": item(media=[])})
    assert response.status_code == 200


@pytest.mark.parametrize(("raw", "message"), [
    ("{not json", "not JSON"),
    ("[1, 2]", "JSON object"),
    ("\"text\"", "JSON object"),
    (b"\xff\xfe", "not JSON"),
])
def test_a_body_that_is_not_a_json_object_is_a_400(api_as, alice, raw, message):
    response = api_as(alice).post("screen", raw=raw)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_another_schools_id_is_not_found(api_as, charlie, school, other_school):
    response = api_as(charlie).post("screen", {"school": school.pk, "item": item()})
    assert response.status_code == 404
    assert response.json() == {"error": "Not found."}
    missing = api_as(charlie).post("screen", {"school": 999_999, "item": item()})
    assert missing.json() == response.json()  # "not yours" looks like "does not exist"


def test_a_body_over_a_megabyte_is_refused(api_as, alice, school):
    text = "x" * (MAX_BODY_BYTES + 1)
    response = api_as(alice).post("screen", raw=json.dumps({"school": school.pk,
                                                             "item": item(text=text)}))
    assert response.status_code == 413
    assert "1024 KB" in response.json()["error"]


def test_a_school_without_a_policy_pack_says_so(api_as, alice, school):
    school.policy_pack = ""
    school.save()
    response = api_as(alice).post("screen", {"school": school.pk, "item": item()})
    assert response.status_code == 409
    assert "cannot be screened" in response.json()["error"]


def test_screening_needs_a_token(school):
    from django.test import Client

    response = Client().post("/api/v1/screen", {"school": school.pk, "item": item()},
                             content_type="application/json")
    assert response.status_code == 401
