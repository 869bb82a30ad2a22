"""The frame every API view runs in: methods, token, JSON errors, body size.

Errors are always JSON: `{"error": "what went wrong"}`, plus `"fields": {"item.text": "…"}`
when particular input fields are at fault.

Views are CSRF-exempt because the only credential an authenticated view accepts is the
bearer token, which a browser never attaches on its own. A request that carries only a
session cookie is refused with 401 before the view runs, so a forged cross-site request has
no credential to ride on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from socialguard.api.auth import Unauthorized, authenticate

MAX_BODY_BYTES = 1024 * 1024

PublicView = Callable[..., HttpResponse]
TokenView = Callable[..., HttpResponse]


class ApiError(Exception):
    """Answer with this status and message (and field errors) instead of a result."""

    def __init__(self, status: int, message: str,
                 fields: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.fields = status, message, dict(fields or {})


def error_response(status: int, message: str, fields: Mapping[str, str] | None = None
                   ) -> JsonResponse:
    body: dict[str, Any] = {"error": message}
    if fields:
        body["fields"] = dict(fields)
    return JsonResponse(body, status=status)


def _frame(methods: tuple[str, ...], run: Callable[..., HttpResponse]) -> PublicView:
    @csrf_exempt
    def handler(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if request.method not in methods:
            response = error_response(405, f"Method {request.method} is not allowed here; "
                                      f"use {' or '.join(methods)}.")
            response["Allow"] = ", ".join(methods)
            return response
        try:
            return run(request, **kwargs)
        except ApiError as error:
            return error_response(error.status, error.message, error.fields)
        except Http404:
            return error_response(404, "Not found.")

    handler.allowed_methods = methods  # type: ignore[attr-defined]  # read by the OpenAPI test
    return handler


def public(*methods: str) -> Callable[[PublicView], PublicView]:
    """A view anyone may call: `view(request, **url_kwargs)`."""
    def decorate(view: PublicView) -> PublicView:
        return wraps(view)(_frame(methods, view))
    return decorate


def token_required(*methods: str) -> Callable[[TokenView], PublicView]:
    """A view for a token's user: `view(request, user, **url_kwargs)`."""
    def decorate(view: TokenView) -> PublicView:
        def run(request: HttpRequest, **kwargs: Any) -> HttpResponse:
            try:
                user = authenticate(request)
            except Unauthorized as error:
                response = error_response(401, str(error))
                response["WWW-Authenticate"] = 'Bearer realm="socialguard"'
                return response
            request.user = user
            return view(request, user, **kwargs)
        return wraps(view)(_frame(methods, run))
    return decorate


def json_body(request: HttpRequest) -> dict[str, Any]:
    """The request body as a JSON object; 413 past 1 MB, 400 if it is not a JSON object."""
    if _declared_length(request) > MAX_BODY_BYTES:
        raise _too_large()
    try:
        raw = request.body
    except RequestDataTooBig:
        raise _too_large() from None
    if len(raw) > MAX_BODY_BYTES:
        raise _too_large()
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ApiError(400, f"The request body is not JSON: {error}") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object.")
    return body


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise ApiError(400, "Content-Length is not a number.") from None


def _too_large() -> ApiError:
    return ApiError(413, f"The request body is larger than {MAX_BODY_BYTES // 1024} KB.")

