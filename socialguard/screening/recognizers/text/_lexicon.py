"""Shared helpers of the language checks: word lists, phrase patterns, names, sentences.

Used by derogatory_remark, confidential_matter, text_speak, spelling, missing_disclaimer and
journalist_contact. Everything here works on folded text (`item.normalised.folded`).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from socialguard.screening.roster import Guardian, Pupil, Registry, StaffMember
from socialguard.screening.text import NormalisedText, normalise

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

# A word character or an apostrophe: a phrase never starts or ends inside a word.
_BEFORE = r"(?<![\w'’])"
_AFTER = r"(?![\w'’])"
# ... or may end in a possessive: "Oakfield Primary's".
_POSSESSIVE_END = r"(?!\w)(?!['’](?!s\b))"
_SPACING = re.compile(r"\[(?:\\.|[^\]\\])*\]| \?| +")
# A sentence ends at . ! ? ; or a line break (not after Mr/Mrs/Ms/Dr/St).
_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|\n")
_NOT_AN_END = re.compile(r"(?<![\w'’])(?:mr|mrs|ms|dr|st)$")


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """The lines of a data file, without comments ('#' at line start) and blank lines."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def read_sections(name: str) -> dict[str, tuple[str, ...]]:
    """A data file of `[section]` headers, each followed by its lines."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in read_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
        elif current is None:
            raise ValueError(f"{name}: line {line!r} is outside any [section]")
        else:
            current.append(line)
    return {key: tuple(value) for key, value in sections.items()}


def fragment(phrase: str) -> str:
    """A phrase line as a regex fragment: a space matches any run of spaces, " ?" also none.

    Inside a character class ("[- ]") a space stands for any one space character.
    """
    return _SPACING.sub(_spacing, phrase.strip())


def _spacing(match: re.Match[str]) -> str:
    text = match.group()
    if text.startswith("["):
        return text.replace(" ", r"\s")
    return r"\s*" if text == " ?" else r"\s+"


def alternation(phrases: Iterable[str]) -> str:
    """Phrase fragments joined into one alternation, longest first, bounded by word edges."""
    parts = sorted({fragment(p) for p in phrases if p.strip()}, key=len, reverse=True)
    if not parts:
        return r"(?!x)x"
    return _BEFORE + "(?:" + "|".join(parts) + ")" + _AFTER


def literal_alternation(words: Iterable[str]) -> str:
    """Literal words or names (escaped) as one bounded alternation, longest first.

    A match may be followed by a possessive ("Oakfield Primary's") but not by more letters.
    """
    parts = sorted({r"\s+".join(re.escape(part) for part in w.split()) for w in words if w},
                   key=len, reverse=True)
    if not parts:
        return r"(?!x)x"
    return _BEFORE + "(?:" + "|".join(parts) + ")" + _POSSESSIVE_END


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The folded form of a name or phrase, as it appears in folded text."""
    return normalise(text).folded.strip()


SENTENCE_LIMIT = 300  # a longer "sentence" is cut this far either side of a phrase


def sentence_bounds(folded: str, start: int, end: int) -> tuple[int, int]:
    """The folded range of the sentence around [start, end), at most SENTENCE_LIMIT
    characters either side (text with no full stops stays cheap to search)."""
    low = max(0, start - SENTENCE_LIMIT)
    ends = [m.end() for m in _SENTENCE_END.finditer(folded, low, start) if _ends(folded, m)]
    left = ends[-1] if ends else low
    high = min(len(folded), end + SENTENCE_LIMIT)
    right = next((m.start() for m in _SENTENCE_END.finditer(folded, end, high)
                  if _ends(folded, m)), high)
    return left, right


def _ends(folded: str, match: re.Match[str]) -> bool:
    """Whether a full stop ends a sentence (not "Mr." or "Dr.")."""
    start = match.start()
    return folded[start] != "." or _NOT_AN_END.search(folded, max(0, start - 4), start) is None


