"""Placeholder for the `image_gps` check (docs/checks.md): not yet written.

Until it is, it raises, so every item in its scope is HELD for a person, never passed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding


class ImageGps(BaseRecognizer):
    name: ClassVar[str] = "image_gps"

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        raise NotImplementedError("the image_gps check is not written yet")
