"""Text folding for matching: the defence against evasion.

`normalise` turns text into a lower-case, accent-free, Latin-only form with zero-width and
other invisible characters removed and look-alike letters (Cyrillic "а", Greek "ο",
full-width "Ｊ") replaced by the Latin letter they imitate. Every folded character remembers
the index of the original character it came from, so a finding on the folded text is shown
on the words the author wrote.

`collapse_spaced` additionally joins letters spaced out to dodge a filter ("J a m e s",
"j.a.m.e.s", "J-A-M-E-S").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from confusable_homoglyphs import confusables

# Characters removed before anything else: zero-width and bidirectional controls, soft
# hyphens, variation selectors, combining grapheme joiner, Mongolian vowel separator.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Mn", "Me", "Cc"})
_KEEP_CONTROLS = frozenset("\n\t\r")
_SPACES = frozenset({"Zs", "Zl", "Zp"})

_LETTER = re.compile(r"[a-z]")
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Folded text and, for each folded character, the index of its original character."""

    original: str
    folded: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open range of the folded text back to the original text."""
        if start >= end:
            return (self.index[start] if start < len(self.index) else len(self.original),) * 2
        return self.index[start], self.index[end - 1] + 1


@cache
def _homoglyph_map() -> dict[str, str]:
    """Each non-ASCII character that imitates one ASCII letter or digit, mapped to it."""
    mapping: dict[str, str] = {}
    for char, alikes in confusables.confusables_data.items():
        if len(char) != 1 or char.isascii():
            continue
        for alike in alikes:
            target = alike["c"]
            if len(target) == 1 and target.isascii() and target.isalnum():
                mapping[char] = target
                break
    return mapping


@cache
def fold_char(char: str) -> str:
    """Fold one character: '' for invisible ones, ' ' for any space, else its Latin form."""
    if char in _KEEP_CONTROLS:
        return char
    category = unicodedata.category(char)
    if category in _SPACES:
        return " "
    if category in _INVISIBLE_CATEGORIES:
        return ""
    if char.isascii():
        return char.lower()
    out = []
    for part in unicodedata.normalize("NFKD", char):
        if unicodedata.category(part) in _INVISIBLE_CATEGORIES:
            continue
        part = _homoglyph_map().get(part, part)
        out.append(part.casefold())
    return "".join(out)


def normalise(text: str) -> NormalisedText:
    """Fold `text` for matching and keep the way back to the original characters."""
    if text.isascii() and text.isprintable():
        return NormalisedText(text, text.lower(), tuple(range(len(text))))
    folded: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        piece = fold_char(char)
        folded.append(piece)
        index.extend([position] * len(piece))
    return NormalisedText(text, "".join(folded), tuple(index))


# Three or more single letters, each separated by one space, dot, dash, underscore or star.
_SPACED = re.compile(r"(?<![\w])([a-z](?:[ .\-_*·][a-z]){2,})(?![\w])")


def collapse_spaced(text: NormalisedText) -> NormalisedText | None:
    """Join spaced-out letters ("j a m e s" -> "james"); None if there are none."""
    matches = list(_SPACED.finditer(text.folded))
    if not matches:
        return None
    folded: list[str] = []
    index: list[int] = []
    cursor = 0
    for match in matches:
        folded.append(text.folded[cursor : match.start()])
        index.extend(text.index[cursor : match.start()])
        for offset in range(match.start(), match.end(), 2):
            folded.append(text.folded[offset])
            index.append(text.index[offset])
        cursor = match.end()
    folded.append(text.folded[cursor:])
    index.extend(text.index[cursor:])
    return NormalisedText(text.original, "".join(folded), tuple(index))


def deleet(word: str) -> str:
    """Undo digit-for-letter substitutions in a word that mixes both ("j4m3s" -> "james")."""
    if word.isalpha() or word.isdigit() or _LETTER.search(word) is None:
        return word
    return word.translate(_LEET)
