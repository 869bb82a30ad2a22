"""A task backend for tests: runs each task at once, like ImmediateBackend, and re-raises a
task's failure so a broken task fails its test instead of passing silently."""

from __future__ import annotations

from typing import Any

from django_tasks import TaskResultStatus
from django_tasks.backends.immediate import ImmediateBackend


class TaskFailed(AssertionError):
    """A task raised while a test ran it."""


class StrictImmediateBackend(ImmediateBackend):
    def enqueue(self, task: Any, args: Any, kwargs: Any) -> Any:
        result = super().enqueue(task, args, kwargs)
        if result.status == TaskResultStatus.FAILED:
            raise TaskFailed(f"task {task.name} failed:\n{result.errors[-1].traceback}")
        return result
