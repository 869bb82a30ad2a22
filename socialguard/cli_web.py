"""Commands that run the web application: demo, serve, worker, audit-verify, manage.

Settings come from the environment (README: Settings); `demo` sets its own defaults.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from socialguard.demo import Login

DEMO_DIR = Path("var") / "demo"


def _django(debug: bool = False) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialguard.settings")
    if debug:
        os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    from django.conf import settings

    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)  # SQLite and uploads live here


def _call(*args: str) -> None:
    from django.core.management import call_command

    call_command(*args)


@click.command()
@click.option("--port", default=8000, show_default=True)
@click.option("--reset", is_flag=True, help="Start again from an empty demo database.")
def demo(port: int, reset: bool) -> None:
    """Run the web application on 127.0.0.1 with SQLite and demo data (one login per role)."""
    os.environ.setdefault("SOCIALGUARD_DATA_DIR", str(DEMO_DIR.resolve()))
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    data_dir = Path(os.environ["SOCIALGUARD_DATA_DIR"])
    if reset and (data_dir / "socialguard.sqlite3").exists():
        (data_dir / "socialguard.sqlite3").unlink()
    data_dir.mkdir(parents=True, exist_ok=True)
    _django(debug=True)
    _call("migrate", "--verbosity", "0")
    from socialguard import demo as demo_data

    if demo_data.seeded():
        click.echo("Demo data already there (use --reset to start again; passwords were "
                   "printed when it was made).")
    else:
        click.echo("Creating the demo: CORE Education Trust and its academies, The King's "
                   "School, pupils, consents and posts in every state ...")
        _print_logins(demo_data.seed())
    from socialguard import clock

    clock.start()  # scheduled posts, webhook retries, takedown checks, in-process
    click.echo(f"\nsocialguard is running at http://127.0.0.1:{port}/  (Ctrl+C to stop)")
    _call("runserver", f"127.0.0.1:{port}", "--noreload", "--verbosity", "0")


def _print_logins(logins: list[Login]) -> None:
    click.echo("\nOne login per role (write these down; they are not shown again):")
    for login in logins:
        click.echo(f"  {login.username:10} {login.password:14} {login.role:32} {login.where}")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--threads", default=8, show_default=True)
def serve(host: str, port: int, threads: int) -> None:
    """Serve the application with waitress (put a TLS proxy in front of it)."""
    _django()
    _call("migrate", "--verbosity", "1")
    _call("collectstatic", "--noinput", "--verbosity", "0")
    from waitress import serve as waitress_serve

    from socialguard.wsgi import application

    click.echo(f"serving on http://{host}:{port}/")
    waitress_serve(application, host=host, port=port, threads=threads)


@click.command()
@click.option("--queue", default="default", show_default=True)
def worker(queue: str) -> None:
    """Run background tasks: the database queue by default, RQ when REDIS_URL is set.
    Also runs the clock (scheduled posts, webhook retries, takedown checks) every minute."""
    _django()
    from socialguard import clock

    clock.start()
    if os.environ.get("TASKS_BACKEND", "").startswith("django_tasks_rq"):
        _call("rqworker", queue, "--job-class", "django_tasks_rq.Job")
    else:
        _call("db_worker", "--queue-name", queue)


@click.command("audit-verify")
def audit_verify() -> None:
    """Prove the audit chain intact (exit 1 and say where it breaks)."""
    _django()
    from django.core.management.base import CommandError

    try:
        _call("audit_verify")
    except CommandError as error:
        click.echo(str(error), err=True)
        sys.exit(1)


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Any Django management command (migrate, createsuperuser, ...)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialguard.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["socialguard manage", *args])


@click.command("api-token", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def api_token(args: tuple[str, ...]) -> None:
    """Create (create USERNAME NAME) or revoke (revoke PREFIX) an API token."""
    _django()
    _call("api_token", *args)


COMMANDS = (demo, serve, worker, audit_verify, manage, api_token)
