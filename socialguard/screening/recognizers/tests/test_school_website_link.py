"""school_website_link: an official post should link back to the school's website."""

import pytest

from socialguard.screening.roster import Registry
from socialguard.screening.testing import run_check

CASES = [
    # text, fires?
    ("More at https://www.oakfield.sch.uk/news", False),
    ("oakfield.sch.uk", False),
    ("Visit www.oakfield.sch.uk.", False),
    ("HTTP://OAKFIELD.SCH.UK/letters/2025?x=1", False),
    ("http://parents.oakfield.sch.uk/x", False),
    ("Visit www.oakfield\u200b.sch.uk", False),
    ("A lovely day!", True),
    ("", True),
    ("oakfield[.]sch[.]uk", True),
    ("notoakfield.sch.uk", True),
    ("oakfield.sch.uk.evil.com", True),
    ("oakfield.sch", True),
    ("Email office@oakfield.sch.uk", True),
    ("Email office@oakfield.sch.uk or see oakfield.sch.uk", False),
]


@pytest.mark.parametrize(("text", "fires"), CASES)
def test_school_website_link(text, fires):
    findings = run_check("school_website_link", text)
    assert bool(findings) is fires
    for finding in findings:
        assert finding.data["remedy"]["kind"] == "add_link"
        assert finding.data["remedy"]["url"] == "https://www.oakfield.sch.uk"


def test_no_website_no_finding():
    registry = Registry.model_validate({"organisation": {"name": "X"}})
    assert run_check("school_website_link", "no link", registry=registry) == []


@pytest.mark.parametrize("website", ["oakfield.org", "https://oakfield.org/school/",
                                     "www.oakfield.org"])
def test_website_forms(website):
    registry = Registry.model_validate({"organisation": {"name": "X", "website": website}})
    assert run_check("school_website_link", "see oakfield.org/news", registry=registry) == []
    assert run_check("school_website_link", "see elsewhere.org", registry=registry)
