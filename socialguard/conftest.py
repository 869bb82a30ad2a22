"""Shared fixtures: a school run on a real pack, three named users (healthchecks' style)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from socialguard.accounts.models import OfficialAccount
from socialguard.orgs.models import Membership, Organisation, Role
from socialguard.people.models import Consent, Pupil


@pytest.fixture(autouse=True)
def _fresh_screening_contexts():
    """Test databases reuse ids, so a context cached by one test must not serve another."""
    from socialguard.posts.screening import clear_cache

    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def school(db):
    return Organisation.objects.create(
        name="Oakfield Primary School", kind=Organisation.Kind.SCHOOL, policy_pack="core-trust",
        aliases=["Oakfield Primary"], phones=["0121 496 0000"],
        emails=["office@oakfield.sch.uk"], website="https://www.oakfield.sch.uk")


@pytest.fixture
def other_school(db):
    return Organisation.objects.create(name="Riverside Academy", policy_pack="kings-school")


def member(school, username, *roles):
    """A user holding `roles` at `school` (password "pw"): for the tests' role tables."""
    return _user(username, school, *roles)


def _user(username, school, *roles):
    user = User.objects.create_user(username, f"{username}@example.org", "pw",
                                    first_name=username.title())
    for role in roles:
        Membership.objects.create(user=user, organisation=school, role=role)
    return user


@pytest.fixture
def alice(school):
    """A member of staff who writes posts."""
    return _user("alice", school, Role.STAFF)


@pytest.fixture
def bob(school):
    """The school's designated approver."""
    return _user("bob", school, Role.STAFF, Role.APPROVER)


@pytest.fixture
def charlie(other_school):
    """Staff and approver at another school."""
    return _user("charlie", other_school, Role.STAFF, Role.APPROVER)


@pytest.fixture
def account(school):
    return OfficialAccount.objects.create(school=school, name="Oakfield on Facebook")


@pytest.fixture
def pupils(school):
    """James (consent for everything), Oliver (none), Amelia (do not publish)."""
    james = Pupil.objects.create(school=school, mis_id="A1", first_name="James",
                                 last_name="Smith", year="6")
    oliver = Pupil.objects.create(school=school, mis_id="A2", first_name="Oliver",
                                  last_name="Brown", year="6")
    amelia = Pupil.objects.create(school=school, mis_id="A3", first_name="Amelia",
                                  last_name="Wilson", year="4", do_not_publish=True)
    for purpose in ("social_media", "website", "press"):
        Consent.objects.create(pupil=james, purpose=purpose, granted=True,
                               given_by="Karen Smith", given_on=dt.date(2026, 9, 5))
    return {"james": james, "oliver": oliver, "amelia": amelia}
