"""staff_named and parent_named: staff and parents on the roster, for packs that forbid it."""

import pytest

from socialguard.screening.testing import run_check

STAFF = [
    ("Thanks to Mrs Jenkins for organising", "full", ["Mrs Jenkins"]),
    ("thanks to mrs jenkins", "full", ["mrs jenkins"]),
    ("Thanks to Ms Jenkins", "full", ["Ms Jenkins"]),
    ("Sarah Jenkins opened the fair", "full", ["Sarah Jenkins"]),
    ("Mr. Clarke's class", "full", ["Mr. Clarke's"]),
    ("Dr Sharma spoke", "full", ["Dr Sharma"]),
    ("Sarah opened the fair", "full", []),
    ("Sarah opened the fair", "any", ["Sarah"]),
    ("The jenkins family", "full", []),
    ("Tom Baker's office", "full", ["Tom Baker's"]),
    ("Ｍｒｓ Jen\u200bkins", "full", ["Ｍｒｓ Jen\u200bkins"]),
    ("A baker's dozen of cakes", "full", []),
]


@pytest.mark.parametrize(("text", "names", "words"), STAFF)
def test_staff_named(text, names, words):
    findings = run_check("staff_named", text, params={"names": names})
    assert [f.text for f in findings] == words
    assert all(f.data["staff"] for f in findings)


PARENTS = [
    ("Karen Smith kindly baked cakes", "full", ["Karen Smith"], "G001"),
    ("Thank you to karen smith", "full", ["karen smith"], "G001"),
    ("Thank you Karen", "full", [], None),
    ("Thank you Karen", "any", ["Karen"], "G001"),
    ("Mark Thompson ran the raffle", "full", ["Mark Thompson"], "G002"),
    ("Mark your calendars", "any", [], None),
    ("Smith family", "full", [], None),
]


@pytest.mark.parametrize(("text", "names", "words", "guardian"), PARENTS)
def test_parent_named(text, names, words, guardian):
    findings = run_check("parent_named", text, params={"names": names})
    assert [f.text for f in findings] == words
    if guardian:
        assert findings[0].data["guardians"] == [guardian]
