"""API test helpers: real tokens made by the real action, a client that sends them."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from socialguard.api.actions import do_create_token

CLEAN = "What a wonderful harvest festival! See more at https://www.oakfield.sch.uk"


class Api:
    """django.test.Client with a bearer token; paths are relative to /api/v1/."""

    def __init__(self, token: str | None) -> None:
        self.client = Client(enforce_csrf_checks=True)
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def get(self, path, **params):
        return self.client.get(f"/api/v1/{path}", params, **self.headers)

    def post(self, path, body=None, raw=None):
        data = raw if raw is not None else json.dumps(body or {})
        return self.client.post(f"/api/v1/{path}", data, content_type="application/json",
                                **self.headers)


@pytest.fixture
def api_as():
    def make(user):
        return Api(do_create_token(user, "tests")[1])
    return make
