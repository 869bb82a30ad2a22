"""Bearer tokens: every wrong token is a 401 with WWW-Authenticate; a good one works."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from socialguard.api import actions
from socialguard.api.models import ApiToken
from socialguard.audit.log import verify
from socialguard.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def call(authorization, school=1):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization is not None else {}
    return Client().get("/api/v1/posts", {"school": school}, **headers)


def wrong_secret(plaintext):
    return plaintext[:-4] + ("AAAA" if not plaintext.endswith("AAAA") else "BBBB")


@pytest.mark.parametrize(("case", "header", "message"), [
    ("none", lambda t: None, "Send an API token"),
    ("empty", lambda t: "", "Send an API token"),
    ("basic scheme", lambda t: "Basic YWxpY2U6cHc=", "Use the Bearer scheme"),
    ("no prefix", lambda t: "Bearer abcdef", "Malformed token"),
    ("short prefix", lambda t: "Bearer sg_abc_" + "x" * 40, "Malformed token"),
    ("unknown prefix", lambda t: "Bearer sg_zzzzzzzz_" + t.split("_", 2)[2], "Invalid token"),
    ("wrong secret", lambda t: "Bearer " + wrong_secret(t), "Invalid token"),
    ("missing secret", lambda t: "Bearer " + t[:12], "Malformed token"),
])
def test_bad_tokens_are_refused(alice, case, header, message):
    _, plaintext = actions.do_create_token(alice, "tests")
    response = call(header(plaintext))
    assert response.status_code == 401, case
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert message in response.json()["error"]


def test_a_good_token_works_and_names_its_user(alice, school):
    _, plaintext = actions.do_create_token(alice, "tests")
    response = call(f"Bearer {plaintext}", school.pk)
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_the_scheme_is_case_insensitive(alice, school):
    _, plaintext = actions.do_create_token(alice, "tests")
    assert call(f"bearer {plaintext}", school.pk).status_code == 200


def test_a_revoked_token_is_refused(alice, bob):
    token, plaintext = actions.do_create_token(alice, "tests")
    actions.do_revoke_token(token, bob)
    response = call(f"Bearer {plaintext}")
    assert response.status_code == 401
    assert "revoked" in response.json()["error"]


def test_an_inactive_users_token_is_refused(alice):
    _, plaintext = actions.do_create_token(alice, "tests")
    alice.is_active = False
    alice.save()
    assert call(f"Bearer {plaintext}").status_code == 401


def test_only_the_hash_is_stored_and_no_secret_is_logged(alice):
    token, plaintext = actions.do_create_token(alice, "newsletter")
    secret = plaintext.split("_", 2)[2]
    assert plaintext.startswith(f"sg_{token.key_prefix}_")
    assert len(token.key_prefix) == 8
    assert token.key_hash == actions.hash_secret(secret) != secret
    stored = list(ApiToken.objects.values_list(flat=False))
    assert secret not in repr(stored)
    event = AuditEvent.objects.get(event="api_token.created")
    assert event.actor == alice
    assert event.data == {"name": "newsletter", "prefix": token.key_prefix, "user": alice.pk}
    assert secret not in repr(event.data)


def test_revoking_is_audited_once(alice, bob):
    token, _ = actions.do_create_token(alice, "tests")
    actions.do_revoke_token(token, bob)
    with pytest.raises(actions.TokenError, match="already revoked"):
        actions.do_revoke_token(token, bob)
    event = AuditEvent.objects.get(event="api_token.revoked")
    assert (event.actor, event.data["prefix"]) == (bob, token.key_prefix)
    assert verify().ok


@pytest.mark.parametrize(("name", "active"), [("", True), ("   ", True), ("ok", False)])
def test_a_token_needs_a_name_and_an_active_user(alice, name, active):
    alice.is_active = active
    alice.save()
    with pytest.raises(actions.TokenError):
        actions.do_create_token(alice, name)


def test_last_used_is_written_at_most_once_a_minute(alice, school):
    token, plaintext = actions.do_create_token(alice, "tests")
    assert token.last_used_at is None
    call(f"Bearer {plaintext}")
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    call(f"Bearer {plaintext}")
    token.refresh_from_db()
    assert token.last_used_at == first  # within the minute: not written again

    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - dt.timedelta(minutes=2))
    call(f"Bearer {plaintext}")
    token.refresh_from_db()
    assert token.last_used_at > first - dt.timedelta(seconds=1)
    assert token.last_used_at <= timezone.now()


def test_a_session_without_a_token_is_not_enough(alice, school, account):
    """CSRF exemption is safe only because a cookie alone never authenticates."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/api/v1/posts/1/submit")
    assert response.status_code == 401
