"""The `blocked_link` check (docs/checks.md): a link to a domain on the shipped block list.

The list is socialguard/screening/data/blocked_domains.txt (its header documents the
format): hand-curated adult, gambling, dating, drugs, weapons, proxy, piracy, gore and hate
sites, each with one category. It is read once per process, on first use.

Links are found on the folded text (so homoglyph and zero-width tricks fold away): full
URLs, bare domains ("bet365.com/offers") and the usual disguises ("pornhub[.]com",
"hxxps://", "bet365 dot com", "example(.)com"). A listed domain blocks its subdomains
too ("m.pornhub.com"), and digits standing for letters are undone ("p0rnhub.com").
Lenient matching is safe here: a candidate only fires when it is on the list.
`categories` limits the check to some categories (empty: all); naming a category the list
does not have is an error when the pack loads.

`find_hosts` is shared with `school_website_link`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, field_validator

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.text import deleet

BLOCKLIST = resources.files("socialguard.screening") / "data" / "blocked_domains.txt"


class BlocklistError(ValueError):
    """The shipped block list is malformed; the message names the line."""


@cache
def blocklist() -> Mapping[str, str]:
    """Listed domain (or top-level domain) → category, from the shipped file."""
    entries: dict[str, str] = {}
    for number, raw in enumerate(BLOCKLIST.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 2 or parts[1] not in CATEGORIES:
            raise BlocklistError(f"blocked_domains.txt line {number}: expected '<domain> "
                                 f"<category>' with a category from {sorted(CATEGORIES)}")
        domain = parts[0].lower().removeprefix("*").removeprefix(".")
        if domain in entries:
            raise BlocklistError(f"blocked_domains.txt line {number}: {domain} is listed twice")
        entries[domain] = parts[1]
    return entries


CATEGORIES: Mapping[str, str] = {
    "adult": "an adult (pornographic)",
    "gambling": "a gambling",
    "dating": "a dating or random-chat",
    "drugs": "a drugs",
    "weapons": "a weapons",
    "proxy": "a proxy or anonymiser",
    "piracy": "a piracy",
    "gore": "a violent or gory",
    "hate": "a hate",
}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    categories: tuple[str, ...] = ()

    @field_validator("categories")
    @classmethod
    def _known(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(value) - set(CATEGORIES))
        if unknown:
            raise ValueError(f"unknown categories {unknown}; choose from {sorted(CATEGORIES)}")
        return value


_LABEL = r"[a-z0-9][a-z0-9-]{0,62}+"
_PLAIN_DOT = r"\."
_ANY_DOT = r"(?:\.|\s?[\[({]\s?(?:\.|dot)\s?[\])}]\s?|\s+dot\s+)"
_SCHEME = r"(?:(?:https?|hxxps?|ftp)(?::|\[:\])//)?"


def _host_pattern(dot: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.-]){_SCHEME}(?P<host>{_LABEL}(?:{dot}{_LABEL}){{1,8}}+)(?![\w-]|\.\w)"
    )


_HOSTS_PLAIN = _host_pattern(_PLAIN_DOT)
_HOSTS_ANY = _host_pattern(_ANY_DOT)
_DOT_SPLIT = re.compile(_ANY_DOT)


@dataclass(frozen=True, slots=True)
class Host:
    """A host name found in text: where (in the folded text) and its canonical form."""

    start: int
    end: int
    host: str


def find_hosts(folded: str, *, disguised: bool = True) -> Iterator[Host]:
    """Host names in URLs and bare domains; `disguised` also reads "[.]", " dot " etc."""
    pattern = _HOSTS_ANY if disguised else _HOSTS_PLAIN
    for match in pattern.finditer(folded):
        host = ".".join(_DOT_SPLIT.split(match["host"]))
        yield Host(match.start(), match.end(), host)


def listed(host: str, entries: Mapping[str, str]) -> str | None:
    """The listed domain that `host` is, or is under ("p0rnhub.com" read both ways)."""
    found = _listed(host, entries)
    if found is None and any(char.isdigit() for char in host):
        found = _listed(".".join(deleet(label) for label in host.split(".")), entries)
    return found


def _listed(host: str, entries: Mapping[str, str]) -> str | None:
    labels = host.split(".")
    for first in range(len(labels)):
        candidate = ".".join(labels[first:])
        if candidate in entries:
            return candidate
    return None


class BlockedLink(BaseRecognizer):
    name: ClassVar[str] = "blocked_link"
    Params: ClassVar[type[BaseModel]] = Params

    def prepare(self, context: Any) -> Mapping[str, str]:
        return blocklist()

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        text = item.normalised
        wanted = frozenset(params.categories)
        findings = []
        for found in find_hosts(text.folded):
            domain = listed(found.host, state)
            if domain is None or (wanted and state[domain] not in wanted):
                continue
            start, end = text.span(found.start, found.end)
            findings.append(_finding(item.text[start:end], (start, end), found.host, domain,
                                     state[domain]))
        return findings


def _finding(text: str, span: tuple[int, int], host: str, domain: str, category: str) -> Finding:
    return Finding(
        check=BlockedLink.name, text=text, span=span,
        explanation=f"This links to {host}, {CATEGORIES[category]} website that must not "
                    "appear in the school's posts.",
        data={"host": host, "domain": domain, "category": category},
    )
