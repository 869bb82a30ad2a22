"""Placeholder for the `school_website_link` check (docs/checks.md): not yet written.

Until it is, it raises, so every item in its scope is HELD for a person, never passed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding


class SchoolWebsiteLink(BaseRecognizer):
    name: ClassVar[str] = "school_website_link"

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        raise NotImplementedError("the school_website_link check is not written yet")