def original(norm: NormalisedText, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The original words and span of a folded range."""
    span = norm.span(start, end)
    return norm.original[span[0] : span[1]], span


@dataclass(frozen=True, slots=True)
class OrgMatcher:
    """Finds the organisation's names and aliases in folded text.

    Short all-capitals aliases ("OPS") count only when written in capitals, so that an
    ordinary word ("ops") is not taken for the school.
    """

    pattern: re.Pattern[str]
    caps_only: frozenset[str]
    display: str

    def finditer(self, norm: NormalisedText) -> Iterator[tuple[int, int]]:
        for match in self.pattern.finditer(norm.folded):
            if match.group().lower() in self.caps_only:
                words, _ = original(norm, match.start(), match.end())
                if not words.isupper():
                    continue
            yield match.start(), match.end()


def org_matcher(registry: Registry) -> OrgMatcher:
    """An OrgMatcher for the registry's organisation name and aliases."""
    org = registry.organisation
    names = [org.name, *org.aliases]
    caps = frozenset(fold(a) for a in names if a.isupper() and len(a) <= 5)
    pattern = re.compile(literal_alternation(fold(n) for n in names))
    return OrgMatcher(pattern, caps, org.name)


def roster_names(registry: Registry) -> dict[str, str]:
    """Folded full names (and staff title + surname) mapped to pupils, staff or parents."""
    names: dict[str, str] = {}
    for pupil in registry.pupils:
        for first in {pupil.first_name, pupil.preferred_name or pupil.first_name}:
            names[fold(f"{first} {pupil.last_name}")] = "pupils"
    for guardian in registry.guardians:
        names[fold(f"{guardian.first_name} {guardian.last_name}")] = "parents"
    for staff in registry.staff:
        names[fold(f"{staff.first_name} {staff.last_name}")] = "staff"
        if staff.title:
            names[fold(f"{staff.title} {staff.last_name}")] = "staff"
            names[fold(f"{staff.title}. {staff.last_name}")] = "staff"
    return names


def roster_words(registry: Registry) -> frozenset[str]:
    """Every folded word of every roster name and of the organisation's names."""
    people: list[Pupil | StaffMember | Guardian] = [
        *registry.pupils, *registry.staff, *registry.guardians,
    ]
    texts: list[str] = [registry.organisation.name, *registry.organisation.aliases]
    for person in people:
        texts += [person.first_name, person.last_name]
    texts += [p.preferred_name for p in registry.pupils if p.preferred_name]
    words: set[str] = set()
    for text in texts:
        for word in re.split(r"[\s\-]+", fold(text)):
            words.add(word)
            words.update(re.split(r"['’]", word))
    return frozenset(w for w in words if w)


# Where a web address, e-mail address, hashtag or @handle may be: never words to judge.
_MARKS = re.compile(r"[#@]|://|www\.|\w\.[a-z]")
_TAG = re.compile(r"[#@][\w'’]*")
_ADDRESS = re.compile(
    r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|(?:\w+://|www\.)\S+"
    r"|(?:[\w\-]+\.)+(?:com|org|net|uk|io|ly|co|gov|edu|info|me)(?:/\S*)?(?!\w)"
)


@lru_cache(maxsize=16)
def masked(folded: str) -> str:
    """Folded text with web and e-mail addresses, hashtags and handles blanked out.

    Blanking keeps every position, so a match in the result is a match in `folded`.
    """
    spans: list[tuple[int, int]] = []
    for mark in _MARKS.finditer(folded):
        low = _space_before(folded, mark.start())
        high = _space_after(folded, mark.end())
        spans.extend(_addresses(folded, low, high))
    if not spans:
        return folded
    chars = list(folded)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _addresses(folded: str, low: int, high: int) -> Iterator[tuple[int, int]]:
    """Addresses, hashtags and handles inside one run of non-space characters."""
    address = _ADDRESS.search(folded, low, high)
    if address is not None:
        yield address.span()
        return
    for tag in _TAG.finditer(folded, low, high):
        yield tag.span()


# --- Fast scanning: look for a literal every phrase needs, then match around it. ---------
#
# Python's `re` tries every branch of a long alternation at every position, which costs
# hundreds of microseconds on a 1,000-character post. Each phrase nearly always contains a
# literal string that every match of it must contain ("worst" in "(the )?worst (school|...)");
# a plain alternation of those literals is cheap, and the full pattern then runs only in
# windows around the literals found. Phrases with no such literal make the scan a full one.

_sre_parser: Any = importlib.import_module("re._parser")
_sre: Any = importlib.import_module("re._constants")
MIN_ANCHOR = 3
REACH = 80  # characters a phrase may extend either side of its literal


# Frequent words make poor anchors: a literal made of one is chosen only if nothing else is.
_COMMON_WORDS = (
    "the and that this with from have has had was were are for not you your our they them "
    "their about could would should doing down give before after over what when where which "
    "who will been being some any all one very just there here into "
    # ...and words every school post is full of
    "school schools children child pupils pupil parents parent staff year class teachers "
    "teacher kids week day today news support"
)
_COMMON = frozenset(_COMMON_WORDS.split())


def _better(candidate: set[str], best: set[str] | None) -> bool:
    def key(strings: set[str]) -> tuple[bool, int, int]:
        common = any(s.strip() in _COMMON for s in strings)
        return not common, min(min(len(s) for s in strings), 6), -len(strings)
    return best is None or key(candidate) > key(best)


def _required(items: Any) -> set[str] | None:
    """Literals one of which every match of a parsed sequence contains (the best found)."""
    best: set[str] | None = None
    run: list[str] = []

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and min(len(s) for s in candidate) >= 2 and _better(candidate, best):
            best = candidate

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        consider({"".join(run)} if run else None)
        run = []
        if op is _sre.SUBPATTERN:
            consider(_required(av[-1]))
        elif op is _sre.BRANCH:
            alternatives = [_required(alternative) for alternative in av[1]]
            if all(alternatives):
                consider(set().union(*alternatives))  # type: ignore[arg-type]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
    consider({"".join(run)} if run else None)
    return best


def anchors(fragments: Iterable[str]) -> set[str] | None:
    """Literals one of which every match of any fragment contains; None if some has none."""
    found: set[str] = set()
    for piece in fragments:
        try:
            required = _required(_sre_parser.parse(piece))
        except (AttributeError, TypeError, ValueError, re.error):
            return None
        if not required or min(len(s) for s in required) < MIN_ANCHOR:
            return None
        found |= required
    return found


class PhraseSet:
    """Phrases matched fast: first the literals they need (one trie-shaped pattern), then
    only the phrases whose literal was seen, only around it (see above)."""

    __slots__ = ("always", "by_anchor", "lengths", "patterns", "trie")

    def __init__(self, lines: Sequence[str], flags: int = 0) -> None:
        pieces = [fragment(line) for line in lines]
        self.patterns = [re.compile(f"{_BEFORE}(?:{p}){_AFTER}", flags) for p in pieces]
        self.always: list[int] = []
        self.by_anchor: dict[str, list[int]] = {}
        for index, piece in enumerate(pieces):
            found = anchors([piece])
            if found is None:
                self.always.append(index)
            for literal in found or ():
                self.by_anchor.setdefault(literal, []).append(index)
        self.lengths = sorted({len(a) for a in self.by_anchor}, reverse=True)
        self.trie = re.compile(f"(?=({_trie(self.by_anchor)}))") if self.by_anchor else None

    def _triggered(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """For each phrase that may match, the ranges of text to try it in."""
        found: dict[int, list[tuple[int, int]]] = {i: [(0, len(text))] for i in self.always}
        for hit in self.trie.finditer(text) if self.trie else ():
            longest = hit.group(1)
            for length in self.lengths:
                if length > len(longest):
                    continue
                for index in self.by_anchor.get(longest[:length], ()):
                    if index not in self.always:
                        _add_window(found.setdefault(index, []), text, hit.start(),
                                    hit.start() + length)
        return found

    def matches(self, text: str) -> list[tuple[int, re.Match[str]]]:
        """Every phrase match (phrase index, match), by start, longest first."""
        results = [
            (index, match)
            for index, windows in self._triggered(text).items()
            for low, high in windows
            for match in self.patterns[index].finditer(text, low, high)
        ]
        results.sort(key=lambda pair: (pair[1].start(), -pair[1].end(), pair[0]))
        return results

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Leftmost, then longest, matches that do not overlap."""
        end = -1
        for _, match in self.matches(text):
            if match.start() >= end:
                end = match.end()
                yield match

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


def _trie(literals: Iterable[str]) -> str:
    """A pattern matching any of the literals, shaped as a trie (fast in `re`)."""
    root: dict[str, Any] = {}
    for literal in literals:
        node = root
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(root)


def _trie_node(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items())
                if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _add_window(windows: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add the range around a literal (cut at spaces), merged with the previous one."""
    low = _space_before(text, max(0, start - REACH))
    high = _space_after(text, min(len(text), end + REACH))
    if windows and low <= windows[-1][1]:
        windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
    else:
        windows.append((low, high))


def _space_before(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _space_after(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index


def fast_alternation(phrases: Iterable[str], flags: int = 0) -> PhraseSet:
    """Phrase lines as a PhraseSet (each bounded by word edges, like `alternation`)."""
    return PhraseSet([p for p in phrases if p.strip()], flags)
