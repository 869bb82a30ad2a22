"""`staff_named`: a member of staff is named, for packs that forbid it (Morley: never refer
to any staff member in the context of school)."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.engine import Context
from socialguard.screening.recognizers.people import NameForms, named, people_index, redact


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    names: NameForms = "full"


class StaffNamed(BaseRecognizer):
    name: ClassVar[str] = "staff_named"
    Params: ClassVar[type[BaseModel]] = Params

    def prepare(self, context: Context) -> Any:
        return people_index(context)

    def analyze(
        self, item: ContentItem, context: Context, params: Any, state: Any
    ) -> list[Finding]:
        return [
            Finding(
                check=self.name,
                text=match.text,
                span=match.span,
                score=match.score,
                explanation=f"Names a member of staff ({match.people[0].display}"
                + (f", {len(match.people)} staff match" if len(match.people) > 1 else "")
                + ").",
                data={
                    "staff": [p.id for p in match.people],
                    "form": match.form,
                    "evasion": list(match.evasion),
                    "remedy": redact(match, "member of staff"),
                },
            )
            for match in named(item, context, "staff", params.names)
        ]
