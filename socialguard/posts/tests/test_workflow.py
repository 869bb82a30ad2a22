"""The post workflow through the real actions, on the real engine and database."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from socialguard.audit.log import verify
from socialguard.audit.models import AuditEvent
from socialguard.posts import actions
from socialguard.posts.models import Publication, State

pytestmark = pytest.mark.django_db(transaction=True)

CLEAN = "What a wonderful harvest festival! See more at https://www.oakfield.sch.uk"


def submitted(author, school, account, text=CLEAN, tagged=(), **kwargs):
    post = actions.do_create_post(school, author, text, accounts=[account], tagged=tagged,
                                  **kwargs)
    actions.do_submit(post, author)  # tests run tasks immediately, after commit
    post.refresh_from_db()
    return post


def events(post):
    return list(AuditEvent.objects.filter(subject_type="posts.post", subject_id=str(post.pk))
                .values_list("event", flat=True))


def test_a_clean_post_goes_to_the_approver_and_out(alice, bob, school, account):
    post = submitted(alice, school, account)
    assert post.state == State.AWAITING_APPROVAL
    assert post.screenings.get().outcome == "PASS"

    actions.do_approve(post, bob, post.version)
    post.refresh_from_db()
    assert post.state == State.APPROVED  # manual channel: waiting for the live link
    publication = post.publications.get()
    assert publication.status == Publication.Status.PENDING
    assert publication.archived["written_by"] == "Alice"
    assert publication.archived["approved_by"] == "Bob"

    actions.do_record_result(publication.pk, "sent", "https://facebook.com/oakfield/posts/1",
                             user=bob)
    post.refresh_from_db()
    assert post.state == State.PUBLISHED
    assert events(post) == ["post.created", "post.submitted", "post.screened", "post.approved",
                            "post.published"]
    assert verify().ok


def test_a_pupils_name_is_blocked_with_the_rule_quoted(alice, school, account, pupils):
    post = submitted(alice, school, account, text="Well done James Smith!")
    assert post.state == State.NEEDS_CHANGES
    decision = post.screenings.get().decision
    assert decision["outcome"] == "BLOCK"
    assert any(v["quote"] and v["rule"].startswith("core-trust.") for v in decision["violations"])


@pytest.mark.parametrize(("who", "message"), [
    ("alice", "Nobody approves their own post"),
    ("charlie", "Only the school's designated approver"),
])
def test_only_another_designated_approver_can_approve(request, alice, school, account, who,
                                                      message):
    post = submitted(alice, school, account)
    with pytest.raises(actions.ActionError, match=message):
        actions.do_approve(post, request.getfixturevalue(who), post.version)
    post.refresh_from_db()
    assert post.state == State.AWAITING_APPROVAL


def test_an_author_who_is_also_an_approver_still_cannot_approve_their_own(bob, school, account):
    post = submitted(bob, school, account)
    with pytest.raises(actions.ActionError, match="Nobody approves their own post"):
        actions.do_approve(post, bob, post.version)


def test_an_edit_after_approval_voids_it(alice, bob, school, account):
    post = submitted(alice, school, account, scheduled_for=timezone.now() + dt.timedelta(days=1))
    actions.do_approve(post, bob, post.version)
    actions.do_edit_post(post, alice, text=CLEAN + " Updated.")
    post.refresh_from_db()
    assert post.state == State.DRAFT
    assert post.version == 2
    assert "post.sent_back" in events(post)
    with pytest.raises(actions.ActionError, match="not awaiting approval"):
        actions.do_approve(post, bob, 2)


def test_approving_a_stale_version_is_refused(alice, bob, school, account):
    post = submitted(alice, school, account)
    with pytest.raises(actions.ActionError, match="changed while you were reading"):
        actions.do_approve(post, bob, post.version - 1)


def test_a_second_decision_is_refused(alice, bob, school, account):
    post = submitted(alice, school, account)
    actions.do_reject(post, bob, post.version, "Please add the date")
    with pytest.raises(actions.ActionError, match="not awaiting approval"):
        actions.do_approve(post, bob, post.version)


def test_rejection_needs_a_reason(alice, bob, school, account):
    post = submitted(alice, school, account)
    with pytest.raises(actions.ActionError, match="Say why"):
        actions.do_reject(post, bob, post.version, "  ")


def test_consent_is_checked_again_at_approval(alice, bob, school, account, pupils):
    post = submitted(alice, school, account, tagged=[pupils["oliver"]])
    assert post.state == State.NEEDS_CHANGES  # the engine blocks a pupil without consent
    post = actions.do_create_post(school, alice, CLEAN, accounts=[account],
                                  tagged=[pupils["james"]])
    actions.do_submit(post, alice)
    post.refresh_from_db()
    assert post.state == State.AWAITING_APPROVAL
    pupils["james"].consents.create(purpose="social_media", granted=False, given_by="Karen",
                                    given_on=dt.date(2026, 11, 20))
    with pytest.raises(actions.ActionError, match="no parental consent for social media"):
        actions.do_approve(post, bob, post.version)


def test_consent_withdrawn_pulls_back_a_scheduled_post(alice, bob, school, account, pupils):
    post = submitted(alice, school, account, tagged=[pupils["james"]],
                     scheduled_for=timezone.now() + dt.timedelta(days=1))
    actions.do_approve(post, bob, post.version)
    actions.do_send_back_for_consent(pupils["james"], "consent withdrawn", bob)
    post.refresh_from_db()
    assert post.state == State.NEEDS_CHANGES
    assert actions.do_prepare_publications(post.pk, post.version) == []


def test_publishing_twice_sends_once(alice, bob, school, account):
    post = submitted(alice, school, account)
    actions.do_approve(post, bob, post.version)
    first = actions.do_prepare_publications(post.pk, post.version)
    again = actions.do_prepare_publications(post.pk, post.version)
    assert [p.pk for p in first] == [p.pk for p in again]
    actions.do_record_result(first[0].pk, "sent", "https://facebook.com/p/1")
    actions.do_record_result(first[0].pk, "sent", "https://facebook.com/p/2")
    first[0].refresh_from_db()
    assert first[0].live_url == "https://facebook.com/p/1"
    assert Publication.objects.count() == 1


def test_a_failed_action_writes_no_audit_event(alice, school, account):
    post = actions.do_create_post(school, alice, "", accounts=[account])
    before = AuditEvent.objects.count()
    with pytest.raises(actions.ActionError, match="empty post"):
        actions.do_submit(post, alice)
    assert AuditEvent.objects.count() == before
    post.refresh_from_db()
    assert post.state == State.DRAFT


def test_withdrawing_consent_through_people_pulls_back_the_post(alice, bob, school, account,
                                                                pupils):
    from socialguard.people.actions import do_withdraw_consent

    post = submitted(alice, school, account, tagged=[pupils["james"]],
                     scheduled_for=timezone.now() + dt.timedelta(days=1))
    actions.do_approve(post, bob, post.version)
    do_withdraw_consent(pupils["james"], "social_media", "Karen Smith", user=bob)
    post.refresh_from_db()
    assert post.state == State.NEEDS_CHANGES
    assert "post.sent_back" in events(post)
