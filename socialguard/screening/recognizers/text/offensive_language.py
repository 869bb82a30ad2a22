"""Placeholder for the `offensive_language` check (docs/checks.md): not yet written.

Until it is, it raises, so every item in its scope is HELD for a person, never passed.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    categories: tuple[Literal['profanity', 'insult', 'threat', 'sexual', 'hate'], ...] = ('profanity', 'insult', 'threat', 'sexual', 'hate')
    threshold: float | None = None


class OffensiveLanguage(BaseRecognizer):
    name: ClassVar[str] = "offensive_language"
    Params: ClassVar[type[BaseModel]] = Params

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        raise NotImplementedError("the offensive_language check is not written yet")
