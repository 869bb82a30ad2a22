"""axe-core scans of the main pages: no serious or critical violations.

Each page is scanned as its users see it, with content on it: the compose page with the
policy check's findings showing, a post waiting for a decision, a published post in the
archive, events in the audit log. Moderate and minor violations, and what axe could not
decide (its "incomplete" results, such as contrast over images), are printed, not failed.
"""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("playwright.sync_api")
pytest.importorskip("axe_playwright_python")

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from socialguard.orgs.models import Role
from socialguard.posts import actions
from socialguard.posts.models import Publication

FAILING_IMPACTS = {"serious", "critical"}
AXE = Axe()


def scan(page: Any, name: str) -> None:
    results = AXE.run(page, options={"resultTypes": ["violations", "incomplete"]}).response
    violations = results["violations"]
    for kind, found in (("violation", violations), ("needs review", results["incomplete"])):
        for v in found:
            if kind == "violation" and v["impact"] in FAILING_IMPACTS:
                continue
            targets = ", ".join(str(n["target"]) for n in v["nodes"][:5])
            print(f"[{name}] {kind}, {v['impact']}: {v['id']} — {v['help']} ({targets})")
    failing = [f"{v['id']} ({v['impact']}): {v['help']}; "
               + "; ".join(n["html"][:120] for n in v["nodes"][:5])
               for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not failing, f"{name}: " + "\n".join(failing)


@pytest.fixture
def content(school, alice, bob, account, pupils):
    """One post waiting for a decision and one published, written by Alice."""
    waiting = actions.do_create_post(school, alice, "Our Year 6 choir sang at the town hall.",
                                     accounts=[account], tagged=[pupils["james"]])
    actions.do_submit(waiting, alice)
    published = actions.do_create_post(school, alice, "The library is open on Saturday.",
                                       accounts=[account])
    actions.do_submit(published, alice)
    published.refresh_from_db()
    actions.do_approve(published, bob, published.version)
    publication = Publication.objects.get(post=published)
    actions.do_record_result(publication.pk, Publication.Status.SENT,
                             "https://www.facebook.com/oakfieldprimary/posts/1", user=bob)
    return {"waiting": waiting, "published": published}


def test_login_page(page):
    page.goto("/login/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    scan(page, "login")


def test_signed_in_pages(page, login, school, slt, content):
    """The senior leader sees every page: dashboard, compose, a post, queue, archive, log."""
    base = f"/s/{school.pk}"
    login(page, "sarah")
    expect(page.get_by_role("heading", name=school.name)).to_be_visible()
    scan(page, "school dashboard")

    page.goto(f"{base}/posts/new/")
    page.get_by_label("Post text").fill("Well done James Smith on the spelling bee!")
    expect(page.locator("#findings .verdict")).to_contain_text("BLOCK")
    expect(page.locator("#findings mark")).to_contain_text("James Smith")
    scan(page, "new post with findings")

    page.goto(f"{base}/posts/{content['waiting'].pk}/")
    expect(page.get_by_role("button", name="Approve")).to_be_visible()
    scan(page, "post detail (awaiting a decision)")

    page.goto(f"{base}/posts/{content['published'].pk}/")
    expect(page.locator("h1 .state")).to_have_text("Published")
    scan(page, "post detail (published)")

    page.goto(f"{base}/posts/approvals/")
    expect(page.get_by_role("link", name="Our Year 6 choir")).to_be_visible()
    scan(page, "approval queue")

    page.goto(f"{base}/posts/archive/")
    expect(page.get_by_role("link", name="The library is open")).to_be_visible()
    scan(page, "archive")

    page.goto(f"{base}/audit/")
    expect(page.locator("table tbody")).to_contain_text("post.published")
    scan(page, "audit log")


def test_incident_pages(page, login, school, alice):
    """The DSL's pages: report form, list, a record with every form, chronology, people."""
    from socialguard.incidents.actions import do_report
    from socialguard.incidents.models import Type
    from tests.browser.conftest import add_user

    add_user(school, "dora", Role.STAFF, Role.DSL, Role.SLT)
    incident = do_report(school, alice, type=Type.CYBERBULLYING_PUPIL,
                         what_happened="Insults about a pupil on a fan page.",
                         where_url="https://www.facebook.com/x/1")
    base = f"/s/{school.pk}"
    login(page, "dora")
    for path, name in ((f"{base}/incidents/report/", "report a concern"),
                       (f"{base}/incidents/", "incident list"),
                       (f"{base}/incidents/{incident.pk}/", "incident record"),
                       (f"{base}/incidents/{incident.pk}/chronology/", "chronology"),
                       (f"{base}/incidents/review/", "annual review"),
                       (f"{base}/people/pupils/", "pupils"),
                       (f"{base}/policy/", "policy")):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        scan(page, name)
