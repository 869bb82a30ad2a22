"""Demo data: CORE Education Trust and its academies, and The King's School, with generated
pupils, guardians, staff and consents, posts in every state, and one login per role.

Everything goes through the real actions, so the demo's audit chain is real too.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from socialguard.accounts.models import OfficialAccount
from socialguard.audit.log import log
from socialguard.orgs.models import Membership, Organisation, Role
from socialguard.people.models import Consent, Device, Guardian, Pupil, StaffMember
from socialguard.posts import actions
from socialguard.posts.models import Post, State
from socialguard.screening.synthetic import FIRST_NAMES, SURNAMES

CORE_ACADEMIES = ("Nansen Primary", "Central Academy", "City Academy",
                  "Jewellery Quarter Academy", "Arena Academy", "Rockwood Academy")
PUPILS_PER_SCHOOL = 120
DEMO_USERS = {  # username: (name, role, where)
    "staff": ("Alice Hughes", Role.STAFF, "school"),
    "approver": ("Ben Carter", Role.APPROVER, "trust"),  # CORE's Chief Operating Officer
    "head": ("Sarah Jenkins", Role.SLT, "school"),
    "dsl": ("Priya Sharma", Role.DSL, "school"),
    "accounts": ("Tom Baker", Role.ACCOUNT_ADMIN, "school"),
    "it": ("Ivan Petrov", Role.IT_ADMIN, "trust"),
    "governor": ("Gina Lowe", Role.GOVERNOR, "school"),
}


@dataclass(frozen=True)
class Login:
    username: str
    password: str
    role: str
    where: str


def seeded() -> bool:
    return Organisation.objects.filter(name="CORE Education Trust").exists()


def seed(rng_seed: int = 2026) -> list[Login]:
    """Create the demo (once); returns the logins, with freshly generated passwords."""
    rng = random.Random(rng_seed)
    with transaction.atomic():
        trust = Organisation.objects.create(
            name="CORE Education Trust", kind=Organisation.Kind.TRUST, policy_pack="core-trust",
            website="https://www.core-education.org.uk")
        schools = [_school(name, rng, trust) for name in CORE_ACADEMIES]
        kings = _school("The King's School", rng, None, pack="kings-school")
        logins = _users(trust, schools[0], kings)
    _posts(schools[0], rng)
    _posts(kings, rng)
    _incidents(schools[0])
    return logins


def _school(name: str, rng: random.Random, trust: Organisation | None,
            pack: str = "") -> Organisation:
    slug = name.lower().replace("'", "").replace(" ", "")
    school = Organisation.objects.create(
        name=name, kind=Organisation.Kind.SCHOOL, trust=trust, policy_pack=pack,
        phones=["0121 496 0" + str(rng.randint(100, 999))], emails=[f"office@{slug}.sch.uk"],
        website=f"https://www.{slug}.sch.uk", address=f"{rng.randint(1, 99)} School Lane")
    pupils = [Pupil(school=school, mis_id=f"{slug[:4].upper()}{n:04d}",
                    first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(SURNAMES),
                    year=str(rng.randint(1, 6)), do_not_publish=rng.random() < 0.03)
              for n in range(PUPILS_PER_SCHOOL)]
    Pupil.objects.bulk_create(pupils)
    pupils = list(Pupil.objects.filter(school=school))
    _consents(pupils, rng)
    _guardians(school, pupils, rng)
    StaffMember.objects.bulk_create(
        StaffMember(school=school, first_name=rng.choice(FIRST_NAMES),
                    last_name=rng.choice(SURNAMES), title=rng.choice(("Mr", "Mrs", "Ms", "Miss")),
                    role="Teacher", personal_phones=[f"07700 900{rng.randint(100, 999)}"])
        for _ in range(15))
    Device.objects.create(school=school, make="Apple", model="iPad (9th generation)",
                          serial=f"DMP{rng.randint(10000, 99999)}")
    OfficialAccount.objects.create(school=school, name=f"{name} on Facebook")
    log("demo.school_created", organisation=school, data={"pupils": len(pupils)})
    return school


def _consents(pupils: list[Pupil], rng: random.Random) -> None:
    given = dt.date(2026, 9, 4)
    Consent.objects.bulk_create(
        Consent(pupil=pupil, purpose=purpose, granted=rng.random() < 0.9,
                given_by="Parent (Social Media Agreement)", given_on=given,
                evidence="Signed agreement, school office file")
        for pupil in pupils for purpose in ("social_media", "website", "press"))


def _guardians(school: Organisation, pupils: list[Pupil], rng: random.Random) -> None:
    for pupil in pupils[: PUPILS_PER_SCHOOL // 2]:
        guardian = Guardian.objects.create(school=school, first_name=rng.choice(FIRST_NAMES),
                                           last_name=pupil.last_name)
        guardian.pupils.add(pupil)


def _users(trust: Organisation, school: Organisation, kings: Organisation) -> list[Login]:
    logins = []
    for username, (name, role, where) in DEMO_USERS.items():
        password = secrets.token_urlsafe(9)
        first, last = name.split(" ", 1)
        user = User.objects.create_user(username, f"{username}@example.org", password,
                                        first_name=first, last_name=last)
        place = trust if where == "trust" else school
        Membership.objects.create(user=user, organisation=place, role=role)
        if role != Role.STAFF and role != Role.GOVERNOR:
            Membership.objects.create(user=user, organisation=place, role=Role.STAFF)
        logins.append(Login(username, password, role.label, place.name))
    for username, name, roles in (("kings", "Kim Reid", (Role.STAFF,)),
                                  ("kingshead", "Helen Ward", (Role.STAFF, Role.APPROVER,
                                                               Role.SLT))):
        password = secrets.token_urlsafe(9)
        first, last = name.split(" ", 1)
        user = User.objects.create_user(username, f"{username}@example.org", password,
                                        first_name=first, last_name=last)
        for role in roles:
            Membership.objects.create(user=user, organisation=kings, role=role)
        logins.append(Login(username, password, " + ".join(r.label for r in roles), kings.name))
    return logins


def _posts(school: Organisation, rng: random.Random) -> None:
    """Posts in every state, written and decided through the real actions."""
    members = Membership.objects.filter(organisation__in=[school, school.trust]
                                        if school.trust else [school])
    author = User.objects.get(pk=members.filter(role=Role.STAFF).values_list("user", flat=True)
                              .first() or 0)
    approver_id = (members.filter(role__in=[Role.APPROVER, Role.SLT]).exclude(user=author)
                   .values_list("user", flat=True).first())
    approver = User.objects.get(pk=approver_id) if approver_id else author
    account = school.official_accounts.get()
    pupil = Pupil.objects.filter(school=school, do_not_publish=False).first()
    website = school.website

    def make(text: str, **kwargs: object) -> Post:
        return actions.do_create_post(school, author, text, accounts=[account], **kwargs)  # type: ignore[arg-type]

    make("Draft: plans for the spring concert.")
    _submitted(make(f"Well done {pupil} on the spelling bee!"), author)
    _submitted(make(f"Year 5 loved their science week. More on {website}"), author)
    approved = _submitted(make(f"Book fair next Tuesday after school. {website}",
                               scheduled_for=timezone.now() + dt.timedelta(days=3)), author)
    _decide(approved, approver, approve=True)
    published = _submitted(make(f"Harvest festival donations went to the food bank. {website}"),
                           author)
    _decide(published, approver, approve=True)
    for publication in published.publications.all():
        actions.do_record_result(publication.pk, "sent",
                                 f"https://www.facebook.com/demo/posts/{publication.pk}",
                                 user=approver)
    rejected = _submitted(make(f"Sports day photos coming soon! {website}"), author)
    _decide(rejected, approver, approve=False)
    actions.do_withdraw(make("Cancelled: the trip is postponed."), author)


def _submitted(post: Post, author: User) -> Post:
    actions.do_submit(post, author)
    post.refresh_from_db()
    return post


def _decide(post: Post, approver: User, approve: bool) -> None:
    if post.state != State.AWAITING_APPROVAL or approver.pk == post.author_id:
        return
    if approve:
        actions.do_approve(post, approver, post.version, "Looks good.")
    else:
        actions.do_reject(post, approver, post.version, "Please wait until the photos are in.")


def _incidents(school: Organisation) -> None:
    """A few incidents in different states for the DSL's screens (through the real actions)."""
    from socialguard.incidents import actions as incident_actions
    from socialguard.incidents import takedowns

    staff = User.objects.get(username="staff")
    dsl = User.objects.get(username="dsl")
    now = timezone.now()
    bullying = incident_actions.do_report(
        school, staff, type="cyberbullying_pupil",
        what_happened="An anonymous account is posting insults about a Year 6 pupil.",
        where_url="https://www.instagram.com/example_account/", platform="Instagram",
        occurred_at=now - dt.timedelta(days=2), how_known="The pupil's parent told me.")
    incident_actions.do_add_evidence(bullying, staff, kind="text", captured_at=now,
                                     text="Copied text of the three posts.")
    incident_actions.do_triage(bullying, dsl, severity="high", misuse_context="conduct",
                               misuse_category="aggressive", kcsie_area="conduct")
    incident_actions.do_decide_route(bullying, dsl, route="behaviour", refer=True,
                                     rationale="The account is run by a pupil in Year 7.")
    takedowns.do_request_takedown(bullying, dsl, host="Instagram",
                                  url="https://www.instagram.com/example_account/",
                                  terms="Community Guidelines: bullying and harassment")
    incident_actions.do_report(
        school, staff, type="staff_misuse",
        what_happened="A member of staff posted photos of pupils on a personal account.")
    incident_actions.do_report(
        school, staff, type="indecent_images",
        what_happened="A pupil says an image of another pupil is being shared.",
        image_location="Said to be in a Year 9 group chat; not seen, not copied.")
