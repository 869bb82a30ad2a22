"""Helpers for recognizer tests: run one check on one item against a registry."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from socialguard.screening.base import (
    Citation,
    ContentItem,
    Finding,
    Kind,
    MediaItem,
    Outcome,
    Policy,
    RuleSpec,
)
from socialguard.screening.engine import build_context, screen
from socialguard.screening.roster import Registry

DEMO_REGISTRY = Path(str(resources.files("socialguard.policies") / "packs" / "demo-registry.json"))


@cache
def demo_registry() -> Registry:
    return Registry.model_validate(json.loads(DEMO_REGISTRY.read_text(encoding="utf-8")))


def single_rule_policy(check: str, params: Mapping[str, Any] | None = None) -> Policy:
    rule = RuleSpec(
        id=f"test.{check.replace('_', '-')}",
        title=check,
        check=check,
        params=params or {},
        scopes=frozenset(Kind),
        outcome=Outcome.BLOCK,
        citation=Citation("test quote", "test section", "test.txt"),
    )
    return Policy(id="test", title="test", rules=(rule,))


def run_check(
    check: str,
    text: str = "",
    *,
    kind: Kind | str = Kind.OFFICIAL_POST,
    params: Mapping[str, Any] | None = None,
    registry: Registry | None = None,
    media: Sequence[MediaItem] = (),
    tagged: Sequence[str] = (),
    author: str | None = "S004",
    channel: str | None = None,
) -> list[Finding]:
    """The findings of one check on one item; a failing check raises, as in analyze()."""
    context = build_context(single_rule_policy(check, params), registry or demo_registry())
    item = ContentItem(
        kind=Kind(kind),
        text=text,
        media=tuple(media),
        tagged=tuple(tagged),
        author=author,
        channel=channel,
    )
    bound = context.rules_for(item.kind)[0]
    return bound.recognizer.analyze(item, context, bound.params, context.states[check])


def decision_for(check: str, text: str, **kwargs: Any) -> str:
    """The verdict (PASS/HOLD/BLOCK) of a one-rule policy, through the whole engine."""
    params = kwargs.pop("params", None)
    context = build_context(
        single_rule_policy(check, params), kwargs.pop("registry", None) or demo_registry()
    )
    item = ContentItem(kind=Kind(kwargs.pop("kind", Kind.OFFICIAL_POST)), text=text, **kwargs)
    return screen(item, context).outcome.value
