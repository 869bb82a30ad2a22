"""The OpenAPI document covers every route and method, and real answers fit its schemas."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from socialguard.api import urls
from socialguard.api.openapi import document
from socialguard.api.tests.conftest import CLEAN
from socialguard.api.tests.schema import problems
from socialguard.posts import actions

pytestmark = pytest.mark.django_db

DOCUMENT = document("test")
UNDOCUMENTED = {"not_found"}  # the JSON 404 for unknown paths


def openapi_path(route: str) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def documented_routes():
    return [p for p in urls.urlpatterns if p.name not in UNDOCUMENTED]


@pytest.mark.parametrize("pattern", documented_routes(), ids=lambda p: p.name)
def test_every_route_and_method_is_documented(pattern):
    path = openapi_path(str(pattern.pattern))
    assert path in DOCUMENT["paths"], f"{path} is not in openapi.py"
    documented = {m.upper() for m in DOCUMENT["paths"][path]}
    assert documented == set(pattern.callback.allowed_methods)


def test_nothing_is_documented_that_does_not_exist():
    routes = {openapi_path(str(p.pattern)) for p in documented_routes()}
    assert set(DOCUMENT["paths"]) == routes


def test_every_reference_resolves():
    text = repr(DOCUMENT)
    for name in re.findall(r"#/components/schemas/(\w+)", text):
        assert name in DOCUMENT["components"]["schemas"], name
    for path in DOCUMENT["paths"].values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                assert parameter["in"] in ("query", "path")
            assert operation["responses"]


def test_the_document_is_served():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    served = response.json()
    assert served["openapi"] == "3.1.0"
    assert served["paths"].keys() == DOCUMENT["paths"].keys()
    assert served["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


def schema_for(path, method, status):
    content = DOCUMENT["paths"][path][method]["responses"][str(status)]["content"]
    return content["application/json"]["schema"]


def assert_fits(response, path, method):
    schema = schema_for(path, method, response.status_code)
    assert problems(response.json(), schema, DOCUMENT) == []


def test_real_answers_fit_the_schemas(api_as, alice, bob, school, account, pupils,
                                      django_capture_on_commit_callbacks):
    client = api_as(alice)
    post = actions.do_create_post(school, alice, "Well done James Smith!", accounts=[account],
                                  tagged=[pupils["james"]])
    calls = [
        (Client().get("/api/v1/health"), "/health", "get"),
        (client.post("screen", {"school": school.pk, "item": {"kind": "official_post",
                                                               "text": CLEAN}}),
         "/screen", "post"),
        (client.post("screen", {"school": school.pk, "item": {
            "id": 7, "kind": "official_post", "text": "James Smith, call 07700 900123"}}),
         "/screen", "post"),
        (client.post("screen", {"school": school.pk, "item": {"kind": 1}}), "/screen", "post"),
        (client.get("posts", school=school.pk), "/posts", "get"),
        (client.get("posts", school=school.pk, limit=500), "/posts", "get"),
        (client.get(f"posts/{post.pk}"), "/posts/{post_id}", "get"),
        (Client().get(f"/api/v1/posts/{post.pk}"), "/posts/{post_id}", "get"),
        (api_as(bob).post(f"posts/{post.pk}/submit"), "/posts/{post_id}/submit", "post"),
        (client.get("screen"), "/screen", "post"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        calls.append((client.post(f"posts/{post.pk}/submit"), "/posts/{post_id}/submit",
                      "post"))
    calls.append((client.get(f"posts/{post.pk}"), "/posts/{post_id}", "get"))
    statuses = [response.status_code for response, _, _ in calls]
    assert statuses == [200, 200, 200, 400, 200, 400, 200, 401, 409, 405, 202, 200]
    for response, path, method in calls:
        assert_fits(response, path, method)
    screened = calls[-1][0].json()["screening"]
    assert screened["outcome"] == "BLOCK" and screened["decision"]["violations"]


def test_the_checker_notices_a_wrong_shape():
    decision = {"id": None, "policy": "p", "outcome": "PASS", "violations": [
        {"rule": "r", "outcome": "block", "findings": [{"check": "x", "span": "0-3"}]}]}
    found = problems(decision, {"$ref": "#/components/schemas/Decision"}, DOCUMENT)
    assert "$: missing 'remedies'" in found
    assert "$.violations[0]: missing 'quote'" in found
    assert any(p.startswith("$.violations[0].findings[0].span:") for p in found)
    assert problems({"outcome": "MAYBE"}, {"$ref": "#/components/schemas/Decision"},
                    DOCUMENT)[-1].startswith("$.outcome")
