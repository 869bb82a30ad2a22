"""The school's official accounts (account and IT administrators, senior leaders)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from socialguard.accounts import actions
from socialguard.accounts.models import OfficialAccount
from socialguard.orgs.access import school_for
from socialguard.orgs.models import Role

MANAGE = (Role.ACCOUNT_ADMIN, Role.IT_ADMIN, Role.SLT)


class AccountForm(forms.Form):
    name = forms.CharField(max_length=120, label="Name (e.g. Oakfield Primary on Facebook)")
    platform = forms.ChoiceField(choices=[(p, p.title()) for p in (
        "facebook", "instagram", "x", "linkedin", "youtube", "website", "other")])
    channel = forms.ChoiceField(choices=OfficialAccount.Channel.choices, label="How posts go out")
    webhook_url = forms.URLField(required=False, label="Webhook address (webhook only)",
                                 assume_scheme="https")
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=False),
                             label="Webhook signing secret (leave empty to keep the current one)")


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def account_list(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_for(request.user, school_id, MANAGE)
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_save_account(school, user=_user(request), **form.cleaned_data)
        except actions.ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Account saved.")
            return redirect("accounts:list", school.pk)
    return render(request, "accounts/list.html", {
        "school": school, "form": form,
        "accounts": OfficialAccount.objects.filter(school=school)})


@login_required
@require_POST
def retire(request: HttpRequest, school_id: int, account_id: int) -> HttpResponse:
    school = school_for(request.user, school_id, MANAGE)
    account = OfficialAccount.objects.filter(school=school, pk=account_id).first()
    if account is None:
        raise Http404("No such account")
    actions.do_retire_account(account, user=_user(request))
    messages.success(request, f"{account.name} will no longer be offered for posts.")
    return redirect("accounts:list", school.pk)
