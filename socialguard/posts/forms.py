"""Forms parse and validate input; they never save (actions do)."""

from __future__ import annotations

from typing import Any

from django import forms

from socialguard.accounts.models import OfficialAccount
from socialguard.orgs.models import Organisation
from socialguard.people.models import Pupil

MAX_PHOTO_BYTES = 15 * 1024 * 1024
CHANNELS = [("facebook", "Social media"), ("website", "School website"), ("press", "Press")]


class PostForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), max_length=5000,
                           required=False, label="Post text")
    channel = forms.ChoiceField(choices=CHANNELS, initial="facebook", label="Where it appears",
                                help_text="Consent is checked for this use.")
    accounts = forms.ModelMultipleChoiceField(queryset=OfficialAccount.objects.none(),
                                              widget=forms.CheckboxSelectMultiple,
                                              label="Official accounts")
    tagged = forms.ModelMultipleChoiceField(queryset=Pupil.objects.none(), required=False,
                                            widget=forms.CheckboxSelectMultiple,
                                            label="Pupils who appear")
    scheduled_for = forms.DateTimeField(required=False, label="Publish at (optional)",
                                        widget=forms.DateTimeInput(attrs={"type":
                                                                          "datetime-local"}))
    photo = forms.FileField(required=False, label="Add a photo",
                            help_text="JPEG or PNG up to 15 MB; location data is removed.")

    def __init__(self, school: Organisation, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        accounts = self.fields["accounts"]
        tagged = self.fields["tagged"]
        assert isinstance(accounts, forms.ModelMultipleChoiceField)
        assert isinstance(tagged, forms.ModelMultipleChoiceField)
        accounts.queryset = OfficialAccount.objects.filter(school=school, active=True)
        tagged.queryset = Pupil.objects.filter(school=school)

    def clean_photo(self) -> Any:
        photo = self.cleaned_data.get("photo")
        if photo and photo.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError("That photo is over 15 MB; please use a smaller one.")
        return photo


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False,
                             max_length=2000, label="Reason (required to reject)")


class LiveUrlForm(forms.Form):
    live_url = forms.URLField(label="Link to the live post", assume_scheme="https")
