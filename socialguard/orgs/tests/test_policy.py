"""Choosing the pack and changing its settings: senior leaders only, validated, audited."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from socialguard.audit.models import AuditEvent
from socialguard.orgs.actions import ActionError, do_set_policy
from socialguard.orgs.models import Membership, Organisation, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(school):
    user = User.objects.create_user("head", password="pw")
    Membership.objects.create(user=user, organisation=school, role=Role.SLT)
    return user


@pytest.mark.parametrize(("settings", "message"), [
    ({"colour": "red"}, "not a setting"),
    ({"change_notice_days": "soon"}, "must be int"),
    ({"change_notice_days": "-3"}, "cannot be negative"),
])
def test_bad_settings_are_refused(school, head, settings, message):
    with pytest.raises(ActionError, match=message):
        do_set_policy(school, "core-trust", settings, user=head)


def test_only_changed_values_are_kept_and_the_change_is_audited(school, head):
    do_set_policy(school, "core-trust", {"change_notice_days": "60"}, user=head)
    school.refresh_from_db()
    assert school.policy_settings == {"change_notice_days": 60}
    event = AuditEvent.objects.get(event="organisation.policy_changed")
    assert event.data["new"]["settings"] == {"change_notice_days": 60}


def test_a_school_of_a_trust_runs_the_trusts_pack(db, head):
    trust = Organisation.objects.create(name="CORE", kind="trust", policy_pack="core-trust")
    academy = Organisation.objects.create(name="Nansen", trust=trust)
    assert academy.pack_id == "core-trust"
    with pytest.raises(ActionError, match="trust changes it"):
        do_set_policy(academy, "rmet", {}, user=head)


@pytest.mark.parametrize(("who", "status"), [("alice", 404), ("bob", 404), ("head", 200)])
def test_policy_page_is_for_senior_leaders(client, school, alice, bob, head, who, status):
    client.force_login({"alice": alice, "bob": bob, "head": head}[who])
    assert client.get(reverse("policy", args=[school.pk])).status_code == status
