"""Is "Grace" a girl or a quality? Context rules for names that are also words.

Used only for a single first or preferred name that is also an everyday word
(data/name_words.txt) and shows no sign of evasion. A full name, a possessive ("Rose's"),
or a name inside evasion tricks is always a name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from socialguard.screening.text import NormalisedText


@dataclass(frozen=True, slots=True)
class Token:
    word: str
    bare: str
    """The word without a possessive 's."""
    start: int
    end: int
    tagged: bool
    """After # or @: a hashtag or handle."""
    possessive: bool


_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "our",
        "your",
        "their",
        "his",
        "her",
        "my",
        "its",
        "every",
        "each",
        "some",
        "any",
        "no",
        "what",
        "which",
        "whose",
    ]
)
# Words before a month: "in May", "since May", "on 3 May", "late May".
_BEFORE_MONTH = frozenset(
    [
        "in",
        "during",
        "since",
        "until",
        "till",
        "by",
        "early",
        "late",
        "mid",
        "this",
        "next",
        "last",
        "each",
        "every",
        "throughout",
        "before",
        "after",
        "of",
    ]
)
_MONTHS = frozenset({"may", "june", "april", "august", "march"})
# Words after the everyday sense: "Summer term", "Rose garden", "May Day", "Will you".
_WORD_SENSE_NEXT = frozenset(
    [
        "term",
        "terms",
        "holiday",
        "holidays",
        "fair",
        "fete",
        "camp",
        "concert",
        "break",
        "school",
        "show",
        "sports",
        "reading",
        "festival",
        "garden",
        "gardens",
        "bush",
        "bushes",
        "bed",
        "beds",
        "petal",
        "petals",
        "day",
        "days",
        "half",
        "bank",
        "time",
        "you",
        "we",
        "they",
        "i",
        "he",
        "she",
        "it",
        "everyone",
        "everybody",
        "all",
        "to",
        "that",
        "the",
        "your",
        "our",
        "this",
        "there",
        "these",
        "those",
        "be",
        "not",
    ]
)
# Words after a name at the start of a sentence: "Grace sang", "Hope won".
_NAME_NEXT = frozenset(
    [
        "and",
        "won",
        "scored",
        "came",
        "did",
        "got",
        "made",
        "wrote",
        "read",
        "sang",
        "played",
        "received",
        "achieved",
        "completed",
        "took",
        "showed",
        "from",
        "has",
        "had",
        "was",
        "is",
        "will",
        "with",
        "who",
    ]
)
_SENTENCE_END = frozenset(".!?\n:;")
_WINDOW = 200  # characters either side looked at for a title-case line


def is_name_in_context(tokens: Sequence[Token], at: int, text: NormalisedText) -> bool:
    """Whether tokens[at], a name that is also a word, is used as a name here."""
    token = tokens[at]
    original = text.original[text.index[token.start] : text.index[token.end - 1] + 1]
    if token.possessive:
        return True
    if not original[:1].isupper() or _title_case_line(text, token):
        return False
    previous = tokens[at - 1].word if at > 0 else None
    following = tokens[at + 1].word if at + 1 < len(tokens) else None
    if previous in _DETERMINERS:
        return False
    if token.bare in _MONTHS and _looks_like_month(previous, following):
        return False
    if following in _WORD_SENSE_NEXT:
        return False
    if _starts_sentence(tokens, at, text):
        return _name_cue_after(token, following, text)
    return True


def _looks_like_month(previous: str | None, following: str | None) -> bool:
    return (
        previous in _BEFORE_MONTH
        or (previous is not None and _is_day_number(previous))
        or (following is not None and following.isdigit())
    )


def _is_day_number(word: str) -> bool:
    return word.isdigit() or (word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th"))


def _starts_sentence(tokens: Sequence[Token], at: int, text: NormalisedText) -> bool:
    if at == 0:
        return True
    between = text.folded[tokens[at - 1].end : tokens[at].start]
    return any(char in _SENTENCE_END for char in between)


def _name_cue_after(token: Token, following: str | None, text: NormalisedText) -> bool:
    """At a sentence start: "Grace, well done!" and "Grace sang" are names."""
    after = text.folded[token.end : token.end + 1]
    if after in (",", "!"):
        return True
    if following is None:
        return False
    return following in _NAME_NEXT or (following.endswith("ed") and len(following) > 4)


def _title_case_line(text: NormalisedText, token: Token) -> bool:
    """In "Summer Fair Tickets On Sale Now" capitals say nothing about names."""
    start = text.index[token.start]
    low, high = max(0, start - _WINDOW), min(len(text.original), start + _WINDOW)
    line_start = max(text.original.rfind("\n", low, start) + 1, low)
    line_end = text.original.find("\n", start, high)
    line_end = high if line_end < 0 else line_end
    words = [w for w in text.original[line_start:line_end].split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals / len(words) >= 0.6
