"""The audit log for senior leaders: filter and export (CSV)."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from socialguard.audit.models import AuditEvent
from socialguard.orgs.access import school_for
from socialguard.orgs.models import Organisation, Role


def _events(request: HttpRequest, school: Organisation) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.filter(organisation=school).select_related("actor")
    if prefix := request.GET.get("event", "").strip():
        events = events.filter(event__startswith=prefix)
    if since := request.GET.get("since", "").strip():
        events = events.filter(created_at__date__gte=since)
    if until := request.GET.get("until", "").strip():
        events = events.filter(created_at__date__lte=until)
    return events.order_by("-id")


@login_required
def audit_log(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_for(request.user, school_id, (Role.SLT,))
    try:
        events = _events(request, school)
        page = Paginator(events, 50).get_page(request.GET.get("page"))
    except ValidationError:  # a malformed date filter shows an empty page
        page = Paginator(AuditEvent.objects.none(), 50).get_page(1)
    return render(request, "audit/log.html", {"school": school, "page": page,
                                              "filters": request.GET})


@login_required
def audit_export(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_for(request.user, school_id, (Role.SLT,))
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="audit-{school.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(["id", "time", "event", "actor", "subject", "data", "hash"])
    for event in _events(request, school).iterator(chunk_size=2000):
        writer.writerow([event.pk, event.created_at.isoformat(), event.event,
                         event.actor.get_username() if event.actor else "",
                         f"{event.subject_type}:{event.subject_id}", event.data, event.hash])
    return response
