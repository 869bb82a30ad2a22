"""blocked_link: links to domains on the shipped block list, disguised or not."""

import pytest
from pydantic import ValidationError

from socialguard.screening.engine import parse_params
from socialguard.screening.recognizers.text.blocked_link import CATEGORIES, blocklist
from socialguard.screening.testing import run_check, single_rule_policy

CASES = [
    # text, params, the words flagged, the listed domains
    ("see pornhub.com", {}, ["pornhub.com"], ["pornhub.com"]),
    ("https://m.pornhub.com/x?y=1", {}, ["https://m.pornhub.com"], ["pornhub.com"]),
    ("www.bet365.com/offers", {}, ["www.bet365.com"], ["bet365.com"]),
    ("bet365 dot com", {}, ["bet365 dot com"], ["bet365.com"]),
    ("hxxps://xvideos[.]com", {}, ["hxxps://xvideos[.]com"], ["xvideos.com"]),
    ("tinder(.)com", {}, ["tinder(.)com"], ["tinder.com"]),
    ("p0rnhub[.]com", {}, ["p0rnhub[.]com"], ["pornhub.com"]),
    ("PORNHUB.COM", {}, ["PORNHUB.COM"], ["pornhub.com"]),
    ("abcdefghijklmnop.onion", {}, ["abcdefghijklmnop.onion"], ["onion"]),
    ("anything.xxx", {}, ["anything.xxx"], ["xxx"]),
    ("bet365.com and pornhub.com", {"categories": ["adult"]}, ["pornhub.com"],
     ["pornhub.com"]),
    ("bet365.com and pornhub.com", {"categories": ["gambling", "adult"]},
     ["bet365.com", "pornhub.com"], ["bet365.com", "pornhub.com"]),
    # near misses
    ("example.com and https://www.oakfield.sch.uk", {}, [], []),
    ("porn.comedy.org", {}, [], []),
    ("pornhub.community", {}, [], []),
    ("notpornhub.com", {}, [], []),
    ("bet365 is a brand name", {}, [], []),
    ("Bet on us. Com on!", {}, [], []),
    ("pornhub.com", {"categories": ["gambling"]}, [], []),
    # evasion
    ("ｐｏｒｎｈｕｂ．ｃｏｍ", {}, ["ｐｏｒｎｈｕｂ．ｃｏｍ"], ["pornhub.com"]),
    ("porn\u200bhub.com", {}, ["porn\u200bhub.com"], ["pornhub.com"]),
    ("pοrnhub.com", {}, ["pοrnhub.com"], ["pornhub.com"]),  # Greek omicron
]


@pytest.mark.parametrize(("text", "params", "words", "domains"), CASES)
def test_blocked_link(text, params, words, domains):
    findings = run_check("blocked_link", text, params=params)
    assert [f.text for f in findings] == words
    assert [f.data["domain"] for f in findings] == domains
    for finding in findings:
        start, end = finding.span
        assert text[start:end] == finding.text
        assert finding.data["category"] in CATEGORIES


def test_list_is_well_formed():
    entries = blocklist()
    assert len(entries) > 100
    assert set(entries.values()) <= set(CATEGORIES)
    assert all(domain == domain.lower().strip() for domain in entries)


def test_unknown_category_is_refused_when_the_pack_loads():
    policy = single_rule_policy("blocked_link", {"categories": ["adlut"]})
    with pytest.raises(ValidationError):
        parse_params(policy.rules[0])


def test_huge_text():
    text = "Visit our site. " * 5000 + "bet365.com"
    assert [f.text for f in run_check("blocked_link", text)] == ["bet365.com"]
