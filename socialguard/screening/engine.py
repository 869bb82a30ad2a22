"""The screening engine: build a context once, then screen many items against it.

    context = build_context(policy, registry)      # once per organisation and policy version
    decision = screen(item, context)               # milliseconds

A check that raises holds the item (decision.py): the engine never lets an error pass.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from socialguard.screening.base import ContentItem, Finding, Kind, Policy, Recognizer, RuleSpec
from socialguard.screening.decision import CheckFailed, Decision, decide
from socialguard.screening.registry import recognizer
from socialguard.screening.roster import Registry

_ParamsKey = tuple[str, str]
T = TypeVar("T")


@dataclass(frozen=True)
class _BoundRule:
    rule: RuleSpec
    recognizer: Recognizer
    params: BaseModel
    key: _ParamsKey


@dataclass
class Context:
    """A policy and a registry, with everything the checks need prepared from them."""

    policy: Policy
    registry: Registry
    states: dict[str, Any] = field(default_factory=dict)
    _rules_by_kind: dict[Kind, tuple[_BoundRule, ...]] = field(default_factory=dict)
    _shared: dict[str, Any] = field(default_factory=dict)

    def shared(self, key: str, build: Callable[[], T]) -> T:
        """Something several checks prepare from the registry (a name index), built once."""
        if key not in self._shared:
            self._shared[key] = build()
        return cast(T, self._shared[key])

    def rules_for(self, kind: Kind) -> tuple[_BoundRule, ...]:
        return self._rules_by_kind.get(kind, ())


def parse_params(rule: RuleSpec) -> BaseModel:
    """Validate a rule's params against its check's Params model (raises on error)."""
    return recognizer(rule.check).Params.model_validate(dict(rule.params))


def build_context(policy: Policy, registry: Registry) -> Context:
    """Bind each rule to its check and prepare each check once for this registry."""
    context = Context(policy=policy, registry=registry)
    bound: list[_BoundRule] = []
    for rule in policy.rules:
        check = recognizer(rule.check)
        params = parse_params(rule)
        key = (rule.check, json.dumps(params.model_dump(mode="json"), sort_keys=True))
        bound.append(_BoundRule(rule, check, params, key))
        if rule.check not in context.states:
            context.states[rule.check] = check.prepare(context)
    for kind in Kind:
        context._rules_by_kind[kind] = tuple(b for b in bound if kind in b.rule.scopes)
    return context


def screen(item: ContentItem, context: Context) -> Decision:
    """Screen one item: run each rule in scope (each distinct check once) and decide."""
    results: dict[_ParamsKey, Sequence[Finding] | CheckFailed] = {}
    outcomes: list[tuple[RuleSpec, Sequence[Finding] | CheckFailed]] = []
    for bound in context.rules_for(item.kind):
        if bound.key not in results:
            results[bound.key] = _run(bound, item, context)
        outcomes.append((bound.rule, results[bound.key]))
    return decide(outcomes, item_id=item.id, policy=context.policy.id)


def _run(bound: _BoundRule, item: ContentItem, context: Context) -> Sequence[Finding] | CheckFailed:
    try:
        return bound.recognizer.analyze(
            item, context, bound.params, context.states.get(bound.rule.check)
        )
    except Exception as error:
        return CheckFailed(bound.rule.check, f"{type(error).__name__}: {error}")


def screen_many(items: Iterable[ContentItem], context: Context) -> Iterator[Decision]:
    for item in items:
        yield screen(item, context)
