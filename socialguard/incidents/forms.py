"""Incident forms: they validate; actions save."""

from __future__ import annotations

from django import forms

from socialguard.incidents.models import Compartment, Evidence, Outcome, Route, Type


class ReportForm(forms.Form):
    type = forms.ChoiceField(choices=Type.choices, label="What kind of concern is it?")
    what_happened = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), max_length=10000,
                                    label="What happened")
    where_url = forms.URLField(required=False, max_length=500, assume_scheme="https",
                               label="Where: web address (if online)")
    platform = forms.CharField(required=False, max_length=60, label="Platform (e.g. Facebook)")
    account = forms.CharField(required=False, max_length=200, label="Account that posted it")
    occurred_at = forms.DateTimeField(required=False, label="When it happened",
                                      widget=forms.DateTimeInput(attrs={"type":
                                                                        "datetime-local"}))
    involved = forms.CharField(required=False, max_length=500, label="Who is involved",
                               help_text="Names, or a description if you do not know them.")
    how_known = forms.CharField(required=False, max_length=2000, label="How you know",
                                widget=forms.Textarea(attrs={"rows": 2}))
    image_location = forms.CharField(required=False, max_length=2000,
                                     label="Where the material is (device, account, address)",
                                     widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.FileField(required=False, label="Screenshot or file (optional)")


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(choices=Evidence.Kind.choices)
    file = forms.FileField(required=False)
    url = forms.URLField(required=False, max_length=500, assume_scheme="https",
                         label="Web address")
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           label="Copied text")
    captured_at = forms.DateTimeField(label="Captured at",
                                      widget=forms.DateTimeInput(attrs={"type":
                                                                        "datetime-local"}))
    note = forms.CharField(required=False, max_length=1000)


class NoteForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=10000,
                           label="Note (seen by the safeguarding team only)")


class TriageForm(forms.Form):
    misuse_context = forms.ChoiceField(choices=[("", "—"), ("contact", "Contact"),
                                                ("conduct", "Conduct"), ("content", "Content")],
                                       required=False, label="Misuse: context")
    misuse_category = forms.ChoiceField(choices=[("", "—"), ("commercial", "Commercial"),
                                                 ("aggressive", "Aggressive"),
                                                 ("sexual", "Sexual"), ("values", "Values")],
                                        required=False, label="Misuse: category")
    kcsie_area = forms.ChoiceField(choices=[("", "—"), ("content", "Content"),
                                            ("contact", "Contact"), ("conduct", "Conduct"),
                                            ("commerce", "Commerce")], required=False,
                                   label="KCSIE area")
    criminal_type = forms.CharField(required=False, max_length=200,
                                    label="Criminal incident type (if any)")
    severity = forms.ChoiceField(choices=[("low", "Low"), ("medium", "Medium"),
                                          ("high", "High"), ("critical", "Critical")])
    compartment = forms.ChoiceField(choices=Compartment.choices, label="Who may see it")


class DecisionForm(forms.Form):
    route = forms.ChoiceField(choices=Route.choices)
    refer = forms.TypedChoiceField(choices=[("yes", "Refer"), ("no", "Do not refer")],
                                   coerce=lambda v: v == "yes", label="Decision")
    rationale = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
                                label="Rationale (required, also for not referring)")
    reference = forms.CharField(required=False, max_length=100, label="Their reference")
    consent_recorded = forms.NullBooleanField(required=False,
                                              label="Victim's consent (police with consent)")


class SupportForm(forms.Form):
    person = forms.CharField(max_length=200, label="Person supported")
    offered = forms.CharField(max_length=200, label="Support offered (e.g. counselling)")


class ResolveForm(forms.Form):
    outcome = forms.ChoiceField(choices=Outcome.choices)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
                              label="What was done")


class PoliceCallForm(forms.Form):
    called_at = forms.DateTimeField(label="Police called at",
                                    widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    reference = forms.CharField(max_length=100, label="Police reference")
    anyone_viewed = forms.TypedChoiceField(choices=[("no", "No"), ("yes", "Yes")],
                                           coerce=lambda v: v == "yes",
                                           label="Did anyone view the material?")
    viewed_reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                    label="If so, the DSL's reason")


class TakedownForm(forms.Form):
    host = forms.CharField(max_length=200, label="Host or platform (e.g. Facebook)")
    url = forms.URLField(max_length=500, assume_scheme="https", label="Address of the content")
    terms = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                            label="The terms it breaks")


class CheckForm(forms.Form):
    removed = forms.TypedChoiceField(choices=[("yes", "Removed"), ("no", "Still there")],
                                     coerce=lambda v: v == "yes", label="Is it gone?")
    detail = forms.CharField(required=False, max_length=500, label="How you checked")


class EscalateForm(forms.Form):
    to = forms.CharField(max_length=200, label="Escalate to (ISP, next route)")


class ShareForm(forms.Form):
    """The disclosure log entry every export needs: to whom, why, on what lawful basis."""

    to_whom = forms.CharField(max_length=200, label="Shared with (who will receive it)")
    why = forms.CharField(max_length=2000, label="Why",
                          widget=forms.Textarea(attrs={"rows": 2}))
    lawful_basis = forms.ChoiceField(label="Lawful basis")
    consent = forms.NullBooleanField(required=False, label="Consent given (if consent is the "
                                     "basis)")

    def __init__(self, *args: object, **kwargs: object) -> None:
        from socialguard.incidents.disclosure import LAWFUL_BASES

        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        basis = self.fields["lawful_basis"]
        assert isinstance(basis, forms.ChoiceField)
        basis.choices = [(b, b) for b in LAWFUL_BASES]


class ReviewForm(ShareForm):
    start = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="From")
    end = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="To")
    format = forms.ChoiceField(choices=[("pdf", "PDF"), ("csv", "CSV")])


class SeriousnessForm(forms.Form):
    nature = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                             label="Nature of the content")
    visible_for = forms.CharField(max_length=200, label="How long it was visible")
    recirculation = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                                    label="Potential for recirculation")
    impact = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                             label="Impact (on the people involved and the school)")


class CustodyForm(forms.Form):
    device = forms.CharField(max_length=200, label="Device (make, model, owner)")
    held_by = forms.CharField(max_length=200, label="Held by")
    at = forms.DateTimeField(label="When", widget=forms.DateTimeInput(attrs={"type":
                                                                             "datetime-local"}))
    handed_to = forms.CharField(required=False, max_length=200,
                                label="Handed to (police officer's name)")
    officer_number = forms.CharField(required=False, max_length=50, label="Officer's number")
