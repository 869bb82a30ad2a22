"""Takedowns through the real actions, and the automatic check against a real HTTP server on
127.0.0.1 (http.server in a thread; no mocks). Each path answers one way; every request it
gets is recorded, so the tests can check what went over the wire and what did not."""

from __future__ import annotations

import datetime as dt
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from socialguard.audit.log import verify
from socialguard.audit.models import AuditEvent
from socialguard.incidents import actions, takedowns
from socialguard.incidents.models import (
    AppendOnlyError,
    Incident,
    Status,
    Takedown,
    TakedownCheck,
    Type,
)
from socialguard.incidents.tasks import check_takedowns
from socialguard.lib import http, workdays
from socialguard.orgs.models import Organisation

pytestmark = pytest.mark.django_db
TERMS = "Community Standards: bullying and harassment (facebook.com/communitystandards)"
CONTENT = "https://www.facebook.com/groups/123/posts/456"

# path -> (status, headers). HEAD and GET answer alike unless the path says otherwise.
ROUTES: dict[str, tuple[int, dict[str, str]]] = {
    "/there": (200, {}),
    "/gone": (404, {}),
    "/gone-for-good": (410, {}),
    "/error": (500, {}),
    "/forbidden": (403, {}),
    "/moved-here": (301, {"Location": "/gone"}),
    "/moved-away": (302, {"Location": "http://elsewhere.example/login"}),
    "/loop": (302, {"Location": "/loop"}),
    "/no-location": (302, {}),
}


class Host(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[tuple[str, str]] = []
        self.release = threading.Event()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class _Handler(BaseHTTPRequestHandler):
    server: Host

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self) -> None:
        self.server.seen.append((self.command, self.path))
        if self.path == "/slow":
            self.server.release.wait(5)
            status, headers = 200, {}
        elif self.path == "/no-head":  # HEAD refused; GET says the page is gone
            status, headers = (405, {}) if self.command == "HEAD" else (404, {})
        else:
            status, headers = ROUTES.get(self.path, (404, {}))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = _answer


@pytest.fixture
def host():
    server = Host()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def local_checks(settings):
    """Let the automatic check reach 127.0.0.1 (it refuses private addresses otherwise)."""
    settings.TAKEDOWN_CHECK_PRIVATE_HOSTS = True


def report(school, who, kind=Type.CYBERBULLYING_PUPIL, **extra):
    return actions.do_report(school, who, type=kind, what_happened="Year 6 pupil James Smith "
                             "mocked in a public group.", where_url=CONTENT, **extra)


def request(incident, who, url=CONTENT, host="Facebook"):
    return takedowns.do_request_takedown(incident, who, host=host, url=url, terms=TERMS)


def closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/page"


# --- the request -------------------------------------------------------------------------

def test_a_request_is_recorded_with_its_deadline_and_audited(school, alice):
    incident = report(school, alice)
    takedown = request(incident, alice)
    assert takedown.state == Takedown.State.REQUESTED
    assert takedown.due_at - takedown.requested_at == dt.timedelta(hours=24)
    assert takedown.terms_cited == TERMS
    assert Incident.objects.get(pk=incident.pk).status == Status.ACTION
    event = AuditEvent.objects.get(event="takedown.requested")
    assert event.data["takedown"] == takedown.pk
    assert event.data["hours"] == 24
    assert verify().ok


