"""The `derogatory_remark` check: disparaging remarks about the school and its people.

A remark is a disparaging phrase tied to a target (data/derogatory.txt):

* a strong phrase ("clueless", "a shambles", "can't teach") in the same clause as a target
  ("the teachers", "Oakfield", "Mrs Jenkins", "the caterers", "my boss");
* a weak word ("worst", "rubbish", "awful", "hate") only when it qualifies the target
  directly: "the worst school", "the teachers are rubbish", "I hate this school" -- so "the
  worst weather" and "rubbish collection day" are not remarks.

A negation just before the phrase ("not useless", "aren't rubbish") cancels it. Targets come
from the lexicon plus the registry: the organisation's names and aliases (short capital
aliases only in capitals) and roster full names (title and surname for staff). Params.targets
limits which kinds of target count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.recognizers.text._lexicon import (
    fast_alternation,
    fold,
    fragment,
    org_matcher,
    original,
    read_sections,
    roster_names,
    sentence_bounds,
)
from socialguard.screening.text import NormalisedText

if TYPE_CHECKING:
    from socialguard.screening.engine import Context

TargetKind = Literal["school", "staff", "pupils", "parents", "suppliers", "colleagues"]
TARGET_KINDS: tuple[TargetKind, ...] = (
    "school", "staff", "pupils", "parents", "suppliers", "colleagues",
)
LABELS = {
    "school": "the school", "staff": "staff", "pupils": "pupils", "parents": "parents",
    "suppliers": "a supplier", "colleagues": "colleagues",
}
DATA_FILE = "derogatory.txt"
WINDOW = 60  # most characters between a strong phrase and its target

_START = r"(?<![\w'’])"
_END = r"(?![\w'’])"
# A target may take a possessive or a contracted "is"/"are": "the head's", "the kids're".
_TARGET_END = r"(?!\w)(?!['’](?!(?:s|re)\b))"
_NEGATION = re.compile(
    r"(?:\bnot|\bnever|n['’]t|\bno longer|\bhardly|\bfar from|\bnothing)\s+"
    r"(?:(?:a|an|so|that|too|at all|the|as|remotely|even|completely|totally|exactly)\s+)*$"
)
_CONTRAST = re.compile(r"\b(?:but|although|though|whereas|however|yet|except)\b|,\s*(?:and|so)\b")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    targets: tuple[Literal['school', 'staff', 'pupils', 'parents', 'suppliers', 'colleagues'], ...] = ('school', 'staff', 'pupils', 'parents', 'suppliers', 'colleagues')  # noqa: E501


def _group(lines: tuple[str, ...] | list[str]) -> str:
    parts = sorted({fragment(line) for line in lines}, key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


_SECTIONS = read_sections(DATA_FILE)
_WEAK = _group(_SECTIONS["weak"])
_GAP = _group(_SECTIONS["gap"])
_COPULA = _group(_SECTIONS["copula"])
# Every disparaging phrase, labelled by its section: strong, weak or remark:<kind>.
_LABELLED = [
    (section, line)
    for section in ("strong", "weak", *(f"remark:{kind}" for kind in TARGET_KINDS))
    for line in _SECTIONS[section]
]
_PHRASES = fast_alternation([line for _, line in _LABELLED])
_SECTION_OF = tuple(section for section, _ in _LABELLED)


@dataclass(frozen=True, slots=True)
class DerogatoryState:
    """Target patterns for one registry: lexicon words plus its names."""

    targets: re.Pattern[str]
    modifier: re.Pattern[str]
    predicate: re.Pattern[str]
    caps_only: frozenset[str]


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    target: tuple[int, int]
    phrase: tuple[int, int]
    score: float


def _literal(name: str) -> str:
    """A folded name as a pattern: its words escaped, any spacing between them."""
    return r"\s+".join(re.escape(word) for word in name.split())


def _target_alternation(registry_names: dict[str, list[str]]) -> str:
    groups = []
    for kind in TARGET_KINDS:
        lines = list(_SECTIONS.get(f"target:{kind}", ()))
        lines += [_literal(name) for name in registry_names.get(kind, [])]
        groups.append(f"(?P<{kind}>{_group(lines)})")
    return _START + "(?:" + "|".join(groups) + ")" + _TARGET_END


def build_state(context: Context) -> DerogatoryState:
    """Compile the target, modifier and predicate patterns for a registry."""
    names: dict[str, list[str]] = {}
    for name, kind in roster_names(context.registry).items():
        names.setdefault(kind, []).append(name)
    org = context.registry.organisation
    names["school"] = [fold(n) for n in (org.name, *org.aliases)]
    targets = _target_alternation(names)
    phrase = f"(?P<phrase>{_WEAK})"
    modifier = rf"{_START}{phrase}(?:[\s,]+{_GAP})*[\s,]+{targets}"
    predicate = rf"{targets}\s*{_COPULA}(?:\s+{_GAP})*\s+{phrase}{_END}"
    return DerogatoryState(
        targets=re.compile(targets), modifier=re.compile(modifier),
        predicate=re.compile(predicate), caps_only=org_matcher(context.registry).caps_only,
    )


class DerogatoryRemark(BaseRecognizer):
    name: ClassVar[str] = "derogatory_remark"
    Params: ClassVar[type[BaseModel]] = Params

    def prepare(self, context: Context) -> DerogatoryState:
        return build_state(context)

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        norm = item.normalised
        wanted = frozenset(params.targets)
        found = item.memo.get(self.name)
        if found is None:  # rules with other targets reuse the phrases found for this item
            found = item.memo[self.name] = _phrases_by_section(norm.folded)
        hits = [*_remark_hits(norm.folded, found, wanted),
                *_strong_hits(norm, found.get("strong", []), state, wanted)]
        for window in _windows(norm.folded, found.get("weak", [])):
            hits += _direct_hits(norm, window, state, wanted)
        return [_finding(norm, hit) for hit in _distinct(hits)]


def _kind(match: re.Match[str], norm: NormalisedText, state: DerogatoryState) -> str | None:
    """The kind of target a match names, or None if it is a lower-case short alias."""
    kind = next(k for k in TARGET_KINDS if match.group(k) is not None)
    if kind == "school" and match.group(kind).strip() in state.caps_only:
        words, _ = original(norm, *match.span(kind))
        return kind if words.isupper() else None
    return kind


def _windows(folded: str, matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The sentences holding a weak word, merged: the only places to look for its target."""
    windows: list[tuple[int, int]] = []
    for match in matches:
        if windows and match.start() < windows[-1][1]:
            continue
        low, high = sentence_bounds(folded, match.start(), match.end())
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return windows


