"""One name index of all the registry's people, shared by the checks that need it.

Pupils, staff and parents are indexed together and each item's text is scanned once; each
check then keeps the matches for its kind of person in the forms its rule allows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.names import NameIndex, NameMatch, Person
from socialguard.screening.roster import Pupil

if TYPE_CHECKING:
    from socialguard.screening.engine import Context

NameForms = Literal["full", "any"]
Kind = Literal["pupil", "staff", "guardian"]

FORMS: dict[str, dict[str, frozenset[str]]] = {
    "pupil": {"full": frozenset({"full", "joined"}),
              "any": frozenset({"full", "joined", "first", "preferred"})},
    "staff": {"full": frozenset({"full", "joined", "title_surname"}),
              "any": frozenset({"full", "joined", "title_surname", "first", "preferred"})},
    "guardian": {"full": frozenset({"full", "joined"}),
                 "any": frozenset({"full", "joined", "first"})},
}
_EVERY_FORM = frozenset().union(*(forms["any"] for forms in FORMS.values()))


def people_index(context: Context) -> NameIndex:
    """The registry's pupils, and its staff and parents when a rule of the policy looks for
    them, indexed once per context."""
    return context.shared("names:people", lambda: NameIndex.build(_people(context)))


def _people(context: Context) -> list[Person]:
    registry, checks = context.registry, {rule.check for rule in context.policy.rules}
    people = [Person(p.id, "pupil", p.first_name, p.last_name, p.preferred_name)
              for p in registry.pupils]
    if "staff_named" in checks:
        people += [Person(s.id, "staff", s.first_name, s.last_name, None, s.title)
                   for s in registry.staff]
    if "parent_named" in checks:
        people += [Person(g.id, "guardian", g.first_name, g.last_name)
                   for g in registry.guardians]
    return people


def pupils_by_id(context: Context) -> Mapping[str, Pupil]:
    return context.shared("pupils:by-id", lambda: {p.id: p for p in context.registry.pupils})


def named(item: ContentItem, context: Context, kind: Kind, names: NameForms) -> list[NameMatch]:
    """The people of one kind named in the item's text, in the allowed forms. The text is
    scanned once per item, whichever checks ask."""
    if "named_people" not in item.memo:
        item.memo["named_people"] = people_index(context).find(item.normalised, _EVERY_FORM)
    allowed = FORMS[kind][names]
    narrowed = (match.only(kind, allowed) for match in item.memo["named_people"])
    return [match for match in narrowed if match is not None]


def named_pupils(item: ContentItem, context: Context, names: NameForms = "any") -> list[NameMatch]:
    return named(item, context, "pupil", names)


class FullNamesParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    names: NameForms = "full"


class PersonNamed(BaseRecognizer):
    """A check that a kind of registry person (staff, parents) is named: subclasses set the
    kind, how to call one in an explanation, and the key their ids go under in `data`."""

    kind: ClassVar[Kind]
    who: ClassVar[str]
    ids_key: ClassVar[str]
    Params: ClassVar[type[BaseModel]] = FullNamesParams

    def prepare(self, context: Context) -> Any:
        return people_index(context)

    def analyze(self, item: ContentItem, context: Context, params: Any, state: Any
                ) -> list[Finding]:
        return [self._finding(match) for match in named(item, context, self.kind, params.names)]

    def _finding(self, match: NameMatch) -> Finding:
        others = f", {len(match.people)} people match" if len(match.people) > 1 else ""
        return Finding(
            check=self.name, text=match.text, span=match.span, score=match.score,
            explanation=f"Names a {self.who} ({match.people[0].display}{others}).",
            data={self.ids_key: [p.id for p in match.people], "form": match.form,
                  "evasion": list(match.evasion), "remedy": redact(match, self.who)},
        )


def redact(match: NameMatch, who: str) -> dict[str, object]:
    return {"kind": "redact", "description": f"Remove the {who}'s name", "span": list(match.span)}
