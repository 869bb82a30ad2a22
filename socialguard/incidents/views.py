"""Incident pages: report in under a minute; the DSL's list and record; every read audited.

Views parse and authorise (access.py answers "not found" for "not yours"); actions change data.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from socialguard.audit.log import log
from socialguard.incidents import actions, disposal, exports, forms, takedowns
from socialguard.incidents.access import incident_for, is_team, sees_team_record, visible_incidents
from socialguard.incidents.chronology import for_incident
from socialguard.incidents.chronology import for_pupil as chronology_for_pupil
from socialguard.incidents.chronology import for_staff as chronology_for_staff
from socialguard.incidents.disclosure import ShareDetails
from socialguard.incidents.forms import ReviewForm, ShareForm
from socialguard.incidents.models import Incident, Involved, Status, Takedown, Type
from socialguard.incidents.review import annual_review
from socialguard.orgs.access import school_for
from socialguard.orgs.models import Organisation, Role
from socialguard.people.models import Pupil, StaffMember

ANYONE = tuple(Role.values)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _team_incident(request: HttpRequest, school: Organisation, incident_id: int,
                   purpose: str) -> Incident:
    incident = incident_for(request.user, school, incident_id, purpose=purpose)
    if not sees_team_record(request.user, incident):
        raise Http404("No such incident")
    return incident


@login_required
def report(request: HttpRequest, school_id: int) -> HttpResponse:
    """I1: anyone reports. Choosing indecent images switches the form: no file, call the
    police now; the server refuses a file whatever the browser sends (I5)."""
    school = school_for(request.user, school_id, ANYONE)
    chosen = request.POST.get("type") or request.GET.get("type", "")
    form = forms.ReportForm(request.POST or None, request.FILES or None,
                            initial={"type": chosen} if chosen else None)
    if request.method == "POST" and form.is_valid():
        try:
            incident = _create(request, school, form.cleaned_data)
        except actions.ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Reported as {incident.reference}. The safeguarding "
                                      "team has it now.")
            return redirect("incidents:detail", school.pk, incident.pk)
    partial = request.headers.get("HX-Request") == "true"
    template = "incidents/_report_fields.html" if partial else "incidents/report.html"
    return render(request, template, {"school": school, "form": form,
                                      "image_abuse": chosen == Type.INDECENT_IMAGES})


def _registry_people(request: HttpRequest, school: Organisation) -> list[dict[str, Any]]:
    """People picked from the registry on the report form: involve_<pupil|staff>_<id> = part."""
    found = []
    for key, part in request.POST.items():
        kind, _, number = key.removeprefix("involve_").partition("_")
        if not key.startswith("involve_") or not number.isdigit() or part not in Involved.Part:
            continue
        person = _school_person(school, kind, int(number))
        if person is not None:
            found.append({"part": part, kind: person})
    return found[:50]


def _school_person(school: Organisation, kind: str,
                   person_id: int) -> Pupil | StaffMember | None:
    """A pupil or member of staff of this school (None for another school's, or no one)."""
    if kind == "pupil":
        return Pupil.objects.filter(school=school, pk=person_id).first()
    if kind == "staff":
        return StaffMember.objects.filter(school=school, pk=person_id).first()
    return None


@login_required
def people_search(request: HttpRequest, school_id: int) -> HttpResponse:
    """HTMX: pupils and staff whose names start with the query, to add to a report."""
    school = school_for(request.user, school_id, ANYONE)
    query = request.GET.get("q", "").strip()[:50]
    pupils = staff = None
    if len(query) >= 2:
        match = Q(first_name__istartswith=query) | Q(last_name__istartswith=query)
        pupils = Pupil.objects.filter(match, school=school)[:10]
        staff = StaffMember.objects.filter(match, school=school)[:5]
    return render(request, "incidents/_people_options.html", {
        "pupils": pupils, "staff": staff, "parts": Involved.Part.choices})


def _create(request: HttpRequest, school: Organisation, data: dict[str, Any]) -> Incident:
    upload = data.get("evidence")
    involved = _registry_people(request, school)
    if data.get("involved"):
        involved.append({"part": "other", "description": data["involved"]})
    incident = actions.do_report(
        school, _user(request), type=data["type"], what_happened=data["what_happened"],
        where_url=data["where_url"], platform=data["platform"], account=data["account"],
        occurred_at=data["occurred_at"], how_known=data["how_known"], involved=involved,
        image_location=data["image_location"])
    if upload is not None:
        try:
            _store_upload(incident, _user(request), upload, kind="screenshot",
                          captured_at=timezone.now())
        except actions.ImageAbuseFileRefused as refused:
            messages.error(request, str(refused))
    return incident


def _store_upload(incident: Incident, user: User, upload: Any, **fields: Any) -> None:
    """An image-abuse incident's upload is closed (and so deleted) unread, and refused."""
    if incident.type == Type.INDECENT_IMAGES:
        upload.close()
        actions.refuse_image_abuse_file(incident, user, upload.name)
    actions.do_add_evidence(incident, user, data=upload.read(), name=upload.name, **fields)


@login_required
def incident_list(request: HttpRequest, school_id: int) -> HttpResponse:
    """The team's list (every incident they may see) or a reporter's own reports."""
    school = school_for(request.user, school_id, ANYONE)
    incidents = visible_incidents(request.user, school).select_related("reporter")
    if not is_team(request.user, school):
        incidents = incidents.filter(reporter=_user(request))
    if status := request.GET.get("status"):
        incidents = incidents.filter(status=status)
    if kind := request.GET.get("type"):
        incidents = incidents.filter(type=kind)
    page = Paginator(incidents, 50).get_page(request.GET.get("page"))
    team = is_team(request.user, school)
    overdue = (takedowns.overdue(school).filter(
        incident__in=visible_incidents(request.user, school)).count() if team else 0)
    return render(request, "incidents/list.html", {
        "school": school, "page": page, "team": team, "overdue": overdue,
        "statuses": Status.choices, "types": Type.choices, "filters": request.GET})


@login_required
def detail(request: HttpRequest, school_id: int, incident_id: int) -> HttpResponse:
    school = school_for(request.user, school_id, ANYONE)
    incident = incident_for(request.user, school, incident_id)
    team = sees_team_record(request.user, incident)
    context: dict[str, Any] = {
        "school": school, "incident": incident, "team": team,
        "involved": incident.involved.select_related("pupil", "staff", "guardian"),
        **_recent("evidence", incident.evidence.select_related("captured_by")),
        "image_abuse": getattr(incident, "image_abuse", None)
        if incident.type == Type.INDECENT_IMAGES else None,
    }
    if team:
        context.update(_team_context(incident))
    return render(request, "incidents/detail.html", context)


RECENT = 50


def _recent(name: str, entries: Any) -> dict[str, Any]:
    """The newest entries (oldest first) and how many earlier ones the chronology holds."""
    total = entries.count()
    newest = list(entries.order_by("-created_at", "-id")[:RECENT])[::-1]
    return {name: newest, f"{name}_earlier": max(0, total - RECENT)}


def _team_context(incident: Incident) -> dict[str, Any]:
    triage = {name: getattr(incident, name) for name in (*actions.TRIAGE_FIELDS, "compartment")}
    return {
        **_recent("notes", incident.notes.select_related("author")),
        "decisions": incident.decisions.select_related("decided_by"),
        "support": incident.support.all(),
        "custody": incident.custody.all(),
        "assessments": incident.seriousness.select_related("assessed_by"),
        "takedowns": incident.takedowns.prefetch_related("checks"),
        "fact_labels": FACT_LABELS,
        **_team_forms(incident, triage),
    }


def _team_forms(incident: Incident, triage: dict[str, Any]) -> dict[str, Form]:
    """One form per team action; each with its own id prefix, as they share field names."""
    initial: dict[str, dict[str, Any]] = {
        "triage": triage,
        "evidence": {"captured_at": timezone.now()},
        "takedown": {"url": incident.where_url, "host": incident.platform},
        "escalate": {"to": takedowns.escalation_for(incident.school)},
    }
    classes: dict[str, type[Form]] = {
        "triage": forms.TriageForm, "decision": forms.DecisionForm, "note": forms.NoteForm,
        "evidence": forms.EvidenceForm, "support": forms.SupportForm,
        "resolve": forms.ResolveForm, "police": forms.PoliceCallForm,
        "takedown": forms.TakedownForm, "check": forms.CheckForm,
        "escalate": forms.EscalateForm, "seriousness": forms.SeriousnessForm,
        "custody": forms.CustodyForm,
    }
    return {f"{name}_form": form_class(auto_id=f"{name}_%s", initial=initial.get(name))
            for name, form_class in classes.items()}


def _post_action(name: str, form_class: type[Form]) -> Any:
    """A team action on an incident: validate the form, call the action, report back."""

    @login_required
    @require_POST
    def view(request: HttpRequest, school_id: int, incident_id: int) -> HttpResponse:
        school = school_for(request.user, school_id, ANYONE)
        incident = _team_incident(request, school, incident_id, purpose="changed")
        form = form_class(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, "Please check the form: " + "; ".join(
                f"{field}: {' '.join(str(e) for e in errors)}"
                for field, errors in form.errors.items()))
        else:
            try:
                RUNNERS[name](incident, _user(request), form.cleaned_data)
            except actions.ActionError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, "Saved.")
        return redirect("incidents:detail", school.pk, incident.pk)

    view.__name__ = name
    return view


