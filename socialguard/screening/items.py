"""Items from JSON (the CLI's and the API's input), with clear errors for bad input.

    {"id": "p1", "kind": "official_post", "text": "...", "media": ["photo.jpg"],
     "tagged": ["P001"], "author": "S01", "channel": "facebook"}

Media paths are relative to `base_dir` (the current directory for the CLI).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from socialguard.screening.base import ContentItem, Kind, MediaItem

MAX_TEXT_CHARS = 100_000
MAX_MEDIA_BYTES = 25 * 1024 * 1024
MAX_MEDIA_ITEMS = 20
_FIELDS = frozenset({"id", "kind", "text", "media", "tagged", "author", "channel"})


class ItemError(ValueError):
    """The item cannot be screened as given; the message says which field and why."""


def item_from_json(line: str, base_dir: Path) -> ContentItem:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as error:
        raise ItemError(f"not JSON: {error.msg} at column {error.colno}") from error
    return item_from_dict(raw, base_dir)


def item_from_dict(raw: Any, base_dir: Path) -> ContentItem:
    if not isinstance(raw, dict):
        raise ItemError("an item must be a JSON object")
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise ItemError(f"unknown field(s) {', '.join(unknown)}")
    return ContentItem(
        kind=_kind(raw.get("kind")),
        text=_text(raw.get("text", "")),
        media=tuple(_media(path, base_dir) for path in _str_list(raw, "media", MAX_MEDIA_ITEMS)),
        tagged=tuple(_str_list(raw, "tagged", 500)),
        author=_optional_str(raw, "author"),
        channel=_optional_str(raw, "channel"),
        id=_optional_str(raw, "id"),
    )


def _kind(value: Any) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        raise ItemError(
            f"kind must be one of {', '.join(k.value for k in Kind)}, not {value!r}"
        ) from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ItemError("text must be a string")
    if len(value) > MAX_TEXT_CHARS:
        raise ItemError(f"text is {len(value):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    return value


def _optional_str(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ItemError(f"{key} must be a string")
    return value


def _str_list(raw: dict[str, Any], key: str, limit: int) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ItemError(f"{key} must be a list of strings")
    if len(value) > limit:
        raise ItemError(f"{key} has {len(value)} entries; the limit is {limit}")
    return value


def _media(path_text: str, base_dir: Path) -> MediaItem:
    path = (base_dir / path_text).resolve()
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ItemError(f"media {path_text!r} is not a file")
        if size > MAX_MEDIA_BYTES:
            raise ItemError(
                f"media {path_text!r} is {size / 2**20:.1f} MB; the limit is "
                f"{MAX_MEDIA_BYTES // 2**20} MB"
            )
        data = path.read_bytes()
    except OSError as error:
        raise ItemError(f"media {path_text!r} cannot be read: {error.strerror}") from error
    return MediaItem(name=path_text, data=data)
