"""Consent, do-not-publish and device actions: history kept, audited, signalled after commit."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from socialguard.audit.log import log as real_log
from socialguard.audit.models import AuditEvent
from socialguard.orgs.models import Organisation
from socialguard.people import actions
from socialguard.people.actions import (
    ActionError,
    do_approve_device,
    do_record_consent,
    do_remove_device,
    do_set_do_not_publish,
    do_withdraw_consent,
)
from socialguard.people.models import Consent, Device, Pupil, Purpose
from socialguard.people.registry import current_consents
from socialguard.people.signals import consent_withdrawn

SIGNED = "Signed agreement, office file 2024/17"


@pytest.fixture
def school() -> Organisation:
    return Organisation.objects.create(name="Oakfield Primary School")


@pytest.fixture
def alice(db: None) -> User:
    return User.objects.create_user("alice", password="pw")


@pytest.fixture
def pupil(school: Organisation) -> Pupil:
    return Pupil.objects.create(school=school, mis_id="A123456789012", first_name="Zoë",
                                last_name="Smith")


@pytest.fixture
def withdrawn() -> Iterator[list[dict[str, Any]]]:
    """Every consent_withdrawn signal received, as its keyword arguments."""
    received: list[dict[str, Any]] = []

    def receiver(sender: type, **kwargs: Any) -> None:
        received.append({k: kwargs[k] for k in ("pupil", "purpose", "user")})

    consent_withdrawn.connect(receiver, dispatch_uid="test-people-withdrawn")
    yield received
    consent_withdrawn.disconnect(dispatch_uid="test-people-withdrawn")


def today() -> datetime.date:
    return timezone.localdate()


def grant(pupil: Pupil, user: User, purpose: str = Purpose.SOCIAL_MEDIA) -> Consent:
    return do_record_consent(pupil, purpose, True, "Karen Smith", today(), SIGNED, user=user)


def version(school: Organisation) -> int:
    school.refresh_from_db()
    return school.registry_version


def events() -> list[str]:
    return list(AuditEvent.objects.values_list("event", flat=True))


# Consent -----------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize(("decisions", "in_force"), [
    ([True], True),
    ([False], False),
    ([True, False], False),
    ([True, False, True], True),
    ([False, True], True),
    ([True, True, False], False),
])
def test_the_newest_decision_is_in_force_and_history_is_kept(
        pupil: Pupil, alice: User, decisions: list[bool], in_force: bool) -> None:
    for granted in decisions:
        do_record_consent(pupil, "social_media", granted, "Karen Smith", today(), SIGNED,
                          user=alice)
    assert current_consents(pupil.school)[pupil.pk] == {"social_media": in_force}
    assert Consent.objects.filter(pupil=pupil).count() == len(decisions)


@pytest.mark.django_db
def test_purposes_are_independent(pupil: Pupil, alice: User) -> None:
    grant(pupil, alice, Purpose.SOCIAL_MEDIA)
    grant(pupil, alice, Purpose.WEBSITE)
    do_withdraw_consent(pupil, Purpose.WEBSITE, "Karen Smith", user=alice)
    assert current_consents(pupil.school)[pupil.pk] == {"social_media": True, "website": False}


@pytest.mark.django_db
def test_a_consent_records_who_when_and_the_evidence(pupil: Pupil, alice: User) -> None:
    given_on = today() - datetime.timedelta(days=30)
    consent = do_record_consent(pupil, "press", True, "  Karen Smith ", given_on, SIGNED,
                                user=alice)
    consent.refresh_from_db()
    assert (consent.purpose, consent.granted, consent.given_by, consent.given_on,
            consent.evidence, consent.recorded_by) == (
        "press", True, "Karen Smith", given_on, SIGNED, alice)


@pytest.mark.django_db
def test_withdrawal_is_a_new_record_and_the_old_one_is_untouched(pupil: Pupil,
                                                                 alice: User) -> None:
    old = grant(pupil, alice)
    before = Consent.objects.filter(pk=old.pk).values().get()
    new = do_withdraw_consent(pupil, "social_media", "Karen Smith", user=alice,
                              evidence="Email of 3 March")
    assert Consent.objects.filter(pk=old.pk).values().get() == before
    assert (new.granted, new.given_on, new.given_by, new.evidence) == (
        False, today(), "Karen Smith", "Email of 3 March")
    assert current_consents(pupil.school)[pupil.pk] == {"social_media": False}


CONSENT_MISTAKES: dict[str, tuple[dict[str, Any], str]] = {
    "unknown purpose": ({"purpose": "newsletter"}, "Unknown purpose 'newsletter'"),
    "nobody gave it": ({"given_by": "  "}, "Who gave it is required."),
    "grant without evidence": ({"evidence": " "}, "Social Media Agreement"),
    "given tomorrow": ({"given_on": datetime.timedelta(days=1)}, "cannot be in the future"),
    "evidence too long": ({"evidence": "x" * 301}, "the most is 300"),
    "given_by too long": ({"given_by": "x" * 201}, "the most is 200"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", CONSENT_MISTAKES)
def test_consent_mistakes_are_refused_and_nothing_is_written(
        pupil: Pupil, alice: User, name: str) -> None:
    change, message = CONSENT_MISTAKES[name]
    args: dict[str, Any] = {"purpose": "social_media", "granted": True,
                            "given_by": "Karen Smith", "given_on": today(), "evidence": SIGNED}
    args.update(change)
    if isinstance(args["given_on"], datetime.timedelta):
        args["given_on"] = today() + args["given_on"]
    with pytest.raises(ActionError, match=message):
        do_record_consent(pupil, user=alice, **args)
    assert not Consent.objects.exists()
    assert events() == []
    assert version(pupil.school) == 0


@pytest.mark.django_db
@pytest.mark.parametrize(("granted", "evidence", "given_on"), [
    (False, "", 0),           # a refusal needs no signed agreement
    (True, SIGNED, 0),        # given today
    (True, "x" * 300, -365),  # evidence at its limit, a year ago
])
def test_consent_near_misses_are_accepted(pupil: Pupil, alice: User, granted: bool,
                                          evidence: str, given_on: int) -> None:
    do_record_consent(pupil, "website", granted, "Karen Smith",
                      today() + datetime.timedelta(days=given_on), evidence, user=alice)
    assert Consent.objects.count() == 1


@pytest.mark.django_db
def test_an_unknown_purpose_cannot_be_withdrawn(pupil: Pupil, alice: User) -> None:
    with pytest.raises(ActionError, match="Unknown purpose"):
        do_withdraw_consent(pupil, "newsletter", "Karen Smith", user=alice)


# Signals -----------------------------------------------------------------------------------

@pytest.mark.django_db
def test_withdrawal_signals_only_after_commit(
        pupil: Pupil, alice: User, withdrawn: list[dict[str, Any]],
        django_capture_on_commit_callbacks: Callable[..., Any]) -> None:
    grant(pupil, alice)
    with django_capture_on_commit_callbacks() as callbacks:
        do_withdraw_consent(pupil, "social_media", "Karen Smith", user=alice)
    assert withdrawn == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert withdrawn == [{"pupil": pupil, "purpose": "social_media", "user": alice}]


@pytest.mark.django_db
@pytest.mark.parametrize(("before", "granted", "signals"), [
    ([True], False, 1),    # a refusal that replaces a grant is a withdrawal
    ([], False, 0),        # never granted: nothing to pull back
    ([True, False], False, 0),
    ([True], True, 0),
    ([False], True, 0),
])
def test_recording_a_refusal_over_a_grant_signals(
        pupil: Pupil, alice: User, withdrawn: list[dict[str, Any]],
        django_capture_on_commit_callbacks: Callable[..., Any],
        before: list[bool], granted: bool, signals: int) -> None:
    for earlier in before:
        do_record_consent(pupil, "press", earlier, "Karen Smith", today(), SIGNED, user=alice)
    with django_capture_on_commit_callbacks(execute=True):
        do_record_consent(pupil, "press", granted, "Karen Smith", today(), SIGNED, user=alice)
    assert len(withdrawn) == signals


@pytest.mark.django_db
def test_do_not_publish_signals_for_every_purpose(
        pupil: Pupil, alice: User, withdrawn: list[dict[str, Any]],
        django_capture_on_commit_callbacks: Callable[..., Any]) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        do_set_do_not_publish(pupil, True, user=alice)
    assert withdrawn == [{"pupil": pupil, "purpose": None, "user": alice}]
    pupil.refresh_from_db()
    assert pupil.do_not_publish is True


@pytest.mark.django_db
def test_do_not_publish_set_twice_changes_nothing_the_second_time(
        pupil: Pupil, alice: User, withdrawn: list[dict[str, Any]],
        django_capture_on_commit_callbacks: Callable[..., Any]) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        do_set_do_not_publish(pupil, True, user=alice)
        do_set_do_not_publish(pupil, True, user=alice)
    assert len(withdrawn) == 1
    assert events() == ["pupil.do_not_publish_set"]
    assert version(pupil.school) == 1


@pytest.mark.django_db
def test_taking_a_pupil_off_the_list_is_audited_but_not_signalled(
        pupil: Pupil, alice: User, withdrawn: list[dict[str, Any]],
        django_capture_on_commit_callbacks: Callable[..., Any]) -> None:
    do_set_do_not_publish(pupil, True, user=alice)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        do_set_do_not_publish(pupil, False, user=alice)
    assert callbacks == []
    assert events()[-1] == "pupil.do_not_publish_set"
    assert AuditEvent.objects.last().data == {"do_not_publish": False}  # type: ignore[union-attr]
    assert Pupil.objects.get().do_not_publish is False


# Devices -----------------------------------------------------------------------------------

@pytest.mark.django_db
def test_approving_and_removing_a_device(school: Organisation, alice: User) -> None:
    device = do_approve_device(school, " Apple ", "iPad (9th generation)", "DMPXK1ABCD12",
                               user=alice)
    assert (device.make, device.approved_by) == ("Apple", alice)
    do_remove_device(device, user=alice)
    assert not Device.objects.exists()
    assert events() == ["device.approved", "device.removed"]
    removed = AuditEvent.objects.get(event="device.removed")
    assert removed.subject_id == str(device.pk)
    assert removed.data == {"make": "Apple", "model": "iPad (9th generation)",
                            "serial": "DMPXK1ABCD12"}


@pytest.mark.django_db
@pytest.mark.parametrize(("make", "model", "serial", "message"), [
    ("apple", "IPAD (9TH GENERATION)", "dmpxk1abcd12", "already approved"),
    ("", "iPad", "", "Make is required"),
    ("Apple", " ", "", "Model is required"),
    ("Apple", "x" * 101, "", "the most is 100"),
])
def test_device_mistakes(school: Organisation, alice: User, make: str, model: str,
                         serial: str, message: str) -> None:
    do_approve_device(school, "Apple", "iPad (9th generation)", "DMPXK1ABCD12", user=alice)
    with pytest.raises(ActionError, match=message):
        do_approve_device(school, make, model, serial, user=alice)
    assert Device.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(("make", "model", "serial"), [
    ("Apple", "iPad (9th generation)", "DMPXK1ABCD13"),  # another iPad of the same model
    ("Apple", "iPad (9th generation)", ""),
    ("Canon", "EOS 250D", ""),
])
def test_device_near_misses_are_other_devices(school: Organisation, alice: User, make: str,
                                              model: str, serial: str) -> None:
    do_approve_device(school, "Apple", "iPad (9th generation)", "DMPXK1ABCD12", user=alice)
    do_approve_device(school, make, model, serial, user=alice)
    assert Device.objects.count() == 2


@pytest.mark.django_db
def test_the_same_device_may_be_approved_in_two_schools(school: Organisation,
                                                        alice: User) -> None:
    other = Organisation.objects.create(name="Elsewhere Academy")
    do_approve_device(school, "Apple", "iPad", "X1", user=alice)
    do_approve_device(other, "Apple", "iPad", "X1", user=alice)
    assert Device.objects.count() == 2


@pytest.mark.django_db
def test_a_device_removed_twice(school: Organisation, alice: User) -> None:
    device = do_approve_device(school, "Apple", "iPad", "", user=alice)
    do_remove_device(device, user=alice)
    with pytest.raises(ActionError, match="no longer on the approved list"):
        do_remove_device(device, user=alice)
    assert events() == ["device.approved", "device.removed"]


# Every action: version bumped, one audit event, all or nothing -----------------------------

def _record(pupil: Pupil, user: User) -> object:
    return grant(pupil, user)


def _withdraw(pupil: Pupil, user: User) -> object:
    return do_withdraw_consent(pupil, "social_media", "Karen Smith", user=user)


def _do_not_publish(pupil: Pupil, user: User) -> object:
    return do_set_do_not_publish(pupil, True, user=user)


def _approve(pupil: Pupil, user: User) -> object:
    return do_approve_device(pupil.school, "Apple", "iPad", "", user=user)


def _remove(pupil: Pupil, user: User) -> object:
    device = Device.objects.create(school=pupil.school, make="Apple", model="iPad")
    return do_remove_device(device, user=user)


ACTIONS: dict[str, tuple[Callable[[Pupil, User], object], str]] = {
    "record": (_record, "consent.recorded"),
    "withdraw": (_withdraw, "consent.withdrawn"),
    "do-not-publish": (_do_not_publish, "pupil.do_not_publish_set"),
    "approve device": (_approve, "device.approved"),
    "remove device": (_remove, "device.removed"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ACTIONS)
def test_each_action_bumps_the_version_and_writes_one_event(
        pupil: Pupil, alice: User, name: str) -> None:
    action, event_name = ACTIONS[name]
    action(pupil, alice)
    (event,) = AuditEvent.objects.all()
    assert (event.event, event.actor, event.organisation) == (event_name, alice, pupil.school)
    assert version(pupil.school) == 1
    text = json.dumps(event.data)
    assert not any(name in text for name in ("Zo", "Smith", "Karen"))


@pytest.mark.django_db
@pytest.mark.parametrize("name", ACTIONS)
def test_if_the_action_fails_after_auditing_nothing_is_kept(
        pupil: Pupil, alice: User, name: str, monkeypatch: pytest.MonkeyPatch,
        withdrawn: list[dict[str, Any]],
        django_capture_on_commit_callbacks: Callable[..., Any]) -> None:
    action, _ = ACTIONS[name]
    devices_before = Device.objects.count()

    def log_then_fail(*args: Any, **kwargs: Any) -> None:
        real_log(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(actions, "log", log_then_fail)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        action(pupil, alice)
    assert events() == []
    assert not Consent.objects.exists()
    assert Pupil.objects.get().do_not_publish is False
    assert Device.objects.count() == devices_before + (1 if name == "remove device" else 0)
    assert version(pupil.school) == 0
    assert withdrawn == []