def _evidence(incident: Incident, user: User, data: dict[str, Any]) -> None:
    fields = {"kind": data["kind"], "captured_at": data["captured_at"],
              "url": data["url"] or "", "text": data["text"], "note": data["note"]}
    if data.get("file"):
        _store_upload(incident, user, data["file"], **fields)
    else:
        actions.do_add_evidence(incident, user, **fields)


RUNNERS: dict[str, Any] = {
    "takedown": lambda i, u, d: takedowns.do_request_takedown(i, u, **d),
    "seriousness": lambda i, u, d: actions.do_assess_seriousness(i, u, **d),
    "custody": lambda i, u, d: actions.do_add_custody(i, u, **d),
    "add_note": lambda i, u, d: actions.do_add_note(i, u, d["text"]),
    "triage": lambda i, u, d: actions.do_triage(i, u, **d),
    "decide": lambda i, u, d: actions.do_decide_route(i, u, **d),
    "support": lambda i, u, d: actions.do_offer_support(i, u, **d),
    "resolve": lambda i, u, d: actions.do_resolve(i, u, **d),
    "police": lambda i, u, d: actions.do_record_police_call(i, u, **d),
    "evidence": _evidence,
}

add_note = _post_action("add_note", forms.NoteForm)
triage = _post_action("triage", forms.TriageForm)
decide = _post_action("decide", forms.DecisionForm)
support = _post_action("support", forms.SupportForm)
resolve = _post_action("resolve", forms.ResolveForm)
police = _post_action("police", forms.PoliceCallForm)
takedown = _post_action("takedown", forms.TakedownForm)
seriousness = _post_action("seriousness", forms.SeriousnessForm)
custody = _post_action("custody", forms.CustodyForm)


