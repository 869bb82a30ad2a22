"""`author_missing`: the item has no named author (C13: no anonymous posts)."""

from __future__ import annotations

from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding


class AuthorMissing(BaseRecognizer):
    name: ClassVar[str] = "author_missing"

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        if item.author and item.author.strip():
            return []
        return [
            Finding(
                check=self.name,
                text="",
                explanation="No author is recorded: every post must say who wrote it.",
            )
        ]
