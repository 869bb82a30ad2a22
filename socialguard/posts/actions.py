"""Every change to a post, one atomic action each, each writing its audit event.

The workflow (docs/posts.md):
    draft -> screening -> needs_changes | awaiting_approval -> approved -> published
    rejected, withdrawn; an edit after approval or a consent withdrawn before publication
    sends the post back. Nobody approves their own post.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from socialguard.accounts.models import OfficialAccount
from socialguard.audit.log import log
from socialguard.orgs.access import has_role
from socialguard.orgs.models import Organisation, Role
from socialguard.people.models import Pupil
from socialguard.people.registry import current_consents
from socialguard.posts.models import EDITABLE, Approval, Post, Publication, Screening, State
from socialguard.screening.base import ContentItem, Kind, MediaItem
from socialguard.screening.engine import screen

APPROVER_ROLES = (Role.APPROVER, Role.SLT)


class ActionError(ValueError):
    """The action cannot be done in this state or by this person; the message says why."""


def _audit(event: str, post: Post, user: User | None, **data: Any) -> None:
    log(event, actor=user, subject=post, organisation=post.school,
        data={"state": post.state, "version": post.version, **data})


def _locked(post: Post) -> Post:
    """The post re-read under a row lock: two approvers or two submits cannot interleave."""
    return Post.objects.select_for_update().select_related("school").get(pk=post.pk)


@transaction.atomic
def do_create_post(school: Organisation, author: User, text: str, *, channel: str = "facebook",
                   accounts: Iterable[OfficialAccount] = (), tagged: Iterable[Pupil] = (),
                   scheduled_for: Any = None) -> Post:
    post = Post.objects.create(school=school, author=author, text=text, channel=channel,
                               scheduled_for=scheduled_for)
    post.accounts.set(list(accounts))
    post.tagged.set(list(tagged))
    _audit("post.created", post, author)
    return post


@transaction.atomic
def do_edit_post(post: Post, user: User, *, text: str, channel: str | None = None,
                 accounts: Iterable[OfficialAccount] | None = None,
                 tagged: Iterable[Pupil] | None = None, scheduled_for: Any = None) -> Post:
    """A new version. An approved or waiting post goes back to draft: its approval is void."""
    post = _locked(post)
    if post.author_id != user.pk:
        raise ActionError("Only the author can edit a post.")
    if post.state not in EDITABLE:
        raise ActionError(f"A post that is {post.get_state_display().lower()} cannot be edited.")
    was = post.state
    post.text, post.version = text, post.version + 1
    post.channel = channel or post.channel
    post.scheduled_for = scheduled_for
    post.state = State.DRAFT
    post.save()
    if accounts is not None:
        post.accounts.set(list(accounts))
    if tagged is not None:
        post.tagged.set(list(tagged))
    _audit("post.edited", post, user, previous_state=was)
    if was in (State.APPROVED, State.AWAITING_APPROVAL):
        _audit("post.sent_back", post, user, reason="edited after it was submitted")
    return post


@transaction.atomic
def do_submit(post: Post, user: User) -> Post:
    """Hand the post to screening; the task runs after this transaction commits."""
    post = _locked(post)
    if post.author_id != user.pk:
        raise ActionError("Only the author can submit a post.")
    if post.state not in (State.DRAFT, State.NEEDS_CHANGES, State.REJECTED):
        raise ActionError(f"This post is already {post.get_state_display().lower()}.")
    if not post.text.strip() and not post.media.exists():
        raise ActionError("An empty post cannot be submitted.")
    if not post.accounts.filter(active=True).exists():
        raise ActionError("Choose at least one official account to post to.")
    post.state = State.SCREENING
    post.save(update_fields=["state", "updated_at"])
    _audit("post.submitted", post, user)
    from socialguard.posts.tasks import screen_post

    version = post.version
    transaction.on_commit(lambda: screen_post.enqueue(post.pk, version))
    return post


def content_item(post: Post) -> ContentItem:
    """The engine's view of a post, media included."""
    media = tuple(MediaItem(name=m.published_file.name, data=_read(m.published_file),
                            mime=m.content_type) for m in post.media.all())
    return ContentItem(kind=Kind.OFFICIAL_POST, text=post.text, media=media,
                       tagged=tuple(str(pk) for pk in post.tagged.values_list("pk", flat=True)),
                       author=str(post.author_id), channel=post.channel, id=str(post.pk))


