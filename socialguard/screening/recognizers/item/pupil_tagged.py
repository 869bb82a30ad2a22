"""`pupil_tagged`: a pupil appears (is tagged) at all, for content where no pupil may appear
whatever the consent: King's "Under no circumstances should staff share or upload student
pictures online other than via school owned social media accounts"; Morley's ban on images of
children engaged in school activities on personal accounts."""

from __future__ import annotations

from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.engine import Context
from socialguard.screening.recognizers.people import pupils_by_id


class PupilTagged(BaseRecognizer):
    name: ClassVar[str] = "pupil_tagged"

    def prepare(self, context: Context) -> Any:
        return pupils_by_id(context)

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        return [
            Finding(
                check=self.name, text=pupil_id,
                explanation=f"Shows a pupil ({_name(state.get(pupil_id), pupil_id)}): pupils may "
                            "appear only through the school's own official accounts.",
                data={"pupil": pupil_id},
            )
            for pupil_id in dict.fromkeys(item.tagged)
        ]


def _name(pupil: Any, pupil_id: str) -> str:
    if pupil is None:
        return f"{pupil_id}, not on the roster"
    return f"{pupil.preferred_name or pupil.first_name} {pupil.last_name}"
