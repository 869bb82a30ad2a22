"""decide(): strongest outcome wins, a failed check holds, advice alone passes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialguard.screening.base import Citation, Finding, Kind, Outcome, RuleSpec
from socialguard.screening.decision import CheckFailed, Verdict, decide


def rule(outcome, name="r"):
    return RuleSpec(id=f"t.{name}", title=name, check="c", params={}, scopes=frozenset(Kind),
                    outcome=Outcome(outcome), citation=Citation("q", "s", "f"))


HIT = [Finding(check="c", text="x", explanation="x")]
REDACT = [Finding(check="c", text="x", explanation="x",
                  data={"remedy": {"kind": "redact", "description": "Remove it", "span": [0, 1]}})]

TABLE = [
    ([], Verdict.PASS),
    ([("advise", HIT)], Verdict.PASS),
    ([("hold", HIT)], Verdict.HOLD),
    ([("block", HIT)], Verdict.BLOCK),
    ([("block", []), ("advise", HIT)], Verdict.PASS),
    ([("advise", HIT), ("hold", HIT), ("block", HIT)], Verdict.BLOCK),
    ([("advise", CheckFailed("c", "boom"))], Verdict.HOLD),
    ([("block", CheckFailed("c", "boom"))], Verdict.HOLD),
    ([("advise", CheckFailed("c", "boom")), ("advise", HIT)], Verdict.HOLD),
]


@pytest.mark.parametrize(("results", "verdict"), TABLE)
def test_decide(results, verdict):
    decision = decide([(rule(o, str(n)), r) for n, (o, r) in enumerate(results)])
    assert decision.outcome is verdict


def test_violations_come_strongest_first_and_quote_their_rule():
    decision = decide([(rule("advise", "a"), HIT), (rule("block", "b"), HIT)])
    assert [v.rule.id for v in decision.violations] == ["t.b", "t.a"]
    payload = decision.to_dict()["violations"][0]
    assert (payload["quote"], payload["section"], payload["source"]) == ("q", "s", "f")


def test_a_failed_check_says_a_person_must_look():
    [violation] = decide([(rule("advise"), CheckFailed("c", "ValueError: bad image"))]).violations
    assert violation.outcome is Outcome.HOLD
    assert "a person must look" in violation.findings[0].explanation
    assert violation.error == "ValueError: bad image"


def test_remedies_merge_across_rules():
    decision = decide([(rule("block", "a"), REDACT), (rule("hold", "b"), REDACT)])
    [remedy] = decision.remedies
    assert remedy.rules == ("t.a", "t.b")
    assert remedy.to_dict()["spans"] == [[0, 1]]


outcomes = st.sampled_from(["advise", "hold", "block"])
results = st.one_of(st.just(HIT), st.just([]), st.just(CheckFailed("c", "x")))


@given(st.lists(st.tuples(outcomes, results), max_size=8))
def test_properties(pairs):
    decision = decide([(rule(o, str(n)), r) for n, (o, r) in enumerate(pairs)])
    fired = [(o, r) for o, r in pairs if r]
    if any(isinstance(r, CheckFailed) for _, r in pairs):
        assert decision.outcome is not Verdict.PASS  # never a silent pass on error
    if any(o == "block" and not isinstance(r, CheckFailed) for o, r in fired):
        assert decision.outcome is Verdict.BLOCK
    elif fired and all(o == "advise" or isinstance(r, CheckFailed) for o, r in fired):
        assert decision.outcome is (Verdict.HOLD if any(isinstance(r, CheckFailed)
                                                        for _, r in fired) else Verdict.PASS)
    if not fired:
        assert decision.outcome is Verdict.PASS
    assert len(decision.violations) == len(fired)
