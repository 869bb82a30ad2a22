"""Parsing what clients send: every 400 of the API is raised here, naming the field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.http import QueryDict

from socialguard.api.endpoint import ApiError
from socialguard.posts.models import State
from socialguard.screening.base import ContentItem, Kind
from socialguard.screening.items import ItemError, item_from_dict

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
_SCREEN_FIELDS = frozenset({"school", "item"})
_NO_MEDIA_DIR = Path("/nonexistent")  # never read: media are refused before parsing


def bad_input(field: str, message: str) -> ApiError:
    return ApiError(400, f"{field}: {message}", {field: message})


@dataclass(frozen=True)
class ScreenRequest:
    school: int
    item: ContentItem


@dataclass(frozen=True)
class PostQuery:
    school: int
    states: tuple[str, ...]
    limit: int
    offset: int


def screen_request(body: dict[str, Any]) -> ScreenRequest:
    unknown = sorted(set(body) - _SCREEN_FIELDS)
    if unknown:
        raise bad_input(unknown[0], "unknown field; send only school and item")
    return ScreenRequest(school=_json_id(body.get("school"), "school"),
                         item=content_item(body.get("item")))


def _json_id(value: Any, field: str) -> int:
    if value is None:
        raise bad_input(field, "required")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise bad_input(field, "must be a positive integer id")
    return value


def content_item(raw: Any) -> ContentItem:
    """The CLI's item JSON, without media (the API takes no uploads yet)."""
    if raw is None:
        raise bad_input("item", "required")
    if not isinstance(raw, dict):
        raise bad_input("item", "must be a JSON object")
    if raw.get("media"):
        raise bad_input("item.media", "media cannot be sent to the API yet; screen the "
                        "text here and photos with the socialguard command or the web app")
    raw = {key: value for key, value in raw.items() if key != "media"}
    try:
        return item_from_dict(raw, _NO_MEDIA_DIR)
    except ItemError as error:
        raise ApiError(400, f"item: {error}", _field_errors(raw, str(error))) from None


def _field_errors(raw: dict[str, Any], whole: str) -> dict[str, str]:
    """Which fields are wrong: each field is checked on its own beside a valid kind.

    ItemError says why but not where, so the fields are tried one at a time.
    """
    errors: dict[str, str] = {}
    for key, value in raw.items():
        probe = {"kind": Kind.OFFICIAL_POST.value, key: value}
        try:
            item_from_dict(probe, _NO_MEDIA_DIR)
        except ItemError as error:
            errors[f"item.{key}"] = str(error)
    if "kind" not in raw:
        errors["item.kind"] = whole
    return errors or {"item": whole}


def post_query(params: QueryDict) -> PostQuery:
    states = tuple(params.getlist("state"))
    for state in states:
        if state not in State.values:
            raise bad_input("state", f"{state!r} is not one of {', '.join(State.values)}")
    return PostQuery(school=_query_int(params, "school", None, 1, None),
                     states=states,
                     limit=_query_int(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                     offset=_query_int(params, "offset", 0, 0, None))


def _query_int(params: QueryDict, field: str, default: int | None, low: int,
               high: int | None) -> int:
    text = params.get(field)
    if text is None or text == "":
        if default is None:
            raise bad_input(field, "required")
        return default
    try:
        value = int(text)
    except ValueError:
        raise bad_input(field, f"{text!r} is not a whole number") from None
    if value < low or (high is not None and value > high):
        limits = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise bad_input(field, f"must be {limits}")
    return value
