"""Name indexes of the registry's people, shared by the checks that need them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from socialguard.screening.names import NameIndex, NameMatch, Person
from socialguard.screening.roster import Pupil

if TYPE_CHECKING:
    from socialguard.screening.base import ContentItem
    from socialguard.screening.engine import Context

NameForms = Literal["full", "any"]

FORMS: dict[str, dict[str, frozenset[str]]] = {
    "pupil": {"full": frozenset({"full", "joined"}),
              "any": frozenset({"full", "joined", "first", "preferred"})},
    "staff": {"full": frozenset({"full", "joined", "title_surname"}),
              "any": frozenset({"full", "joined", "title_surname", "first", "preferred"})},
    "guardian": {"full": frozenset({"full", "joined"}),
                 "any": frozenset({"full", "joined", "first"})},
}


def pupil_index(context: Context) -> NameIndex:
    return context.shared("names:pupils", lambda: NameIndex.build(
        Person(p.id, "pupil", p.first_name, p.last_name, p.preferred_name)
        for p in context.registry.pupils
    ))


def staff_index(context: Context) -> NameIndex:
    return context.shared("names:staff", lambda: NameIndex.build(
        (Person(s.id, "staff", s.first_name, s.last_name, None, s.title)
         for s in context.registry.staff),
        titles=True,
    ))


def guardian_index(context: Context) -> NameIndex:
    return context.shared("names:guardians", lambda: NameIndex.build(
        Person(g.id, "guardian", g.first_name, g.last_name) for g in context.registry.guardians
    ))


def pupils_by_id(context: Context) -> Mapping[str, Pupil]:
    return context.shared("pupils:by-id", lambda: {p.id: p for p in context.registry.pupils})


def named_pupils(item: ContentItem, context: Context, names: NameForms = "any") -> list[NameMatch]:
    """Pupils named in the item's text, found once per item whichever checks ask: the
    `full` forms are the `any` matches that name a full name (or a joined one)."""
    if "named_pupils" not in item.memo:
        item.memo["named_pupils"] = pupil_index(context).find(item.normalised,
                                                              FORMS["pupil"]["any"])
    allowed = FORMS["pupil"][names]
    return [match for match in item.memo["named_pupils"] if match.form in allowed]


def redact(match: NameMatch, who: str) -> dict[str, object]:
    return {"kind": "redact", "description": f"Remove the {who}'s name", "span": list(match.span)}
