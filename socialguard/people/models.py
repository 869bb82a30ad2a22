"""Pupils, guardians, staff, consent and approved devices (C2, C4, C7)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from socialguard.orgs.models import Organisation


class Pupil(models.Model):
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="pupils")
    mis_id = models.CharField(max_length=40, help_text="The pupil's id in the school's MIS (UPN).")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    year = models.CharField(max_length=20, blank=True)
    date_of_birth = models.DateField(null=True, blank=True,
                                     help_text="Sets how long child-protection records are kept.")
    do_not_publish = models.BooleanField(default=False)

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [models.UniqueConstraint(fields=["school", "mis_id"],
                                               name="pupil_mis_id_unique_in_school")]

    def __str__(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}"


class Guardian(models.Model):
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="guardians")
    mis_id = models.CharField(max_length=40, blank=True)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    pupils = models.ManyToManyField(Pupil, related_name="guardians", blank=True)

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class StaffMember(models.Model):
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="staff")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="staff_records")
    mis_id = models.CharField(max_length=40, blank=True)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    title = models.CharField(max_length=20, blank=True)
    role = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True,
                                     help_text="Sets how long allegation records are kept.")
    personal_phones = models.JSONField(default=list, blank=True)
    personal_emails = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return f"{self.title} {self.first_name} {self.last_name}".strip()


class Purpose(models.TextChoices):
    SOCIAL_MEDIA = "social_media", "Social media"
    WEBSITE = "website", "School website"
    PRESS = "press", "Press"


class Consent(models.Model):
    """One parental decision for one purpose. The newest record per purpose is in force;
    a withdrawal is a new record with granted=False (history is never rewritten)."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    granted = models.BooleanField()
    given_by = models.CharField(max_length=200, help_text="Who gave or withdrew it.")
    given_on = models.DateField()
    evidence = models.CharField(max_length=300, blank=True,
                                help_text="Where the signed Social Media Agreement is kept.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["pupil", "purpose", "-recorded_at"])]


class Device(models.Model):
    """A device approved for taking photos (C7)."""

    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="devices")
    make = models.CharField(max_length=100)
    model = models.CharField(max_length=100)
    serial = models.CharField(max_length=100, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"{self.make} {self.model} {self.serial}".strip()
