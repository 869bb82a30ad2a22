"""PDFs and the disclosure log: nothing leaves without a recorded disclosure."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from django.utils import timezone

from socialguard.audit.log import verify
from socialguard.audit.models import AuditEvent
from socialguard.incidents import actions, chronology, exports
from socialguard.incidents.disclosure import (
    DisclosureError,
    DisclosureRequired,
    ShareDetails,
    do_record_disclosure,
)
from socialguard.incidents.models import Disclosure
from socialguard.incidents.pdf import chronology_pdf, latin, review_pdf
from socialguard.incidents.review import annual_review
from socialguard.incidents.tests.records import SHARE, full_incident, make_team, report

pytestmark = pytest.mark.django_db
YEAR = (dt.date(2025, 9, 1), dt.date(2026, 8, 31))


@pytest.fixture
def team(school, alice):
    return make_team(school, alice)


def disclose(user, school, incident=None, **change):
    return do_record_disclosure(user, school, incident=incident, what="Chronology PDF",
                                **{**SHARE, **change})


def flat(data: bytes) -> bytes:
    """The uncompressed PDF with runs of shown text joined and unescaped."""
    return re.sub(rb"\) Tj \(", b"", data).replace(b"\\(", b"(").replace(b"\\)", b")")


def pages(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b", data))


def test_a_chronology_pdf_is_marked_numbered_and_names_the_school(school, team, pupils):
    incident = full_incident(school, team, pupils["james"])
    entries = chronology.for_incident(incident, team["dora"])
    data = chronology_pdf(f"Chronology of {incident.reference}", entries, school,
                          disclosures=[disclose(team["dora"], school, incident)],
                          compress=False)
    assert data.startswith(b"%PDF")
    for text in (b"Oakfield Primary School", b"OFFICIAL-SENSITIVE", b"Page 1 of 1",
                 b"by Dora", incident.reference.encode(), b"DC Patel, West Midlands Police",
                 b"Spoke to the pupil's mother"):
        assert text in data, text
    assert chronology_pdf("x", entries, school, compress=True,
                          disclosures=[disclose(team["dora"], school, incident)]
                          ).startswith(b"%PDF")


def test_non_latin_text_is_shown_not_crashed_on(school, team, pupils):
    assert latin("Zoë “quoted” – €5") == "Zoë “quoted” – €5"
    assert latin("ok 😀 中\u0000") == "ok [U+1F600] [U+4E2D][U+0000]"
    assert latin("Zoe\u0308") == "Zoë"  # combining marks are composed first
    incident = report(school, team["alice"])
    actions.do_add_note(incident, team["dora"], "Zoë said “stop” 😀 — 中文 <b>&amp; نص")
    entries = chronology.for_incident(incident, team["dora"])
    data = chronology_pdf("Zoë’s chronology 😀", entries, school, compress=False,
                          disclosures=[disclose(team["dora"], school, incident,
                                                to_whom="Zoë O’Brien 😀")])
    assert b"Zo\\353 said \\223stop\\224 [U+1F600]" in data
    assert b"<b>&amp;" in flat(data) and b"[U+0646]" in data  # markup is shown as typed


def test_a_very_long_note_flows_across_pages(school, team):
    incident = report(school, team["alice"])
    actions.do_add_note(incident, team["dora"], "word " * 6000)
    actions.do_add_note(incident, team["dora"], "line\n" * 400)
    actions.do_add_note(incident, team["dora"], "x" * 5000)
    entries = chronology.for_incident(incident, team["dora"])
    data = chronology_pdf("Long", entries, school, compress=False,
                          disclosures=[disclose(team["dora"], school, incident)])
    assert pages(data) >= 3 and b"(continued)" in flat(data)


def test_export_is_refused_without_a_disclosure(school, team, pupils, other_school, charlie):
    incident = full_incident(school, team, pupils["james"])
    other = report(school, team["alice"])
    entries = chronology.for_incident(incident, team["dora"])
    for disclosures in (None, []):
        with pytest.raises(DisclosureRequired, match="Record the disclosure"):
            chronology_pdf("x", entries, school, disclosures=disclosures)
    with pytest.raises(DisclosureRequired, match=incident.reference):
        chronology_pdf("x", entries, school, disclosures=[disclose(team["dora"], school,
                                                                   other)])
    unsaved = Disclosure(school=school, incident=incident, what="x", to_whom="x", why="x",
                         lawful_basis="x", by=team["dora"])
    with pytest.raises(DisclosureRequired, match="not recorded"):
        chronology_pdf("x", entries, school, disclosures=[unsaved])
    theirs = disclose(charlie, other_school)
    with pytest.raises(DisclosureRequired, match="not recorded for this school"):
        chronology_pdf("x", entries, school, disclosures=[theirs])
    stale = disclose(team["dora"], school, incident)
    stale.created_at -= dt.timedelta(hours=1)
    with pytest.raises(DisclosureRequired, match="earlier export"):
        chronology_pdf("x", entries, school, disclosures=[stale])
    review = annual_review(school, *YEAR)
    with pytest.raises(DisclosureRequired):
        review_pdf(review, disclosure=None)


@pytest.mark.parametrize(("change", "message"), [
    ({"what": " "}, "what is being shared"),
    ({"to_whom": ""}, "who it is shared with"),
    ({"why": "  "}, "why it is being shared"),
    ({"lawful_basis": ""}, "lawful basis"),
    ({"lawful_basis": "UK GDPR Art. 6(1)(a) consent", "consent": None}, "consent is not"),
    ({"consent": "yes"}, "whether consent was given"),
    ({"to_whom": "x" * 201}, "200 characters"),
])
def test_a_disclosure_says_to_whom_why_and_on_what_basis(school, team, change, message):
    incident = report(school, team["alice"])
    fields = {**SHARE, "what": "Chronology PDF", **change}
    with pytest.raises(DisclosureError, match=message):
        do_record_disclosure(team["dora"], school, incident=incident, **fields)
    assert not Disclosure.objects.exists()


def test_a_disclosure_is_logged_and_audited(school, team):
    incident = report(school, team["alice"])
    disclosure = disclose(team["dora"], school, incident, consent=True,
                          lawful_basis="UK GDPR Art. 6(1)(a) consent")
    event = AuditEvent.objects.get(event="incident.disclosed")
    assert event.subject_id == str(incident.pk) and event.actor == team["dora"]
    assert event.data["to_whom"] == "DC Patel, West Midlands Police"
    assert event.data["disclosure"] == disclosure.pk and event.data["consent"] is True
    assert verify().ok


def test_only_those_who_see_an_incident_can_disclose_it(school, team, charlie):
    incident = report(school, team["alice"])
    for who in (team["sam"], charlie):
        with pytest.raises(DisclosureError, match="No such incident"):
            disclose(who, school, incident)
    with pytest.raises(DisclosureError, match="Only staff"):
        disclose(charlie, school)


def test_exports_record_the_disclosure_first(school, team, pupils):
    first = full_incident(school, team, pupils["james"])
    second = report(school, team["sam"], involved=[{"part": "witness",
                                                     "pupil": pupils["james"]}])
    details = ShareDetails(**SHARE)
    with pytest.raises(DisclosureError, match="Record the disclosure"):
        exports.incident_chronology(team["dora"], first, None)
    assert exports.incident_chronology(team["dora"], first, details).startswith(b"%PDF")
    assert exports.pupil_chronology(team["dora"], pupils["james"], details).startswith(b"%PDF")
    logged = Disclosure.objects.order_by("pk")
    assert [d.incident for d in logged] == [first, first, second]  # one per incident shared
    assert exports.pupil_chronology(team["dora"], pupils["amelia"], details)
    assert Disclosure.objects.order_by("pk").last().incident is None  # nothing, still logged
    assert AuditEvent.objects.filter(event="incident.disclosed").count() == 4


def test_the_review_pdf_has_charts_and_no_names(school, team, pupils):
    full_incident(school, team, pupils["james"])
    today = timezone.localdate()
    review = annual_review(school, today - dt.timedelta(days=365), today)
    disclosure = do_record_disclosure(team["dora"], school, incident=None,
                                      what="Annual review PDF", **SHARE)
    data = review_pdf(review, disclosure=disclosure, compress=False)
    assert data.startswith(b"%PDF") and b"OFFICIAL-SENSITIVE" in data
    assert b"Trends by term" in data and b"How fast hosts acted" in data
    assert b"James" not in data and b"Smith" not in data and b"INC-" not in data
    empty = annual_review(school, dt.date(2020, 9, 1), dt.date(2021, 8, 31))
    assert review_pdf(empty, disclosure=disclosure).startswith(b"%PDF")


def test_who_may_export_the_review(school, team):
    details = ShareDetails(**{**SHARE, "to_whom": "The governing board"})
    assert exports.review(team["gill"], school, *YEAR, details).startswith(b"%PDF")
    csv_bytes = exports.review(team["head"], school, *YEAR, details, format="csv")
    assert csv_bytes.startswith(b"review\n")
    with pytest.raises(DisclosureError, match="Only the DSL"):
        exports.review(team["sam"], school, *YEAR, details)
    assert Disclosure.objects.filter(incident=None).count() == 2


def test_a_500_entry_chronology_pdf(school, team, pupils):
    incident = report(school, team["alice"])
    for n in range(499):
        actions.do_add_note(incident, team["dora"], f"Note {n}: called the parent back. " * 3)
    started = time.perf_counter()
    entries = chronology.for_incident(incident, team["dora"])
    built = time.perf_counter()
    data = chronology_pdf("Big", entries, school,
                          disclosures=[disclose(team["dora"], school, incident)])
    done = time.perf_counter()
    assert len(entries) == 500 and pages(data) > 10
    print(f"500 entries: build {1000 * (built - started):.0f} ms, "
          f"PDF {1000 * (done - built):.0f} ms, {len(data) // 1024} KiB, {pages(data)} pages")
    assert done - built < 10