def _remark_hits(folded: str, found: dict[str, list[re.Match[str]]], wanted: frozenset[str]
                 ) -> Iterator[Hit]:
    for kind in TARGET_KINDS:
        for match in found.get(f"remark:{kind}", []):
            if kind in wanted and not _negated(folded, match.start()):
                yield Hit(kind, match.span(), match.span(), 0.9)


def _strong_hits(norm: NormalisedText, matches: list[re.Match[str]], state: DerogatoryState,
                 wanted: frozenset[str]) -> Iterator[Hit]:
    folded = norm.folded
    for phrase in matches:
        if _negated(folded, phrase.start()):
            continue
        left, right = _clause(folded, phrase.start(), phrase.end())
        target = _nearest_target(norm, state, wanted, phrase.span(), (left, right))
        if target is not None:
            yield Hit(target[0], target[1], phrase.span(), 0.85)


def _nearest_target(norm: NormalisedText, state: DerogatoryState, wanted: frozenset[str],
                    phrase: tuple[int, int], clause: tuple[int, int]
                    ) -> tuple[str, tuple[int, int]] | None:
    best: tuple[int, str, tuple[int, int]] | None = None
    for match in state.targets.finditer(norm.folded, *clause):
        kind = _kind(match, norm, state)
        if kind is None or kind not in wanted or _overlaps(match.span(), phrase):
            continue
        gap = max(match.start() - phrase[1], phrase[0] - match.end())
        if gap <= WINDOW and (best is None or gap < best[0]):
            best = (gap, kind, match.span())
    return None if best is None else (best[1], best[2])


def _direct_hits(norm: NormalisedText, window: tuple[int, int], state: DerogatoryState,
                 wanted: frozenset[str]) -> Iterator[Hit]:
    folded = norm.folded
    for pattern in (state.modifier, state.predicate):
        for match in pattern.finditer(folded, *window):
            kind = _kind(match, norm, state)
            if kind is None or kind not in wanted or _negated(folded, match.start("phrase")):
                continue
            yield Hit(kind, match.span(kind), match.span("phrase"), 0.75)


def _negated(folded: str, start: int) -> bool:
    return _NEGATION.search(folded, max(0, start - 40), start) is not None


def _clause(folded: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a phrase, cut at contrasts ("but", "although")."""
    left, right = sentence_bounds(folded, start, end)
    for match in _CONTRAST.finditer(folded, left, right):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _distinct(hits: list[Hit]) -> list[Hit]:
    """One hit per disparaging phrase, strongest first, in text order."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: -h.score):
        if not any(_overlaps(hit.phrase, other.phrase) for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: min(h.phrase[0], h.target[0]))


def _finding(norm: NormalisedText, hit: Hit) -> Finding:
    start = min(hit.target[0], hit.phrase[0])
    end = max(hit.target[1], hit.phrase[1])
    words, span = original(norm, start, end)
    phrase, _ = original(norm, *hit.phrase)
    about, _ = original(norm, *hit.target)
    return Finding(
        check=DerogatoryRemark.name, text=words, span=span, score=hit.score,
        explanation=(f"This reads as a disparaging remark about {LABELS[hit.kind]} "
                     f"(\u201c{phrase}\u201d), which the social media policy does not allow."),
        data={"target": hit.kind, "phrase": phrase, "about": about},
    )


def _phrases_by_section(folded: str) -> dict[str, list[re.Match[str]]]:
    found: dict[str, list[re.Match[str]]] = {}
    for index, match in _PHRASES.matches(folded):
        found.setdefault(_SECTION_OF[index].split(":")[0], []).append(match)
        found.setdefault(_SECTION_OF[index], []).append(match)
    return found
