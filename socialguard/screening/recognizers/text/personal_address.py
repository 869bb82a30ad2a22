"""The `personal_address` check (docs/checks.md): a street address or UK postcode.

Postcodes: the Royal Mail pattern (outward code starting with one of the 120-odd real
postcode areas, then an inward code of a digit and two letters from the allowed set), with
or without the space, any case. A lower-case inward code that is an ordinal ("s1 1st") is
not believed.

Street addresses: a house number (with letter, "14a", or range, "3-5"), optionally after
"Flat 3," / "Unit 2", then one to three name words, then a street type ("Road", "St",
"Lane", …). Unambiguous street types (Road, Street, Lane, Avenue, Crescent, Terrace,
Gardens, Mews …) are read in any case; ones that are also ordinary words (Close, Way,
Drive, Court, Place, Square, Walk, Row, Rise, Green, Park, Hill, St …) only when the name
and the type are capitalised as written ("3 Brook Close", not "3 very close friends").
Numbers that are a year group, class, room, route or page ("Year 12 Road Safety talk",
"Route 66") and common non-name words between number and type ("2 miles along the road")
are skipped.

The organisation's own address (street and postcode) is allowed; "Rd"/"Road" and similar
abbreviations compare equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.text import normalise

_REMEDY = "Remove the address."

_AREAS = [
    "ab", "al", "b", "ba", "bb", "bd", "bf", "bh", "bl", "bn", "br", "bs", "bt", "bx", "ca", "cb",
    "cf", "ch", "cm", "co", "cr", "ct", "cv", "cw", "da", "dd", "de", "dg", "dh", "dl", "dn",
    "dt", "dy", "e", "ec", "eh", "en", "ex", "fk", "fy", "g", "gl", "gu", "gy", "ha", "hd", "hg",
    "hp", "hr", "hs", "hu", "hx", "ig", "im", "ip", "iv", "je", "ka", "kt", "kw", "ky", "l", "la",
    "ld", "le", "ll", "ln", "ls", "lu", "m", "me", "mk", "ml", "n", "ne", "ng", "nn", "np", "nr",
    "nw", "ol", "ox", "pa", "pe", "ph", "pl", "po", "pr", "rg", "rh", "rm", "s", "sa", "se", "sg",
    "sk", "sl", "sm", "sn", "so", "sp", "sr", "ss", "st", "sw", "sy", "ta", "td", "tf", "tn",
    "tq", "tr", "ts", "tw", "ub", "w", "wa", "wc", "wd", "wf", "wn", "wr", "ws", "wv", "yo", "ze",
]
_POSTCODE = re.compile(
    r"(?<![a-z0-9])(?:gir\s?0aa|"
    rf"(?P<area>{'|'.join(sorted(_AREAS, key=len, reverse=True))})"
    r"(?P<district>\d[a-z\d]?)\s?(?P<inward>\d[abd-hjlnp-uw-z]{2}))(?![a-z0-9])"
)
_INWARD = re.compile(r"\d[abd-hjlnp-uw-z]{2}\b")  # a cheap first look for a postcode
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)")

_PLAIN_TYPES = {
    "road": "road", "rd": "road", "street": "street", "lane": "lane", "avenue": "avenue",
    "ave": "avenue", "crescent": "crescent", "cres": "crescent", "terrace": "terrace",
    "tce": "terrace", "gardens": "gardens", "gdns": "gardens", "mews": "mews",
    "boulevard": "boulevard",
}
_WORD_TYPES = {
    "st": "street", "close": "close", "way": "way", "drive": "drive", "dr": "drive",
    "court": "court", "ct": "court", "place": "place", "pl": "place", "square": "square",
    "sq": "square", "walk": "walk", "row": "row", "rise": "rise", "green": "green",
    "grove": "grove", "parade": "parade", "park": "park", "hill": "hill", "view": "view",
    "ln": "lane", "av": "avenue",
}
_TYPES = {**_PLAIN_TYPES, **_WORD_TYPES}
_STREET = re.compile(
    r"(?<![\w£$€.,/:#-])"
    r"(?P<unit>(?:flat|apartment|apt|unit|house)\s+\d{1,4}[a-z]?,?\s+)?"
    r"(?P<number>\d{1,4}[a-z]?(?:\s?[-–]\s?\d{1,4}[a-z]?)?),?\s+"
    r"(?P<name>(?:[a-z][a-z'’.-]*\s+){1,3}?)"
    rf"(?P<type>{'|'.join(sorted(_TYPES, key=len, reverse=True))})\b\.?"
    r"(?!\s+(?:safety|sense|show|trip|signs?|markings|crossing|race|runners?|test|rage|"
    r"works|closure|map)\b)"
)
# Words before the number that make it something other than a house number.
_COUNTER = re.compile(
    r"\b(?:year|yr|y|class|room|page|chapter|step|level|grade|stage|ks|route|bus|number|no|"
    r"nr|top|under|over|aged|age|size|platform|table|group|set|team|sum|score|scored|won|"
    r"lost|drew|beat)\W*$"
)
_NOT_NAME = frozenset(
    [
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "from",
        "our", "my", "your", "their", "his", "her", "its", "this", "that", "these", "those", "new",
        "old", "more", "other", "big", "small", "different", "extra", "year", "years", "class",
        "classes", "children", "pupils", "kids", "people", "minutes", "miles", "metres", "meters",
        "hours", "days", "weeks", "times", "goals", "points", "down", "up", "along", "across",
        "over", "off", "near", "round", "around", "into", "onto", "is", "are", "was", "were", "be",
        "very", "really", "quite", "so", "too", "most", "many", "few", "lovely", "amazing",
        "great", "little", "best", "top",
    ]
)


@dataclass(frozen=True, slots=True)
class _Address:
    start: int
    end: int
    kind: str
    key: str


@dataclass(frozen=True, slots=True)
class _State:
    allowed: frozenset[str]


class PersonalAddress(BaseRecognizer):
    name: ClassVar[str] = "personal_address"

    def prepare(self, context: Any) -> _State:
        address = context.registry.organisation.address or ""
        own = normalise(address)
        return _State(frozenset(found.key for found in find_addresses(own.folded, address)))

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        if not any(char.isdigit() for char in item.text):
            return []
        text = item.normalised
        original = text.original
        findings = []
        for found in find_addresses(text.folded, original, text.index):
            if found.key in state.allowed:
                continue
            start, end = text.span(found.start, found.end)
            findings.append(_finding(original[start:end], (start, end), found))
        return sorted(findings, key=lambda finding: finding.span or (0, 0))


def find_addresses(
    folded: str, original: str, index: tuple[int, ...] | None = None
) -> Iterator[_Address]:
    """Postcodes and street addresses in folded text (the original decides capitals)."""
    for match in _POSTCODE.finditer(folded) if _INWARD.search(folded) else ():
        if _ordinal_inward(match, original, index):
            continue
        key = re.sub(r"\s", "", match.group())
        yield _Address(match.start(), match.end(), "postcode", f"postcode:{key}")
    for match in _STREET.finditer(folded):
        street = _street(match, folded, original, index)
        if street is not None:
            yield street


def _original(start: int, end: int, original: str, index: tuple[int, ...] | None) -> str:
    if index is None:
        return original[start:end]
    return original[index[start] : index[end - 1] + 1] if end > start else ""


def _ordinal_inward(
    match: re.Match[str], original: str, index: tuple[int, ...] | None
) -> bool:
    inward = match["inward"]
    if inward is None or not _ORDINAL.fullmatch(inward):
        return False
    return not _original(match.start(), match.end(), original, index).isupper()


def _street(
    match: re.Match[str], folded: str, original: str, index: tuple[int, ...] | None
) -> _Address | None:
    words = match["name"].split()
    if any(word.strip(".'’") in _NOT_NAME for word in words):
        return None
    if match["unit"] is None and _COUNTER.search(folded, max(0, match.start() - 12),
                                                 match.start()):
        return None
    street_type = match["type"]
    if street_type in _WORD_TYPES:
        written = _original(match.start("name"), match.end("type"), original, index)
        if not all(word[:1].isupper() for word in written.split()):
            return None
    number = re.sub(r"\s", "", match["number"])
    key = f"street:{number} {' '.join(words)} {_TYPES[street_type]}"
    return _Address(match.start(), match.end(), "street", key)


def _finding(text: str, span: tuple[int, int], found: _Address) -> Finding:
    what = "postcode" if found.kind == "postcode" else "street address"
    return Finding(
        check=PersonalAddress.name, text=text, span=span,
        explanation=f"This is a {what} that is not the school's, which could show strangers "
                    "where someone lives.",
        score=0.9 if found.kind == "postcode" else 0.8,
        data={"kind": found.kind,
              "remedy": {"kind": "redact", "description": _REMEDY, "span": list(span)}},
    )
