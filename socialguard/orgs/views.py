"""Home: the schools a user works in, and each school's dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from socialguard.orgs.access import roles_in, school_for, schools_for
from socialguard.orgs.actions import ActionError, do_set_policy
from socialguard.orgs.models import Role
from socialguard.policies.loader import available_packs, load_pack
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
        "school": organisation,
        "roles": sorted(Role(role).label.lower() for role in roles_in(request.user, organisation)),
        "counts": counts,
    })


@login_required
def policy(request: HttpRequest, school_id: int) -> HttpResponse:
    """The policy pack the school runs and its settings (senior leaders change them)."""
    organisation = school_for(request.user, school_id, (Role.SLT,))
    pack_id = organisation.pack_id
    if request.method == "POST":
        chosen = request.POST.get("pack", pack_id)
        settings = {key[len("setting_"):]: value for key, value in request.POST.items()
                    if key.startswith("setting_")}
        try:
            assert isinstance(request.user, User)
            do_set_policy(organisation, chosen, settings, user=request.user)
        except ActionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Policy settings saved.")
        return redirect("policy", organisation.pk)
    loaded = load_pack(pack_id)
    overrides = organisation.policy_settings
    editable = [(key, fact, overrides.get(key, fact.value))
                for key, fact in loaded.pack.settings.items()
                if isinstance(fact.value, int | str) and not isinstance(fact.value, bool)]
    return render(request, "orgs/policy.html", {
        "school": organisation, "pack": loaded.pack, "packs": available_packs(),
        "settings": editable, "in_trust": bool(organisation.trust_id)})
