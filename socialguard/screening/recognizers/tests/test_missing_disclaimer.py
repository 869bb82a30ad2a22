"""missing_disclaimer: a personal post naming the school with no "views are my own"."""

import pytest

from socialguard.screening.base import Kind
from socialguard.screening.testing import run_check

ZW = "\u200b"
REMEDY = ("Add: 'The views expressed here are my own and not those of "
          "Oakfield Primary School.'")

CASES = [
    # text, the words flagged (the first mention of the school)
    ("Great day at Oakfield Primary today!", ["Oakfield Primary"]),
    ("Proud of everyone at Oakfield Primary School", ["Oakfield Primary School"]),
    ("Here are my views on Oakfield Primary's new uniform", ["Oakfield Primary"]),
    ("OPS rocks", ["OPS"]),
    ("oakfield school and Oakfield Primary", ["oakfield school"]),
    # disclaimers
    ("Great day at Oakfield Primary today! Views are my own.", []),
    ("Proud to work at OAKFIELD SCHOOL. All views my own", []),
    ("Loving my job at Oakfield Primary School (opinions are my own)", []),
    ("Oakfield Primary rocks. The views expressed here are mine.", []),
    ("Personal account. Oakfield Primary!", []),
    ("Oakfield Primary - my views only", []),
    ("Oakfield Primary news; my views do not necessarily reflect those of my employer", []),
    ("Tweeting in a personal capacity about Oakfield Primary", []),
    # near misses: the school is not named
    ("ops, wrong photo", []),
    ("A great day at school today", []),
    ("Oakfield Road is closed", []),
    # hostile: accents, zero-width characters, homoglyphs
    ("Öakfield Prímary rocks", ["Öakfield Prímary"]),
    (f"Oak{ZW}field Primary rocks", [f"Oak{ZW}field Primary"]),
    ("Оаkfield Primary rocks", ["Оаkfield Primary"]),             # Cyrillic О and а
    ("Оаkfield Primary rocks. VIEWS ARE MY OWN", []),
]


@pytest.mark.parametrize(("text", "words"), CASES)
def test_missing_disclaimer(text: str, words: list[str]) -> None:
    findings = run_check("missing_disclaimer", text, kind=Kind.PERSONAL_POST)
    assert [f.text for f in findings] == words
    for finding in findings:
        assert finding.span is not None
        start, end = finding.span
        assert text[start:end] == finding.text
        assert finding.data["remedy"] == {"kind": "add_disclaimer", "description": REMEDY,
                                          "text": REMEDY[len("Add: '"):-1]}


@pytest.mark.parametrize("kind", [k for k in Kind if k != Kind.PERSONAL_POST])
def test_only_personal_posts(kind: Kind) -> None:
    assert run_check("missing_disclaimer", "Great day at Oakfield Primary!", kind=kind) == []
