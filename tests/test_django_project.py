"""The Django project is laid out from day one: settings load and the system check is clean."""

import os
import subprocess
import sys


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
