"""The one schema every policy pack is validated by (docs/policy-format.md).

A pack is data with citations: each rule names the check it runs, where it applies and what
happens, and quotes its clause verbatim from the source policy shipped with the product.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from socialguard.screening.base import Kind, Outcome

FEATURE_IDS = frozenset(
    [f"P{n}" for n in range(1, 7)]
    + [f"A{n}" for n in range(1, 7)]
    + [f"C{n}" for n in range(1, 15)]
    + [f"E{n}" for n in range(1, 7)]
    + [f"I{n}" for n in range(1, 11)]
    + [f"S{n}" for n in range(1, 7)]
)
"""Every duty id of shared/design/FEATURES.md."""

PACK_ID = r"^[a-z][a-z0-9-]*$"
Snake = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


def _known(features: tuple[str, ...]) -> tuple[str, ...]:
    unknown = sorted(set(features) - FEATURE_IDS)
    if unknown:
        raise ValueError(f"unknown FEATURES ids {unknown}")
    return features


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """The policy text the pack encodes, shipped in socialguard/policies/sources/."""

    file: Text
    lines: tuple[int, int] | None = None
    organisation: Text
    published: str | None = None
    owner: str | None = None


class Organisation(_Strict):
    name: Text
    kind: Literal["trust", "school", "organisation", "local_authority"]
    schools: tuple[Text, ...] = ()


class Fact(_Strict):
    """Something the policy fixes (a role, a deadline), with the words that fix it."""

    value: str | int | bool | tuple[str, ...]
    quote: Text
    section: Text
    features: tuple[str, ...] = ()

    @field_validator("features")
    @classmethod
    def _known_features(cls, features: tuple[str, ...]) -> tuple[str, ...]:
        return _known(features)


# Known keys and the type their value must have; other snake_case keys are allowed.
SETTING_TYPES: dict[str, type | tuple[type, ...]] = {
    "response_deadline_hours": int,
    "response_weekend_rule": str,
    "takedown_deadline_hours": int,
    "review_every_months": int,
    "change_notice_days": int,
    "min_account_admins": int,
    "amendments_approved_by": str,
    "personal_use_at_work": str,
}


class Rule(_Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$")]
    title: Text
    quote: Text
    section: Text
    scopes: tuple[Kind, ...] = Field(min_length=1)
    check: Snake
    params: dict[str, Any] = Field(default_factory=dict)
    outcome: Outcome
    features: tuple[str, ...] = Field(min_length=1)
    note: str | None = None

    @field_validator("features")
    @classmethod
    def _known_features(cls, features: tuple[str, ...]) -> tuple[str, ...]:
        return _known(features)


class Pack(_Strict):
    id: Annotated[str, StringConstraints(pattern=PACK_ID)]
    title: Text
    version: Text = "1"
    source: Source
    organisation: Organisation
    roles: dict[Snake, Fact] = Field(default_factory=dict)
    settings: dict[Snake, Fact] = Field(default_factory=dict)
    rules: tuple[Rule, ...] = Field(min_length=1)

    @field_validator("settings")
    @classmethod
    def _typed_settings(cls, settings: dict[str, Fact]) -> dict[str, Fact]:
        for key, fact in settings.items():
            expected = SETTING_TYPES.get(key)
            if expected and (not isinstance(fact.value, expected) or isinstance(fact.value, bool)):
                raise ValueError(f"setting {key} must be {getattr(expected, '__name__', expected)}")
        return settings


class Case(_Strict):
    """One example in a pack's cases.yaml: an item and the decision it must produce."""

    name: Text
    item: dict[str, Any]
    outcome: Literal["PASS", "HOLD", "BLOCK"]
    rules: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    """Rule ids that must not fire (near misses)."""


class CaseFile(_Strict):
    pack: Annotated[str, StringConstraints(pattern=PACK_ID)]
    registry: str = "demo"
    cases: tuple[Case, ...] = Field(min_length=1)


_WHITESPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace-normalise: every run of whitespace becomes one space, ends trimmed."""
    return _WHITESPACE.sub(" ", text).strip()
