"""personal_address: street addresses and UK postcodes that are not the school's."""

import pytest

from socialguard.screening.roster import Registry
from socialguard.screening.testing import run_check

CASES = [
    # text, the words flagged, their kinds
    ("She lives at 3 Brook Close, B29 6QW", ["3 Brook Close", "B29 6QW"],
     ["street", "postcode"]),
    ("Flat 3, 45 High St", ["Flat 3, 45 High St"], ["street"]),
    ("14a Church Lane", ["14a Church Lane"], ["street"]),
    ("10 Downing Street", ["10 Downing Street"], ["street"]),
    ("party at 27 mill road tonight", ["27 mill road"], ["street"]),
    ("3-5 Station Rd.", ["3-5 Station Rd."], ["street"]),
    ("Find us at 7 Oak Way", ["7 Oak Way"], ["street"]),
    ("12 St Mary's Road", ["12 St Mary's Road"], ["street"]),
    ("SW1A 1AA", ["SW1A 1AA"], ["postcode"]),
    ("sw1a1aa", ["sw1a1aa"], ["postcode"]),
    ("EC1A 1BB and M1 1AE", ["EC1A 1BB", "M1 1AE"], ["postcode", "postcode"]),
    ("B15 2TU", ["B15 2TU"], ["postcode"]),
    ("GIR 0AA", ["GIR 0AA"], ["postcode"]),
    # the school's own address
    ("Oakfield Primary School, 12 Elm Road, Birmingham B15 2TT", [], []),
    ("12 Elm Rd, b15 2tt", [], []),
    # near misses
    ("Year 12 Road Safety talk", [], []),
    ("Route 66", [], []),
    ("3 very close friends", [], []),
    ("we walked 2 miles along the road", [], []),
    ("2 new Road Safety posters", [], []),
    ("we ran 5 laps of the park", [], []),
    ("scored 3 goals at Villa Park", [], []),
    ("see page 12 Elm Road", [], []),
    ("s1 1st place", [], []),
    ("Y6 4th place and b2 3rd floor", [], []),
    ("Years 5 and 6, 30 children, 2025/26", [], []),
    ("QQ1 1AA is not an area", [], []),
    # evasion
    ("Ｂ２９ ６ＱＷ", ["Ｂ２９ ６ＱＷ"], ["postcode"]),
    ("3 Br\u200book Close", ["3 Br\u200book Close"], ["street"]),
]


@pytest.mark.parametrize(("text", "words", "kinds"), CASES)
def test_personal_address(text, words, kinds):
    findings = run_check("personal_address", text)
    assert [f.text for f in findings] == words
    assert [f.data["kind"] for f in findings] == kinds
    for finding in findings:
        start, end = finding.span
        assert text[start:end] == finding.text
        assert finding.data["remedy"] == {"kind": "redact", "span": [start, end],
                                          "description": finding.data["remedy"]["description"]}


def test_registry_without_address_flags_the_school_address():
    registry = Registry.model_validate({"organisation": {"name": "X"}})
    findings = run_check("personal_address", "12 Elm Road, B15 2TT", registry=registry)
    assert [f.text for f in findings] == ["12 Elm Road", "B15 2TT"]


def test_huge_text():
    text = "Year 6 walked 2 miles along the road. " * 3000 + "B29 6QW"
    assert [f.text for f in run_check("personal_address", text)] == ["B29 6QW"]
