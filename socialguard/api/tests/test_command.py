"""`api_token create` prints a working token once; `api_token revoke` stops it."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from socialguard.api.models import ApiToken
from socialguard.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("api_token", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def works(plaintext, school):
    return Client().get("/api/v1/posts", {"school": school.pk},
                        HTTP_AUTHORIZATION=f"Bearer {plaintext}").status_code == 200


def test_create_prints_the_token_once_and_it_works(alice, school):
    plaintext, note = run("create", "alice", "newsletter sync")
    token = ApiToken.objects.get()
    assert plaintext.startswith(f"sg_{token.key_prefix}_")
    assert "cannot be shown again" in note and plaintext not in note
    assert (token.user, token.name) == (alice, "newsletter sync")
    assert works(plaintext, school)


@pytest.mark.parametrize("form", ["prefix", "token"])
def test_revoke_by_prefix_or_whole_token(alice, school, form):
    plaintext, _ = run("create", "alice", "sync")
    token = ApiToken.objects.get()
    out, _ = run("revoke", token.key_prefix if form == "prefix" else plaintext)
    assert f"Revoked {token.key_prefix}" in out
    assert not works(plaintext, school)
    assert AuditEvent.objects.get(event="api_token.revoked").actor is None


@pytest.mark.parametrize(("args", "message"), [
    (("create", "nobody", "sync"), "No user 'nobody'"),
    (("create", "alice", " "), "Give the token a name"),
    (("revoke", "zzzzzzzz"), "No token with prefix"),
])
def test_mistakes_are_reported(alice, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_revoking_twice_is_reported(alice):
    run("create", "alice", "sync")
    prefix = ApiToken.objects.get().key_prefix
    run("revoke", prefix)
    with pytest.raises(CommandError, match="already revoked"):
        run("revoke", prefix)
