"""The `personal_email` check (docs/checks.md): an e-mail address that is not the school's.

Matches on the folded text, so zero-width characters, full-width "＠" and look-alike
letters do not hide an address. Besides "name@domain.com" it reads the usual disguises:
"name [at] gmail [dot] com", "name(at)domain(.)com", "name {at} domain {dot} co {dot} uk"
and "name at domain dot com". The bare-word form "at" is only believed when the domain is
written with "dot" words (and the name part is not an ordinary word like "us" in "find
us at oakfield dot sch dot uk"), or when the domain is a well-known webmail provider
("jo at gmail.com"); a disguised address must also end in a known top-level domain.

The organisation's published addresses are allowed; with `allow_org_domain`, any address
at the domain of the organisation's website (or a subdomain) is too. An address in a staff
member's personal_emails is named in the explanation and in data["person"].
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.recognizers.text._contacts import contact_finding
from socialguard.screening.roster import Registry, StaffMember


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    allow_org_domain: bool = False



_LABEL = r"[a-z0-9][a-z0-9-]{0,62}+"
_LOCAL_LABEL = r"[a-z0-9_%+][a-z0-9_%+-]{0,63}+"
_AT = (r"(?P<at>\s?@\s?|\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+at\s+)")
_DOT = r"(?:\.|\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+)"
_EMAIL = re.compile(
    rf"(?<![\w.%+-])(?P<local>{_LOCAL_LABEL}(?:{_DOT}{_LOCAL_LABEL}){{0,4}})"
    rf"{_AT}(?P<domain>{_LABEL}(?:{_DOT}{_LABEL}){{1,5}})(?![\w-])"
)
_DOT_SPLIT = re.compile(r"\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+|\.")
_PLAIN_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})+")
_ALPHA_TLD = re.compile(r"[a-z]{2,24}")

# Top-level domains a disguised address must end in (plain addresses take any).
_KNOWN_TLDS = frozenset(
    [
        "com", "net", "org", "uk", "co", "ac", "gov", "sch", "nhs", "police", "edu", "info", "biz",
        "io", "me", "ie", "eu", "de", "fr", "es", "it", "nl", "be", "us", "ca", "au", "nz", "in",
        "pk", "ng", "za", "scot", "wales", "cymru", "london", "online", "email", "mail", "app",
        "dev",
    ]
)
_WEBMAIL = frozenset(
    [
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk", "outlook.com",
        "outlook.co.uk", "live.com", "live.co.uk", "msn.com", "yahoo.com", "yahoo.co.uk",
        "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "aol.co.uk", "btinternet.com",
        "sky.com", "talktalk.net", "virginmedia.com", "ntlworld.com", "protonmail.com",
        "proton.me", "gmx.com", "gmx.co.uk", "mail.com", "zoho.com",
    ]
)
# Words that precede a bare "at" in ordinary sentences ("find us at", "be at").
_NOT_A_NAME = frozenset(
    [
        "us", "me", "you", "him", "her", "them", "it", "we", "they", "be", "is", "are", "was",
        "were", "am", "been", "being", "here", "there", "look", "find", "found", "see", "meet",
        "met", "visit", "online", "website", "site", "page", "web", "school", "home", "available",
        "info", "information", "details", "more", "everything", "everyone", "all", "out", "up",
        "in", "on", "only", "also", "just", "live", "stay", "staying", "arrive", "arrived", "book",
        "booking", "apply", "register", "posted", "published", "advertised", "event", "events",
        "tickets", "held", "join", "contact", "email", "e-mail", "message",
    ]
)


@dataclass(frozen=True, slots=True)
class _State:
    allowed: frozenset[str]
    org_domain: str | None
    staff: Mapping[str, StaffMember]


@dataclass(frozen=True, slots=True)
class _Email:
    start: int
    end: int
    address: str
    disguised: bool


class PersonalEmail(BaseRecognizer):
    name: ClassVar[str] = "personal_email"
    Params: ClassVar[type[BaseModel]] = Params

    def prepare(self, context: Any) -> _State:
        registry: Registry = context.registry
        org = registry.organisation
        staff = {
            address.strip().casefold(): member
            for member in registry.staff
            for address in member.personal_emails
        }
        return _State(
            allowed=frozenset(address.strip().casefold() for address in org.emails),
            org_domain=website_domain(org.website),
            staff=staff,
        )

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        text = item.normalised
        folded = text.folded
        if "@" not in folded and "at" not in folded:
            return []
        findings = []
        for email in find_emails(folded):
            if _allowed(email.address, state, params.allow_org_domain):
                continue
            start, end = text.span(email.start, email.end)
            owner = state.staff.get(email.address)
            findings.append(_finding(item.text[start:end], (start, end), email, owner))
        return findings


def website_domain(website: str | None) -> str | None:
    """The host of a website address, without scheme, "www." or path ("oakfield.sch.uk")."""
    if not website:
        return None
    host = website.strip().casefold()
    host = host.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    return host.removeprefix("www.") or None


def find_emails(folded: str) -> Iterator[_Email]:
    """E-mail addresses (plain or disguised) in folded text, as canonical lower-case text."""
    position = 0
    while (match := _EMAIL.search(folded, position)) is not None:
        email = _email(match)
        if email is None:  # "me at tb.home1985@…": try again from the next word
            position = match.start() + 1
            continue
        yield email
        position = match.end()


def _email(match: re.Match[str]) -> _Email | None:
    local_labels = _DOT_SPLIT.split(match["local"])
    domain_labels = _DOT_SPLIT.split(match["domain"])
    local, domain = ".".join(local_labels), ".".join(domain_labels)
    plain_dots = bool(_PLAIN_DOMAIN.fullmatch(match["domain"]))
    if not _believable(match["at"], local, domain, domain_labels[-1], plain_dots):
        return None
    disguised = not ("@" in match["at"] and plain_dots and local == match["local"])
    return _Email(match.start(), match.end(), f"{local}@{domain}", disguised)


def _believable(at: str, local: str, domain: str, tld: str, plain_dots: bool) -> bool:
    if "@" in at and plain_dots:
        return bool(_ALPHA_TLD.fullmatch(tld))
    if tld not in _KNOWN_TLDS:
        return False
    if at.strip() != "at":  # bracketed "[at]", "(at)": deliberate
        return True
    if plain_dots:
        return domain in _WEBMAIL
    return local not in _NOT_A_NAME


def _allowed(address: str, state: _State, allow_org_domain: bool) -> bool:
    if address in state.allowed:
        return True
    if not (allow_org_domain and state.org_domain):
        return False
    domain = address.rsplit("@", 1)[1]
    return domain == state.org_domain or domain.endswith("." + state.org_domain)


def _finding(
    text: str, span: tuple[int, int], email: _Email, owner: StaffMember | None
) -> Finding:
    return contact_finding(PersonalEmail.name, text, span, "e-mail address", owner,
                           {"address": email.address, "disguised": email.disguised})
