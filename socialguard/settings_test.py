"""Settings for the test suite: the real settings with a fixed key and immediate tasks.

PostgreSQL is used when TEST_DATABASE_URL is set (`tests/services.py with-postgres` starts
one for `make test`).
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")

from socialguard.settings import *  # noqa: F403
from socialguard.settings import DATA_DIR

TASKS = {"default": {"BACKEND": os.environ.get(
    "TEST_TASKS_BACKEND", "socialguard.lib.tasks_testing.StrictImmediateBackend")}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = DATA_DIR / "test-uploads"
if url := os.environ.get("TEST_DATABASE_URL"):
    from socialguard.lib.env import database_from_url

    DATABASES = {"default": database_from_url(url, str(DATA_DIR))}

# Static files come from the apps' folders in tests (no collectstatic step); an empty
# STATIC_ROOT keeps whitenoise quiet.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = DATA_DIR / "test-static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
