"""Finding the roster's people in text: the school's own data beats any generic model.

A `NameIndex` is built once per context from a list of people. `find` walks the tokens of
the folded text once, looking each up in plain dictionaries, so a 1,000-character post costs
microseconds whatever the size of the roster. It finds full names, first or preferred names,
titles with surnames, possessives, names run together in hashtags and handles, spaced-out
letters, and digits standing in for letters; `names_context` decides whether a name that is
also a word ("Grace", "May", "Will") is a name here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import overload

from socialguard.screening.names_context import Token, is_name_in_context
from socialguard.screening.text import NormalisedText, collapse_spaced, deleet, normalise

TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr", "sir", "madam", "prof", "rev")
_TOKEN = re.compile(r"[a-z0-9$]+(?:[@'’][a-z0-9$]+)*")
_TAG = re.compile(r"[#@]")
_MAX_TAG = 40  # longest hashtag or handle searched inside, so hostile input stays linear


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    kind: str
    first_name: str
    last_name: str
    preferred_name: str | None = None
    title: str | None = None

    @property
    def display(self) -> str:
        first = self.preferred_name or self.first_name
        return f"{first} {self.last_name}"


@dataclass(frozen=True, slots=True)
class NameMatch:
    """One mention of one or more people (a first name may fit several)."""

    people: tuple[Person, ...]
    form: str
    """full | title_surname | first | preferred | joined"""
    span: tuple[int, int]
    text: str
    score: float
    evasion: tuple[str, ...] = ()
    entries: tuple[tuple[Person, str], ...] = ()
    """Each person the words could name, with the form they name them in."""

    def only(self, kind: str, forms: frozenset[str]) -> NameMatch | None:
        """This match narrowed to one kind of person named in the given forms, if any."""
        kept = tuple((p, f) for p, f in self.entries if p.kind == kind and f in forms)
        if not kept:
            return None
        people = tuple(dict.fromkeys(p for p, _ in kept))
        return replace(self, entries=kept, people=people, form=kept[0][1])


@lru_cache(maxsize=1 << 16)
def fold_name(name: str) -> tuple[str, ...]:
    """A name as the tokens find() will compare it with."""
    return tuple(t.replace("’", "'") for t in _TOKEN.findall(normalise(name).folded))


def _ambiguous_words() -> frozenset[str]:
    text = (resources.files("socialguard.screening") / "data" / "name_words.txt").read_text(
        encoding="utf-8"
    )
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@dataclass
class NameIndex:
    """Dictionaries from folded name tokens to the people they name."""

    full: dict[tuple[str, ...], list[tuple[Person, str]]] = field(default_factory=dict)
    single: dict[str, list[tuple[Person, str]]] = field(default_factory=dict)
    joined: dict[str, list[tuple[Person, str]]] = field(default_factory=dict)
    ambiguous: frozenset[str] = frozenset()
    longest: int = 1
    starts: set[str] = field(default_factory=set)
    """First tokens of full names: the only places to try one."""
    wanted: set[str] = field(default_factory=set)
    """Every token that can begin a match: first tokens, single names, joined names."""

    @classmethod
    def build(cls, people: Iterable[Person]) -> NameIndex:
        """Index people of any kinds; staff are also found by title and surname."""
        index = cls(ambiguous=_ambiguous_words())
        for person in people:
            index._add(person, titles=person.kind == "staff")
        return index

    def _add(self, person: Person, titles: bool) -> None:
        last = fold_name(person.last_name)
        firsts = [(fold_name(person.first_name), "first")]
        if person.preferred_name:
            firsts.append((fold_name(person.preferred_name), "preferred"))
        for first, form in firsts:
            if not first:
                continue
            self._put_full(first + last, person, "full")
            if len(first) == 1:
                self.single.setdefault(first[0], []).append((person, form))
                self.wanted.add(first[0])
        if titles:
            for title in TITLES:
                self._put_full((title, *last), person, "title_surname")

    def _put_full(self, tokens: tuple[str, ...], person: Person, form: str) -> None:
        self.full.setdefault(tokens, []).append((person, form))
        self.starts.add(tokens[0])
        self.wanted.add(tokens[0])
        self.longest = max(self.longest, len(tokens))
        if form == "full":
            joined = "".join(tokens).replace("'", "")
            self.joined.setdefault(joined, []).append((person, "joined"))
            self.wanted.add(joined)

    def find(self, text: NormalisedText, forms: frozenset[str]) -> list[NameMatch]:
        """Every mention of an indexed person in `text`, in the allowed forms."""
        matches = list(self._scan(text, forms, ()))
        collapsed = collapse_spaced(text)
        if collapsed is not None:
            seen = {m.span for m in matches}
            matches += [
                m for m in self._scan(collapsed, forms, ("spaced letters",)) if m.span not in seen
            ]
        return matches

    def _scan(
        self, text: NormalisedText, forms: frozenset[str], evasion: tuple[str, ...]
    ) -> Iterator[NameMatch]:
        tokens = _Tokens(text)
        resume = 0
        for position in tokens.candidates(self.wanted):
            if position < resume:
                continue  # inside a full name already matched
            found = self._full_at(tokens, position, text, forms, evasion)
            if found is not None:
                match, used = found
                yield match
                resume = position + used
                continue
            yield from self._single_at(tokens, position, text, forms, evasion)

    def _full_at(
        self,
        tokens: _Tokens,
        at: int,
        text: NormalisedText,
        forms: frozenset[str],
        evasion: tuple[str, ...],
    ) -> tuple[NameMatch, int] | None:
        first = tokens[at].word
        if first not in self.starts and deleet(first) not in self.starts:
            return None
        for length in range(min(self.longest, len(tokens) - at), 1, -1):
            window = tokens[at : at + length]
            key = (*(t.word for t in window[:-1]), window[-1].bare)
            entries = self.full.get(key) or self.full.get(tuple(deleet(k) for k in key))
            usable = [(p, f) for p, f in entries or () if f in forms]
            if usable:
                return self._match(
                    usable, window[0].start, window[-1].end, text, 1.0, evasion
                ), length
        return None

    def _single_at(
        self,
        tokens: _Tokens,
        at: int,
        text: NormalisedText,
        forms: frozenset[str],
        evasion: tuple[str, ...],
    ) -> Iterator[NameMatch]:
        token = tokens[at]
        bare = token.bare
        if "joined" in forms and len(bare) > 5:
            entries = self.joined.get(bare) or self.joined.get(deleet(bare))
            if entries:
                yield self._match(entries, token.start, token.end, text, 1.0, evasion)
                return
        if token.tagged and "joined" in forms:
            yield from self._inside_tag(token, text, forms, evasion)
            return
        entries = self.single.get(bare) or self.single.get(deleet(bare))
        usable = [(p, f) for p, f in entries or () if f in forms]
        if not usable:
            return
        tricks = evasion + _evasion(text, token.start, token.end)
        if bare in self.ambiguous and not tricks:
            if not is_name_in_context(tokens, at, text):
                return
            score = 0.7
        else:
            score = 0.9 if not tricks else 1.0
        yield self._match(usable, token.start, token.end, text, score, evasion)

    def _inside_tag(
        self, token: Token, text: NormalisedText, forms: frozenset[str], evasion: tuple[str, ...]
    ) -> Iterator[NameMatch]:
        """Names run together inside a hashtag or handle: #welldonejames, @jamessmith6."""
        word = token.bare[:_MAX_TAG]
        for start in range(len(word)):
            for end in range(len(word), start + 3, -1):
                piece = word[start:end]
                entries = self.joined.get(piece) or [
                    (p, f) for p, f in self.single.get(piece, ()) if f in forms
                ]
                if entries and piece not in self.ambiguous:
                    yield self._match(
                        entries, token.start + start, token.start + end, text, 0.9, evasion
                    )
                    return

    def _match(
        self,
        entries: list[tuple[Person, str]],
        start: int,
        end: int,
        text: NormalisedText,
        score: float,
        evasion: tuple[str, ...],
    ) -> NameMatch:
        people = tuple(dict.fromkeys(p for p, _ in entries))
        span = text.span(start, end)
        tricks = tuple(dict.fromkeys(evasion + _evasion(text, start, end)))
        return NameMatch(
            people,
            entries[0][1],
            span,
            text.original[span[0] : span[1]],
            1.0 if tricks else score,
            tricks,
            tuple(entries),
        )


