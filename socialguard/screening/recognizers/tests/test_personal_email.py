"""personal_email: addresses that are not the school's, plain or disguised."""

import pytest

from socialguard.screening.testing import run_check

CASES = [
    # text, params, the words flagged, the canonical addresses
    ("Email sarah.jenkins77@gmail.com", {}, ["sarah.jenkins77@gmail.com"],
     ["sarah.jenkins77@gmail.com"]),
    ("Write to jo.bloggs+pta@example.org.", {}, ["jo.bloggs+pta@example.org"],
     ["jo.bloggs+pta@example.org"]),
    ("jo [at] gmail [dot] com", {}, ["jo [at] gmail [dot] com"], ["jo@gmail.com"]),
    ("jo(at)domain(.)co(.)uk", {}, ["jo(at)domain(.)co(.)uk"], ["jo@domain.co.uk"]),
    ("jo{at}x{dot}org", {}, ["jo{at}x{dot}org"], ["jo@x.org"]),
    ("jo at example dot com", {}, ["jo at example dot com"], ["jo@example.com"]),
    ("sarah dot jenkins77 at gmail dot com", {}, ["sarah dot jenkins77 at gmail dot com"],
     ["sarah.jenkins77@gmail.com"]),
    ("jo at gmail.com", {}, ["jo at gmail.com"], ["jo@gmail.com"]),
    ("Mail jo @ example.com", {}, ["jo @ example.com"], ["jo@example.com"]),
    ("mailto:jo@x.io.", {}, ["jo@x.io"], ["jo@x.io"]),
    ("teacher@oakfield.sch.uk", {}, ["teacher@oakfield.sch.uk"], ["teacher@oakfield.sch.uk"]),
    ("Parents, message me at tb.home1985@gmail.com", {}, ["tb.home1985@gmail.com"],
     ["tb.home1985@gmail.com"]),
    ("email me at nadia.patel84@hotmail.co.uk", {}, ["nadia.patel84@hotmail.co.uk"],
     ["nadia.patel84@hotmail.co.uk"]),
    # the school's published addresses, and its domain when allowed
    ("Contact office@oakfield.sch.uk or HEAD@Oakfield.sch.uk", {}, [], []),
    ("teacher@oakfield.sch.uk", {"allow_org_domain": True}, [], []),
    ("pta@parents.oakfield.sch.uk", {"allow_org_domain": True}, [], []),
    ("jo@notoakfield.sch.uk", {"allow_org_domain": True}, ["jo@notoakfield.sch.uk"],
     ["jo@notoakfield.sch.uk"]),
    # near misses
    ("Follow @oakfieldps on X", {}, [], []),
    ("Find us at oakfield dot sch dot uk", {}, [], []),
    ("See you at oakfield.sch.uk for details", {}, [], []),
    ("We arrived at school.Then we ate", {}, [], []),
    ("Meet at 3.30 by the gate", {}, [], []),
    ("Scores: 2@3.45", {}, [], []),
    ("Look at that dot com bubble", {}, [], []),
    # evasion
    ("ｊｏ＠ｇｍａｉｌ．ｃｏｍ", {}, ["ｊｏ＠ｇｍａｉｌ．ｃｏｍ"], ["jo@gmail.com"]),
    ("sarah.jenkins77@g\u200bmail.com", {}, ["sarah.jenkins77@g\u200bmail.com"],
     ["sarah.jenkins77@gmail.com"]),
    ("JO@GМAIL.COM", {}, ["JO@GМAIL.COM"], ["jo@gmail.com"]),  # Cyrillic М
]


@pytest.mark.parametrize(("text", "params", "words", "addresses"), CASES)
def test_personal_email(text, params, words, addresses):
    findings = run_check("personal_email", text, params=params)
    assert [f.text for f in findings] == words
    assert [f.data["address"] for f in findings] == addresses
    for finding in findings:
        start, end = finding.span
        assert text[start:end] == finding.text
        assert finding.data["remedy"]["kind"] == "redact"
        assert finding.data["remedy"]["span"] == [start, end]


def test_staff_address_is_named():
    [finding] = run_check("personal_email", "sarah dot jenkins77 at gmail dot com")
    assert finding.data["person"] == "S001"
    assert "Mrs Jenkins" in finding.explanation
    assert finding.data["disguised"] is True


def test_huge_text():
    text = "Great day at the park with everyone at school. " * 2000 + " jo@example.com"
    assert [f.text for f in run_check("personal_email", text)] == ["jo@example.com"]
