"""Web benchmark (issue 3 targets): `python bench/web.py [--database-url URL]`.

Builds a school with 2,000 pupils and 10,000 posts in a fresh database (PostgreSQL when
--database-url or BENCH_DATABASE_URL is given: the bench uses a database `sg_bench` on that
server, creating it and emptying it), then times, through Django's test client:
- the approval queue and the archive pages (p50/p95 over repeated requests, and the number
  of SQL queries for the first and a later page: the count must not grow with the data);
- a live-screening round trip (the HTMX POST the compose page sends while typing).
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PUPILS, POSTS, RUNS = 2000, 10_000, 60


def _scratch_database(url: str) -> str:
    """The same server, database `sg_bench` (created if missing): the bench never touches the
    database named in the URL."""
    from urllib.parse import urlparse, urlunparse

    import psycopg

    parsed = urlparse(url)
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1),
                         autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = 'sg_bench'")
        if exists.fetchone() is None:
            connection.execute("CREATE DATABASE sg_bench")
    return urlunparse(parsed._replace(path="/sg_bench"))


def _configure(database_url: str | None) -> None:
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SOCIALGUARD_DATA_DIR"] = str(REPO / "var" / "bench")
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    if database_url:
        os.environ["DATABASE_URL"] = _scratch_database(database_url)
    else:
        (REPO / "var" / "bench" / "socialguard.sqlite3").unlink(missing_ok=True)
    (REPO / "var" / "bench").mkdir(parents=True, exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "socialguard.settings"
    import django

    django.setup()


def _fresh_database() -> None:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        name = settings.DATABASES["default"]["NAME"]
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        print(f"database: PostgreSQL ({name}), schema recreated")
    else:
        print("database: SQLite (pass --database-url for PostgreSQL)")
    call_command("migrate", verbosity=0)


def _seed() -> tuple[object, object, object]:
    from django.contrib.auth.models import User
    from django.utils import timezone

    from socialguard.accounts.models import OfficialAccount
    from socialguard.orgs.models import Membership, Organisation, Role
    from socialguard.people.models import Consent, Pupil
    from socialguard.posts.models import Approval, Post, Publication, Screening, State
    from socialguard.screening.synthetic import FIRST_NAMES, SURNAMES

    rng = random.Random(5)
    school = Organisation.objects.create(name="Oakfield Primary School", policy_pack="core-trust",
                                         website="https://www.oakfield.sch.uk")
    author = User.objects.create_user("author", password="pw", first_name="Alice")
    approver = User.objects.create_user("approver", password="pw", first_name="Ben")
    for user, role in ((author, Role.STAFF), (approver, Role.APPROVER), (approver, Role.STAFF)):
        Membership.objects.create(user=user, organisation=school, role=role)
    account = OfficialAccount.objects.create(school=school, name="Facebook")
    Pupil.objects.bulk_create(Pupil(school=school, mis_id=f"P{n:05d}",
                                    first_name=rng.choice(FIRST_NAMES),
                                    last_name=rng.choice(SURNAMES), year=str(rng.randint(1, 6)))
                              for n in range(PUPILS))
    pupils = list(Pupil.objects.filter(school=school).values_list("pk", flat=True))
    Consent.objects.bulk_create(Consent(pupil_id=pk, purpose="social_media", granted=True,
                                        given_by="Parent", given_on=timezone.now().date())
                                for pk in pupils)
    states = [State.PUBLISHED] * 6 + [State.AWAITING_APPROVAL] * 2 + [State.DRAFT, State.REJECTED]
    Post.objects.bulk_create(Post(school=school, author=author, state=rng.choice(states),
                                  text=f"Post {n}: a lovely day at school. " * 4)
                             for n in range(POSTS))
    posts = list(Post.objects.filter(school=school).values_list("pk", "state"))
    through = Post.tagged.through
    through.objects.bulk_create(through(post_id=pk, pupil_id=rng.choice(pupils))
                                for pk, _ in posts)
    Screening.objects.bulk_create(Screening(post_id=pk, version=1, outcome="PASS",
                                            decision={"outcome": "PASS", "violations": []})
                                  for pk, _ in posts)
    published = [pk for pk, state in posts if state == State.PUBLISHED]
    Approval.objects.bulk_create(Approval(post_id=pk, version=1, approver=approver,
                                          verdict="approved") for pk in published)
    Publication.objects.bulk_create(Publication(post_id=pk, account=account, status="sent",
                                                idempotency_key=f"k{pk}",
                                                live_url=f"https://facebook.com/p/{pk}")
                                    for pk in published)
    print(f"seeded: {PUPILS} pupils, {len(posts)} posts ({len(published)} published)")
    return school, author, approver


def _time(client: object, method: str, url: str, data: dict[str, object] | None = None,
          runs: int = RUNS) -> list[float]:
    call = getattr(client, method)
    call(url, data or {})  # warm
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = call(url, data or {})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return timings


def _queries(client: object, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)  # type: ignore[attr-defined]
    return len(captured.captured_queries)


def _report(name: str, timings: list[float], target: float) -> None:
    ordered = sorted(timings)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(f"  {name:28} p50 {statistics.median(timings):6.1f} ms  p95 {p95:6.1f} ms   "
          f"target p95 <= {target:.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL")
                        or os.environ.get("TEST_DATABASE_URL"))
    args = parser.parse_args()
    _configure(args.database_url)
    from django.test import Client
    from django.urls import reverse

    _fresh_database()
    school, author, approver = _seed()
    client = Client()
    client.force_login(approver)  # type: ignore[arg-type]
    pk = school.pk  # type: ignore[attr-defined]
    queue, archive = reverse("posts:queue", args=[pk]), reverse("posts:archive", args=[pk])
    print(f"pages ({RUNS} requests each, Django test client, one process):")
    _report("approval queue", _time(client, "get", queue), 150)
    _report("archive", _time(client, "get", archive), 150)
    for name, url in (("approval queue", queue), ("archive", archive)):
        print(f"  queries for {name}: page 1 {_queries(client, url)}, "
              f"page 20 {_queries(client, url + '?page=20')}")
    writer = Client()
    writer.force_login(author)  # type: ignore[arg-type]
    text = ("Well done to Year 6 for a brilliant assembly about kindness this morning. " * 6)
    _report("live screening round trip", _time(writer, "post", reverse("posts:screen",
                                                                        args=[pk]),
                                                {"text": text, "channel": "facebook"}), 100)
    return 0


if __name__ == "__main__":
    sys.exit(main())
