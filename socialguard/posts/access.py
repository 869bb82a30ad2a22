"""The one door to posts: who may see or act on which post (STYLE.md rule 3).

Staff see their own posts; approvers and SLT see every post of their school; governors see
published ones. Anyone else gets "not found", the same as for a post that does not exist.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from socialguard.orgs.access import User, roles_in
from socialguard.orgs.models import Organisation, Role
from socialguard.posts.models import Post, State

SEE_ALL = {Role.APPROVER, Role.SLT}
APPROVE = {Role.APPROVER, Role.SLT}


def visible_posts(user: User, school: Organisation) -> QuerySet[Post]:
    roles = roles_in(user, school)
    posts = Post.objects.filter(school=school)
    if roles & SEE_ALL:
        return posts
    allowed = Q(pk__in=[])
    if Role.STAFF in roles:
        allowed |= Q(author_id=user.pk)
    if Role.GOVERNOR in roles or Role.STAFF in roles:
        allowed |= Q(state=State.PUBLISHED)
    return posts.filter(allowed)


def post_for(user: User, school: Organisation, post_id: int) -> Post:
    post = visible_posts(user, school).select_related("author", "school").filter(pk=post_id).first()
    if post is None:
        raise Http404("No such post")
    return post


def can_approve(user: User, school: Organisation) -> bool:
    return bool(roles_in(user, school) & APPROVE)
