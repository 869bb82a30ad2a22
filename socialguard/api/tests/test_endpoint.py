"""The frame around every view: health, 405 and 404 in JSON, CSRF only spared for tokens."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_health_needs_no_token_and_gives_the_version():
    response = Client().get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": "0.1.0"}


@pytest.mark.parametrize(("method", "path", "allowed"), [
    ("post", "health", "GET"),
    ("delete", "openapi.json", "GET"),
    ("get", "screen", "POST"),
    ("post", "posts", "GET"),
    ("put", "posts/1", "GET"),
    ("get", "posts/1/submit", "POST"),
])
def test_a_wrong_method_is_a_405_in_json(method, path, allowed):
    response = getattr(Client(), method)(f"/api/v1/{path}")
    assert response.status_code == 405
    assert response["Allow"] == allowed
    assert allowed in response.json()["error"]


@pytest.mark.parametrize("path", ["nothing", "posts/abc", "posts/1/approve", "health/"])
def test_an_unknown_path_is_a_404_in_json(path):
    response = Client().get(f"/api/v1/{path}")
    assert response.status_code == 404
    assert "openapi.json" in response.json()["error"]


def test_a_token_request_needs_no_csrf_token(api_as, alice, school):
    client = api_as(alice)
    assert client.client.handler.enforce_csrf_checks
    response = client.post("screen", {"school": school.pk,
                                      "item": {"kind": "official_post", "text": "Hello"}})
    assert response.status_code == 200


def test_a_declared_length_over_the_limit_is_refused_before_reading(api_as, alice):
    client = api_as(alice)
    response = client.client.post("/api/v1/screen", "{}", content_type="application/json",
                                   CONTENT_LENGTH=str(2 * 1024 * 1024), **client.headers)
    assert response.status_code == 413