def _read(field: Any) -> bytes:
    with field.open("rb") as handle:
        data: bytes = handle.read()
    return data


@transaction.atomic
def do_screen(post_id: int, version: int) -> Screening | None:
    """Screen one version. A stale version (edited since) is skipped: its screening is moot."""
    from socialguard.posts.screening import context_for

    post = Post.objects.select_for_update().select_related("school").get(pk=post_id)
    if post.version != version or post.state != State.SCREENING:
        return None
    decision = screen(content_item(post), context_for(post.school))
    record = Screening.objects.create(post=post, version=version,
                                      outcome=decision.outcome.value,
                                      decision=decision.to_dict())
    post.state = State.NEEDS_CHANGES if decision.outcome.value == "BLOCK" else (
        State.AWAITING_APPROVAL)
    post.save(update_fields=["state", "updated_at"])
    _audit("post.screened", post, None, outcome=decision.outcome.value,
           rules=[v["rule"] for v in record.decision["violations"]])
    return record


def _check_approver(post: Post, approver: User, version: int) -> None:
    if post.author_id == approver.pk:
        raise ActionError("Nobody approves their own post.")
    if not has_role(approver, post.school, APPROVER_ROLES):
        raise ActionError("Only the school's designated approver can decide on posts.")
    if post.state != State.AWAITING_APPROVAL:
        raise ActionError(f"This post is {post.get_state_display().lower()}, not awaiting "
                          "approval (someone may have decided already).")
    if post.version != version:
        raise ActionError("The post changed while you were reading it; read it again.")


def consent_problems(post: Post) -> list[str]:
    """Tagged pupils who may not appear for this post's purpose, checked live."""
    purpose = {"website": "website", "press": "press"}.get(post.channel, "social_media")
    consents = current_consents(post.school)
    problems = []
    for pupil in post.tagged.all():
        if pupil.do_not_publish:
            problems.append(f"{pupil} is on the do-not-publish list")
        elif not consents.get(pupil.pk, {}).get(purpose, False):
            problems.append(f"{pupil} has no parental consent for {purpose.replace('_', ' ')}")
    return problems


@transaction.atomic
def do_approve(post: Post, approver: User, version: int, reason: str = "") -> Post:
    post = _locked(post)
    _check_approver(post, approver, version)
    problems = consent_problems(post)
    if problems:
        raise ActionError("Cannot approve: " + "; ".join(problems) + ".")
    Approval.objects.create(post=post, version=version, approver=approver,
                            verdict=Approval.Verdict.APPROVED, reason=reason)
    post.state = State.APPROVED
    post.save(update_fields=["state", "updated_at"])
    _audit("post.approved", post, approver, reason=reason)
    if post.scheduled_for is None or post.scheduled_for <= timezone.now():
        from socialguard.posts.tasks import publish_post

        transaction.on_commit(lambda: publish_post.enqueue(post.pk, version))
    return post


@transaction.atomic
def do_reject(post: Post, approver: User, version: int, reason: str) -> Post:
    if not reason.strip():
        raise ActionError("Say why the post is rejected, so the author can fix it.")
    post = _locked(post)
    _check_approver(post, approver, version)
    Approval.objects.create(post=post, version=version, approver=approver,
                            verdict=Approval.Verdict.REJECTED, reason=reason)
    post.state = State.REJECTED
    post.save(update_fields=["state", "updated_at"])
    _audit("post.rejected", post, approver, reason=reason)
    return post


