"""Trusts, schools and who does what in them (P1; roles of FEATURES.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Organisation(models.Model):
    """A trust or a school. A school of a trust runs the trust's policy pack (P1)."""

    class Kind(models.TextChoices):
        TRUST = "trust", "Trust"
        SCHOOL = "school", "School"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SCHOOL)
    trust = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="schools", limit_choices_to={"kind": "trust"})
    policy_pack = models.CharField(max_length=60, blank=True,
                                   help_text="Pack id; a school of a trust uses the trust's.")
    policy_settings = models.JSONField(default=dict, blank=True,
                                       help_text="Overrides of the pack's settings.")
    aliases = models.JSONField(default=list, blank=True)
    phones = models.JSONField(default=list, blank=True)
    emails = models.JSONField(default=list, blank=True)
    website = models.URLField(blank=True)
    address = models.CharField(max_length=300, blank=True)
    registry_version = models.PositiveIntegerField(
        default=0, help_text="Bumped by every change to people, consent or devices, so "
        "screening contexts built from the old registry are not reused.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def pack_id(self) -> str:
        """The pack this organisation runs: its trust's, if it belongs to one."""
        if self.trust_id and self.trust is not None and self.trust.policy_pack:
            return self.trust.policy_pack
        return self.policy_pack


class Role(models.TextChoices):
    STAFF = "staff", "Staff"
    APPROVER = "approver", "Approver"
    SLT = "slt", "Senior leadership / head teacher"
    DSL = "dsl", "Designated safeguarding lead"
    ACCOUNT_ADMIN = "account_admin", "Account administrator"
    IT_ADMIN = "it_admin", "IT administrator"
    GOVERNOR = "governor", "Governor (read-only)"
    HR = "hr", "HR (staff allegations)"


class Membership(models.Model):
    """A user holds a role in an organisation; a person may hold several, in several schools."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation", "role"],
                                               name="one_membership_per_role")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} at {self.organisation}"
