"""Incidents: reports, evidence, triage, routing, takedowns, support and outcome (I1–I10).

Evidence, notes, decisions, checks and custody entries are append-only: a correction is a new
entry that points at the one it corrects. Nothing here stores indecent images of children:
for that type the server refuses every file, and records only metadata (I5).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from socialguard.orgs.models import Organisation
from socialguard.people.models import Guardian, Pupil, StaffMember


class AppendOnlyError(RuntimeError):
    """Safeguarding records are never edited or deleted: add a correction instead."""


class AppendOnly(models.Model):
    """Rows that can be added, never changed or deleted (evidence, notes, decisions)."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{type(self).__name__} entries cannot be deleted")


class Type(models.TextChoices):
    CYBERBULLYING_PUPIL = "cyberbullying_pupil", "Cyberbullying of a pupil"
    CYBERBULLYING_STAFF = "cyberbullying_staff", "Cyberbullying of a member of staff"
    SAFEGUARDING = "safeguarding", "Safeguarding concern"
    STAFF_MISUSE = "staff_misuse", "Misuse or breach of the policy by staff"
    INAPPROPRIATE_CONTENT = "inappropriate_content", "Inappropriate content about the school"
    IMPERSONATION = "impersonation", "Impersonation"
    MEDIA_CONTACT = "media_contact", "Journalist or media contact"
    RADICALISATION = "radicalisation", "Radicalisation concern"
    INDECENT_IMAGES = "indecent_images", "Indecent images of children or nudes of under-18s"


class Status(models.TextChoices):
    REPORTED = "reported", "Reported"
    TRIAGED = "triaged", "Triaged"
    ACTION = "action", "Action under way"
    RESOLVED = "resolved", "Resolved"
    CLOSED = "closed", "Closed"


class Compartment(models.TextChoices):
    GENERAL = "general", "Safeguarding team"
    HR = "hr", "HR: allegation against staff"
    DSL_ONLY = "dsl_only", "Sealed: DSL only"


class Outcome(models.TextChoices):
    SUBSTANTIATED = "substantiated", "Substantiated"
    UNSUBSTANTIATED = "unsubstantiated", "Unsubstantiated"
    UNFOUNDED = "unfounded", "Unfounded"
    FALSE = "false", "False"
    MALICIOUS = "malicious", "Malicious"


class Incident(models.Model):
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="incidents")
    reference = models.CharField(max_length=20, unique=True)
    type = models.CharField(max_length=30, choices=Type.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REPORTED,
                              db_index=True)
    compartment = models.CharField(max_length=10, choices=Compartment.choices,
                                   default=Compartment.GENERAL)
    what_happened = models.TextField()
    where_url = models.URLField(max_length=500, blank=True)
    platform = models.CharField(max_length=60, blank=True)
    account = models.CharField(max_length=200, blank=True, help_text="The posting account.")
    occurred_at = models.DateTimeField(null=True, blank=True)
    how_known = models.TextField(blank=True)
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="reported_incidents")
    reported_at = models.DateTimeField(auto_now_add=True)
    # Triage (I3): RMET's misuse matrix, KCSIE's four areas, the criminal list, severity.
    misuse_context = models.CharField(max_length=10, blank=True)
    misuse_category = models.CharField(max_length=12, blank=True)
    kcsie_area = models.CharField(max_length=10, blank=True)
    criminal_type = models.CharField(max_length=200, blank=True)
    severity = models.CharField(max_length=10, blank=True)
    triaged_at = models.DateTimeField(null=True, blank=True)
    # Outcome (I8) and retention.
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    retention_class = models.CharField(max_length=30, blank=True)
    retain_until = models.DateField(null=True, blank=True)
    locked = models.BooleanField(default=False, help_text="May bear on child sexual abuse "
                                 "inquiries: never disposed of.")

    class Meta:
        ordering = ["-reported_at", "-id"]
        indexes = [models.Index(fields=["school", "status", "-reported_at"]),
                   models.Index(fields=["school", "compartment"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.get_type_display()}"


class Involved(models.Model):
    """Someone involved: from the registry, or described when not on it."""

    class Part(models.TextChoices):
        AFFECTED = "affected", "Affected"
        ALLEGED = "alleged", "Alleged to be responsible"
        WITNESS = "witness", "Witness"
        OTHER = "other", "Other"

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="involved")
    part = models.CharField(max_length=10, choices=Part.choices)
    pupil = models.ForeignKey(Pupil, null=True, blank=True, on_delete=models.PROTECT)
    staff = models.ForeignKey(StaffMember, null=True, blank=True, on_delete=models.PROTECT)
    guardian = models.ForeignKey(Guardian, null=True, blank=True, on_delete=models.PROTECT)
    description = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        person = self.pupil or self.staff or self.guardian
        return str(person) if person else self.description


class Evidence(AppendOnly):
    class Kind(models.TextChoices):
        SCREENSHOT = "screenshot", "Screenshot"
        FILE = "file", "File"
        URL = "url", "Web address"
        TEXT = "text", "Copied text"

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="evidence")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    file = models.FileField(upload_to="evidence/%Y/%m/", blank=True)
    url = models.URLField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    captured_at = models.DateTimeField()
    captured_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    sha256 = models.CharField(max_length=64)
    note = models.TextField(blank=True)
    corrects = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="corrections")

    class Meta:
        ordering = ["created_at", "id"]


