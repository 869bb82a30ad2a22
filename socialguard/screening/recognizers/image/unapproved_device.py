"""Placeholder for the `unapproved_device` check (docs/checks.md): not yet written.

Until it is, it raises, so every item in its scope is HELD for a person, never passed.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    unknown_device: Literal['flag', 'ignore'] = 'flag'


class UnapprovedDevice(BaseRecognizer):
    name: ClassVar[str] = "unapproved_device"
    Params: ClassVar[type[BaseModel]] = Params

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        raise NotImplementedError("the unapproved_device check is not written yet")
