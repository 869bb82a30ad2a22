"""API views: parse (inputs.py), authorise (the access helpers), then screen or act."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from django.contrib.auth.models import User
from django.http import HttpRequest, JsonResponse

from socialguard.api.access import post_by_id
from socialguard.api.endpoint import ApiError, json_body, public, token_required
from socialguard.api.inputs import post_query, screen_request
from socialguard.api.openapi import document
from socialguard.api.present import post_detail, post_summary, with_relations
from socialguard.orgs.access import school_for
from socialguard.policies.loader import PackError
from socialguard.posts.access import post_for, visible_posts
from socialguard.posts.actions import ActionError, do_submit
from socialguard.posts.screening import context_for
from socialguard.screening.engine import screen as run_screen
from socialguard.screening.roster import RegistryError


def app_version() -> str:
    try:
        return version("socialguard")
    except PackageNotFoundError:
        return "unknown"


@public("GET")
def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok", "version": app_version()})


@public("GET")
def openapi_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse(document(app_version()))


@token_required("POST")
def screen(request: HttpRequest, user: User) -> JsonResponse:
    """Screen one item against a school's policy, as `socialguard check --format json`."""
    wanted = screen_request(json_body(request))
    school = school_for(user, wanted.school)
    try:
        context = context_for(school)
    except (PackError, RegistryError) as error:
        raise ApiError(409, f"This school cannot be screened yet: {error}") from None
    return JsonResponse(run_screen(wanted.item, context).to_dict())


@token_required("GET")
def posts(request: HttpRequest, user: User) -> JsonResponse:
    query = post_query(request.GET)
    school = school_for(user, query.school)
    found = visible_posts(user, school)
    if query.states:
        found = found.filter(state__in=query.states)
    page = with_relations(found)[query.offset:query.offset + query.limit]
    return JsonResponse({"count": found.count(), "limit": query.limit, "offset": query.offset,
                         "results": [post_summary(post) for post in page]})


@token_required("GET")
def post(request: HttpRequest, user: User, post_id: int) -> JsonResponse:
    return JsonResponse(post_detail(post_by_id(user, post_id)))


@token_required("POST")
def submit(request: HttpRequest, user: User, post_id: int) -> JsonResponse:
    """Send the post to screening; it is screened in the background (202)."""
    found = post_by_id(user, post_id)
    try:
        do_submit(found, user)
    except ActionError as error:
        raise ApiError(409, str(error)) from None
    return JsonResponse(post_detail(post_for(user, found.school, post_id)), status=202)


@public("GET", "POST", "PUT", "PATCH", "DELETE")
def not_found(request: HttpRequest, rest: str) -> JsonResponse:
    """Unknown paths under /api/v1/ answer in JSON too."""
    raise ApiError(404, f"No API endpoint at /api/v1/{rest}; see /api/v1/openapi.json.")
