"""Template context: what the user may open in the school the page is about (the menu)."""

from __future__ import annotations

from django.http import HttpRequest

from socialguard.orgs.access import roles_in
from socialguard.orgs.models import Organisation, Role

_MENU = {
    "write": {Role.STAFF, Role.APPROVER, Role.SLT},
    "approve": {Role.APPROVER, Role.SLT},
    "people": {Role.STAFF, Role.APPROVER, Role.SLT, Role.DSL, Role.ACCOUNT_ADMIN, Role.IT_ADMIN},
    "lead": {Role.SLT},
    "accounts": {Role.ACCOUNT_ADMIN, Role.IT_ADMIN, Role.SLT},
}


def school_roles(request: HttpRequest) -> dict[str, dict[str, bool]]:
    match = request.resolver_match
    school_id = match.kwargs.get("school_id") if match else None
    roles: set[str] = set()
    if school_id is not None and request.user.is_authenticated:
        school = Organisation.objects.filter(pk=school_id).first()
        roles = roles_in(request.user, school) if school else set()
    return {"menu": {item: bool(roles & allowed) for item, allowed in _MENU.items()}}
