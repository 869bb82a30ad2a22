"""The posts app's periodic work, queued each minute by `socialguard.clock`: publish
scheduled posts whose time has come (if still approved) and retry publications that failed
for a passing reason."""

from __future__ import annotations


def tick() -> None:
    from socialguard.posts.tasks import publish_due, retry_publications

    publish_due.enqueue()
    retry_publications.enqueue()