@pytest.mark.parametrize(("pack", "overrides", "hours", "rule", "quoted"), [
    ("core-trust", {}, 24, workdays.CLOCK, False),              # no clause: the default
    ("generic-org", {}, 24, workdays.CLOCK, True),              # 000: "within 24 hours"
    ("generic-org", {"takedown_deadline_hours": 48}, 48, workdays.CLOCK, False),
    ("generic-org", {"takedown_weekend_rule": "next_working_day"}, 24,
     workdays.NEXT_WORKING_DAY, True),
])
def test_the_deadline_comes_from_the_pack(alice, pack, overrides, hours, rule, quoted):
    school = Organisation.objects.create(name="Hilltop Academy", policy_pack=pack,
                                         policy_settings=overrides,
                                         emails=["dsl@hilltop.sch.uk"])
    takedown = request(report(school, alice), alice)
    assert takedown.due_at == workdays.deadline(takedown.requested_at, hours, rule)
    assert f"within {hours} hours" in takedown.request_text
    clause = "as a matter of urgency, i.e., within 24 hours."
    assert (clause in takedown.request_text) is quoted


def test_the_request_text_cites_the_content_and_terms_and_nothing_about_the_people(alice):
    school = Organisation.objects.create(name="Hilltop Academy", policy_pack="generic-org",
                                         emails=["dsl@hilltop.sch.uk"])
    incident = report(school, alice)
    text = request(incident, alice).request_text
    for expected in ("To: Facebook", CONTENT, TERMS, "Hilltop Academy", "dsl@hilltop.sch.uk",
                     incident.reference, "(UK time)",
                     "(Action by employer: inappropriate use of social media)"):
        assert expected in text
    assert "James" not in text
    assert "mocked" not in text


@pytest.mark.parametrize(("school_contact", "expected"), [
    ({"emails": ["office@x.sch.uk"], "phones": ["0121 496 0000"]}, "office@x.sch.uk"),
    ({"phones": ["0121 496 0000"]}, "0121 496 0000"),
    ({"website": "https://x.sch.uk"}, "https://x.sch.uk"),
    ({}, "the school office"),
])
def test_the_contact_is_the_schools_first_address(alice, school_contact, expected):
    school = Organisation.objects.create(name="X School", policy_pack="core-trust",
                                         **school_contact)
    incident = report(school, alice)
    assert f"Please reply to {expected}," in takedowns.request_text(incident, "X", CONTENT,
                                                                     TERMS)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"host": " "}, "host or platform"),
    ({"terms": ""}, "terms"),
    ({"url": "ftp://example.org/x"}, "web address"),
    ({"url": "javascript:alert(1)"}, "web address"),
    ({"url": "not a url"}, "web address"),
])
def test_a_bad_request_is_refused_and_leaves_nothing(school, alice, kwargs, message):
    incident = report(school, alice)
    fields = {"host": "Facebook", "url": CONTENT, "terms": TERMS, **kwargs}
    with pytest.raises(actions.ActionError, match=message):
        takedowns.do_request_takedown(incident, alice, **fields)
    assert not Takedown.objects.exists()
    assert not AuditEvent.objects.filter(event="takedown.requested").exists()


# --- checks by hand, escalation, overdue --------------------------------------------------

def test_a_check_by_hand_marks_it_removed(school, alice):
    takedown = request(report(school, alice), alice)
    still = takedowns.do_record_check(takedown, alice, removed=False, how="dsl")
    takedown.refresh_from_db()
    assert takedown.state == Takedown.State.REQUESTED
    assert takedowns.verdict(still) == "still_there"
    gone = takedowns.do_record_check(takedown, alice, removed=True, how="dsl",
                                     detail="Looked from a logged-out browser")
    takedown.refresh_from_db()
    assert takedown.state == Takedown.State.REMOVED
    assert takedown.removed_at is not None
    assert gone.checked_by == alice
    assert AuditEvent.objects.filter(event="takedown.checked").count() == 2


def test_a_removed_takedown_stays_removed(school, alice):
    takedown = request(report(school, alice), alice)
    takedowns.do_record_check(takedown, alice, removed=True, how="dsl")
    takedown.refresh_from_db()
    removed_at = takedown.removed_at
    takedowns.do_record_check(takedown, alice, removed=False, how="dsl")
    takedowns.do_record_check(takedown, alice, removed=True, how="dsl")
    takedown.refresh_from_db()
    assert (takedown.state, takedown.removed_at) == (Takedown.State.REMOVED, removed_at)


