"""People pages: the roster import, each pupil's consent record, approved devices.

Who may: the school's senior leaders, designated safeguarding lead and account or IT
administrators manage people and consent; staff may look a pupil's consent up.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from socialguard.orgs.access import has_role, school_for
from socialguard.orgs.models import Organisation, Role
from socialguard.people import actions
from socialguard.people.forms import ConsentForm, DeviceForm, ImportForm
from socialguard.people.importing import import_roster
from socialguard.people.models import Device, Pupil, Purpose

MANAGE = (Role.SLT, Role.DSL, Role.ACCOUNT_ADMIN, Role.IT_ADMIN)
LOOK_UP = (Role.STAFF, Role.APPROVER, *MANAGE)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _pupil(school: Organisation, pupil_id: int) -> Pupil:
    pupil = Pupil.objects.filter(school=school, pk=pupil_id).first()
    if pupil is None:
        raise Http404("No such pupil")
    return pupil


@login_required
def pupil_list(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_for(request.user, school_id, LOOK_UP)
    pupils = Pupil.objects.filter(school=school)
    if query := request.GET.get("q", "").strip()[:50]:
        pupils = pupils.filter(Q(first_name__icontains=query) | Q(last_name__icontains=query)
                               | Q(preferred_name__icontains=query))
    if request.GET.get("dnp"):
        pupils = pupils.filter(do_not_publish=True)
    page = Paginator(pupils, 50).get_page(request.GET.get("page"))
    return render(request, "people/pupils.html", {
        "school": school, "page": page, "query": query,
        "can_manage": has_role(request.user, school, MANAGE)})


@login_required
def pupil_detail(request: HttpRequest, school_id: int, pupil_id: int) -> HttpResponse:
    school = school_for(request.user, school_id, LOOK_UP)
    pupil = _pupil(school, pupil_id)
    can_manage = has_role(request.user, school, MANAGE)
    form = ConsentForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        if form is None:
            raise Http404("No such page")
        if form.is_valid():
            return _record(request, school, pupil, form)
    return render(request, "people/pupil.html", {
        "school": school, "pupil": pupil, "form": form, "can_manage": can_manage,
        "history": pupil.consents.select_related("recorded_by"),
        "purposes": Purpose.choices})


def _record(request: HttpRequest, school: Organisation, pupil: Pupil,
            form: ConsentForm) -> HttpResponse:
    data = form.cleaned_data
    try:
        actions.do_record_consent(pupil, data["purpose"], data["granted"], data["given_by"],
                                  data["given_on"], data["evidence"], user=_user(request))
    except actions.ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Consent recorded.")
    return redirect("people:pupil", school.pk, pupil.pk)


@login_required
@require_POST
def do_not_publish(request: HttpRequest, school_id: int, pupil_id: int) -> HttpResponse:
    school = school_for(request.user, school_id, MANAGE)
    pupil = _pupil(school, pupil_id)
    actions.do_set_do_not_publish(pupil, request.POST.get("flag") == "on", user=_user(request))
    messages.success(request, "The do-not-publish list is updated.")
    return redirect("people:pupil", school.pk, pupil.pk)


@login_required
def roster_import(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_for(request.user, school_id, MANAGE)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_roster(school, form.cleaned_data["kind"], upload.read(),
                               user=_user(request))
        report = result.report()
        (messages.success if result.ok else messages.error)(
            request, "Imported." if result.ok else "Nothing was imported.")
    return render(request, "people/import.html", {"school": school, "form": form,
                                                  "report": report})


@login_required
def devices(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_for(request.user, school_id, LOOK_UP)
    can_manage = has_role(request.user, school, MANAGE)
    form = DeviceForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        if form is None:
            raise Http404("No such page")
        if form.is_valid():
            try:
                actions.do_approve_device(school, form.cleaned_data["make"],
                                          form.cleaned_data["model"], form.cleaned_data["serial"],
                                          user=_user(request))
            except actions.ActionError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, "Device approved for photos.")
            return redirect("people:devices", school.pk)
    return render(request, "people/devices.html", {
        "school": school, "devices": Device.objects.filter(school=school), "form": form,
        "can_manage": can_manage})


@login_required
@require_POST
def remove_device(request: HttpRequest, school_id: int, device_id: int) -> HttpResponse:
    school = school_for(request.user, school_id, MANAGE)
    device = Device.objects.filter(school=school, pk=device_id).first()
    if device is None:
        raise Http404("No such device")
    actions.do_remove_device(device, user=_user(request))
    messages.success(request, "Device removed from the approved list.")
    return redirect("people:devices", school.pk)
