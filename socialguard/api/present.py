"""What the API says about objects: plain dicts, the shapes of openapi.py's schemas."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from socialguard.posts.models import Post, Screening


def with_relations(posts: QuerySet[Post]) -> QuerySet[Post]:
    """Everything post_summary reads, in a fixed number of queries whatever the page size."""
    return posts.select_related("author").prefetch_related("accounts", "tagged")


def post_summary(post: Post) -> dict[str, Any]:
    author = post.author
    return {
        "id": post.pk,
        "school": post.school_id,
        "author": {"id": author.pk, "username": author.get_username(),
                   "name": author.get_full_name() or author.get_username()},
        "state": post.state,
        "text": post.text,
        "channel": post.channel,
        "version": post.version,
        "accounts": [account.pk for account in post.accounts.all()],
        "tagged": [pupil.pk for pupil in post.tagged.all()],
        "scheduled_for": _time(post.scheduled_for),
        "created_at": _time(post.created_at),
        "updated_at": _time(post.updated_at),
    }


def post_detail(post: Post) -> dict[str, Any]:
    """The summary plus the screening of the current version, if it has been screened."""
    screening = post.screenings.filter(version=post.version).first()
    return {**post_summary(post), "screening": _screening(screening)}


def _screening(screening: Screening | None) -> dict[str, Any] | None:
    if screening is None:
        return None
    return {"version": screening.version, "outcome": screening.outcome,
            "created_at": _time(screening.created_at), "decision": screening.decision}


def _time(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
