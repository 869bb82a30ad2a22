from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "socialguard.posts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from socialguard.people.signals import consent_withdrawn

        consent_withdrawn.connect(_pull_back_posts, dispatch_uid="posts.pull_back_posts")


def _pull_back_posts(sender: Any, pupil: Any, purpose: str | None, user: Any,
                     **kwargs: Any) -> None:
    """C2: a consent withdrawn, or the do-not-publish flag set, stops posts not yet live."""
    from socialguard.posts.actions import do_send_back_for_consent

    reason = ("the pupil was put on the do-not-publish list" if purpose is None
              else f"parental consent for {purpose.replace('_', ' ')} was withdrawn")
    do_send_back_for_consent(pupil, reason, user)
