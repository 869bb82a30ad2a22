"""`parent_named`: a parent or carer on the roster is named, for packs that forbid it."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.engine import Context
from socialguard.screening.recognizers.people import NameForms, named, people_index, redact


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    names: NameForms = "full"


class ParentNamed(BaseRecognizer):
    name: ClassVar[str] = "parent_named"
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
                explanation=f"Names a parent or carer ({match.people[0].display}).",
                data={
                    "guardians": [p.id for p in match.people],
                    "form": match.form,
                    "evasion": list(match.evasion),
                    "remedy": redact(match, "parent"),
                },
            )
            for match in named(item, context, "guardian", params.names)
        ]
