"""Posts by id alone, for URLs that do not name the school: the same door as the web app."""

from __future__ import annotations

from django.http import Http404

from socialguard.orgs.access import User, schools_for
from socialguard.posts.access import post_for
from socialguard.posts.models import Post


def post_by_id(user: User, post_id: int) -> Post:
    """The post if the user may see it in one of their schools; 404 otherwise."""
    school = schools_for(user).filter(posts__pk=post_id).first()
    if school is None:
        raise Http404("No such post")
    return post_for(user, school, post_id)