class _Tokens(Sequence[Token]):
    """The words of folded text; a Token is built only for the words that are looked at."""

    def __init__(self, text: NormalisedText) -> None:
        self.folded = text.folded
        self._matches = list(_TOKEN.finditer(self.folded))
        self._built: dict[int, Token] = {}

    def __len__(self) -> int:
        return len(self._matches)

    def candidates(self, wanted: set[str]) -> list[int]:
        """Where a name could start: a wanted word, a possessive, an apostrophe or digits
        (not isalpha), or a hashtag or handle. Everything else is skipped unbuilt."""
        tags = {m.end() for m in _TAG.finditer(self.folded)}
        return [
            at for at, match in enumerate(self._matches)
            if (word := match.group()) in wanted or not word.isalpha() or match.start() in tags
        ]

    @overload
    def __getitem__(self, at: int) -> Token: ...
    @overload
    def __getitem__(self, at: slice) -> list[Token]: ...
    def __getitem__(self, at: int | slice) -> Token | list[Token]:
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(len(self)))]
        if at < 0:
            at += len(self)
        token = self._built.get(at)
        if token is None:
            token = self._built[at] = self._build(at)
        return token

    def _build(self, at: int) -> Token:
        match = self._matches[at]
        word, start = match.group(), match.start()
        if "’" in word:
            word = word.replace("’", "'")
        possessive = word.endswith("'s")
        bare = word[:-2] if possessive else word
        tagged = start > 0 and self.folded[start - 1] in "#@"
        return Token(word, bare, start, match.end(), tagged, possessive)


def _evasion(text: NormalisedText, start: int, end: int) -> tuple[str, ...]:
    """Tricks visible in the original characters behind folded[start:end]."""
    if start >= end:
        return ()
    first, last = text.index[start], text.index[end - 1] + 1
    tricks = []
    for char in text.original[first:last]:
        if char.isascii():
            if char.isdigit() or char in "@$":
                tricks.append("digits for letters")
            continue
        category = unicodedata.category(char)
        if category in ("Cf", "Mn", "Me"):
            tricks.append("invisible characters")
        elif char.isalnum() and not unicodedata.normalize("NFKD", char)[0].isascii():
            tricks.append("look-alike letters")
    return tuple(dict.fromkeys(tricks))
