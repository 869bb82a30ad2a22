"""The finding shared by the personal contact checks (phone numbers, e-mail addresses)."""

from __future__ import annotations

from typing import Any

from socialguard.screening.base import Finding
from socialguard.screening.roster import StaffMember

_PLURAL = {"phone number": "numbers", "e-mail address": "addresses"}


def contact_finding(
    check: str, text: str, span: tuple[int, int], what: str, owner: StaffMember | None,
    data: dict[str, Any], score: float = 1.0,
) -> Finding:
    """A personal `what` ("phone number") at `span`, naming its owner when the registry
    knows it, with a redact remedy."""
    data = {**data, "remedy": {"kind": "redact", "description": f"Remove the {what}.",
                               "span": list(span)}}
    if owner is None:
        article = "an" if what[0] in "aeiou" else "a"
        explanation = (f"This is {article} {what} that is not one of the school's published "
                       f"{_PLURAL[what]}, so it may be someone's personal {what}.")
    else:
        who = (f"{owner.title} {owner.last_name}" if owner.title
               else f"{owner.first_name} {owner.last_name}")
        explanation = f"This is {who}'s personal {what}, which must not be published."
        data["person"] = owner.id
        data["person_name"] = f"{owner.first_name} {owner.last_name}"
    return Finding(check=check, text=text, span=span, explanation=explanation, score=score,
                   data=data)
