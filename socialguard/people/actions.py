"""Changes to consent, the do-not-publish list and approved photo devices (C2, C4, C7).

Each is one atomic action: it bumps the school's registry_version (screening contexts built
from the old registry are not reused) and writes its audit event in the same transaction.
Consent history is never rewritten: the newest record of a purpose is in force, and a
withdrawal is a new record. When a pupil may appear in fewer places than before (a consent
withdrawn, or put on the do-not-publish list), `signals.consent_withdrawn` is sent once the
transaction has committed, so the posts app can pull posts back. Names of children and
parents stay out of the audit data: the subject is the pupil's id.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import User
from django.db import models, transaction
from django.utils import timezone

from socialguard.audit.log import log
from socialguard.orgs.models import Organisation
from socialguard.people.models import Consent, Device, Pupil, Purpose
from socialguard.people.signals import consent_withdrawn


class ActionError(ValueError):
    """The change cannot be made as asked; the message says why."""


def _bump(school: Organisation) -> None:
    Organisation.objects.filter(pk=school.pk).update(
        registry_version=models.F("registry_version") + 1)
    school.refresh_from_db(fields=["registry_version"])


def _locked(pupil: Pupil) -> Pupil:
    """The pupil re-read under a row lock: two changes to one pupil cannot interleave."""
    return Pupil.objects.select_for_update().select_related("school").get(pk=pupil.pk)


def _purpose(purpose: str) -> Purpose:
    try:
        return Purpose(purpose)
    except ValueError:
        choices = ", ".join(Purpose.values)
        raise ActionError(f"Unknown purpose {purpose!r}; use one of {choices}.") from None


def _text(value: str, what: str, limit: int, *, required: bool = True) -> str:
    value = value.strip()
    if required and not value:
        raise ActionError(f"{what} is required.")
    if len(value) > limit:
        raise ActionError(f"{what} is {len(value)} characters long; the most is {limit}.")
    return value


def _in_force(pupil: Pupil, purpose: Purpose) -> bool | None:
    """The newest decision for this purpose, or None if there has never been one."""
    return (Consent.objects.filter(pupil=pupil, purpose=purpose)
            .order_by("-recorded_at", "-id").values_list("granted", flat=True).first())


def _send_withdrawn_after_commit(pupil: Pupil, purpose: Purpose | None,
                                 user: User | None) -> None:
    transaction.on_commit(lambda: consent_withdrawn.send(
        sender=Pupil, pupil=pupil, purpose=purpose, user=user))


def _new_consent(pupil: Pupil, purpose: Purpose, granted: bool, given_by: str,
                 given_on: datetime.date, evidence: str, user: User | None) -> Consent:
    if given_on > timezone.localdate():
        raise ActionError("The date the consent was given cannot be in the future.")
    return Consent.objects.create(
        pupil=pupil, purpose=purpose, granted=granted,
        given_by=_text(given_by, "Who gave it", 200),
        given_on=given_on, evidence=_text(evidence, "Evidence", 300, required=False),
        recorded_by=user)


@transaction.atomic
def do_record_consent(pupil: Pupil, purpose: str, granted: bool, given_by: str,
                      given_on: datetime.date, evidence: str, *,
                      user: User | None) -> Consent:
    """A parent's decision for one purpose. A grant needs its evidence (where the signed
    Social Media Agreement is kept). A refusal that replaces a grant is a withdrawal too."""
    purpose = _purpose(purpose)
    if granted and not evidence.strip():
        raise ActionError("Say where the signed Social Media Agreement is kept.")
    pupil = _locked(pupil)
    was = _in_force(pupil, purpose)
    consent = _new_consent(pupil, purpose, granted, given_by, given_on, evidence, user)
    _bump(pupil.school)
    log("consent.recorded", actor=user, subject=pupil, organisation=pupil.school,
        data={"consent": consent.pk, "purpose": purpose.value, "granted": granted,
              "previously": was, "given_on": given_on.isoformat()})
    if was and not granted:
        _send_withdrawn_after_commit(pupil, purpose, user)
    return consent


@transaction.atomic
def do_withdraw_consent(pupil: Pupil, purpose: str, given_by: str, *, user: User | None,
                        evidence: str = "") -> Consent:
    """A new record with granted=False, dated today; earlier records stay as they were."""
    purpose = _purpose(purpose)
    pupil = _locked(pupil)
    was = _in_force(pupil, purpose)
    consent = _new_consent(pupil, purpose, False, given_by, timezone.localdate(), evidence,
                           user)
    _bump(pupil.school)
    log("consent.withdrawn", actor=user, subject=pupil, organisation=pupil.school,
        data={"consent": consent.pk, "purpose": purpose.value, "previously": was})
    _send_withdrawn_after_commit(pupil, purpose, user)
    return consent


@transaction.atomic
def do_set_do_not_publish(pupil: Pupil, flag: bool, *, user: User | None) -> Pupil:
    """Put a pupil on (or take them off) the do-not-publish list. Setting what is already
    set changes nothing and records nothing."""
    pupil = _locked(pupil)
    if pupil.do_not_publish == flag:
        return pupil
    pupil.do_not_publish = flag
    pupil.save(update_fields=["do_not_publish"])
    _bump(pupil.school)
    log("pupil.do_not_publish_set", actor=user, subject=pupil, organisation=pupil.school,
        data={"do_not_publish": flag})
    if flag:
        _send_withdrawn_after_commit(pupil, None, user)
    return pupil


@transaction.atomic
def do_approve_device(school: Organisation, make: str, model: str, serial: str, *,
                      user: User | None) -> Device:
    """A device staff may take photos with. Make and model are as the camera writes them
    in a photo's EXIF data; the serial is optional."""
    make, model = _text(make, "Make", 100), _text(model, "Model", 100)
    serial = _text(serial, "Serial number", 100, required=False)
    Organisation.objects.select_for_update().filter(pk=school.pk).first()
    if Device.objects.filter(school=school, make__iexact=make, model__iexact=model,
                             serial__iexact=serial).exists():
        raise ActionError("This device is already approved.")
    device = Device.objects.create(school=school, make=make, model=model, serial=serial,
                                   approved_by=user)
    _bump(school)
    log("device.approved", actor=user, subject=device, organisation=school,
        data={"make": make, "model": model, "serial": serial})
    return device


@transaction.atomic
def do_remove_device(device: Device, *, user: User | None) -> None:
    locked = Device.objects.select_for_update().select_related("school").filter(
        pk=device.pk).first()
    if locked is None:
        raise ActionError("This device is no longer on the approved list.")
    log("device.removed", actor=user, subject=locked, organisation=locked.school,
        data={"make": locked.make, "model": locked.model, "serial": locked.serial})
    locked.delete()
    _bump(locked.school)
