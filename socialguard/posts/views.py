"""Post pages: compose with live screening, the approval queue, the archive.

Views parse input and check access (through access.py); actions change data.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from socialguard.orgs.access import school_for
from socialguard.orgs.models import Organisation, Role
from socialguard.people.models import Pupil
from socialguard.posts import actions, fixes
from socialguard.posts.access import can_approve, post_for, visible_posts
from socialguard.posts.forms import DecisionForm, LiveUrlForm, PostForm
from socialguard.posts.highlight import highlighted
from socialguard.posts.media import PhotoError, do_attach_photo
from socialguard.posts.models import Approval, Post, Publication, Screening, State
from socialguard.posts.screening import context_for
from socialguard.screening.base import ContentItem, Kind
from socialguard.screening.engine import screen

MAX_LIVE_CHARS = 5000


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _school(request: HttpRequest, school_id: int, roles: Any = tuple(Role.values)
            ) -> Organisation:
    return school_for(request.user, school_id, roles)


@login_required
def post_list(request: HttpRequest, school_id: int) -> HttpResponse:
    school = _school(request, school_id)
    posts = (visible_posts(request.user, school).select_related("author")
             .filter(author=_user(request)))
    page = Paginator(posts, 25).get_page(request.GET.get("page"))
    return render(request, "posts/list.html", {"school": school, "page": page,
                                               "can_approve": can_approve(request.user, school)})


@login_required
def compose(request: HttpRequest, school_id: int, post_id: int | None = None) -> HttpResponse:
    school = _school(request, school_id, (Role.STAFF, Role.APPROVER, Role.SLT))
    post = post_for(request.user, school, post_id) if post_id else None
    if post is not None and post.author_id != request.user.pk:
        raise Http404("No such post")  # only the author edits; others read it on its page
    form = PostForm(school, request.POST or None, request.FILES or None,
                    initial=_initial(post) if post else None)
    if request.method == "POST" and form.is_valid():
        try:
            post = _save(request, school, post, form.cleaned_data)
        except (actions.ActionError, PhotoError) as error:
            form.add_error(None, str(error))
        else:
            if "submit" in request.POST:
                return _submit(request, school, post)
            messages.success(request, "Draft saved.")
            return redirect("posts:detail", school.pk, post.pk)
    return render(request, "posts/compose.html", {"school": school, "form": form, "post": post})


def _initial(post: Post) -> dict[str, Any]:
    return {"text": post.text, "channel": post.channel, "accounts": list(post.accounts.all()),
            "tagged": list(post.tagged.all()), "scheduled_for": post.scheduled_for}


@transaction.atomic
def _save(request: HttpRequest, school: Organisation, post: Post | None,
          data: dict[str, Any]) -> Post:
    """Text and photo together: a refused photo leaves no half-saved post behind."""
    fields = {"channel": data["channel"], "accounts": data["accounts"],
              "tagged": data["tagged"], "scheduled_for": data["scheduled_for"]}
    if post is None:
        post = actions.do_create_post(school, _user(request), data["text"], **fields)
    else:
        post = actions.do_edit_post(post, _user(request), text=data["text"], **fields)
    if data.get("photo"):
        do_attach_photo(post, _user(request), data["photo"].read(), data["photo"].name)
    return post


def _submit(request: HttpRequest, school: Organisation, post: Post) -> HttpResponse:
    try:
        actions.do_submit(post, _user(request))
    except actions.ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Submitted: the post is being checked against the policy.")
    return redirect("posts:detail", school.pk, post.pk)


@login_required
@require_POST
def live_screen(request: HttpRequest, school_id: int) -> HttpResponse:
    """HTMX: screen the draft as the author types; findings highlighted, with quotes."""
    school = _school(request, school_id, (Role.STAFF, Role.APPROVER, Role.SLT))
    text = request.POST.get("text", "")[:MAX_LIVE_CHARS]
    tagged = Pupil.objects.filter(school=school, pk__in=_ids(request.POST.getlist("tagged")))
    item = ContentItem(kind=Kind.OFFICIAL_POST, text=text,
                       tagged=tuple(str(p.pk) for p in tagged), author=str(request.user.pk),
                       channel=request.POST.get("channel", "facebook"))
    decision = screen(item, context_for(school))
    return render(request, "posts/_findings.html", {
        "decision": decision, "highlighted": highlighted(text, decision), "school": school})


@login_required
@require_POST
def apply_fix(request: HttpRequest, school_id: int) -> HttpResponse:
    """HTMX: apply remedy number N of a fresh screening of the text (spans are never taken
    from the browser), return the new text box, and ask the page to screen again."""
    school = _school(request, school_id, (Role.STAFF, Role.APPROVER, Role.SLT))
    text = request.POST.get("text", "")[:MAX_LIVE_CHARS]
    item = ContentItem(kind=Kind.OFFICIAL_POST, text=text, author=str(request.user.pk),
                       channel=request.POST.get("channel", "facebook"))
    remedies = screen(item, context_for(school)).remedies
    index = request.POST.get("remedy", "")
    if not index.isdigit() or int(index) >= len(remedies):
        raise Http404("No such fix")
    try:
        fixed = fixes.apply(text, remedies[int(index)].to_dict())
    except fixes.CannotFix as error:
        fixed = text
        messages.error(request, str(error))
    response = render(request, "posts/_text.html", {"text": fixed})
    response["HX-Trigger"] = "rescreen"
    return response


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()][:200]


@login_required
def pupil_search(request: HttpRequest, school_id: int) -> HttpResponse:
    """HTMX: pupils whose names start with the query, as checkboxes to tag."""
    school = _school(request, school_id, (Role.STAFF, Role.APPROVER, Role.SLT))
    query = request.GET.get("q", "").strip()[:50]
    pupils = Pupil.objects.none()
    if len(query) >= 2:
        pupils = Pupil.objects.filter(
            Q(first_name__istartswith=query) | Q(last_name__istartswith=query)
            | Q(preferred_name__istartswith=query), school=school)[:15]
    return render(request, "posts/_pupil_options.html", {"pupils": pupils})


@login_required
def detail(request: HttpRequest, school_id: int, post_id: int) -> HttpResponse:
    school = _school(request, school_id)
    post = post_for(request.user, school, post_id)
    screening = post.screenings.filter(version=post.version).first()
    return render(request, "posts/detail.html", {
        "school": school, "post": post, "screening": screening,
        "highlighted": _highlighted_screening(post, screening),
        "consent_problems": actions.consent_problems(post),
        "approvals": post.approvals.select_related("approver"),
        "publications": post.publications.select_related("account"),
        "can_decide": can_approve(request.user, school) and post.author_id != request.user.pk
        and post.state == State.AWAITING_APPROVAL,
        "can_record": can_approve(request.user, school),
        "decision_form": DecisionForm(initial={"version": post.version}),
        "live_url_form": LiveUrlForm(),
    })


def _highlighted_screening(post: Post, screening: Screening | None) -> Any:
    if screening is None:
        return None
    return highlighted(post.text, screening.decision)


@login_required
@require_POST
def submit(request: HttpRequest, school_id: int, post_id: int) -> HttpResponse:
    school = _school(request, school_id)
    return _submit(request, school, post_for(request.user, school, post_id))


@login_required
@require_POST
def decide(request: HttpRequest, school_id: int, post_id: int) -> HttpResponse:
    school = _school(request, school_id, (Role.APPROVER, Role.SLT))
    post = post_for(request.user, school, post_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        raise Http404("No such decision")
    version, reason = form.cleaned_data["version"], form.cleaned_data["reason"]
    try:
        if request.POST.get("verdict") == "approve":
            actions.do_approve(post, _user(request), version, reason)
            messages.success(request, "Approved.")
        else:
            actions.do_reject(post, _user(request), version, reason)
            messages.success(request, "Rejected; the author has been told why.")
    except actions.ActionError as error:
        messages.error(request, str(error))
    return redirect("posts:detail", school.pk, post.pk)


@login_required
@require_POST
def withdraw(request: HttpRequest, school_id: int, post_id: int) -> HttpResponse:
    school = _school(request, school_id)
    post = post_for(request.user, school, post_id)
    try:
        actions.do_withdraw(post, _user(request))
    except actions.ActionError as error:
        messages.error(request, str(error))
    return redirect("posts:detail", school.pk, post.pk)


@login_required
@require_POST
def record_live_url(request: HttpRequest, school_id: int, publication_id: int) -> HttpResponse:
    """Manual channel: the approver posted it by hand and records where it is."""
    school = _school(request, school_id, (Role.APPROVER, Role.SLT))
    publication = Publication.objects.filter(pk=publication_id, post__school=school).first()
    if publication is None:
        raise Http404("No such publication")
    form = LiveUrlForm(request.POST)
    if form.is_valid():
        actions.do_record_result(publication.pk, Publication.Status.SENT,
                                 form.cleaned_data["live_url"], user=_user(request))
        messages.success(request, "Recorded: the post is live.")
    else:
        messages.error(request, "That is not a web address.")
    return redirect("posts:detail", school.pk, publication.post_id)


@login_required
def approval_queue(request: HttpRequest, school_id: int) -> HttpResponse:
    school = _school(request, school_id, (Role.APPROVER, Role.SLT))
    posts = (Post.objects.filter(school=school, state=State.AWAITING_APPROVAL)
             .select_related("author")
             .prefetch_related("tagged", Prefetch("screenings",
                                                  queryset=Screening.objects.only(
                                                      "post_id", "version", "outcome")))
             .order_by("updated_at"))
    page = Paginator(posts, 25).get_page(request.GET.get("page"))
    return render(request, "posts/queue.html", {"school": school, "page": page})


@login_required
def archive(request: HttpRequest, school_id: int) -> HttpResponse:
    school = _school(request, school_id)
    posts = (visible_posts(request.user, school).filter(state=State.PUBLISHED)
             .select_related("author")
             .prefetch_related(Prefetch("approvals", queryset=Approval.objects.filter(
                 verdict=Approval.Verdict.APPROVED).select_related("approver")),
                 Prefetch("publications", queryset=Publication.objects.select_related(
                     "account")))
             .order_by("-updated_at"))
    page = Paginator(posts, 25).get_page(request.GET.get("page"))
    return render(request, "posts/archive.html", {"school": school, "page": page})
