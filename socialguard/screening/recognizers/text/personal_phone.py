"""The `personal_phone` check (docs/checks.md): a phone number that is not the school's.

A cheap pattern finds runs of digits that look like a phone number (starting "0", "+",
"00" or "(0"; 10–15 digits; spaces, dots, dashes and brackets between them) and
`phonenumbers` decides, reading them as UK numbers first (region GB) and international
ones by their "+"/"00" prefix. A UK number is accepted when `phonenumbers` calls it valid,
or when it is a possible geographic/mobile number (01, 02, 03, 07): Ofcom's drama ranges
(07700 900xxx, 0121 496 0xxx) are not "valid" but are what people paste in examples.
Other countries' numbers must be valid.

Dates, times, years, prices and scores never qualify: they do not start with 0 or +,
have too few digits, or look like a date ("05.06.25 14.30").

The organisation's published numbers are allowed (compared by E.164). A number in a staff
member's personal_phones is named in the explanation and in data["person"] (the staff id).
Numbers spelt out in words ("oh seven seven…") are not recognised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import phonenumbers

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.recognizers.text._contacts import contact_finding
from socialguard.screening.roster import Registry, StaffMember

_REGION = "GB"
_MIN_DIGITS, _MAX_DIGITS = 10, 15

# A digit, then 8–48 digits or separators, ending on a digit; not glued to other words.
_CANDIDATE = re.compile(r"(?<![\w+£$€/-])(?<!\d[.,])\+?\(?\+?\d[\d \t().\-]{8,48}\d(?![\w/%])")
_DATE_LIKE = re.compile(r"^\(?\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}\b")
_NON_DIGIT = re.compile(r"\D")
_UK_POSSIBLE = re.compile(r"^[1237]\d{8,9}$")
_CHUNK = re.compile(r"\S+")
_MAX_CHUNKS = 6


@dataclass(frozen=True, slots=True)
class _State:
    allowed: frozenset[str]
    staff: Mapping[str, StaffMember]


@dataclass(frozen=True, slots=True)
class _Phone:
    start: int
    end: int
    e164: str
    valid: bool


class PersonalPhone(BaseRecognizer):
    name: ClassVar[str] = "personal_phone"

    def prepare(self, context: Any) -> _State:
        registry: Registry = context.registry
        allowed = frozenset(filter(None, map(e164, registry.organisation.phones)))
        staff = {
            number: member
            for member in registry.staff
            for number in filter(None, map(e164, member.personal_phones))
        }
        return _State(allowed=allowed, staff=staff)

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        if not any(char.isdigit() for char in item.text):
            return []
        text = item.normalised
        findings = []
        for phone in find_phones(text.folded):
            if phone.e164 in state.allowed:
                continue
            start, end = text.span(phone.start, phone.end)
            findings.append(_finding(item.text[start:end], (start, end), phone,
                                     state.staff.get(phone.e164)))
        return findings


def e164(number: str) -> str | None:
    """A number in E.164 form ("+441214960000"), read as UK first; None if not a number."""
    try:
        parsed = phonenumbers.parse(number, _REGION)
    except phonenumbers.NumberParseException:
        return None
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def find_phones(folded: str) -> Iterator[_Phone]:
    """Phone numbers in folded text, with their spans in it."""
    for match in _CANDIDATE.finditer(folded):
        candidate = match.group()
        digits = _NON_DIGIT.sub("", candidate)
        if len(digits) > _MAX_DIGITS:
            yield from _split(candidate, match.start())
            continue
        phone = _parse(candidate, digits)
        if phone is not None:
            yield _Phone(match.start(), match.end(), *phone)


def _split(candidate: str, offset: int) -> Iterator[_Phone]:
    """Numbers run together ("0121 496 0000 07700 900123"): longest first, left to right."""
    chunks = [(chunk.start(), chunk.end(), sum(map(str.isdigit, chunk.group())))
              for chunk in _CHUNK.finditer(candidate)]
    first = 0
    while first < len(chunks):
        found = None
        if candidate[chunks[first][0]] in "0+(":
            found = _longest_from(candidate, chunks, first)
        if found is None:
            first += 1
            continue
        last, phone = found
        yield _Phone(offset + chunks[first][0], offset + chunks[last - 1][1], *phone)
        first = last


def _longest_from(
    candidate: str, chunks: list[tuple[int, int, int]], first: int
) -> tuple[int, tuple[str, bool]] | None:
    """The longest run of chunks from `first` that is a phone number, as (end, phone)."""
    ends: list[int] = []
    digits = 0
    for last in range(first, min(len(chunks), first + _MAX_CHUNKS)):
        digits += chunks[last][2]
        if digits > _MAX_DIGITS:
            break
        if digits >= _MIN_DIGITS:
            ends.append(last + 1)
    for end in reversed(ends):
        part = candidate[chunks[first][0] : chunks[end - 1][1]]
        phone = _parse(part, _NON_DIGIT.sub("", part))
        if phone is not None:
            return end, phone
    return None


def _parse(candidate: str, digits: str) -> tuple[str, bool] | None:
    """(E.164, valid?) for a candidate that is a phone number, else None."""
    lead = candidate.lstrip("(")
    international = lead.startswith("+") or digits.startswith("00")
    if not (international or lead.startswith("0")) or _DATE_LIKE.match(candidate):
        return None
    if not _MIN_DIGITS <= len(digits) <= _MAX_DIGITS:
        return None
    try:
        number = phonenumbers.parse(candidate, _REGION)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(number):
        valid = True
    elif number.country_code == 44 and _UK_POSSIBLE.match(str(number.national_number)):
        valid = False
    else:
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)), valid


def _finding(
    text: str, span: tuple[int, int], phone: _Phone, owner: StaffMember | None
) -> Finding:
    return contact_finding(PersonalPhone.name, text, span, "phone number", owner,
                           {"number": phone.e164}, score=1.0 if phone.valid or owner else 0.8)
