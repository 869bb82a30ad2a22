"""Takedowns (I6): ask the host to remove content, check that it went, escalate if not.

The rules are in docs/incidents.md, "Takedowns and deadlines". Requests, checks and
escalations are atomic actions with audit events; checks are append-only. The automatic
check is the only part that touches the network, through socialguard.lib.http, and never
fetches the URL of an indecent-image incident.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from socialguard.incidents.actions import ActionError, _audit
from socialguard.incidents.models import Incident, Status, Takedown, TakedownCheck, Type
from socialguard.lib import http, workdays
from socialguard.orgs.models import Organisation
from socialguard.policies.loader import load_pack
from socialguard.posts.screening import policy_for

DEFAULT_DEADLINE_HOURS = 24
DEFAULT_ESCALATION = "the internet service provider (ISP)"
AUTOMATIC = "automatic"
CHECK_TIMEOUT = 10.0
MAX_REDIRECTS = 3
OPEN = (Takedown.State.REQUESTED, Takedown.State.ESCALATED)


@dataclass(frozen=True)
class Expectation:
    """How soon the pack expects removal, and the clause that says so (if it does)."""

    hours: int
    weekend_rule: str
    quote: str = ""
    section: str = ""


def expectation(school: Organisation) -> Expectation:
    """The school's takedown deadline: `takedown_deadline_hours` (24 by default) and
    `takedown_weekend_rule` (the clock by default). The pack's clause is quoted only when
    the school has not overridden the hours it states."""
    settings_ = policy_for(school).settings
    hours = int(settings_.get("takedown_deadline_hours", DEFAULT_DEADLINE_HOURS))
    rule = str(settings_.get("takedown_weekend_rule", workdays.CLOCK))
    fact = load_pack(school.pack_id).pack.settings.get("takedown_deadline_hours")
    if fact is None or fact.value != hours:
        return Expectation(hours, rule)
    return Expectation(hours, rule, " ".join(fact.quote.split()), fact.section)


def escalation_for(school: Organisation) -> str:
    """Where the pack sends an uncooperative host (its `takedown_escalation`), or the ISP."""
    return str(policy_for(school).settings.get("takedown_escalation", DEFAULT_ESCALATION))


def _contact(school: Organisation) -> str:
    for value in (*school.emails, *school.phones, school.website):
        if value:
            return str(value)
    return "the school office"


def request_text(incident: Incident, host: str, url: str, terms: str, *,
                 due_at: dt.datetime | None = None) -> str:
    """The request to the host or platform. It names the content, the terms it breaks and
    the school's expectation, and nothing about the people involved."""
    school = incident.school
    expected = expectation(school)
    by = f", that is by {_when(due_at)}" if due_at else ""
    lines = [
        f"To: {host}",
        f"Subject: Request to remove content: {school.name} (our reference "
        f"{incident.reference})",
        "",
        f"{school.name} asks you to remove the following content:",
        f"  {url}",
        "",
        f"It breaks your terms: {terms.strip()}",
        "",
        f"Our policy expects it to be removed within {expected.hours} hours{by}.",
    ]
    if expected.quote:
        lines.append(f'Our policy says: "{expected.quote}" ({expected.section.rstrip(":")})')
    lines += ["", f"Please reply to {_contact(school)}, quoting {incident.reference}.", "",
              school.name]
    return "\n".join(lines)


def _when(moment: dt.datetime) -> str:
    local = moment.astimezone(workdays.LONDON)
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y} (UK time)"


def _validate_request(host: str, url: str, terms: str) -> None:
    if not host.strip():
        raise ActionError("Name the host or platform.")
    if not terms.strip():
        raise ActionError("Say which of the host's terms the content breaks.")
    try:
        http.check_url(url)
    except http.RefusedUrl:
        raise ActionError("Give the content's web address (http or https).") from None


@transaction.atomic
def do_request_takedown(incident: Incident, user: User, *, host: str, url: str,
                        terms: str) -> Takedown:
    """I6: ask the host to remove the content, due by the pack's deadline."""
    _validate_request(host, url, terms)
    expected = expectation(incident.school)
    now = timezone.now()
    due_at = workdays.deadline(now, expected.hours, expected.weekend_rule)
    takedown = Takedown.objects.create(
        incident=incident, host=host.strip(), url=url, terms_cited=terms.strip(),
        request_text=request_text(incident, host.strip(), url, terms, due_at=due_at),
        requested_at=now, due_at=due_at)
    Incident.objects.filter(pk=incident.pk, status__in=[Status.REPORTED, Status.TRIAGED]
                            ).update(status=Status.ACTION)
    _audit("takedown.requested", incident, user, takedown=takedown.pk, host=takedown.host,
           url=url, due_at=due_at.isoformat(), hours=expected.hours,
           weekend_rule=expected.weekend_rule)
    return takedown


@transaction.atomic
def do_record_check(takedown: Takedown, user: User | None, *, removed: bool, how: str,
                    http_status: int | None = None, detail: str = "") -> TakedownCheck:
    """Record whether the content is still there. Removed marks the takedown removed; not
    removed changes nothing (a removed takedown stays removed: if the content comes back,
    request again)."""
    if not how.strip() or len(how) > 20:
        raise ActionError("Say how it was checked (at most 20 characters).")
    takedown = Takedown.objects.select_for_update().select_related("incident").get(
        pk=takedown.pk)
    check = TakedownCheck.objects.create(takedown=takedown, removed=removed, how=how,
                                         http_status=http_status, detail=detail,
                                         checked_by=user)
    before = takedown.state
    if removed and takedown.state != Takedown.State.REMOVED:
        takedown.state, takedown.removed_at = Takedown.State.REMOVED, timezone.now()
        takedown.save(update_fields=["state", "removed_at"])
    _audit("takedown.checked", takedown.incident, user, takedown=takedown.pk, check=check.pk,
           removed=removed, how=how, http_status=http_status, before=before,
           after=takedown.state)
    return check


