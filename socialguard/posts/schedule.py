"""The clock of the posts app: every minute, publish scheduled posts whose time has come
(if still approved) and retry publications that failed for a passing reason.

`socialguard worker` (and the demo) run `start()` in a daemon thread; the work itself goes
through the task queue, so several workers do not publish twice (publications are
idempotent anyway).
"""

from __future__ import annotations

import logging
import threading

logger = logging.getLogger(__name__)
INTERVAL_SECONDS = 60.0


def tick() -> None:
    from socialguard.posts.tasks import publish_due, retry_publications

    publish_due.enqueue()
    retry_publications.enqueue()


def _loop(stop: threading.Event, interval: float) -> None:
    while not stop.wait(interval):
        try:
            tick()
        except Exception:  # a failed tick must not stop the clock; the next one retries
            logger.exception("scheduled publishing tick failed")


def start(interval: float = INTERVAL_SECONDS) -> threading.Event:
    """Start the clock in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=_loop, args=(stop, interval), name="socialguard-clock",
                     daemon=True).start()
    return stop
