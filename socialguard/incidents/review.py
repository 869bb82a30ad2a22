"""The annual policy review: the incident log, in aggregate (issue 4; RMET: the incident log
drives the review).

Only numbers and category labels: no names, no references, no free text, so the report can go
to governors. Every incident of the school reported in the period counts, sealed ones
included, since none can be identified from a count.

- Incidents are those *reported* between `start` and `end` (both days included, Europe/London).
- Routes count routing decisions on those incidents: referred, and decided not to refer.
- Days to resolve run from the report to the resolution, for those resolved; the median and
  the 90th percentile (`statistics.quantiles`, inclusive method; a single value is its own
  percentile).
- Takedowns are those *requested* in the period; hours to removal run from the request to
  `removed_at`; overdue means still open (requested or escalated) past its due time when the
  report is made.
- School terms use fixed month ranges, not each year's dates: autumn September to December,
  spring January to April (Easter moves, so April is counted as spring), summer May to August.
  A term is named by the calendar year it falls in ("Spring 2026").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from socialguard.incidents.disclosure import check_disclosures
from socialguard.incidents.models import (
    Decision,
    Disclosure,
    Incident,
    Outcome,
    Route,
    Takedown,
    Type,
)
from socialguard.orgs.models import Organisation

UNRESOLVED = "Not yet resolved"
# (name, first month, last month)
TERMS = (("Spring", 1, 4), ("Summer", 5, 8), ("Autumn", 9, 12))


@dataclass(frozen=True)
class RouteRow:
    route: str
    referred: int
    not_referred: int


@dataclass(frozen=True)
class HostRow:
    host: str
    requested: int
    removed: int
    median_hours_to_removal: float | None


@dataclass(frozen=True)
class TermRow:
    term: str
    start: dt.date
    end: dt.date
    incidents: int
    referrals: int
    resolved: int
    takedowns: int


@dataclass(frozen=True)
class TakedownSummary:
    count: int
    removed: int
    removed_share: float | None  # 0..1; None when there were none
    median_hours_to_removal: float | None
    overdue: int
    by_host: list[HostRow] = field(default_factory=list)


@dataclass(frozen=True)
class ReviewReport:
    school_name: str
    school_id: int
    start: dt.date
    end: dt.date
    generated_at: dt.datetime
    incidents: int
    by_type: list[tuple[str, int]]
    by_route: list[RouteRow]
    by_outcome: list[tuple[str, int]]
    resolved: int
    median_days_to_resolve: float | None
    p90_days_to_resolve: float | None
    takedowns: TakedownSummary
    terms: list[TermRow]


def _aware(day: dt.date, *, end: bool = False) -> dt.datetime:
    """The first instant of `day`, or of the day after it when `end` (an exclusive bound)."""
    moment = dt.datetime.combine(day + dt.timedelta(days=1) if end else day, dt.time())
    return timezone.make_aware(moment, timezone.get_default_timezone())


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def p90(values: Sequence[float]) -> float | None:
    if len(values) < 2:
        return float(values[0]) if values else None
    return float(statistics.quantiles(values, n=10, method="inclusive")[8])


def term_of(day: dt.date) -> tuple[str, dt.date, dt.date]:
    """The term containing `day`: its name and first and last days."""
    for name, first, last in TERMS:
        if first <= day.month <= last:
            after = dt.date(day.year + 1, 1, 1) if last == 12 else dt.date(day.year, last + 1, 1)
            return (f"{name} {day.year}", dt.date(day.year, first, 1),
                    after - dt.timedelta(days=1))
    raise AssertionError("every month is in a term")


def terms_between(start: dt.date, end: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    terms, day = [], start
    while day <= end:
        term = term_of(day)
        terms.append(term)
        day = term[2] + dt.timedelta(days=1)
    return terms


@dataclass(frozen=True)
class _Incident:
    type: str
    outcome: str
    reported_at: dt.datetime
    resolved_at: dt.datetime | None


@dataclass(frozen=True)
class _Decision:
    route: str
    refer: bool
    reported_at: dt.datetime  # the incident's


@dataclass(frozen=True)
class _Takedown:
    host: str
    state: str
    requested_at: dt.datetime
    due_at: dt.datetime
    removed_at: dt.datetime | None

    @property
    def hours(self) -> float:
        assert self.removed_at is not None
        return (self.removed_at - self.requested_at).total_seconds() / 3600


def annual_review(school: Organisation, start: dt.date, end: dt.date) -> ReviewReport:
    """The review of incidents reported, and takedowns requested, from `start` to `end`
    (three queries)."""
    if end < start:
        raise ValueError("The review period ends before it starts.")
    since, until = _aware(start), _aware(end, end=True)
    in_period = Incident.objects.filter(school=school, reported_at__gte=since,
                                        reported_at__lt=until)
    incidents = [_Incident(*row) for row in in_period.values_list(
        "type", "outcome", "reported_at", "resolved_at")]
    decisions = [_Decision(*row) for row in Decision.objects.filter(
        incident__in=in_period).values_list("route", "refer", "incident__reported_at")]
    takedowns = [_Takedown(*row) for row in Takedown.objects.filter(
        incident__school=school, requested_at__gte=since, requested_at__lt=until
    ).values_list("host", "state", "requested_at", "due_at", "removed_at")]
    days = [(i.resolved_at - i.reported_at).total_seconds() / 86400
            for i in incidents if i.resolved_at]
    return ReviewReport(
        school_name=school.name, school_id=school.pk, start=start, end=end,
        generated_at=timezone.now(), incidents=len(incidents),
        by_type=_by_type(incidents), by_route=_by_route(decisions),
        by_outcome=_by_outcome(incidents), resolved=len(days),
        median_days_to_resolve=median(days), p90_days_to_resolve=p90(days),
        takedowns=_takedowns(takedowns),
        terms=_terms(start, end, incidents, decisions, takedowns))


def _by_type(incidents: list[_Incident]) -> list[tuple[str, int]]:
    counts = Counter(i.type for i in incidents)
    return [(label, counts[value]) for value, label in Type.choices]


def _by_outcome(incidents: list[_Incident]) -> list[tuple[str, int]]:
    counts = Counter(i.outcome or "" for i in incidents)
    return [*((label, counts[value]) for value, label in Outcome.choices),
            (UNRESOLVED, counts[""])]


def _by_route(decisions: list[_Decision]) -> list[RouteRow]:
    counts = Counter((d.route, d.refer) for d in decisions)
    return [RouteRow(label, counts[(value, True)], counts[(value, False)])
            for value, label in Route.choices]


_OPEN = (Takedown.State.REQUESTED, Takedown.State.ESCALATED)


def _takedowns(rows: list[_Takedown]) -> TakedownSummary:
    removed = [t for t in rows if t.removed_at]
    now = timezone.now()
    hosts = sorted({t.host for t in rows}, key=str.lower)
    by_host = [HostRow(host, sum(1 for t in rows if t.host == host),
                       sum(1 for t in removed if t.host == host),
                       median([t.hours for t in removed if t.host == host]))
               for host in hosts]
    return TakedownSummary(
        count=len(rows), removed=len(removed),
        removed_share=len(removed) / len(rows) if rows else None,
        median_hours_to_removal=median([t.hours for t in removed]),
        overdue=sum(1 for t in rows if t.state in _OPEN and t.due_at < now), by_host=by_host)


def _day(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def _terms(start: dt.date, end: dt.date, incidents: list[_Incident],
           decisions: list[_Decision], takedowns: list[_Takedown]) -> list[TermRow]:
    def within(moments: Iterable[dt.datetime], first: dt.date, last: dt.date) -> int:
        return sum(1 for moment in moments if first <= _day(moment) <= last)

    return [TermRow(term=name, start=max(first, start), end=min(last, end),
                    incidents=within((i.reported_at for i in incidents), first, last),
                    referrals=within((d.reported_at for d in decisions if d.refer), first,
                                     last),
                    resolved=within((i.reported_at for i in incidents if i.resolved_at),
                                    first, last),
                    takedowns=within((t.requested_at for t in takedowns), first, last))
            for name, first, last in terms_between(start, end)]


def review_csv(report: ReviewReport, *, disclosure: Disclosure | None) -> str:
    """The review as CSV: one section per table. Each section is a row with its name alone,
    a header row, the data rows and an empty row. Refused without a recorded disclosure."""
    check_disclosures([disclosure] if disclosure else None, report.school_id)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for name, header, rows in review_tables(report):
        writer.writerow([name])
        writer.writerow(header)
        writer.writerows([[_cell(value) for value in row] for row in rows])
        writer.writerow([])
    return out.getvalue()


def _number(value: float | None, places: int = 1) -> str:
    return "" if value is None else f"{value:.{places}f}"


Table = tuple[str, list[str], list[list[object]]]


def review_tables(report: ReviewReport) -> list[Table]:
    """The review's tables, as (name, header, rows): the CSV and the PDF both use them."""
    t = report.takedowns
    return [
        ("review", ["field", "value"], [
            ["school", report.school_name], ["start", report.start.isoformat()],
            ["end", report.end.isoformat()],
            ["generated_at", timezone.localtime(report.generated_at).isoformat()],
            ["incidents", report.incidents], ["resolved", report.resolved],
            ["median_days_to_resolve", _number(report.median_days_to_resolve)],
            ["p90_days_to_resolve", _number(report.p90_days_to_resolve)]]),
        ("by_type", ["type", "incidents"], [list(row) for row in report.by_type]),
        ("by_route", ["route", "referred", "not_referred"],
         [[r.route, r.referred, r.not_referred] for r in report.by_route]),
        ("by_outcome", ["outcome", "incidents"], [list(row) for row in report.by_outcome]),
        ("takedowns", ["field", "value"], [
            ["requested", t.count], ["removed", t.removed],
            ["removed_share", _number(t.removed_share, 3)],
            ["median_hours_to_removal", _number(t.median_hours_to_removal)],
            ["overdue", t.overdue]]),
        ("takedowns_by_host", ["host", "requested", "removed", "median_hours_to_removal"],
         [[h.host, h.requested, h.removed, _number(h.median_hours_to_removal)]
          for h in t.by_host]),
        ("by_term", ["term", "start", "end", "incidents", "referrals", "resolved",
                     "takedowns"],
         [[r.term, r.start.isoformat(), r.end.isoformat(), r.incidents, r.referrals,
           r.resolved, r.takedowns] for r in report.terms]),
    ]


def _cell(value: object) -> object:
    """Defuse spreadsheet formulas in text (a host name is typed by a person)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
