"""How findings become a decision: written down once (docs/decisions.md), one pure function.

1. A rule is violated when its check returns at least one finding for an item in its scope.
2. The strongest outcome among violated rules wins: block > hold > advise.
3. A check that fails (raises) holds the item for a person: it never passes silently.
4. Advice alone passes: the item is PASS and the advice is listed.
5. Remedies are offered where the product can fix the item itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from socialguard.screening.base import Finding, Outcome, RuleSpec


class Verdict(StrEnum):
    PASS = "PASS"  # noqa: S105 - a verdict, not a password
    HOLD = "HOLD"
    BLOCK = "BLOCK"


_VERDICT = {Outcome.ADVISE: Verdict.PASS, Outcome.HOLD: Verdict.HOLD, Outcome.BLOCK: Verdict.BLOCK}


@dataclass(frozen=True, slots=True)
class CheckFailed:
    """A recognizer raised: the item is held and the reason shown."""

    check: str
    message: str


@dataclass(frozen=True, slots=True)
class Violation:
    rule: RuleSpec
    outcome: Outcome
    findings: tuple[Finding, ...]
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        citation = self.rule.citation
        return {
            "rule": self.rule.id,
            "title": self.rule.title,
            "outcome": self.outcome.value,
            "quote": citation.quote,
            "source": citation.source,
            "section": citation.section,
            "features": list(self.rule.features),
            "error": self.error,
            "findings": [finding_to_dict(finding) for finding in self.findings],
        }


@dataclass(frozen=True, slots=True)
class Remedy:
    kind: str
    description: str
    rules: tuple[str, ...]
    data: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "description": self.description,
            "rules": list(self.rules),
            **dict(self.data),
        }


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Verdict
    violations: tuple[Violation, ...]
    remedies: tuple[Remedy, ...]
    item_id: str | None = None
    policy: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.item_id,
            "policy": self.policy,
            "outcome": self.outcome.value,
            "violations": [violation.to_dict() for violation in self.violations],
            "remedies": [remedy.to_dict() for remedy in self.remedies],
        }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    data = {key: value for key, value in finding.data.items() if key != "remedy"}
    return {
        "check": finding.check,
        "span": list(finding.span) if finding.span else None,
        "media": finding.media,
        "text": finding.text,
        "explanation": finding.explanation,
        "score": round(finding.score, 3),
        "data": data,
    }


def decide(
    results: Iterable[tuple[RuleSpec, Sequence[Finding] | CheckFailed]],
    item_id: str | None = None,
    policy: str | None = None,
) -> Decision:
    """Combine each rule's findings (or its check's failure) into one decision."""
    violations: list[Violation] = []
    for rule, result in results:
        if isinstance(result, CheckFailed):
            failure = Finding(
                check=rule.check,
                text="",
                explanation=f"The {rule.check} check could not run ({result.message}); "
                "a person must look at this item.",
                score=1.0,
            )
            violations.append(Violation(rule, Outcome.HOLD, (failure,), error=result.message))
        elif result:
            violations.append(Violation(rule, rule.outcome, tuple(result)))
    violations.sort(key=lambda v: -v.outcome.strength)
    strongest = max(
        (v.outcome for v in violations), key=lambda o: o.strength, default=Outcome.ADVISE
    )
    return Decision(_VERDICT[strongest], tuple(violations), _remedies(violations), item_id, policy)


def _remedies(violations: Sequence[Violation]) -> tuple[Remedy, ...]:
    """One remedy per distinct fix, naming every rule it answers and every place it fixes.

    A finding offers a fix as data["remedy"] = {kind, description, span?, media?}.
    """
    found: dict[tuple[str, str], tuple[list[str], dict[str, Any]]] = {}
    for violation in violations:
        for finding in violation.findings:
            remedy = finding.data.get("remedy")
            if not remedy:
                continue
            key = (remedy["kind"], remedy["description"])
            rules, data = found.setdefault(key, ([], {}))
            if violation.rule.id not in rules:
                rules.append(violation.rule.id)
            for target in ("span", "media"):
                value = remedy.get(target)
                if value is not None and value not in data.get(target + "s", []):
                    data.setdefault(target + "s", []).append(value)
            for key, value in remedy.items():  # e.g. the link or sentence to add
                if key not in ("kind", "description", "span", "media"):
                    data.setdefault(key, value)
    return tuple(
        Remedy(kind, description, tuple(rules), tuple(sorted(data.items())))
        for (kind, description), (rules, data) in found.items()
    )
