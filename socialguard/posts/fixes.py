"""Fixes the product makes itself, from a decision's remedies (redact, add a link or a
disclaimer). Photos need none here: their location data is stripped when they are saved."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

REDACTED = "[removed]"


class CannotFix(ValueError):
    """This remedy is not one the product applies to text."""


def apply(text: str, remedy: Mapping[str, Any]) -> str:
    kind = remedy.get("kind")
    if kind == "redact":
        return _redact(text, remedy.get("spans", []))
    if kind == "add_link" and remedy.get("url"):
        return f"{text.rstrip()}\n{remedy['url']}"
    if kind == "add_disclaimer" and remedy.get("text"):
        return f"{text.rstrip()}\n\n{remedy['text']}"
    raise CannotFix(f"socialguard cannot apply a {kind} fix to the text")


def _redact(text: str, spans: list[list[int]]) -> str:
    for start, end in sorted((tuple(s) for s in spans), reverse=True):
        if 0 <= start < end <= len(text):
            text = text[:start] + REDACTED + text[end:]
    return text
