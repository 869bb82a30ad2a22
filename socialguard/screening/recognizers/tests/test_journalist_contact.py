"""journalist_contact: an incoming comment from or for a journalist or the media."""

import pytest

from socialguard.screening.base import Kind
from socialguard.screening.testing import run_check

ZW = "\u200b"

CASES = [
    # text, the words flagged, score of the first
    ("I'm a reporter at the Express & Star, could the school comment?",
     ["I'm a reporter"], 0.95),
    ("BBC Midlands here, could someone comment on the closure?", ["BBC Midlands here"], 0.95),
    ("Press enquiry: we're running a story about the SATs results.",
     ["Press enquiry", "we're running a story"], 0.9),
    ("Hi, I'm writing a piece for the Birmingham Mail about school meals",
     ["I'm writing a piece"], 0.9),
    ("Sarah, journalist for BirminghamLive. Can we talk?",
     ["journalist for BirminghamLive"], 0.95),
    ("Hello, I'm contacting you on behalf of ITV Central about the flooding",
     ["I'm contacting you on behalf of ITV Central"], 0.95),
    ("I work for the Dudley News", ["I work for the Dudley News"], 0.95),
    ("We'd like a statement for publication by 5pm", ["a statement for publication"], 0.9),
    ("Media enquiry re: the Ofsted report", ["Media enquiry"], 0.9),
    ("A reporter rang me about the fire", ["reporter"], 0.5),
    # near misses
    ("I read in the paper that the school is closing", [], None),
    ("Love the school newspaper club!", [], None),
    ("Could someone comment on the parking please?", [], None),
    ("I saw it on the BBC here, shocking", [], None),
    ("Thanks for the report on sports day!", [], None),
    ("The Times tables club is great", [], None),
    # hostile
    (f"I'm a jour{ZW}nalist at the Ехpress & Star", [f"I'm a jour{ZW}nalist"], 0.95),
    ("PRESS ENQUIRY", ["PRESS ENQUIRY"], 0.9),
]


@pytest.mark.parametrize(("text", "words", "score"), CASES)
def test_journalist_contact(text: str, words: list[str], score: float | None) -> None:
    findings = run_check("journalist_contact", text, kind=Kind.INCOMING_COMMENT)
    assert [f.text for f in findings] == words
    for finding in findings:
        assert finding.span is not None
        start, end = finding.span
        assert text[start:end] == finding.text
        assert finding.data["route"] == "head_teacher"
        assert "Head Teacher" in finding.explanation
    if findings:
        assert findings[0].score == score


def test_public_mentions_count_too() -> None:
    assert run_check("journalist_contact", "Press enquiry", kind=Kind.PUBLIC_MENTION)


@pytest.mark.parametrize("kind", [Kind.OFFICIAL_POST, Kind.REPLY, Kind.PERSONAL_POST])
def test_the_schools_own_content_is_not_contact(kind: Kind) -> None:
    assert run_check("journalist_contact", "Our pupils met a BBC journalist", kind=kind) == []


def test_long_comment() -> None:
    text = "Lovely school, the children are happy. " * 30 + "BBC Midlands here, any comment?"
    findings = run_check("journalist_contact", text, kind=Kind.INCOMING_COMMENT)
    assert [f.text for f in findings] == ["BBC Midlands here"]
