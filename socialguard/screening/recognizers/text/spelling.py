"""The `spelling` check: words that are not English.

The dictionary is pyspellchecker's English word list, loaded once per process on first use
(about 0.15 s; `load_seconds()` reports it). It leans American, so British spellings are
accepted by rule (colour, organise, centre, analyse, travelled, defence, paediatric) and by
the shipped list data/british_words.txt; school terms come from data/school_vocabulary.txt.

Never flagged: roster names and the organisation's names, hashtags, @handles, web and e-mail
addresses, words with digits (numbers, ordinals, "Y6"), single letters and ALL-CAPS
acronyms. A capitalised word inside a sentence is taken for a proper noun ("Cadbury World")
unless it is one letter away from a dictionary word. At most MAX_FLAGGED words are reported
per item, each with a suggested correction where there is one.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from spellchecker import SpellChecker

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.recognizers.text._lexicon import (
    masked,
    original,
    read_lines,
    roster_words,
)
from socialguard.screening.recognizers.text.text_speak import suggestion_for
from socialguard.screening.text import NormalisedText

if TYPE_CHECKING:
    from socialguard.screening.engine import Context

MAX_FLAGGED = 10
VOCABULARY_FILES = ("school_vocabulary.txt", "british_words.txt")

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*")
_APOSTROPHE_SUFFIX = re.compile(r"'(?:s|ll|ve|re|d|m|t)$|n't$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n])[\s\"'“‘(\[*\-–—]*$")
# British spellings and the American forms the dictionary holds.
_BRITISH_RULES = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"our(?=s?$|ed$|ing$|ite|able|ful|ful|ly$|hood|less|er)", "or"),
        (r"(?<=\w\w)is(?=e|ing|ation|able|ational|er)", "iz"),
        (r"ys(?=e|ing)", "yz"),
        (r"([tbv])re(?=s?$|d$)", r"\1er"),
        (r"ae", "e"),
        (r"oe", "e"),
        (r"ence(?=s?$)", "ense"),
        (r"ll(?=ed$|ing$|er$|ers$|ery$|ation)", "l"),
        (r"mme(?=s?$)", "m"),
        (r"ogue(?=s?$)", "og"),
        (r"ould", "old"),
        (r"^sc(?=ep)", "sk"),
        (r"ium$", "um"),
        (r"que(?=s?$)", "ck"),
        (r"ey$", "y"),
    )
)
_LOAD_SECONDS: list[float] = []


@cache
def spellchecker() -> SpellChecker:
    """pyspellchecker's English dictionary, loaded once per process."""
    started = time.perf_counter()
    checker = SpellChecker(language="en", distance=1)
    _LOAD_SECONDS.append(time.perf_counter() - started)
    return checker


def load_seconds() -> float | None:
    """How long loading the dictionary took, or None if it is not loaded yet."""
    return _LOAD_SECONDS[0] if _LOAD_SECONDS else None


def _dictionary() -> Mapping[str, int]:
    words: Mapping[str, int] = spellchecker().word_frequency.dictionary
    return words


@cache
def shipped_vocabulary() -> frozenset[str]:
    """The words of the shipped school vocabulary and British word lists."""
    words: set[str] = set()
    for name in VOCABULARY_FILES:
        for line in read_lines(name):
            words.update(word.lower().replace("’", "'") for word in line.split())
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class SpellingState:
    """Words this organisation accepts beyond the dictionary: names and vocabulary."""

    accepted: frozenset[str]


@lru_cache(maxsize=8192)
def _is_english(word: str) -> bool:
    """Whether a folded lower-case word is in the dictionary, as written or British."""
    words = _dictionary()
    if word in words:
        return True
    stem = _APOSTROPHE_SUFFIX.sub("", word).rstrip("'")
    if stem != word and (not stem or stem in words):
        return True
    return any(form in words for form in _american_forms(stem))


def _american_forms(word: str) -> set[str]:
    """American spellings a British word may have: each rule alone, then all together."""
    forms: set[str] = set()
    combined = word
    for pattern, replacement in _BRITISH_RULES:
        changed = pattern.sub(replacement, word)
        if changed != word:
            forms.add(changed)
        combined = pattern.sub(replacement, combined)
    forms.add(combined)
    forms.discard(word)
    return forms


@lru_cache(maxsize=4096)
def _correction(word: str) -> str | None:
    """The likeliest word one edit away, or the full form of text speak; None if none."""
    speak = suggestion_for(word)
    if speak is not None:
        return speak or None
    corrected: str | None = spellchecker().correction(word)
    return corrected if corrected and corrected != word else None


class Spelling(BaseRecognizer):
    name: ClassVar[str] = "spelling"

    def prepare(self, context: Context) -> SpellingState:
        spellchecker()
        return SpellingState(roster_words(context.registry) | shipped_vocabulary())

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        accepted: frozenset[str] = state.accepted
        norm = item.normalised
        text = masked(norm.folded)
        suspicious = _suspicious(text, accepted)
        if not suspicious:
            return []
        findings: list[Finding] = []
        for match in _WORD.finditer(text):
            if match.group() not in suspicious:
                continue
            word = match.group().replace("’", "'")
            finding = _judge(norm, match.start(), match.end(), word)
            if finding is not None:
                findings.append(finding)
                if len(findings) >= MAX_FLAGGED:
                    break
        return findings


def _suspicious(text: str, accepted: frozenset[str]) -> set[str]:
    """The distinct words of the text that are neither accepted nor plainly fine; set
    arithmetic first, so a post of ordinary words costs next to nothing."""
    unknown = set(_WORD.findall(text)) - accepted
    dictionary = _dictionary()
    unknown.difference_update([w for w in unknown if w in dictionary])
    return {w for w in unknown if not _plainly_fine(w.replace("’", "'"), accepted)}


def _plainly_fine(word: str, accepted: frozenset[str]) -> bool:
    """Words never flagged whatever their case: short, with digits, known or accepted."""
    if len(word) < 2 or word in accepted or _is_english(word):
        return True
    return any(char.isdigit() for char in word)


def _judge(norm: NormalisedText, start: int, end: int, word: str) -> Finding | None:
    """A finding for an unknown word, unless its case shows an acronym or a proper noun."""
    written, span = original(norm, start, end)
    if written.isupper():
        return None
    suggestion = _correction(word)
    if _proper_noun(norm.folded, start, written) and suggestion is None:
        return None
    return _finding(written, span, suggestion)


def _proper_noun(folded: str, start: int, written: str) -> bool:
    """A capitalised word that does not begin a sentence."""
    if not written[:1].isupper():
        return False
    return _SENTENCE_START.search(folded, max(0, start - 12), start) is None


def _finding(written: str, span: tuple[int, int], suggestion: str | None) -> Finding:
    if suggestion:
        explanation = (f"\u201c{written}\u201d looks misspelt; did you mean "
                       f"\u201c{suggestion}\u201d?")
    else:
        explanation = f"\u201c{written}\u201d is not an English word; please check the spelling."
    return Finding(
        check=Spelling.name, text=written, explanation=explanation, score=0.8, span=span,
        data={"word": written, "suggestion": suggestion},
    )
