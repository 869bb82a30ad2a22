"""Who may do what where: the one door to organisations (STYLE.md rule 3)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as AuthUser
from django.db.models import Q, QuerySet
from django.http import Http404

from socialguard.orgs.models import Membership, Organisation, Role

User = AuthUser | AnonymousUser


def roles_in(user: User, organisation: Organisation) -> set[str]:
    """The user's roles in a school, including roles held at its trust."""
    if not user.is_authenticated:
        return set()
    ids = [organisation.pk] + ([organisation.trust_id] if organisation.trust_id else [])
    return set(Membership.objects.filter(user=user, organisation_id__in=ids)
               .values_list("role", flat=True))


def has_role(user: User, organisation: Organisation, roles: Iterable[str]) -> bool:
    return bool(roles_in(user, organisation) & set(roles))


def schools_for(user: User) -> QuerySet[Organisation]:
    """Schools the user works in, directly or through their trust."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    direct = list(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
    return Organisation.objects.filter(
        Q(pk__in=direct) | Q(trust_id__in=direct), kind=Organisation.Kind.SCHOOL
    ).distinct()


def school_for(user: User, school_id: int, roles: Iterable[str] = tuple(Role.values)
               ) -> Organisation:
    """The school, if the user holds one of `roles` there; 404 for "no such" and "not yours"."""
    school = schools_for(user).filter(pk=school_id).first()
    if school is None or not has_role(user, school, roles):
        raise Http404("No such school")
    return school
