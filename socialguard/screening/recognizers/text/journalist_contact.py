"""The `journalist_contact` check: an incoming comment from or for a journalist or the media.

Policy: a request for comment for publication goes to the Head Teacher, and nobody replies
without written approval. The check fires on comments and public mentions (content written
by others, never the school's own posts) where the writer says they are a journalist or write
for a news outlet ("BBC Midlands here", "I'm a reporter at the Express & Star"), or asks for
comment for publication ("press enquiry", "we're running a story"). A bare mention of a
journalist ("a reporter called me") is reported with a lower score. Reading the paper or
loving the school newspaper club is not contact. Phrases: data/journalist.txt.

Phrases naming an {outlet} are matched around each outlet mention: the words before it
("on behalf of") and after it ("here,").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding, Kind
from socialguard.screening.recognizers.text._lexicon import (
    PhraseSet,
    fast_alternation,
    fragment,
    original,
    read_sections,
)

DATA_FILE = "journalist.txt"
INCOMING = frozenset({Kind.INCOMING_COMMENT, Kind.PUBLIC_MENTION})
SCORES = {"contact": 0.95, "request": 0.9, "mention": 0.5}
EXPLANATION = (
    "This comment appears to come from a journalist or the media, so it must go to the Head "
    "Teacher and no one may reply without their written approval."
)
REACH = 80  # most characters of a phrase before an outlet's name


@dataclass(frozen=True, slots=True)
class AroundOutlet:
    """A phrase with an {outlet} in it: what must come before and after the outlet."""

    section: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None

    def span(self, folded: str, outlet: tuple[int, int]) -> tuple[int, int] | None:
        start, end = outlet
        if self.before is not None:
            found = self.before.search(folded, max(0, start - REACH), start)
            if found is None:
                return None
            start = found.start()
        if self.after is not None:
            later = self.after.match(folded, end)
            if later is None:
                return None
            end = later.end()
        return start, end


def _around(section: str, line: str) -> AroundOutlet:
    before, _, after = line.partition("{outlet}")
    return AroundOutlet(
        section,
        re.compile(rf"(?<![\w'’])(?:{fragment(before + '.')[:-1]})$") if before.strip() else None,
        re.compile(rf"(?:{fragment('.' + after)[1:]})(?![\w'’])", re.MULTILINE)
        if after.strip() else None,
    )


def _load() -> tuple[PhraseSet, tuple[str, ...], tuple[AroundOutlet, ...]]:
    """One phrase set for outlets and plain phrases (labelled by section), and the rest."""
    sections = read_sections(DATA_FILE)
    labelled = [(name, line) for name in ("outlets", *SCORES) for line in sections[name]
                if "{outlet}" not in line]
    around = tuple(_around(name, x) for name in SCORES for x in sections[name]
                   if "{outlet}" in x)
    phrases = fast_alternation([line for _, line in labelled], re.MULTILINE)
    return phrases, tuple(name for name, _ in labelled), around


PHRASES, LABELS, AROUND = _load()


class JournalistContact(BaseRecognizer):
    name: ClassVar[str] = "journalist_contact"

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        if item.kind not in INCOMING:
            return []
        norm = item.normalised
        found: dict[str, list[tuple[int, int]]] = {}
        for index, match in PHRASES.matches(norm.folded):
            found.setdefault(LABELS[index], []).append(match.span())
        outlets = found.pop("outlets", [])
        findings: list[Finding] = []
        for section in SCORES:
            if findings and section == "mention":
                break
            for start, end in _spans(norm.folded, section, found.get(section, []), outlets):
                words, span = original(norm, *_trimmed(norm.folded, start, end))
                findings.append(_finding(words, span, section))
        return findings


def _spans(folded: str, section: str, plain: list[tuple[int, int]],
           outlets: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The ranges of a section's phrases, plain ones and those around an outlet's name."""
    found = list(plain)
    for outlet in outlets:
        found += [span for phrase in AROUND if phrase.section == section
                  if (span := phrase.span(folded, outlet)) is not None]
    end = -1
    for start, stop in sorted(found, key=lambda s: (s[0], -s[1])):
        if start >= end:
            end = stop
            yield start, stop


def _trimmed(folded: str, start: int, end: int) -> tuple[int, int]:
    """The range without surrounding spaces and trailing punctuation."""
    while end > start and not folded[end - 1].isalnum():
        end -= 1
    while start < end and folded[start].isspace():
        start += 1
    return start, end


def _finding(words: str, span: tuple[int, int], section: str) -> Finding:
    return Finding(
        check=JournalistContact.name, text=words, span=span, score=SCORES[section],
        explanation=EXPLANATION, data={"route": "head_teacher", "signal": section},
    )
