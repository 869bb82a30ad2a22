"""The Django project: settings load, the system check is clean, the demo seeds."""

import os
import subprocess
import sys

import pytest


def test_django_system_check_passes(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "socialguard.settings",
        "SECRET_KEY": "x",
        "SOCIALGUARD_DATA_DIR": str(tmp_path),
    }
    code = (
        "import django; django.setup(); from django.core.management import call_command; "
        "call_command('check', fail_level='WARNING')"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    env.update(DJANGO_SETTINGS_MODULE="socialguard.settings", SOCIALGUARD_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db(transaction=True)
def test_the_demo_seeds_every_kind_of_record(settings):
    from socialguard import demo
    from socialguard.incidents.models import Incident
    from socialguard.posts.models import Post

    logins = demo.seed()
    assert {login.username for login in logins} >= {"staff", "approver", "head", "dsl",
                                                     "governor"}
    states = set(Post.objects.values_list("state", flat=True))
    assert states >= {"draft", "needs_changes", "awaiting_approval", "approved", "published",
                      "rejected", "withdrawn"}
    assert Incident.objects.count() == 3
    assert demo.seeded()


def test_serve_starts_on_an_empty_data_dir_and_serves_pages_and_static(tmp_path):
    """`socialguard serve` on a new machine: migrates, collects static, answers."""
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "SECRET_KEY": "x", "SOCIALGUARD_DATA_DIR": str(tmp_path / "data"),
           "DJANGO_SETTINGS_MODULE": "socialguard.settings"}
    env.pop("DEBUG", None)
    server = subprocess.Popen([sys.executable, "-m", "socialguard.cli", "serve", "--port",
                               str(port)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    try:
        answers = {}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(answers) < 3:
            for path in ("/api/v1/health", "/login/", "/static/socialguard/socialguard.css"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}",
                                                timeout=2) as response:
                        answers[path] = response.status
                except OSError:
                    time.sleep(0.5)
                    break
        assert answers == {"/api/v1/health": 200, "/login/": 200,
                           "/static/socialguard/socialguard.css": 200}
    finally:
        server.terminate()
        server.wait(timeout=10)
