"""personal_phone: numbers that are not the school's, UK first, with staff numbers named."""

import time

import pytest

from socialguard.screening.roster import Registry
from socialguard.screening.testing import demo_registry, run_check

CASES = [
    # text, the words flagged, data["person"] of each
    ("Call Mrs Jenkins on 07700 900123 tonight", ["07700 900123"], ["S001"]),
    ("Ring 07700900456!", ["07700900456"], ["S002"]),
    ("Text me on 07911 123456", ["07911 123456"], [None]),
    ("Call +44 7911 123456", ["+44 7911 123456"], [None]),
    ("Tel:07911-123-456", ["07911-123-456"], [None]),
    ("Tel.07911 123456", ["07911 123456"], [None]),
    ("Landline (020) 7946 0018", ["(020) 7946 0018"], [None]),
    ("Ireland: +353 87 123 4567", ["+353 87 123 4567"], [None]),
    ("Ireland: 00353 87 123 4567", ["00353 87 123 4567"], [None]),
    ("Two: 07911 123456 07700 900456", ["07911 123456", "07700 900456"], [None, "S002"]),
    ("Run together 0121 496 0000 07700 900123", ["07700 900123"], ["S001"]),
    # the school's own numbers, however written
    ("Office: 0121 496 0000", [], []),
    ("Office: +44 121 496 0000", [], []),
    ("Office: 0121-496-0001 or (0121) 4960000", [], []),
    ("Office: +44 (0)121 496 0001", [], []),
    # near misses: dates, times, years, prices, scores, class sizes
    ("Year 6 won 3-2 on 12/03/2025 at 10:30", [], []),
    ("Tickets £12.50, 2025/26 timetable, class of 30", [], []),
    ("Sports day 05.06.25 14.30 on the field", [], []),
    ("Reference 1234567890", [], []),
    ("ISBN 978-0-14-103614-4", [], []),
    ("Raised £1,250,000 since 2019", [], []),
    ("Childline 0800 1111", [], []),
    ("Order 01234567891234567890", [], []),
    # evasion
    ("07700\u200b900\u200b123", ["07700\u200b900\u200b123"], ["S001"]),
    ("０７７００ ９００１２３", ["０７７００ ９００１２３"], ["S001"]),
    ("07700\u00a0900\u00a0123", ["07700\u00a0900\u00a0123"], ["S001"]),
]


@pytest.mark.parametrize(("text", "words", "people"), CASES)
def test_personal_phone(text, words, people):
    findings = run_check("personal_phone", text)
    assert [f.text for f in findings] == words
    assert [f.data.get("person") for f in findings] == people
    for finding in findings:
        start, end = finding.span
        assert text[start:end] == finding.text
        assert finding.data["remedy"] == {
            "kind": "redact", "description": finding.data["remedy"]["description"],
            "span": [start, end],
        }


def test_staff_number_is_named_in_the_explanation():
    [finding] = run_check("personal_phone", "Call 07700 900123")
    assert "Mrs Jenkins" in finding.explanation
    assert finding.data["number"] == "+447700900123"


def test_registry_without_phones_flags_every_number():
    registry = Registry.model_validate({"organisation": {"name": "X"}})
    assert [f.text for f in run_check("personal_phone", "0121 496 0000",
                                      registry=registry)] == ["0121 496 0000"]


def test_huge_text_is_fast_and_finds_the_number():
    text = ("Year 6 had a great day, 3-2 win, £12.50. " * 2500) + "07911 123456"
    start = time.perf_counter()
    findings = run_check("personal_phone", text, registry=demo_registry())
    assert time.perf_counter() - start < 10  # linear, not quadratic: a blow-up takes minutes
    assert [f.text for f in findings] == ["07911 123456"]
