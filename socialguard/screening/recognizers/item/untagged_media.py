"""`untagged_media`: photos are attached but nobody is tagged, so consent cannot be checked
(C2: every child shown has parental permission for this use)."""

from __future__ import annotations

from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding


class UntaggedMedia(BaseRecognizer):
    name: ClassVar[str] = "untagged_media"

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        if not item.media or item.tagged:
            return []
        count = len(item.media)
        return [
            Finding(
                check=self.name,
                text=", ".join(m.name for m in item.media),
                explanation=f"{count} attachment{'s' if count > 1 else ''} but no pupil is tagged: "
                "tag every child who appears so their consent can be checked, or "
                "confirm no child appears.",
                data={"media": count},
            )
        ]
