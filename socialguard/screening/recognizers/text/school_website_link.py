"""The `school_website_link` check (docs/checks.md): an official post with no link home.

The organisation's website (registry.organisation.website) is reduced to its host without
"www." ("oakfield.sch.uk"). The post passes when its text contains a link or bare domain on
that host or a subdomain of it, with or without scheme, "www." or any path
("oakfield.sch.uk/news", "https://www.oakfield.sch.uk"). Disguised links
("oakfield[.]sch[.]uk") and e-mail addresses ("office@oakfield.sch.uk") do not count: a
reader cannot follow them to the site. A registry without a
website gives no finding. Which kinds of content need the link is the rule's scope (an
official post in the packs); the check itself looks at whatever item it is given.
"""

from __future__ import annotations

from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.recognizers.text.blocked_link import find_hosts
from socialguard.screening.recognizers.text.personal_email import website_domain


class SchoolWebsiteLink(BaseRecognizer):
    name: ClassVar[str] = "school_website_link"

    def prepare(self, context: Any) -> tuple[str, str] | None:
        website: str | None = context.registry.organisation.website
        domain = website_domain(website)
        if not website or not domain:
            return None
        url = website.strip() if "://" in website else f"https://{website.strip()}"
        return domain, url

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        if state is None:
            return []
        domain, url = state
        folded = item.normalised.folded
        if domain in folded and any(
            _is_site(found.host, domain) and not folded[:found.start].endswith("@")
            for found in find_hosts(folded, disguised=False)
        ):
            return []
        return [Finding(
            check=self.name, text="",
            explanation=f"This post does not link back to the school website ({domain}).",
            data={"website": url, "remedy": {
                "kind": "add_link", "description": f"Add a link to the school website: {url}",
                "url": url,
            }},
        )]


def _is_site(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)
