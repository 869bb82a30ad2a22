"""`pupil_consent`: every tagged pupil has parental consent for this use (C2).

The purpose follows the channel unless the rule fixes it: a post for the website needs
website consent, one for the press needs press consent, anything else social media consent.
A tagged id that is not on the roster cannot be checked, so it is reported too.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.engine import Context
from socialguard.screening.recognizers.people import pupils_by_id

Purpose = Literal["social_media", "website", "press"]
_LABEL = {"social_media": "social media", "website": "the website", "press": "the press"}
_CHANNEL_PURPOSE: dict[str, Purpose] = {"website": "website", "press": "press"}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    purpose: Literal["auto", "social_media", "website", "press"] = "auto"


class PupilConsent(BaseRecognizer):
    name: ClassVar[str] = "pupil_consent"
    Params: ClassVar[type[BaseModel]] = Params

    def prepare(self, context: Context) -> Any:
        return pupils_by_id(context)

    def analyze(
        self, item: ContentItem, context: Context, params: Any, state: Any
    ) -> list[Finding]:
        purpose = _purpose(params.purpose, item.channel)
        findings = []
        for pupil_id in dict.fromkeys(item.tagged):
            pupil = state.get(pupil_id)
            if pupil is None:
                findings.append(
                    _finding(
                        pupil_id,
                        "is not on the roster, so consent cannot be checked",
                        purpose,
                        "unknown",
                    )
                )
            elif not getattr(pupil.consent, purpose):
                name = f"{pupil.preferred_name or pupil.first_name} {pupil.last_name}"
                findings.append(
                    _finding(
                        pupil_id,
                        f"({name}) has no parental consent for {_LABEL[purpose]}",
                        purpose,
                        "missing",
                    )
                )
        return findings


def _purpose(configured: str, channel: str | None) -> Purpose:
    if configured != "auto":
        return configured  # type: ignore[return-value]
    return _CHANNEL_PURPOSE.get((channel or "").strip().lower(), "social_media")


def _finding(pupil_id: str, problem: str, purpose: Purpose, status: str) -> Finding:
    return Finding(
        check="pupil_consent",
        text=pupil_id,
        explanation=f"Tagged pupil {pupil_id} {problem}.",
        data={"pupil": pupil_id, "purpose": purpose, "consent": status},
    )