@transaction.atomic
def do_escalate(takedown: Takedown, user: User, *, to: str) -> Takedown:
    """The host has not co-operated: go to the ISP or the next route. Escalating again
    (to the next route) replaces `escalated_to`; the audit trail keeps each one."""
    if not to.strip():
        raise ActionError("Say who the takedown is escalated to.")
    takedown = Takedown.objects.select_for_update().select_related("incident").get(
        pk=takedown.pk)
    if takedown.state not in OPEN:
        raise ActionError(f"This takedown is {takedown.get_state_display().lower()}: "
                          "there is nothing to escalate.")
    previous = takedown.escalated_to
    takedown.state, takedown.escalated_to = Takedown.State.ESCALATED, to.strip()
    takedown.save(update_fields=["state", "escalated_to"])
    _audit("takedown.escalated", takedown.incident, user, takedown=takedown.pk,
           to=takedown.escalated_to, previous=previous)
    return takedown


def overdue(school: Organisation) -> QuerySet[Takedown]:
    """Takedowns still waiting on the host past their deadline, oldest first. Every
    compartment: a view filters them through incidents.access like any incident list."""
    return (Takedown.objects.filter(incident__school=school, state=Takedown.State.REQUESTED,
                                    due_at__lt=timezone.now())
            .select_related("incident").order_by("due_at", "pk"))


@dataclass(frozen=True)
class Probe:
    """What an automatic check found: a verdict, the last status seen, and why."""

    verdict: str  # "removed", "still_there" or "inconclusive"
    status: int | None
    detail: str


def auto_check(takedown: Takedown, *, timeout: float = CHECK_TIMEOUT) -> TakedownCheck | None:
    """Check an open takedown's URL over HTTP and record what was found; None when the
    URL is not one to fetch automatically (see `_fetchable`)."""
    if not _checkable(takedown):
        return None
    try:
        if not _fetchable(takedown.url):
            return None
        probe = look(takedown.url, timeout=timeout)
    except http.DeliveryError as exc:
        probe = Probe("inconclusive", None, f"inconclusive: {exc}")
    return do_record_check(takedown, None, removed=probe.verdict == "removed", how=AUTOMATIC,
                           http_status=probe.status, detail=probe.detail)


def _checkable(takedown: Takedown) -> bool:
    """Open, and not an indecent-image incident: that URL is never fetched (I5)."""
    if takedown.state not in OPEN or takedown.incident.type == Type.INDECENT_IMAGES:
        return False
    try:
        http.check_url(takedown.url)
    except http.RefusedUrl:
        return False
    return True


def _fetchable(url: str) -> bool:
    """Public URLs only: the server must not probe the school's own network on a URL typed
    in a form. TAKEDOWN_CHECK_PRIVATE_HOSTS = True lifts this (tests, a lab)."""
    if getattr(settings, "TAKEDOWN_CHECK_PRIVATE_HOSTS", False):
        return True
    return http.resolves_publicly(url)


def look(url: str, *, timeout: float = CHECK_TIMEOUT) -> Probe:
    """HEAD the URL (GET without the body if HEAD is refused). 404/410: removed. 200: still
    there. A redirect is followed only on the same host, at most MAX_REDIRECTS times.
    Anything else is inconclusive. Raises http.DeliveryError when there is no answer."""
    answer = http.HttpStatus(0)
    for _ in range(MAX_REDIRECTS + 1):
        answer = _status(url, timeout)
        if not (300 <= answer.status < 400 and answer.location):
            return _judge(answer.status)
        target = urljoin(url, answer.location)
        if not _same_host(url, target):
            return Probe("inconclusive", answer.status,
                         f"inconclusive: {answer.status} redirect to another host "
                         f"({urlsplit(target).hostname}), not followed: check by hand")
        url = target
    return Probe("inconclusive", answer.status,
                 f"inconclusive: more than {MAX_REDIRECTS} redirects")


def _status(url: str, timeout: float) -> http.HttpStatus:
    answer = http.status_of(url, timeout=timeout)
    if answer.status in (405, 501):  # HEAD not allowed: ask with GET, still no body read
        answer = http.status_of(url, method="GET", timeout=timeout)
    return answer


def _judge(status: int) -> Probe:
    if status in (404, 410):
        return Probe("removed", status, f"removed: the host answers {status}")
    if status == 200:
        return Probe("still_there", status, "still there: the host answers 200 (a platform "
                     "may answer 200 with a 'not available' page: look before escalating)")
    return Probe("inconclusive", status, f"inconclusive: the host answers {status}")


def _same_host(url: str, target: str) -> bool:
    here, there = urlsplit(url), urlsplit(target)
    return (there.scheme.lower() in ("http", "https")
            and (here.hostname or "").lower() == (there.hostname or "").lower())


def verdict(check: TakedownCheck) -> str:
    """A recorded check read back as "removed", "still_there" or "inconclusive"."""
    if check.removed:
        return "removed"
    if check.how != AUTOMATIC or check.http_status == 200:
        return "still_there"
    return "inconclusive"

