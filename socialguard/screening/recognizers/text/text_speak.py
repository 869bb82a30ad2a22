"""The `text_speak` check: text speak ("gr8", "u", "pls", "lol") in official content.

The words come from the shipped list data/text_speak.txt, each with the full words to use
instead. Single letters and a few others ("u", "r", "bc", "ty") count only in lower case, so
"Year 6U", "300 BC" and a pupil called Ty are not text speak. Words in hashtags, handles and
web or e-mail addresses are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.recognizers.text._lexicon import masked, original, read_lines

DATA_FILE = "text_speak.txt"


@dataclass(frozen=True, slots=True)
class Entry:
    suggestion: str
    lower_only: bool


@cache
def entries() -> dict[str, Entry]:
    """The shipped text-speak list: abbreviation -> what to write instead."""
    table: dict[str, Entry] = {}
    for line in read_lines(DATA_FILE):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
            raise ValueError(f"{DATA_FILE}: bad line {line!r}")
        flag = parts[2] if len(parts) == 3 else ""
        if flag not in ("", "lower"):
            raise ValueError(f"{DATA_FILE}: unknown flag {flag!r} in {line!r}")
        suggestion = "" if parts[1] == "-" else parts[1]
        table[parts[0].lower()] = Entry(suggestion, flag == "lower")
    return table


def _pattern() -> re.Pattern[str]:
    words = sorted(entries(), key=len, reverse=True)
    body = "|".join(re.escape(word) for word in words)
    # Not inside a word, a dotted abbreviation ("u.s."), a hyphenated word or a class ("6u").
    return re.compile(
        rf"(?<![\w'’/\-])(?<!\w\.)(?:{body})(?![\w'’/@])(?![.\-]\w)"
    )


_PATTERN = _pattern()
# Every run of letters, digits and the "/" and "'" text speak uses: a cheap first look.
_TOKENS = re.compile(r"[a-z0-9/'’]+")
_FIRST_LOOK = frozenset(entries())


def suggestion_for(word: str) -> str | None:
    """The full words for a text-speak word (any case), or None if it is not text speak."""
    entry = entries().get(word.lower())
    return entry.suggestion if entry else None


class TextSpeak(BaseRecognizer):
    name: ClassVar[str] = "text_speak"

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        norm = item.normalised
        findings: list[Finding] = []
        if _FIRST_LOOK.isdisjoint(_tokens(norm.folded)):
            return findings
        for match in _PATTERN.finditer(masked(norm.folded)):
            entry = entries()[match.group()]
            words, span = original(norm, match.start(), match.end())
            if entry.lower_only and not words.islower():
                continue
            findings.append(_finding(words, span, entry))
        return findings


def _tokens(folded: str) -> set[str]:
    """The folded text's words, also without "/" or apostrophes at either end."""
    raw = _TOKENS.findall(folded)
    return {*raw, *(token.strip("/'’") for token in raw)}


def _finding(words: str, span: tuple[int, int], entry: Entry) -> Finding:
    if not entry.suggestion:
        advice = f"Text speak \u201c{words}\u201d looks informal in an official post; leave it out."
    else:
        advice = (f"Text speak \u201c{words}\u201d looks informal in an official post; "
                  f"write \u201c{entry.suggestion}\u201d instead.")
    return Finding(
        check=TextSpeak.name, text=words, explanation=advice, score=0.9, span=span,
        data={"word": words, "suggestion": entry.suggestion},
    )
