"""The `journalist_contact` check: an incoming comment from or for a journalist or the media.

Policy: a request for comment for publication goes to the Head Teacher, and nobody replies
without written approval. The check fires on comments and public mentions (content written
by others, never the school's own posts) where the writer says they are a journalist or write
for a news outlet ("BBC Midlands here", "I'm a reporter at the Express & Star"), or asks for
comment for publication ("press enquiry", "we're running a story"). A bare mention of a
journalist ("a reporter called me") is reported with a lower score. Reading the paper or
loving the school newspaper club is not contact. Phrases: data/journalist.txt.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding, Kind
from socialguard.screening.recognizers.text._lexicon import alternation, original, read_sections

DATA_FILE = "journalist.txt"
INCOMING = frozenset({Kind.INCOMING_COMMENT, Kind.PUBLIC_MENTION})
SCORES = {"contact": 0.95, "request": 0.9, "mention": 0.5}
EXPLANATION = (
    "This comment appears to come from a journalist or the media, so it must go to the Head "
    "Teacher and no one may reply without their written approval."
)


def _compile(section: str, outlets: str) -> re.Pattern[str]:
    lines = [line.replace("{outlet}", outlets) for line in read_sections(DATA_FILE)[section]]
    return re.compile(alternation(lines), re.MULTILINE)


def _patterns() -> dict[str, re.Pattern[str]]:
    outlets = "(?:" + "|".join(f"(?:{line})" for line in read_sections(DATA_FILE)["outlets"])
    outlets = outlets.replace(" ", r"\s+") + ")"
    return {section: _compile(section, outlets) for section in SCORES}


PATTERNS = _patterns()


class JournalistContact(BaseRecognizer):
    name: ClassVar[str] = "journalist_contact"

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        if item.kind not in INCOMING:
            return []
        norm = item.normalised
        findings: list[Finding] = []
        for section, pattern in PATTERNS.items():
            if findings and section == "mention":
                break
            for match in pattern.finditer(norm.folded):
                start, end = _trimmed(norm.folded, match.start(), match.end())
                words, span = original(norm, start, end)
                findings.append(_finding(words, span, section))
        return findings


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
