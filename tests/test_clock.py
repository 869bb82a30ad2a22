"""The clock queues every app's periodic work."""

import pytest

from socialguard import clock


@pytest.mark.django_db
def test_a_tick_queues_posts_and_takedown_work(monkeypatch):
    from socialguard.incidents import tasks as incident_tasks
    from socialguard.posts import schedule

    queued = []
    monkeypatch.setattr(schedule, "tick", lambda: queued.append("posts"))
    class Task:
        @staticmethod
        def enqueue():
            queued.append("takedowns")

    monkeypatch.setattr(incident_tasks, "check_takedowns", Task)
    clock.tick()
    assert queued == ["posts", "takedowns"]
