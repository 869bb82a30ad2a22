"""Placeholder for the `personal_email` check (docs/checks.md): not yet written.

Until it is, it raises, so every item in its scope is HELD for a person, never passed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    allow_org_domain: bool = False


class PersonalEmail(BaseRecognizer):
    name: ClassVar[str] = "personal_email"
    Params: ClassVar[type[BaseModel]] = Params

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        raise NotImplementedError("the personal_email check is not written yet")