def test_checks_are_append_only(school, alice):
    check = takedowns.do_record_check(request(report(school, alice), alice), alice,
                                      removed=False, how="dsl")
    check.detail = "edited"
    with pytest.raises(AppendOnlyError):
        check.save()
    with pytest.raises(AppendOnlyError):
        check.delete()


@pytest.mark.parametrize("how", ["", "x" * 21])
def test_a_check_says_how(school, alice, how):
    with pytest.raises(actions.ActionError, match="how"):
        takedowns.do_record_check(request(report(school, alice), alice), alice,
                                  removed=True, how=how)


def test_escalation_to_the_isp_and_then_the_next_route(alice):
    school = Organisation.objects.create(name="Hilltop Academy", policy_pack="generic-org")
    takedown = request(report(school, alice), alice)
    assert takedowns.escalation_for(school) == "internet service provider (ISP)"
    takedowns.do_escalate(takedown, alice, to=takedowns.escalation_for(school))
    takedown = takedowns.do_escalate(takedown, alice, to="Report Harmful Content")
    assert (takedown.state, takedown.escalated_to) == (Takedown.State.ESCALATED,
                                                       "Report Harmful Content")
    events = AuditEvent.objects.filter(event="takedown.escalated").order_by("id")
    assert [e.data["previous"] for e in events] == ["", "internet service provider (ISP)"]


@pytest.mark.parametrize(("removed", "to", "message"), [
    (False, " ", "escalated to"),
    (True, "ISP", "nothing to escalate"),
])
def test_escalation_refused(school, alice, removed, to, message):
    takedown = request(report(school, alice), alice)
    if removed:
        takedowns.do_record_check(takedown, alice, removed=True, how="dsl")
    with pytest.raises(actions.ActionError, match=message):
        takedowns.do_escalate(takedown, alice, to=to)


def test_overdue_lists_requested_takedowns_past_their_deadline(school, alice, charlie,
                                                                other_school):
    incident = report(school, alice)
    late, removed, escalated, on_time = (request(incident, alice) for _ in range(4))
    elsewhere = request(report(other_school, charlie), charlie)
    past = timezone.now() - dt.timedelta(minutes=1)
    Takedown.objects.exclude(pk=on_time.pk).update(due_at=past)
    takedowns.do_record_check(removed, alice, removed=True, how="dsl")
    takedowns.do_escalate(escalated, alice, to="ISP")
    assert list(takedowns.overdue(school)) == [late]
    assert list(takedowns.overdue(other_school)) == [elsewhere]


# --- the automatic check -------------------------------------------------------------------

@pytest.mark.parametrize(("path", "verdict", "status", "detail", "seen"), [
    ("/there", "still_there", 200, "still there", ["HEAD /there"]),
    ("/gone", "removed", 404, "removed", ["HEAD /gone"]),
    ("/gone-for-good", "removed", 410, "removed", ["HEAD /gone-for-good"]),
    ("/error", "inconclusive", 500, "answers 500", ["HEAD /error"]),
    ("/forbidden", "inconclusive", 403, "answers 403", ["HEAD /forbidden"]),
    ("/moved-here", "removed", 404, "removed", ["HEAD /moved-here", "HEAD /gone"]),
    ("/moved-away", "inconclusive", 302, "another host (elsewhere.example)",
     ["HEAD /moved-away"]),
    ("/loop", "inconclusive", 302, "more than 3 redirects", ["HEAD /loop"] * 4),
    ("/no-location", "inconclusive", 302, "answers 302", ["HEAD /no-location"]),
    ("/no-head", "removed", 404, "removed", ["HEAD /no-head", "GET /no-head"]),
    ("/slow", "inconclusive", None, "timed out", ["HEAD /slow"]),
])
def test_the_automatic_check(school, alice, host, local_checks, path, verdict, status,
                             detail, seen):
    takedown = request(report(school, alice), alice, url=host.url(path))
    check = takedowns.auto_check(takedown, timeout=0.5)
    assert check is not None
    assert takedowns.verdict(check) == verdict
    assert (check.removed, check.http_status, check.how) == (verdict == "removed", status,
                                                              "automatic")
    assert detail in check.detail
    assert check.checked_by is None
    assert [f"{method} {p}" for method, p in host.seen] == seen
    takedown.refresh_from_db()
    expected = Takedown.State.REMOVED if verdict == "removed" else Takedown.State.REQUESTED
    assert takedown.state == expected
    assert AuditEvent.objects.get(event="takedown.checked").actor is None


