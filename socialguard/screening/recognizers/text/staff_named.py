"""`staff_named`: a member of staff is named, for packs that forbid it (Morley: never refer
to any staff member in the context of school). Full names and title + surname; first names
alone with `names: any`."""

from __future__ import annotations

from typing import ClassVar

from socialguard.screening.recognizers.people import Kind, PersonNamed


class StaffNamed(PersonNamed):
    name: ClassVar[str] = "staff_named"
    kind: ClassVar[Kind] = "staff"
    who: ClassVar[str] = "member of staff"
    ids_key: ClassVar[str] = "staff"
