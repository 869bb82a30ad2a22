"""Manual channel: the approver posts it by hand and records the live URL afterwards.

Sending only says "pending": nothing leaves socialguard. The approver copies the approved
text and media onto the account, then records the link to the live post, which
`validate_live_url` checks.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from socialguard.posts.channels.base import Delivery, SendResult

MAX_URL_LENGTH = 200  # Publication.live_url is a URLField of Django's default length

# Official domains of the platforms schools post to; subdomains (www., m.) count too.
PLATFORM_DOMAINS: dict[str, tuple[str, ...]] = {
    "facebook": ("facebook.com", "fb.com", "fb.watch"),
    "instagram": ("instagram.com",),
    "x": ("x.com", "twitter.com"),
    "twitter": ("x.com", "twitter.com"),
    "linkedin": ("linkedin.com", "lnkd.in"),
    "youtube": ("youtube.com", "youtu.be"),
    "tiktok": ("tiktok.com",),
    "threads": ("threads.net", "threads.com"),
}

_PLATFORM_TITLES = {"x": "X", "tiktok": "TikTok", "linkedin": "LinkedIn", "youtube": "YouTube"}


class InvalidLiveUrl(ValueError):
    """The link recorded for a live post is not one we accept. The message says why."""


class ManualChannel:
    kind = "manual"

    def send(self, delivery: Delivery) -> SendResult:
        return SendResult("pending")


def validate_live_url(url: str, platform: str = "") -> str:
    """Return the link to a live post, tidied, or raise InvalidLiveUrl saying what is wrong.

    Any https link is accepted for platforms not in PLATFORM_DOMAINS (a website, the
    press); for known platforms it must be on one of the platform's own domains.
    """
    url = url.strip()
    _check_shape(url)
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise InvalidLiveUrl(f"{url!r} is not a valid link.") from None
    if parts.scheme.lower() != "https":
        raise InvalidLiveUrl(f"The link must start with https:// (got {url!r}).")
    if not host:
        raise InvalidLiveUrl(f"The link {url!r} has no website address.")
    if parts.username is not None or parts.password is not None:
        raise InvalidLiveUrl("The link must not contain a user name or password.")
    _check_platform(host, parts.path, platform.strip().lower())
    return url


def _check_shape(url: str) -> None:
    if not url:
        raise InvalidLiveUrl("Enter the link to the live post.")
    if len(url) > MAX_URL_LENGTH:
        raise InvalidLiveUrl(f"The link is longer than {MAX_URL_LENGTH} characters.")
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise InvalidLiveUrl("The link must not contain spaces or control characters.")


def _check_platform(host: str, path: str, platform: str) -> None:
    domains = PLATFORM_DOMAINS.get(platform)
    if domains is None:
        return
    title = _PLATFORM_TITLES.get(platform, platform.capitalize())
    if not any(host == domain or host.endswith("." + domain) for domain in domains):
        raise InvalidLiveUrl(f"The link is not on {title} (expected {' or '.join(domains)}, "
                             f"got {host}).")
    if path.strip("/") == "":
        raise InvalidLiveUrl(f"The link goes to {title}'s home page; paste the link to the "
                             "post itself.")
