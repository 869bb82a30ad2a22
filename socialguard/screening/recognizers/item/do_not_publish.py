"""`pupil_do_not_publish`: a pupil on the do-not-publish list is tagged or named (C4).

Named means a full name, or a first name that only do-not-publish pupils carry: when a
first name is shared with pupils who may appear, the naming rule and a person decide.
"""

from __future__ import annotations

from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.engine import Context
from socialguard.screening.recognizers.people import named_pupils, pupils_by_id


class DoNotPublish(BaseRecognizer):
    name: ClassVar[str] = "pupil_do_not_publish"

    def prepare(self, context: Context) -> Any:
        return frozenset(p.id for p in context.registry.pupils if p.do_not_publish)

    def analyze(
        self, item: ContentItem, context: Context, params: Any, state: Any
    ) -> list[Finding]:
        if not state:
            return []
        pupils = pupils_by_id(context)
        findings = [
            Finding(
                check=self.name,
                text=pupil_id,
                explanation=f"Tagged pupil {_name(pupils[pupil_id])} is on the "
                "do-not-publish list and must never appear.",
                data={"pupil": pupil_id, "how": "tagged"},
            )
            for pupil_id in dict.fromkeys(item.tagged)
            if pupil_id in state
        ]
        for match in named_pupils(item, context, "any"):
            ids = {p.id for p in match.people}
            if ids <= state:
                findings.append(
                    Finding(
                        check=self.name,
                        text=match.text,
                        span=match.span,
                        score=match.score,
                        explanation=f"Names {match.people[0].display}, who is on the "
                        "do-not-publish list and must never appear.",
                        data={
                            "pupil": match.people[0].id,
                            "how": "named",
                            "remedy": {
                                "kind": "redact",
                                "description": "Remove the pupil's name",
                                "span": list(match.span),
                            },
                        },
                    )
                )
        return findings


def _name(pupil: Any) -> str:
    return f"{pupil.preferred_name or pupil.first_name} {pupil.last_name}"
