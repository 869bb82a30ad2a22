"""The post workflow in a real browser, as the people who use it would go through it.

Issue 3's bar: a draft naming a pupil is blocked with the policy's words shown, fixed,
submitted, approved by someone else, published by hand and then found in the archive and
the audit log; nobody approves their own post; a withdrawn consent pulls a scheduled post.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect

from socialguard.orgs.models import Membership, Role
from socialguard.people.actions import do_withdraw_consent
from socialguard.posts import actions
from socialguard.posts.models import Post, State

QUOTE = "identifying information relating to a child"
LIVE_URL = "https://www.facebook.com/oakfieldprimary/posts/1234567890"


def menu(page, name):
    """Follow a link in the main navigation."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()


def test_blocked_fixed_submitted_approved_published_archived_audited(
        page, login, logout, school, alice, bob, slt, account, pupils):
    # Alice writes a post that names a pupil: the live check blocks it, quoting the policy.
    login(page, "alice")
    menu(page, "New post")
    expect(page.get_by_role("heading", name="New post")).to_be_visible()
    text = page.get_by_label("Post text")
    text.fill("Well done James Smith on the spelling bee!")
    findings = page.locator("#findings")
    expect(findings.locator(".verdict")).to_contain_text("BLOCK")
    expect(findings).to_contain_text(QUOTE)
    expect(findings.locator("mark")).to_contain_text("James Smith")

    # She takes the name out: the block goes away.
    text.fill("Well done to our Year 6 speller on the spelling bee!")
    expect(findings.locator(".verdict")).to_contain_text("PASS")
    expect(findings).not_to_contain_text(QUOTE)

    page.get_by_label("Oakfield on Facebook").check()
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.locator("h1 .state")).to_have_text("Awaiting approval")
    expect(page.locator(".messages")).to_contain_text("Submitted")
    post = Post.objects.get(author=alice)
    logout(page)

    # Bob, the approver, finds it in his queue and approves it.
    login(page, "bob")
    menu(page, "Approvals")
    expect(page.get_by_role("heading", name="Waiting for approval")).to_be_visible()
    page.get_by_role("link", name="Well done to our Year 6 speller").click()
    expect(page.locator("h1 .state")).to_have_text("Awaiting approval")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(".messages")).to_contain_text("Approved.")
    expect(page.locator("h1 .state")).to_have_text("Approved")

    # The account is posted to by hand: Bob records where the post went live.
    page.get_by_label("Link to the live post on Oakfield on Facebook").fill(LIVE_URL)
    page.get_by_role("button", name="Record it").click()
    expect(page.locator(".messages")).to_contain_text("Recorded: the post is live.")
    expect(page.locator("h1 .state")).to_have_text("Published")
    expect(page.get_by_role("link", name="live post")).to_have_attribute("href", LIVE_URL)

    # The archive says who wrote it and who approved it.
    menu(page, "Archive")
    row = page.get_by_role("row").filter(has_text="Well done to our Year 6 speller")
    expect(row.get_by_role("cell").nth(1)).to_have_text("Alice")
    expect(row.get_by_role("cell").nth(2)).to_have_text("Bob")
    expect(row.get_by_role("link", name="Oakfield on Facebook")).to_have_attribute(
        "href", LIVE_URL)
    logout(page)

    # A senior leader sees the approval and the publication in the audit log.
    login(page, "sarah")
    menu(page, "Audit log")
    expect(page.get_by_role("heading", name="Audit log")).to_be_visible()
    events = page.locator("table tbody")
    subject = f"posts.post {post.pk}"
    approved = events.get_by_role("row").filter(has_text="post.approved")
    expect(approved.get_by_role("cell").nth(2)).to_have_text("bob")
    expect(approved.get_by_role("cell").nth(3)).to_have_text(subject)
    published = events.get_by_role("row").filter(has_text="post.published")
    expect(published.get_by_role("cell").nth(2)).to_have_text("bob")
    expect(published.get_by_role("cell").nth(3)).to_have_text(subject)


def test_nobody_approves_their_own_post(page, login, school, alice, account):
    Membership.objects.create(user=alice, organisation=school, role=Role.APPROVER)
    post = actions.do_create_post(school, alice, "Sports day is on Friday.", accounts=[account])
    actions.do_submit(post, alice)
    post.refresh_from_db()
    assert post.state == State.AWAITING_APPROVAL

    login(page, "alice")
    page.goto(f"/s/{school.pk}/posts/{post.pk}/")
    expect(page.locator("h1 .state")).to_have_text("Awaiting approval")
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    expect(page.get_by_role("button", name="Reject")).to_have_count(0)

    # The queue lists it, but her own post's page still offers no decision.
    menu(page, "Approvals")
    page.get_by_role("link", name="Sports day is on Friday.").click()
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)

    # A hand-made form posting straight to the decide URL, with a valid CSRF token.
    page.evaluate("""([action, version]) => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = action;
        const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
        for (const [name, value] of [["csrfmiddlewaretoken", token], ["version", version],
                                     ["verdict", "approve"], ["reason", ""]]) {
            const input = document.createElement("input");
            input.type = "hidden"; input.name = name; input.value = value;
            form.appendChild(input);
        }
        document.body.appendChild(form);
        form.submit();
    }""", [f"/s/{school.pk}/posts/{post.pk}/decide/", str(post.version)])
    expect(page.locator(".messages")).to_contain_text("Nobody approves their own post.")
    expect(page.locator("h1 .state")).to_have_text("Awaiting approval")
    post.refresh_from_db()
    assert post.state == State.AWAITING_APPROVAL
    assert not post.approvals.exists()


def test_withdrawn_consent_pulls_back_a_scheduled_post(
        page, login, school, alice, bob, account, pupils):
    james = pupils["james"]
    post = actions.do_create_post(
        school, alice, "Our Year 6 class at the science fair.", accounts=[account],
        tagged=[james], scheduled_for=timezone.now() + dt.timedelta(days=2))
    actions.do_submit(post, alice)
    actions.do_approve(Post.objects.get(pk=post.pk), bob, post.version)

    login(page, "alice")
    page.goto(f"/s/{school.pk}/posts/{post.pk}/")
    expect(page.locator("h1 .state")).to_have_text("Approved")
    expect(page.locator("main")).to_contain_text("to publish")
    expect(page.get_by_role("alert")).to_have_count(0)

    # The parent withdraws consent for social media; the office records it.
    do_withdraw_consent(james, "social_media", "Karen Smith", user=bob)

    page.reload()
    expect(page.locator("h1 .state")).to_have_text("Needs changes")
    expect(page.get_by_role("alert")).to_contain_text(
        re.compile(r"James Smith.*no parental consent for social media"))
    expect(page.get_by_role("link", name="Edit")).to_be_visible()
    post.refresh_from_db()
    assert post.state == State.NEEDS_CHANGES
    assert not post.publications.exists()
