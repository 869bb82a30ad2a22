"""The engine end to end: scopes, one run per distinct check, failures hold, fuzzing."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialguard.screening.base import (
    BaseRecognizer,
    Citation,
    ContentItem,
    Kind,
    MediaItem,
    Outcome,
    Policy,
    RuleSpec,
)
from socialguard.screening.decision import Verdict
from socialguard.screening.engine import build_context, screen
from socialguard.screening.registry import CHECKS
from socialguard.screening.testing import demo_registry


def spec(check, outcome="block", scopes=tuple(Kind), params=None, name=None):
    return RuleSpec(id=f"t.{name or check}", title=check, check=check, params=params or {},
                    scopes=frozenset(scopes), outcome=Outcome(outcome),
                    citation=Citation("q", "s", "f"))


def context(*rules):
    return build_context(Policy(id="t", title="t", rules=rules), demo_registry())


def test_rules_apply_only_in_their_scopes():
    ctx = context(spec("pupil_named", scopes=[Kind.OFFICIAL_POST]))
    text = "Well done James Smith"
    assert screen(ContentItem(kind=Kind.OFFICIAL_POST, text=text), ctx).outcome is Verdict.BLOCK
    assert screen(ContentItem(kind=Kind.PERSONAL_POST, text=text), ctx).outcome is Verdict.PASS


def test_rules_sharing_a_check_and_params_run_it_once(monkeypatch):
    from socialguard.screening.recognizers.item import author_missing

    calls = []
    original = author_missing.AuthorMissing.analyze

    def counting(self, *args):
        calls.append(1)
        return original(self, *args)

    monkeypatch.setattr(author_missing.AuthorMissing, "analyze", counting)
    ctx = context(spec("author_missing", "hold", name="a"), spec("author_missing", name="b"))
    decision = screen(ContentItem(kind=Kind.OFFICIAL_POST, text="x"), ctx)
    assert len(calls) == 1
    assert [v.rule.id for v in decision.violations] == ["t.b", "t.a"]


class Exploding(BaseRecognizer):
    name = "author_missing"

    def analyze(self, item, context, params, state):
        raise RuntimeError("model file missing")


def test_a_check_that_raises_holds_the_item_and_says_why(monkeypatch):
    ctx = context(spec("author_missing", "advise"))
    ctx.rules_for(Kind.OFFICIAL_POST)[0].__dict__["recognizer"] = Exploding()
    decision = screen(ContentItem(kind=Kind.OFFICIAL_POST, text="x", author="S1"), ctx)
    assert decision.outcome is Verdict.HOLD
    assert "model file missing" in decision.violations[0].error


def _every_check_policy():
    return context(*(spec(check, "advise") for check in CHECKS))


EVERY_CHECK = None


def every_check():
    global EVERY_CHECK
    if EVERY_CHECK is None:
        EVERY_CHECK = _every_check_policy()
    return EVERY_CHECK


hostile_text = st.lists(
    st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=20),
        st.sampled_from(list("\u200b\u200c\u200d\u00ad\ufeff\u0430\u043e\u0435 @#.:/-'")),
        st.sampled_from(["James", "Smith", "Grace", "07700 900123", "http://", ".com", "\n",
                         "B15 2TT", "@", "www.", "f u c k", "we're at the park until 3pm"]),
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, kind=st.sampled_from(list(Kind)),
       tagged=st.lists(st.sampled_from(["P001", "P009", "P010", "nope", ""]), max_size=3))
def test_fuzz_no_check_raises_on_any_text(text, kind, tagged):
    item = ContentItem(kind=kind, text=text, tagged=tuple(tagged), author="S001")
    decision = screen(item, every_check())
    errors = [(v.rule.check, v.error) for v in decision.violations if v.error]
    assert not errors
    json.dumps(decision.to_dict())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2048), text=hostile_text)
def test_fuzz_garbage_media_never_passes_silently(data, text):
    item = ContentItem(kind=Kind.OFFICIAL_POST, text=text, author="S001", tagged=("P001",),
                       media=(MediaItem(name="upload.jpg", data=data),))
    decision = screen(item, every_check())
    if any(v.error for v in decision.violations):
        assert decision.outcome is not Verdict.PASS


def test_screen_many_keeps_order_and_ids():
    from socialguard.screening.engine import screen_many

    ctx = context(spec("pupil_named"))
    items = [ContentItem(kind=Kind.OFFICIAL_POST, text=text, id=str(n))
             for n, text in enumerate(["Hello all", "Well done James Smith", "Bye"])]
    decisions = list(screen_many(items, ctx))
    assert [(d.item_id, d.outcome) for d in decisions] == [
        ("0", Verdict.PASS), ("1", Verdict.BLOCK), ("2", Verdict.PASS)]