class Note(AppendOnly):
    """A safeguarding note: the DSL team's working record (never shown to the reporter)."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    text = models.TextField()

    class Meta:
        ordering = ["created_at", "id"]


class ImageAbuseRecord(models.Model):
    """I5: what the school records instead of the material: never a file."""

    incident = models.OneToOneField(Incident, on_delete=models.PROTECT,
                                    related_name="image_abuse")
    location = models.TextField(help_text="Where the material is (device, account, URL).")
    police_called_at = models.DateTimeField(null=True, blank=True)
    police_reference = models.CharField(max_length=100, blank=True)
    anyone_viewed = models.BooleanField(null=True)
    viewed_reason = models.TextField(blank=True, help_text="The DSL's reason, if viewed.")


class CustodyEntry(AppendOnly):
    """The device custody chain: who held it, when it was handed to which officer."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="custody")
    device = models.CharField(max_length=200)
    held_by = models.CharField(max_length=200)
    handed_to = models.CharField(max_length=200, blank=True)
    officer_number = models.CharField(max_length=50, blank=True)
    at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")


class Route(models.TextChoices):
    POLICE = "police", "Police"
    POLICE_WITH_CONSENT = "police_consent", "Police, with the victim's consent"
    LADO = "lado", "LADO (allegation against staff)"
    PREVENT = "prevent", "Prevent"
    CEOP = "ceop", "CEOP (online sexual abuse or grooming)"
    IWF = "iwf", "Internet Watch Foundation (URL only)"
    POSH = "posh", "Professionals Online Safety Helpline"
    REPORT_HARMFUL = "report_harmful", "Report Harmful Content"
    PLATFORM = "platform", "The platform's own reporting"
    BEHAVIOUR = "behaviour", "Behaviour policy (pupil)"
    COMPLAINTS = "complaints", "Complaints procedure (parent)"
    DISCIPLINARY = "disciplinary", "Disciplinary procedure (staff)"
    HEAD = "head", "Head teacher / media policy"
    DSL_REVIEW = "dsl_review", "DSL review"


class Decision(AppendOnly):
    """A routing decision, to refer or not, always with its rationale (I4)."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="decisions")
    route = models.CharField(max_length=20, choices=Route.choices)
    refer = models.BooleanField()
    rationale = models.TextField()
    reference = models.CharField(max_length=100, blank=True)
    consent_recorded = models.BooleanField(null=True)
    due_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["created_at", "id"]


class SeriousnessAssessment(AppendOnly):
    """I8: for a staff breach going to the disciplinary procedure, the factors policy 000
    weighs: the nature of the content, how long it was visible, the potential for
    recirculation, and the impact."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT,
                                 related_name="seriousness")
    nature = models.TextField()
    visible_for = models.CharField(max_length=200)
    recirculation = models.TextField()
    impact = models.TextField()
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        ordering = ["created_at", "id"]


class Takedown(models.Model):
    class State(models.TextChoices):
        REQUESTED = "requested", "Requested"
        REMOVED = "removed", "Removed"
        ESCALATED = "escalated", "Escalated"
        CLOSED = "closed", "Closed (not removed)"

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="takedowns")
    host = models.CharField(max_length=200)
    url = models.URLField(max_length=500)
    terms_cited = models.TextField()
    request_text = models.TextField()
    requested_at = models.DateTimeField()
    due_at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.REQUESTED)
    escalated_to = models.CharField(max_length=200, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)


class TakedownCheck(AppendOnly):
    takedown = models.ForeignKey(Takedown, on_delete=models.PROTECT, related_name="checks")
    removed = models.BooleanField()
    how = models.CharField(max_length=20, help_text="recorded by the DSL, or automatic")
    http_status = models.PositiveIntegerField(null=True, blank=True)
    detail = models.TextField(blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")


class Support(AppendOnly):
    """Support offered to the affected person (I7)."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="support")
    person = models.CharField(max_length=200)
    offered = models.CharField(max_length=200, help_text="e.g. counselling, EAP, time off")
    accepted = models.BooleanField(null=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")


class Disclosure(AppendOnly):
    """Every export or share of an incident: to whom, why, on what lawful basis."""

    incident = models.ForeignKey(Incident, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="disclosures")
    school = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    what = models.CharField(max_length=200)
    to_whom = models.CharField(max_length=200)
    why = models.TextField()
    lawful_basis = models.CharField(max_length=200)
    consent = models.BooleanField(null=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
