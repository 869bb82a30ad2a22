"""The post's text cut into plain and flagged pieces, for <mark> in templates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from socialguard.screening.decision import Decision


@dataclass(frozen=True)
class Piece:
    text: str
    flagged: bool = False
    note: str = ""
    outcome: str = ""


def highlighted(text: str, decision: Decision | dict[str, Any]) -> list[Piece]:
    """Non-overlapping flagged spans (the strongest first wins), in text order."""
    payload = decision.to_dict() if isinstance(decision, Decision) else decision
    spans: list[tuple[int, int, str, str]] = []
    for violation in payload.get("violations", []):
        for finding in violation.get("findings", []):
            span = finding.get("span")
            if span and span != [0, len(text)] and 0 <= span[0] < span[1] <= len(text):
                spans.append((span[0], span[1], finding["explanation"], violation["outcome"]))
    pieces, cursor = [], 0
    for start, end, note, outcome in sorted(spans):
        if start < cursor:
            continue
        pieces += [Piece(text[cursor:start]), Piece(text[start:end], True, note, outcome)]
        cursor = end
    pieces.append(Piece(text[cursor:]))
    return [piece for piece in pieces if piece.text]
