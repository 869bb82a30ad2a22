"""Browser tests: Playwright drives Debian's chromium against pytest-django's live server.

One browser for the whole folder, a fresh context (cookies, storage) per test. Where
/usr/bin/chromium or playwright is missing every test here is skipped, with the reason.
The live server serves static files through django.contrib.staticfiles (pytest-django's
`live_server` uses StaticFilesHandler whenever that app is installed), so htmx loads.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from socialguard.conftest import (  # noqa: F401 (fixtures)
    _fresh_screening_contexts,
    account,
    alice,
    bob,
    other_school,
    pupils,
    school,
)
from socialguard.orgs.models import Membership, Role

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 5_000  # explicit waits: how long a page may take to show what we expect


def _skip_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium); browser tests skipped"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed; browser tests skipped"
    return None


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """One chromium for the folder, stopped when the folder is done so that Playwright's
    event loop does not outlive these tests.

    While Playwright's sync API runs it keeps an asyncio loop in this thread, and Django's
    ORM refuses to run under a running loop unless told it is safe. It is safe here: the
    test code is synchronous. The flag is set only while the browser is up.
    """
    if reason := _skip_reason():
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    context = browser.new_context(base_url=live_server.url, locale="en-GB",
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def _login(page: Any, username: str, password: str = "pw") -> None:
    from playwright.sync_api import expect

    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def _logout(page: Any) -> None:
    from playwright.sync_api import expect

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()  # back at sign-in


@pytest.fixture
def login() -> Any:
    """login(page, username): sign in through the real form, as a person would."""
    return _login


@pytest.fixture
def logout() -> Any:
    """logout(page): the Sign out button."""
    return _logout


def add_user(organisation: Any, username: str, *roles: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", "pw",
                                    first_name=username.title())
    for role in roles:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def slt(school: Any) -> User:  # noqa: F811
    """A senior leader: reads the audit log."""
    return add_user(school, "sarah", Role.STAFF, Role.SLT)
