"""Checks on the item rather than its words: consent, do-not-publish, untagged media, author."""

import pytest

from socialguard.screening.base import MediaItem
from socialguard.screening.testing import decision_for, run_check

PHOTO = MediaItem(name="photo.jpg", data=b"\xff\xd8\xff")

# (tagged, channel, purpose param, expected (pupil, consent status) pairs)
CONSENT = [
    (["P001"], None, "auto", []),
    (["P001"], "facebook", "auto", []),
    (["P001"], "press", "auto", [("P001", "missing")]),
    (["P001"], "website", "auto", []),
    (["P004"], "facebook", "auto", [("P004", "missing")]),
    (["P004"], "website", "auto", []),
    (["P006"], "Website", "auto", [("P006", "missing")]),
    (["P009", "P001"], None, "auto", [("P009", "missing")]),
    (["P009", "P009"], None, "auto", [("P009", "missing")]),
    (["P001"], None, "press", [("P001", "missing")]),
    (["P404"], None, "auto", [("P404", "unknown")]),
    ([], None, "auto", []),
]


@pytest.mark.parametrize(("tagged", "channel", "purpose", "expected"), CONSENT)
def test_pupil_consent(tagged, channel, purpose, expected):
    findings = run_check("pupil_consent", "A photo", tagged=tagged, channel=channel,
                         params={"purpose": purpose})
    assert [(f.data["pupil"], f.data["consent"]) for f in findings] == expected


DO_NOT_PUBLISH = [
    ("Lovely photo", ["P010"], [("P010", "tagged")]),
    ("Well done Amelia Wilson", [], [("P010", "named")]),
    ("Well done Amelia", [], [("P010", "named")]),
    ("Well done A m e l i a  W i l s o n", [], [("P010", "named")]),
    ("Well done James Smith", ["P001"], []),
    ("The Wilson family", [], []),
]


@pytest.mark.parametrize(("text", "tagged", "expected"), DO_NOT_PUBLISH)
def test_do_not_publish(text, tagged, expected):
    findings = run_check("pupil_do_not_publish", text, tagged=tagged)
    assert [(f.data["pupil"], f.data["how"]) for f in findings] == expected


@pytest.mark.parametrize(("media", "tagged", "fires"), [
    ([PHOTO], [], True),
    ([PHOTO, PHOTO], [], True),
    ([PHOTO], ["P001"], False),
    ([], [], False),
])
def test_untagged_media(media, tagged, fires):
    assert bool(run_check("untagged_media", "", media=media, tagged=tagged)) is fires


@pytest.mark.parametrize(("author", "fires"), [(None, True), ("", True), ("  ", True),
                                               ("S001", False)])
def test_author_missing(author, fires):
    assert bool(run_check("author_missing", "Hello", author=author)) is fires


def test_a_missing_consent_blocks_through_the_engine():
    assert decision_for("pupil_consent", "Photo", tagged=("P009",)) == "BLOCK"
    assert decision_for("pupil_consent", "Photo", tagged=("P001",)) == "PASS"


@pytest.mark.parametrize(("tagged", "expected"), [
    (["P001"], ["P001"]),
    (["P001", "P001", "P404"], ["P001", "P404"]),
    ([], []),
])
def test_pupil_tagged(tagged, expected):
    findings = run_check("pupil_tagged", "Great day", tagged=tagged)
    assert [f.data["pupil"] for f in findings] == expected
    assert all("official accounts" in f.explanation for f in findings)


@pytest.mark.parametrize(("text", "words"), [
    ("Long week at Oakfield Primary School!", ["Oakfield Primary School"]),
    ("long week at oakfield primary", ["oakfield primary"]),
    ("Oakfield Primary's fair", ["Oakfield Primary"]),
    ("Proud to teach at OPS", ["OPS"]),
    ("back office ops are dull", []),
    ("Oak\u200bfield School rocks", ["Oak\u200bfield School"]),
    ("A lovely day in the oak woods", []),
])
def test_school_named(text, words):
    assert [f.text for f in run_check("school_named", text)] == words