def test_no_answer_is_inconclusive(school, alice, local_checks):
    takedown = request(report(school, alice), alice, url=closed_port_url())
    check = takedowns.auto_check(takedown, timeout=0.5)
    assert check is not None
    assert (check.removed, check.http_status) == (False, None)
    assert "connection refused" in check.detail


def test_private_addresses_are_not_fetched_by_default(school, alice, host):
    takedown = request(report(school, alice), alice, url=host.url("/gone"))
    assert takedowns.auto_check(takedown) is None
    assert host.seen == []
    assert not TakedownCheck.objects.exists()


def test_an_indecent_image_url_is_never_fetched(school, alice, host, local_checks):
    incident = report(school, alice, kind=Type.INDECENT_IMAGES,
                      image_location="A URL sent to the head teacher")
    takedown = request(incident, alice, url=host.url("/there"), host="IWF")
    assert takedowns.auto_check(takedown) is None
    assert host.seen == []


def test_a_closed_takedown_is_not_checked(school, alice, host, local_checks):
    takedown = request(report(school, alice), alice, url=host.url("/there"))
    takedowns.do_record_check(takedown, alice, removed=True, how="dsl")
    takedown.refresh_from_db()
    assert takedowns.auto_check(takedown) is None
    assert host.seen == []


def test_an_escalated_takedown_is_still_checked(school, alice, host, local_checks):
    takedown = request(report(school, alice), alice, url=host.url("/gone"))
    takedown = takedowns.do_escalate(takedown, alice, to="ISP")
    assert takedowns.auto_check(takedown) is not None
    takedown.refresh_from_db()
    assert takedown.state == Takedown.State.REMOVED


@pytest.mark.parametrize(("url", "public"), [
    ("http://127.0.0.1:8000/x", False),
    ("http://[::1]/x", False),
    ("https://10.1.2.3/x", False),
    ("http://192.168.0.10/x", False),
    ("http://169.254.169.254/latest/meta-data", False),
    ("https://8.8.8.8/x", True),
])
def test_only_public_addresses_count_as_public(url, public):
    assert http.resolves_publicly(url) is public  # numeric hosts: no DNS query is sent


# --- the task ------------------------------------------------------------------------------

def test_the_task_checks_open_takedowns_once(school, alice, host, local_checks):
    incident = report(school, alice)
    for path in ("/there", "/gone", "/error"):
        request(incident, alice, url=host.url(path))
    done = request(incident, alice, url=host.url("/there"))
    takedowns.do_record_check(done, alice, removed=True, how="dsl")
    image = report(school, alice, kind=Type.INDECENT_IMAGES, image_location="a URL")
    request(image, alice, url=host.url("/there"), host="IWF")

    first = check_takedowns.enqueue().return_value
    assert first == {"removed": 1, "still_there": 1, "inconclusive": 1, "skipped": 1}
    checks = TakedownCheck.objects.count()
    second = check_takedowns.enqueue().return_value
    assert second == {"removed": 0, "still_there": 0, "inconclusive": 0, "skipped": 1}
    assert TakedownCheck.objects.count() == checks
    assert sorted(p for _, p in host.seen) == ["/error", "/gone", "/there"]
