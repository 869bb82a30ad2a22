"""Contracts of the screening engine: items, findings, rules, recognizers.

Plain data only. Nothing here imports Django or any app; the engine is usable from
the command line, the web application and tests alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from socialguard.screening.engine import Context
    from socialguard.screening.text import NormalisedText


class Kind(StrEnum):
    """What a piece of content is; rules apply to some kinds (their scopes)."""

    OFFICIAL_POST = "official_post"
    REPLY = "reply"
    PERSONAL_POST = "personal_post"
    INCOMING_COMMENT = "incoming_comment"
    PUBLIC_MENTION = "public_mention"


class Outcome(StrEnum):
    """What a rule does when its check fires. Ordered weakest to strongest."""

    ADVISE = "advise"
    HOLD = "hold"
    BLOCK = "block"

    @property
    def strength(self) -> int:
        return _STRENGTH[self]


_STRENGTH = {Outcome.ADVISE: 0, Outcome.HOLD: 1, Outcome.BLOCK: 2}


@dataclass(frozen=True, slots=True)
class MediaItem:
    """An attached photo or file. `data` holds its bytes; `name` is for messages."""

    name: str
    data: bytes
    mime: str | None = None


@dataclass(frozen=True)
class ContentItem:
    """One piece of content to screen."""

    kind: Kind
    text: str = ""
    media: tuple[MediaItem, ...] = ()
    tagged: tuple[str, ...] = ()
    author: str | None = None
    channel: str | None = None
    id: str | None = None
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Results several checks share for this item (named pupils), filled as they run."""

    @cached_property
    def normalised(self) -> NormalisedText:
        """The text folded for matching (accents, homoglyphs, zero-width, case)."""
        from socialguard.screening.text import normalise

        return normalise(self.text)


@dataclass(frozen=True, slots=True)
class Finding:
    """What one recognizer saw, and why it matters.

    `span` is a half-open character range into the item's original text; `media` is the
    index of the attached media item the finding is about. `data` carries structured
    detail (which pupil, which category) and, under "remedy", a fix the product can make.
    """

    check: str
    text: str
    explanation: str
    score: float = 1.0
    span: tuple[int, int] | None = None
    media: int | None = None
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a rule's words are in the source policy."""

    quote: str
    section: str
    source: str


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A pack rule as the engine sees it: which check, where, and what happens."""

    id: str
    title: str
    check: str
    params: Mapping[str, Any]
    scopes: frozenset[Kind]
    outcome: Outcome
    citation: Citation
    features: tuple[str, ...] = ()


@dataclass(frozen=True)
class Policy:
    """The rules of one policy pack, in the order the pack lists them."""

    id: str
    title: str
    rules: tuple[RuleSpec, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)


class NoParams(BaseModel):
    """Parameters of a check that takes none."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Recognizer(Protocol):
    """A check. One per file under recognizers/<media>/, listed in registry.CHECKS.

    `Params` validates the rule's `params` when a pack loads. `prepare` builds whatever
    the check needs from the registry once per context (an index of names, say); the
    result is handed back as `state`. `analyze` must be pure and fast.
    """

    name: ClassVar[str]
    Params: ClassVar[type[BaseModel]]

    def prepare(self, context: Context) -> Any: ...

    def analyze(
        self, item: ContentItem, context: Context, params: Any, state: Any
    ) -> list[Finding]: ...


class BaseRecognizer:
    """Default `Params` and `prepare` for recognizers that need neither."""

    name: ClassVar[str] = ""
    Params: ClassVar[type[BaseModel]] = NoParams

    def prepare(self, context: Context) -> Any:
        return None
