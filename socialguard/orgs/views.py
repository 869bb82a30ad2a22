"""Home: the schools a user works in, and each school's dashboard."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from socialguard.orgs.access import roles_in, school_for, schools_for
from socialguard.posts.access import visible_posts
from socialguard.posts.models import State


@login_required
def home(request: HttpRequest) -> HttpResponse:
    schools = list(schools_for(request.user))
    if len(schools) == 1:
        return redirect("school", schools[0].pk)
    return render(request, "orgs/home.html", {"schools": schools})


@login_required
def school(request: HttpRequest, school_id: int) -> HttpResponse:
    organisation = school_for(request.user, school_id)
    posts = visible_posts(request.user, organisation)
    counts = {state: posts.filter(state=state).count()
              for state in (State.DRAFT, State.NEEDS_CHANGES, State.AWAITING_APPROVAL,
                            State.APPROVED, State.PUBLISHED)}
    return render(request, "orgs/school.html", {
        "school": organisation, "roles": sorted(roles_in(request.user, organisation)),
        "counts": counts,
    })