@transaction.atomic
def do_withdraw(post: Post, user: User) -> Post:
    post = _locked(post)
    if post.author_id != user.pk and not has_role(user, post.school, APPROVER_ROLES):
        raise ActionError("Only the author or an approver can withdraw a post.")
    if post.state in (State.PUBLISHED, State.WITHDRAWN):
        raise ActionError(f"This post is already {post.get_state_display().lower()}.")
    post.state = State.WITHDRAWN
    post.save(update_fields=["state", "updated_at"])
    _audit("post.withdrawn", post, user)
    return post


@transaction.atomic
def do_send_back_for_consent(pupil: Pupil, reason: str, user: User | None) -> list[Post]:
    """A consent withdrawn (or do-not-publish set) pulls back every post not yet published
    that shows the pupil."""
    pending = (State.SCREENING, State.AWAITING_APPROVAL, State.APPROVED)
    posts = list(Post.objects.select_for_update().filter(tagged=pupil, state__in=pending))
    for post in posts:
        post.state = State.NEEDS_CHANGES
        post.save(update_fields=["state", "updated_at"])
        _audit("post.sent_back", post, user, reason=reason, pupil=pupil.pk)
    return posts


def _archive(post: Post) -> dict[str, Any]:
    approval = post.approvals.filter(verdict=Approval.Verdict.APPROVED,
                                     version=post.version).select_related("approver").first()
    screening = post.screenings.filter(version=post.version).first()
    return {
        "text": post.text, "version": post.version, "channel": post.channel,
        "written_by": post.author.get_full_name() or post.author.get_username(),
        "approved_by": (approval.approver.get_full_name() or approval.approver.get_username())
        if approval else None,
        "approved_at": approval.created_at.isoformat() if approval else None,
        "screening": {"outcome": screening.outcome, "at": screening.created_at.isoformat()}
        if screening else None,
        "media": [m.sha256 for m in post.media.all()],
    }


@transaction.atomic
def do_prepare_publications(post_id: int, version: int) -> Sequence[Publication]:
    """Create one publication per target account, once: the idempotency key is the post,
    its version and the account, so a retried task finds the same rows."""
    post = Post.objects.select_for_update().select_related("school", "author").get(pk=post_id)
    if post.state != State.APPROVED or post.version != version:
        return []
    if post.scheduled_for is not None and post.scheduled_for > timezone.now():
        return []
    archive = _archive(post)
    publications = []
    for account in post.accounts.filter(active=True):
        publication, created = Publication.objects.get_or_create(
            idempotency_key=f"post-{post.pk}-v{version}-account-{account.pk}",
            defaults={"post": post, "account": account, "archived": archive})
        if created:
            log("publication.created", subject=publication, organisation=post.school,
                data={"post": post.pk, "account": account.pk})
        publications.append(publication)
    return publications


@transaction.atomic
def do_record_result(publication_id: int, status: str, live_url: str = "",
                     error: str = "", user: User | None = None) -> Publication:
    """Record what a channel (or the approver, for manual posting) says happened."""
    publication = (Publication.objects.select_for_update().select_related("post__school")
                   .get(pk=publication_id))
    if publication.status == Publication.Status.SENT:
        return publication  # already out: never twice
    publication.attempts += 1
    publication.status = status
    publication.live_url = live_url or publication.live_url
    publication.last_error = error
    if status == Publication.Status.SENT:
        publication.sent_at = timezone.now()
    publication.save()
    log(f"publication.{status}", actor=user, subject=publication,
        organisation=publication.post.school,
        data={"post": publication.post_id, "live_url": live_url, "error": error})
    _mark_published_if_done(publication.post, user)
    return publication


def _mark_published_if_done(post: Post, user: User | None) -> None:
    post = _locked(post)
    statuses = set(post.publications.values_list("status", flat=True))
    if statuses == {Publication.Status.SENT} and post.state == State.APPROVED:
        post.state = State.PUBLISHED
        post.save(update_fields=["state", "updated_at"])
        _audit("post.published", post, user)
        for media in post.media.exclude(original_file=""):
            transaction.on_commit(partial(media.original_file.delete, save=False))
        post.media.exclude(original_file="").update(original_file="")
