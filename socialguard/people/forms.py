"""Forms for people pages; they validate, actions save."""

from __future__ import annotations

from typing import Any

from django import forms

from socialguard.people.models import Purpose

MAX_ROSTER_BYTES = 5 * 1024 * 1024


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(choices=Purpose.choices, label="Use")
    granted = forms.TypedChoiceField(choices=[("yes", "Given"), ("no", "Refused or withdrawn")],
                                     coerce=lambda v: v == "yes", label="Decision")
    given_by = forms.CharField(max_length=200, label="Given or withdrawn by (parent or carer)")
    given_on = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    evidence = forms.CharField(max_length=300, required=False,
                               label="Where the signed Social Media Agreement is kept")


class ImportForm(forms.Form):
    kind = forms.ChoiceField(choices=[("pupils", "Pupils"), ("guardians", "Parents and carers"),
                                      ("staff", "Staff")], label="What the file holds")
    file = forms.FileField(label="CSV export from SIMS, Arbor or Bromcom",
                           help_text="Up to 5 MB. A file with any error imports nothing.")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_ROSTER_BYTES:
            raise forms.ValidationError("That file is over 5 MB; export fewer columns or rows.")
        return upload


class DeviceForm(forms.Form):
    make = forms.CharField(max_length=100, label="Make (e.g. Apple)")
    model = forms.CharField(max_length=100, label="Model (e.g. iPad (9th generation))")
    serial = forms.CharField(max_length=100, required=False, label="Serial number")
