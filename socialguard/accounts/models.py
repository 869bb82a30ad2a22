"""Official accounts a school publishes to (the register and vault follow in a later issue)."""

from __future__ import annotations

from django.db import models

from socialguard.orgs.models import Organisation


class OfficialAccount(models.Model):
    class Channel(models.TextChoices):
        MANUAL = "manual", "Manual (the approver posts it and records the link)"
        WEBHOOK = "webhook", "Webhook (signed JSON to the school's own automation)"

    school = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                               related_name="official_accounts")
    name = models.CharField(max_length=120, help_text="e.g. Oakfield Primary on Facebook")
    platform = models.CharField(max_length=40, default="facebook")
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.MANUAL)
    webhook_url = models.URLField(blank=True)
    webhook_secret = models.CharField(max_length=200, blank=True,
                                      help_text="Used to sign webhook requests.")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