FACT_LABELS = {
    "illegal_content": "The content is illegal",
    "credible_threat": "There is a credible threat to someone's safety",
    "threatening_material": "The material is threatening",
    "adult_involved_with_child_images": "An adult is involved with images of a child",
    "allegation_against_staff_meets_harm_test": "An allegation against staff meets the harm test",
    "radicalisation": "There is a radicalisation concern",
    "online_sexual_abuse_or_grooming": "Online sexual abuse or grooming",
    "abuse_image_url": "There is a web address of abuse imagery",
    "platform_failed_to_act": "The platform has failed to act",
    "pupil_perpetrator": "A pupil is responsible",
    "parent_perpetrator": "A parent is responsible",
    "victim_consents_to_police": "The victim consents to the police",
}


def _fact(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


@login_required
@require_POST
def suggest(request: HttpRequest, school_id: int, incident_id: int) -> HttpResponse:
    """HTMX: routes suggested from the school's pack and the DSL's answers (I4)."""
    from socialguard.incidents.routing import Facts, suggest_routes

    school = school_for(request.user, school_id, ANYONE)
    incident = _team_incident(request, school, incident_id, purpose="viewed")
    facts = Facts(**{name: _fact(request.POST.get(name)) for name in FACT_LABELS})
    return render(request, "incidents/_suggestions.html",
                  {"suggestions": suggest_routes(incident, facts)})


def _takedown(request: HttpRequest, school_id: int, incident_id: int,
              takedown_id: int) -> tuple[Organisation, Incident, Takedown]:
    school = school_for(request.user, school_id, ANYONE)
    incident = _team_incident(request, school, incident_id, purpose="changed")
    found = incident.takedowns.filter(pk=takedown_id).first()
    if found is None:
        raise Http404("No such takedown")
    return school, incident, found


@login_required
@require_POST
def takedown_step(request: HttpRequest, school_id: int, incident_id: int, takedown_id: int,
                  step: str) -> HttpResponse:
    """Record a check (by a person, or the automatic web check) or escalate (I6)."""
    school, incident, found = _takedown(request, school_id, incident_id, takedown_id)
    try:
        if step == "auto":
            if takedowns.auto_check(found) is None:
                messages.error(request, "This address cannot be checked automatically; "
                                        "check it yourself and record what you see.")
        elif step == "check" and (form := forms.CheckForm(request.POST)).is_valid():
            takedowns.do_record_check(found, _user(request), removed=form.cleaned_data["removed"],
                                      how="DSL", detail=form.cleaned_data["detail"])
        elif step == "escalate" and (esc := forms.EscalateForm(request.POST)).is_valid():
            takedowns.do_escalate(found, _user(request), to=esc.cleaned_data["to"])
        else:
            raise Http404("No such step")
    except actions.ActionError as error:
        messages.error(request, str(error))
    return redirect("incidents:detail", school.pk, incident.pk)


@login_required
@require_POST
def add_evidence(request: HttpRequest, school_id: int, incident_id: int) -> HttpResponse:
    """Reporters add evidence to their own reports too; image-abuse files are refused."""
    school = school_for(request.user, school_id, ANYONE)
    incident = incident_for(request.user, school, incident_id, purpose="changed")
    form = forms.EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            _evidence(incident, _user(request), form.cleaned_data)
        except actions.ActionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Evidence added.")
    else:
        messages.error(request, "Please check the evidence form.")
    return redirect("incidents:detail", school.pk, incident.pk)


def _details(data: dict[str, Any]) -> ShareDetails:
    return ShareDetails(to_whom=data["to_whom"], why=data["why"],
                        lawful_basis=data["lawful_basis"], consent=data["consent"])


def _download(content: bytes, name: str, kind: str) -> HttpResponse:
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def chronology(request: HttpRequest, school_id: int, incident_id: int) -> HttpResponse:
    """One incident's timeline; printing it as a PDF logs the disclosure first."""
    school = school_for(request.user, school_id, ANYONE)
    incident = incident_for(request.user, school, incident_id)
    form = ShareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            content = exports.incident_chronology(_user(request), incident,
                                                  _details(form.cleaned_data))
        except actions.ActionError as error:
            form.add_error(None, str(error))
        else:
            return _download(content, f"{incident.reference}-chronology.pdf", "application/pdf")
    return render(request, "incidents/chronology.html", {
        "school": school, "incident": incident, "form": form,
        "rows": _rows(for_incident(incident, _user(request)))})


def _rows(entries: list[Any]) -> list[tuple[str, str, str, str, str]]:
    """Entries as display strings: a 500-entry timeline renders without 2,500 filters."""
    zone = timezone.get_current_timezone()
    return [(entry.at.astimezone(zone).strftime("%d %b %Y %H:%M"), entry.incident_reference,
             entry.kind, entry.summary, entry.by) for entry in entries]


@login_required
def review_page(request: HttpRequest, school_id: int) -> HttpResponse:
    """The annual policy review (I9): the numbers, and PDF or CSV with a disclosure entry."""
    school = school_for(request.user, school_id, (Role.DSL, Role.SLT, Role.GOVERNOR))
    today = timezone.localdate()
    start = today.replace(year=today.year - 1)
    form = ReviewForm(request.POST or None, initial={"start": start, "end": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            content = exports.review(_user(request), school, data["start"], data["end"],
                                     _details(data), format=data["format"])
        except actions.ActionError as error:
            form.add_error(None, str(error))
        else:
            kind = "application/pdf" if data["format"] == "pdf" else "text/csv"
            return _download(content, f"review-{data['start']}-{data['end']}.{data['format']}",
                             kind)
    return render(request, "incidents/review.html", {
        "school": school, "form": form, "report": annual_review(school, start, today)})


@login_required
def person_chronology(request: HttpRequest, school_id: int, kind: str,
                      person_id: int) -> HttpResponse:
    """One pupil's or member of staff's timeline across the incidents the user may see."""
    school = school_for(request.user, school_id, (Role.DSL, Role.SLT, Role.HR))
    person = _school_person(school, kind, person_id)
    if person is None:
        raise Http404("No such person")
    form = ShareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            content = _person_export(_user(request), person, _details(form.cleaned_data))
        except actions.ActionError as error:
            form.add_error(None, str(error))
        else:
            return _download(content, f"{kind}-{person.pk}-chronology.pdf", "application/pdf")
    with transaction.atomic():
        log(f"incident.{kind}_timeline_viewed", actor=request.user, subject=person,
            organisation=school)
    return render(request, "incidents/person_chronology.html", {
        "school": school, "person": person, "form": form,
        "rows": _rows(_person_timeline(person, _user(request)))})


def _person_timeline(person: Pupil | StaffMember, user: User) -> list[Any]:
    if isinstance(person, Pupil):
        return chronology_for_pupil(person, user)
    return chronology_for_staff(person, user)


def _person_export(user: User, person: Pupil | StaffMember, details: ShareDetails) -> bytes:
    if isinstance(person, Pupil):
        return exports.pupil_chronology(user, person, details)
    return exports.staff_chronology(user, person, details)


@login_required
def retention(request: HttpRequest, school_id: int) -> HttpResponse:
    """Records whose keeping period has ended: the DSL keeps or disposes of each, with a
    reason; nothing is disposed of silently."""
    school = school_for(request.user, school_id, (Role.DSL,))
    if request.method == "POST":
        chosen = request.POST.get("incident", "")
        found = (disposal.due_for_review(school).filter(pk=int(chosen)).first()
                 if chosen.isdigit() else None)
        if found is None:
            raise Http404("No such record due for review")
        rationale = request.POST.get("rationale", "")
        try:
            if request.POST.get("decision") == "dispose":
                disposal.do_dispose(found, _user(request), rationale=rationale)
            else:
                disposal.do_keep(found, _user(request), years=1, rationale=rationale)
        except actions.ActionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Recorded.")
        return redirect("incidents:retention", school.pk)
    return render(request, "incidents/retention.html", {
        "school": school, "due": disposal.due_for_review(school)})
