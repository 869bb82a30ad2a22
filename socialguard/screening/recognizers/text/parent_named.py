"""`parent_named`: a parent or carer on the roster is named, for packs that forbid it.
Full names; first names alone with `names: any`."""

from __future__ import annotations

from typing import ClassVar

from socialguard.screening.recognizers.people import Kind, PersonNamed


class ParentNamed(PersonNamed):
    name: ClassVar[str] = "parent_named"
    kind: ClassVar[Kind] = "guardian"
    who: ClassVar[str] = "parent or carer"
    ids_key: ClassVar[str] = "guardians"
