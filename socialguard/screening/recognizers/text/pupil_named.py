"""`pupil_named`: a pupil on the roster is named (C3, C4).

Found because the roster has them: full name, first or preferred name, possessives,
hashtags and handles, and through evasion (spaced letters, invisible characters,
look-alike letters, digits for letters). Names that are also words count only in context.
"""

from __future__ import annotations

import unicodedata
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.engine import Context
from socialguard.screening.names import NameMatch
from socialguard.screening.recognizers.people import (
    NameForms,
    named_pupils,
    people_index,
    pupils_by_id,
    redact,
)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    names: NameForms = "any"


class PupilNamed(BaseRecognizer):
    name: ClassVar[str] = "pupil_named"
    Params: ClassVar[type[BaseModel]] = Params

    def prepare(self, context: Context) -> Any:
        pupils_by_id(context)
        return people_index(context)

    def analyze(
        self, item: ContentItem, context: Context, params: Any, state: Any
    ) -> list[Finding]:
        return [_finding(match, context) for match in named_pupils(item, context, params.names)]


def _finding(match: NameMatch, context: Context) -> Finding:
    return Finding(
        check="pupil_named",
        text=match.text,
        span=match.span,
        score=match.score,
        explanation=f"{_who(match, context)}{_tricks(match)}.",
        data={
            "pupils": [p.id for p in match.people],
            "form": match.form,
            "evasion": list(match.evasion),
            "remedy": redact(match, "pupil"),
        },
    )


def _who(match: NameMatch, context: Context) -> str:
    pupils = pupils_by_id(context)
    if len(match.people) == 1:
        person = match.people[0]
        year = pupils[person.id].year
        in_year = f", Year {year}" if year is not None else ""
        return f"Names a pupil ({person.display}{in_year})"
    names = ", ".join(p.display for p in match.people[:3])
    more = f" and {len(match.people) - 3} more" if len(match.people) > 3 else ""
    return (f"Names a pupil: {len(match.people)} pupils are called \u201c{_visible(match.text)}"
            f"\u201d ({names}{more})")


def _visible(text: str) -> str:
    """The words as a reader sees them: invisible characters dropped."""
    return "".join(char for char in text if unicodedata.category(char) not in ("Cf", "Mn"))


def _tricks(match: NameMatch) -> str:
    return f", written to dodge a filter ({', '.join(match.evasion)})" if match.evasion else ""
