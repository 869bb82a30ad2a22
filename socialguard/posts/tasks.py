"""Background work for posts (Django tasks API). Tasks take ids, never live objects, and
are idempotent: a repeated task finds the work done and does nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from socialguard.posts import actions
from socialguard.posts.models import Post, Publication, State

if TYPE_CHECKING:
    from socialguard.posts.channels.base import Delivery


@task()
def screen_post(post_id: int, version: int) -> None:
    actions.do_screen(post_id, version)


@task()
def publish_post(post_id: int, version: int) -> None:
    for publication in actions.do_prepare_publications(post_id, version):
        if publication.status != Publication.Status.SENT:
            send(publication)


def send(publication: Publication) -> Publication:
    """Hand one publication to its account's channel and record what happened."""
    from socialguard.posts.channels import channel_for

    result = channel_for(publication.account.channel).send(_delivery(publication))
    status = Publication.Status.REFUSED if result.permanent else result.status
    return actions.do_record_result(publication.pk, status, result.live_url, result.error)


def _delivery(publication: Publication) -> Delivery:
    from socialguard.posts.channels.base import Delivery

    post, account, archived = publication.post, publication.account, publication.archived
    return Delivery(
        publication_id=publication.pk, idempotency_key=publication.idempotency_key,
        account_name=account.name, url=account.webhook_url,
        secret=_secret(account.webhook_secret),
        text=archived.get("text", post.text),
        media=[settings.PUBLIC_BASE_URL + m.published_file.url for m in post.media.all()],
        platform=account.platform,
        written_by=archived.get("written_by") or "", approved_by=archived.get("approved_by") or "",
        post_id=post.pk, version=archived.get("version", post.version),
    )


MAX_ATTEMPTS = 5


@task()
def retry_publications() -> int:
    """Send again what failed for a passing reason (timeouts, 5xx), with the same key."""
    retry = Publication.objects.filter(status=Publication.Status.FAILED,
                                       attempts__lt=MAX_ATTEMPTS, post__state=State.APPROVED)
    count = 0
    for publication in retry.select_related("post", "account"):
        send(publication)
        count += 1
    return count


def _secret(stored: str) -> str:
    """The account's signing secret; an unreadable one sends nothing (the webhook channel
    refuses a delivery without a secret, permanently, with a clear message)."""
    from socialguard.lib.crypto import SecretUnreadable, decrypt

    try:
        return decrypt(stored)
    except SecretUnreadable:
        return ""


@task()
def publish_due() -> int:
    """Publish scheduled posts whose time has come, if they are still approved."""
    due = Post.objects.filter(state=State.APPROVED, scheduled_for__lte=timezone.now())
    count = 0
    for post_id, version in due.values_list("pk", "version"):
        publish_post.call(post_id, version)
        count += 1
    return count
