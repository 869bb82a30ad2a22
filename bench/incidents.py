"""Incident benchmark (issue 4 targets): `python bench/incidents.py [--database-url URL]`.

Seeds 20,000 incidents in one school (PostgreSQL when --database-url, BENCH_DATABASE_URL or
TEST_DATABASE_URL is given: database `sg_bench` on that server, emptied first), one of them
with 500 chronology entries, then times through Django's test client the DSL's incident
list and that incident's record page (and its chronology, when the chronology page exists).
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from web import _configure, _fresh_database, _queries, _report, _time  # noqa: E402

INCIDENTS, ENTRIES = 20_000, 500


def _seed() -> tuple[object, object, object]:
    from django.contrib.auth.models import User
    from django.utils import timezone

    from socialguard.incidents.models import Evidence, Incident, Note, Type
    from socialguard.orgs.models import Membership, Organisation, Role

    rng = random.Random(9)
    school = Organisation.objects.create(name="Oakfield Primary School", policy_pack="rmet")
    reporter = User.objects.create_user("reporter", password="pw")
    dsl = User.objects.create_user("dsl", password="pw")
    Membership.objects.create(user=reporter, organisation=school, role=Role.STAFF)
    Membership.objects.create(user=dsl, organisation=school, role=Role.DSL)
    now = timezone.now()
    Incident.objects.bulk_create(
        Incident(school=school, reference=f"INC-B-{n:06d}", type=rng.choice(Type.values),
                 what_happened="Comments about a pupil on a public page.", reporter=reporter,
                 status=rng.choice(["reported", "triaged", "action", "resolved"]),
                 severity=rng.choice(["low", "medium", "high"]))
        for n in range(INCIDENTS))
    big = Incident.objects.filter(school=school).exclude(type=Type.INDECENT_IMAGES).first()
    assert big is not None
    Note.objects.bulk_create(Note(incident=big, author=dsl, text=f"Note {n}")
                             for n in range(ENTRIES // 2))
    Evidence.objects.bulk_create(Evidence(incident=big, kind="url", url=f"https://x.org/{n}",
                                          captured_at=now, captured_by=dsl, sha256="0" * 64)
                                 for n in range(ENTRIES // 2))
    print(f"seeded: {INCIDENTS} incidents; {big.reference} has {ENTRIES} entries")  # type: ignore[attr-defined]
    return school, dsl, big


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL")
                        or os.environ.get("TEST_DATABASE_URL"))
    _configure(parser.parse_args().database_url)
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    _fresh_database()
    school, dsl, big = _seed()
    client = Client()
    client.force_login(dsl)  # type: ignore[arg-type]
    pk, incident = school.pk, big.pk  # type: ignore[attr-defined]
    pages = {"DSL incident list": reverse("incidents:list", args=[pk]),
             "incident record (500 entries)": reverse("incidents:detail", args=[pk, incident])}
    try:
        pages["chronology (500 entries)"] = reverse("incidents:chronology", args=[pk, incident])
    except NoReverseMatch:
        print("  (no chronology page yet)")
    print("pages (60 requests each, Django test client, one process):")
    for name, url in pages.items():
        _report(name, _time(client, "get", url), 150)
        print(f"    queries: {_queries(client, url)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
