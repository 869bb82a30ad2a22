"""Background work for incidents (Django tasks API). Tasks are idempotent: a repeated task
finds the work done and does nothing."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django_tasks import task

from socialguard.incidents import takedowns
from socialguard.incidents.models import Takedown, TakedownCheck

CHECK_EVERY = dt.timedelta(hours=1)


@task()
def check_takedowns() -> dict[str, int]:
    """Check every open takedown not checked (by anyone) in the last CHECK_EVERY; return
    how many were found removed, still there, inconclusive, or not fetched at all."""
    counts = {"removed": 0, "still_there": 0, "inconclusive": 0, "skipped": 0}
    for takedown in due_for_check():
        check = takedowns.auto_check(takedown)
        counts["skipped" if check is None else takedowns.verdict(check)] += 1
    return counts


def due_for_check() -> list[Takedown]:
    recent = TakedownCheck.objects.filter(takedown=OuterRef("pk"),
                                          created_at__gte=timezone.now() - CHECK_EVERY)
    return list(Takedown.objects.filter(state__in=takedowns.OPEN).exclude(Exists(recent))
                .select_related("incident").order_by("due_at", "pk"))
