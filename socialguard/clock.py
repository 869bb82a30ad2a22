"""The product's clock: every minute, the periodic work of every app is queued.

- posts: publish scheduled posts whose time has come; retry failed webhooks;
- incidents: check open takedowns that are due a check (each at most hourly).

`socialguard worker` and the demo run `start()` in a daemon thread. The work goes through
the task queue, and every task is idempotent, so several workers do no harm.
"""

from __future__ import annotations

import logging
import threading

logger = logging.getLogger(__name__)
INTERVAL_SECONDS = 60.0


def tick() -> None:
    from socialguard.incidents.tasks import check_takedowns
    from socialguard.posts import schedule

    schedule.tick()
    check_takedowns.enqueue()


def _loop(stop: threading.Event, interval: float) -> None:
    while not stop.wait(interval):
        try:
            tick()
        except Exception:  # a failed tick must not stop the clock; the next one retries
            logger.exception("clock tick failed")


def start(interval: float = INTERVAL_SECONDS) -> threading.Event:
    """Start the clock in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=_loop, args=(stop, interval), name="socialguard-clock",
                     daemon=True).start()
    return stop
