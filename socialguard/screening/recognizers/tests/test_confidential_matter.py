"""confidential_matter: exclusions, safeguarding, SEN, medical, disciplinary, restructuring,
grievance and commercial matters disclosed on social media."""

from typing import Any

import pytest

from socialguard.screening.recognizers.text.confidential_matter import Params, topics
from socialguard.screening.testing import run_check

ZW = "\u200b"

CASES = [
    # text, params, [(words flagged, topic)]
    ("James Smith has been excluded for fighting.", {}, [("excluded", "exclusion")]),
    ("He was sent home after the incident.", {}, [("sent home", "exclusion")]),
    ("He was suspended for three days.", {}, [("suspended for three days", "exclusion")]),
    ("Mr Clarke has been suspended.", {}, [("suspended", "disciplinary")]),
    ("Mrs Jenkins faces a disciplinary hearing.", {},
     [("disciplinary hearing", "disciplinary")]),
    ("A referral to social services was made for one pupil.", {},
     [("referral to social services", "safeguarding")]),
    ("She is on a CP plan", {}, [("CP plan", "safeguarding")]),
    ("Grace has an EHCP and an autism diagnosis.", {},
     [("EHCP", "sen"), ("autism", "sen"), ("diagnosis", "medical")]),
    ("Will you come? James has an allergy to nuts.", {}, [("allergy", "medical")]),
    ("My son was taken to hospital after his seizure", {},
     [("hospital", "medical"), ("seizure", "medical")]),
    ("We are consulting on redundancies in the support staff team.", {},
     [("redundancies", "restructuring")]),
    ("Staff restructure: TAs' hours will be cut.", {},
     [("Staff restructure", "restructuring")]),
    ("I've raised a grievance against my line manager.", {}, [("grievance", "grievance")]),
    ("The contract is worth £250k, the tender closes Friday.", {},
     [("contract", "commercial"), ("tender", "commercial")]),
    ("This is strictly confidential, not for circulation.", {},
     [("strictly confidential", "commercial"), ("not for circulation", "commercial")]),
    # params: only some topics
    ("Grace has an EHCP and an autism diagnosis.", {"topics": ["medical"]},
     [("diagnosis", "medical")]),
    ("This is strictly confidential.", {"topics": ["sen"]}, []),
    # near misses: general school news
    ("It's allergy awareness week!", {}, []),
    ("Join us for our SEN coffee morning on Friday.", {}, []),
    ("Our safeguarding team is here to help.", {}, []),
    ("Anti-bullying week starts Monday.", {}, []),
    ("Ms Sharma leads child protection training.", {}, []),
    ("World Autism Awareness Week: learning about autism.", {}, []),
    ("Pupils were sent home early due to snow.", {}, []),
    ("If your child is unwell they will be sent home.", {}, []),
    ("If a pupil is excluded, he or she will receive work.", {}, []),
    ("We've restructured our website.", {}, []),
    ("Please read our complaints procedure.", {}, []),
    ("Year 2 raised money for the children's hospital.", {}, []),
    ("Thank you for your bids in the auction, we raised £500!", {}, []),
    ("May I remind you allergy forms are due", {}, []),
    # hostile
    ("JAMES SMITH HAS BEEN EXCLUDED", {}, [("EXCLUDED", "exclusion")]),
    (f"Mr Clarke faces gross mis{ZW}conduct charges", {},
     [(f"gross mis{ZW}conduct", "disciplinary")]),
    ("Тhis is strictly cоnfidential", {}, [("strictly cоnfidential", "commercial")]),
]


@pytest.mark.parametrize(("text", "params", "expected"), CASES)
def test_confidential_matter(
    text: str, params: dict[str, Any], expected: list[tuple[str, ...]]
) -> None:
    findings = run_check("confidential_matter", text, params=params)
    assert [(f.text, f.data["topic"]) for f in findings] == expected
    for finding in findings:
        assert finding.span is not None
        start, end = finding.span
        assert text[start:end] == finding.text
        assert finding.explanation.endswith(".")


def test_lexicon_topics_match_params() -> None:
    assert set(topics()) == set(Params().topics)


def test_long_post_finds_the_disclosure_at_the_end() -> None:
    text = "A wonderful week at school with lots of learning. " * 20 + "He was sent home."
    findings = run_check("confidential_matter", text)
    assert [f.text for f in findings] == ["sent home"]


def test_text_without_full_stops_stays_linear() -> None:
    import time

    text = "Mr Clarke excluded allergy £5 #tag www.x.com " * 1000
    started = time.perf_counter()
    findings = run_check("confidential_matter", text)
    assert len(findings) == 2000
    assert time.perf_counter() - started < 10  # linear, not quadratic: a blow-up takes minutes
