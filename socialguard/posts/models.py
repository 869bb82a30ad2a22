"""Posts and their path to an official account: screening, approval, publication (C1–C14)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from socialguard.accounts.models import OfficialAccount
from socialguard.orgs.models import Organisation
from socialguard.people.models import Pupil


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    SCREENING = "screening", "Being screened"
    NEEDS_CHANGES = "needs_changes", "Needs changes"
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


EDITABLE = (State.DRAFT, State.NEEDS_CHANGES, State.AWAITING_APPROVAL, State.APPROVED,
            State.REJECTED)


class Post(models.Model):
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="posts")
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT,
                             db_index=True)
    text = models.TextField(blank=True)
    channel = models.CharField(max_length=20, default="facebook",
                               help_text="website and press check consent for that use")
    accounts = models.ManyToManyField(OfficialAccount, blank=True, related_name="posts")
    tagged = models.ManyToManyField(Pupil, blank=True, related_name="tagged_in")
    version = models.PositiveIntegerField(default=1)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["school", "state", "-updated_at"])]

    def __str__(self) -> str:
        return f"Post {self.pk} ({self.get_state_display()})"


class Media(models.Model):
    """A photo as it will be published: metadata stripped. The original is kept only until
    the post is published (C9), then deleted."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="media")
    published_file = models.FileField(upload_to="media/published/%Y/%m/")
    original_file = models.FileField(upload_to="media/originals/%Y/%m/", blank=True)
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)


class Screening(models.Model):
    """The engine's decision on one version of a post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="screenings")
    version = models.PositiveIntegerField()
    outcome = models.CharField(max_length=10)
    decision = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        constraints = [models.UniqueConstraint(fields=["post", "version"],
                                               name="one_screening_per_version")]


class Approval(models.Model):
    class Verdict(models.TextChoices):
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="approvals")
    version = models.PositiveIntegerField()
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]


class Publication(models.Model):
    """One post going out to one account. The idempotency key makes retries safe: a post
    goes out to an account once, however often publishing is attempted."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be posted"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed (will retry)"
        REFUSED = "refused", "Refused (not retried; fix the account settings)"

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="publications")
    account = models.ForeignKey(OfficialAccount, on_delete=models.PROTECT,
                                related_name="publications")
    idempotency_key = models.CharField(max_length=80, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    live_url = models.URLField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    archived = models.JSONField(default=dict, blank=True,
                                help_text="What went out, who wrote, screened and approved it.")
