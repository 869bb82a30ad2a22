"""The annual review: counts, times to resolve, takedowns, terms, and the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from socialguard.incidents import actions
from socialguard.incidents.disclosure import DisclosureRequired, do_record_disclosure
from socialguard.incidents.models import Incident, Type
from socialguard.incidents.review import annual_review, p90, review_csv, term_of, terms_between
from socialguard.incidents.tests.records import SHARE, make_team, report, takedown

pytestmark = pytest.mark.django_db
START, END = dt.date(2025, 9, 1), dt.date(2026, 8, 31)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def team(school, alice):
    return make_team(school, alice)


def dated(incident, reported: dt.date, resolved_days: float | None = None):
    """Move an incident into the review year (reported_at is set by the database)."""
    Incident.objects.filter(pk=incident.pk).update(reported_at=at(reported))
    if resolved_days is not None:
        actions.do_resolve(incident, incident.reporter, outcome="substantiated",
                           summary="Dealt with.")
        Incident.objects.filter(pk=incident.pk).update(
            resolved_at=at(reported) + dt.timedelta(days=resolved_days))
    return incident


@pytest.fixture
def year(school, team, pupils, other_school, charlie):
    dora = team["dora"]
    involved = [{"part": "affected", "pupil": pupils["james"]}]
    autumn = dated(report(school, dora, involved=involved), dt.date(2025, 10, 6), 2)
    actions.do_decide_route(autumn, dora, route="police", refer=True,
                            rationale="Threats to kill: a crime.")
    spring = dated(report(school, dora, kind=Type.IMPERSONATION), dt.date(2026, 2, 2), 10)
    actions.do_decide_route(spring, dora, route="platform", refer=False,
                            rationale="Parody account, no harm: monitored only.")
    april = dated(report(school, dora), dt.date(2026, 4, 20))
    summer = dated(report(school, dora, kind=Type.MEDIA_CONTACT), dt.date(2026, 6, 1), 4)
    dated(report(school, dora), dt.date(2024, 12, 1), 1)  # before the review year
    dated(report(other_school, charlie), dt.date(2025, 10, 6))  # another school
    takedown(autumn, host="instagram.com", requested=at(dt.date(2025, 10, 6)), hours=30)
    takedown(spring, host="instagram.com", requested=at(dt.date(2026, 2, 2)), hours=10)
    takedown(spring, host="tiktok.com", requested=at(dt.date(2026, 2, 3)), hours=4)
    takedown(april, host="=HYPERLINK(\"x\")", requested=at(dt.date(2026, 4, 20)))  # overdue
    return {"autumn": autumn, "spring": spring, "april": april, "summer": summer}


def test_counts_by_type_route_and_outcome(school, year):
    review = annual_review(school, START, END)
    assert review.incidents == 4
    types = dict(review.by_type)
    assert types["Cyberbullying of a pupil"] == 2 and types["Impersonation"] == 1
    assert types["Journalist or media contact"] == 1 and sum(types.values()) == 4
    routes = {row.route: (row.referred, row.not_referred) for row in review.by_route}
    assert routes["Police"] == (1, 0) and routes["The platform's own reporting"] == (0, 1)
    outcomes = dict(review.by_outcome)
    assert outcomes["Substantiated"] == 3 and outcomes["Not yet resolved"] == 1


def test_days_to_resolve(school, year):
    review = annual_review(school, START, END)
    assert review.resolved == 3
    assert review.median_days_to_resolve == pytest.approx(4)
    assert review.p90_days_to_resolve == pytest.approx(8.8)  # inclusive: 4 + 0.8 * (10 - 4)


def test_takedowns_and_how_fast_hosts_acted(school, year):
    t = annual_review(school, START, END).takedowns
    assert (t.count, t.removed, t.overdue) == (4, 3, 1)
    assert t.removed_share == pytest.approx(0.75)
    assert t.median_hours_to_removal == pytest.approx(10)
    hosts = {row.host: row for row in t.by_host}
    assert hosts["instagram.com"].median_hours_to_removal == pytest.approx(20)
    assert hosts["tiktok.com"].removed == 1
    assert hosts['=HYPERLINK("x")'].median_hours_to_removal is None


def test_trends_by_term(school, year):
    terms = annual_review(school, START, END).terms
    assert [t.term for t in terms] == ["Autumn 2025", "Spring 2026", "Summer 2026"]
    assert [(t.incidents, t.referrals, t.resolved, t.takedowns) for t in terms] == [
        (1, 1, 1, 1), (2, 0, 1, 3), (1, 0, 1, 0)]


@pytest.mark.parametrize(("day", "term"), [
    (dt.date(2026, 1, 1), "Spring 2026"), (dt.date(2026, 4, 30), "Spring 2026"),
    (dt.date(2026, 5, 1), "Summer 2026"), (dt.date(2026, 8, 31), "Summer 2026"),
    (dt.date(2025, 9, 1), "Autumn 2025"), (dt.date(2025, 12, 31), "Autumn 2025"),
])
def test_terms_are_fixed_month_ranges(day, term):
    assert term_of(day)[0] == term


def test_a_part_year_is_cut_to_the_period():
    terms = terms_between(dt.date(2025, 11, 15), dt.date(2026, 1, 10))
    assert [name for name, _, _ in terms] == ["Autumn 2025", "Spring 2026"]


def test_percentiles_of_few_values():
    assert p90([]) is None and p90([3.0]) == 3.0


def test_an_empty_year(school):
    review = annual_review(school, START, END)
    assert review.incidents == 0 and review.median_days_to_resolve is None
    assert review.takedowns.removed_share is None and len(review.terms) == 3


def test_csv_has_one_section_per_table(school, team, year):
    review = annual_review(school, START, END)
    disclosure = do_record_disclosure(team["dora"], school, incident=None,
                                      what="Annual review CSV", **SHARE)
    rows = list(csv.reader(io.StringIO(review_csv(review, disclosure=disclosure))))
    sections = [rows[i][0] for i in range(len(rows))
                if len(rows[i]) == 1 and (i == 0 or rows[i - 1] == [])]
    assert sections == ["review", "by_type", "by_route", "by_outcome", "takedowns",
                        "takedowns_by_host", "by_term"]
    start = rows.index(["by_term"])
    assert rows[start + 1][:4] == ["term", "start", "end", "incidents"]
    assert rows[start + 2] == ["Autumn 2025", "2025-09-01", "2025-12-31", "1", "1", "1", "1"]
    assert ["'=HYPERLINK(\"x\")", "1", "0", ""] in rows  # a formula is defused


def test_the_review_names_no_child(school, team, year):
    review = annual_review(school, START, END)
    disclosure = do_record_disclosure(team["dora"], school, incident=None,
                                      what="Annual review CSV", **SHARE)
    text = review_csv(review, disclosure=disclosure)
    assert "James" not in text and "Smith" not in text and "INC-" not in text
    assert "Nasty comments" not in text


def test_csv_export_is_refused_without_a_disclosure(school, year):
    with pytest.raises(DisclosureRequired, match="Record the disclosure"):
        review_csv(annual_review(school, START, END), disclosure=None)


def test_the_period_must_be_the_right_way_round(school):
    with pytest.raises(ValueError, match="ends before"):
        annual_review(school, END, START)
