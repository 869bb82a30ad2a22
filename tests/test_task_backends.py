"""Background work through the Django tasks API on the real backends: the database backend
(the default) with its `db_worker`, and RQ on a real redis-server (the scale-out backend) with
an RQ burst worker. A submitted post is screened by the worker, not at submit time.

Both tests are transactional: the workers read what the submit committed.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks import TaskResultStatus, default_task_backend

from socialguard import conftest as shared
from socialguard.posts import actions
from socialguard.posts.models import State
from tests.services import redis_server

pytestmark = pytest.mark.django_db(transaction=True)

# The shared fixtures of socialguard/conftest.py (that conftest covers socialguard/ only).
school, alice, account = shared.school, shared.alice, shared.account

CLEAN = "What a wonderful harvest festival! See more at https://www.oakfield.sch.uk"
SCREEN_POST = "socialguard.posts.tasks.screen_post"


def submit(alice, school, account):
    post = actions.do_create_post(school, alice, CLEAN, accounts=[account])
    actions.do_submit(post, alice)  # enqueues screen_post once the transaction commits
    post.refresh_from_db()
    return post


def test_the_database_backend_queues_the_screening_and_db_worker_runs_it(alice, school,
                                                                          account):
    from django_tasks_db.models import DBTaskResult

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        post = submit(alice, school, account)
        assert post.state == State.SCREENING  # queued, not run
        queued = DBTaskResult.objects.get(task_path=SCREEN_POST)
        assert queued.status == TaskResultStatus.READY
        assert queued.args_kwargs["args"] == [post.pk, post.version]

        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

        post.refresh_from_db()
        assert post.state == State.AWAITING_APPROVAL
        assert post.screenings.get().outcome == "PASS"
        result = default_task_backend.get_result(str(queued.pk))
        assert result.status == TaskResultStatus.SUCCESSFUL


@pytest.fixture(scope="module")
def redis_url():
    with redis_server() as url:
        yield url


def test_the_rq_backend_queues_the_screening_in_redis_and_a_worker_runs_it(
        alice, school, account, redis_url):
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_rq.RQBackend"}},
                           RQ_QUEUES={"default": {"URL": redis_url}}):
        post = submit(alice, school, account)
        assert post.state == State.SCREENING  # queued in Redis, not run
        queue = django_rq.get_queue("default", job_class=Job)
        [job] = queue.get_jobs()
        assert (job.func_name, job.args) == (SCREEN_POST, (post.pk, post.version))
        assert default_task_backend.get_result(job.id).status == TaskResultStatus.READY

        worker = SimpleWorker([queue], connection=queue.connection, job_class=Job)
        assert worker.work(burst=True)

        post.refresh_from_db()
        assert post.state == State.AWAITING_APPROVAL
        assert post.screenings.get().outcome == "PASS"
        result = default_task_backend.get_result(job.id)
        assert result.status == TaskResultStatus.SUCCESSFUL
        assert result.worker_ids == [worker.name]
        assert queue.count == 0
