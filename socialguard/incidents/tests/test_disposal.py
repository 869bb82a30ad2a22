"""Disposal is a reviewed action: due records listed, reasons required, locked ones kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from socialguard.audit.models import AuditEvent
from socialguard.incidents import actions, disposal
from socialguard.incidents.models import Evidence, Incident, Type
from socialguard.orgs.models import Membership, Role

pytestmark = pytest.mark.django_db
PAST = timezone.localdate() - dt.timedelta(days=1)


@pytest.fixture
def dora(school):
    user = User.objects.create_user("dora", password="pw")
    Membership.objects.create(user=user, organisation=school, role=Role.DSL)
    return user


def resolved(school, alice, dora, kind=Type.CYBERBULLYING_STAFF, until=PAST):
    incident = actions.do_report(school, alice, type=kind, what_happened="Old matter.",
                                 image_location="phone" if kind == Type.INDECENT_IMAGES else "")
    if kind != Type.INDECENT_IMAGES:
        actions.do_add_evidence(incident, alice, kind="text", captured_at=timezone.now(),
                                text="copied")
    actions.do_resolve(incident, dora, outcome="unfounded", summary="Nothing in it.")
    Incident.objects.filter(pk=incident.pk).update(retain_until=until)
    return Incident.objects.get(pk=incident.pk)


def test_only_records_past_their_date_and_not_locked_are_due(school, alice, dora):
    due = resolved(school, alice, dora)
    resolved(school, alice, dora, until=timezone.localdate() + dt.timedelta(days=30))
    locked = resolved(school, alice, dora, kind=Type.INDECENT_IMAGES, until=None)
    assert list(disposal.due_for_review(school)) == [due]
    with pytest.raises(actions.ActionError, match="never disposed"):
        disposal.do_dispose(locked, dora, rationale="Trying to remove it anyway.")


def test_disposal_needs_a_reason_and_leaves_only_the_fact_in_the_audit(school, alice, dora):
    incident = resolved(school, alice, dora)
    with pytest.raises(actions.ActionError, match="why"):
        disposal.do_dispose(incident, dora, rationale="")
    disposal.do_dispose(incident, dora, rationale="Six years passed; no open inquiry.")
    assert not Incident.objects.filter(pk=incident.pk).exists()
    assert not Evidence.objects.exists()
    event = AuditEvent.objects.get(event="incident.disposed")
    assert event.data["reference"] == incident.reference and "Old matter" not in str(event.data)


def test_keeping_longer_is_recorded_with_its_reason(school, alice, dora, client):
    incident = resolved(school, alice, dora)
    client.force_login(dora)
    client.post(reverse("incidents:retention", args=[school.pk]), {
        "incident": incident.pk, "decision": "keep", "rationale": "Civil claim still open."})
    incident.refresh_from_db()
    assert incident.retain_until == PAST.replace(year=PAST.year + 1)
    assert not disposal.due_for_review(school).exists()


@pytest.mark.parametrize(("role", "status"), [(Role.STAFF, 404), (Role.SLT, 404),
                                              (Role.DSL, 200)])
def test_the_retention_review_is_the_dsls(client, school, role, status):
    user = User.objects.create_user("someone", password="pw")
    Membership.objects.create(user=user, organisation=school, role=role)
    client.force_login(user)
    assert client.get(reverse("incidents:retention", args=[school.pk])).status_code == status
