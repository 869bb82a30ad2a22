"""The `missing_disclaimer` check: a personal post names the school with no disclaimer.

Fires on a personal post (other kinds are never personal, whatever the rule's scopes) that
names the organisation (its name or an alias, any case or accents; short capital aliases such
as "OPS" only in capitals) and carries none of the disclaimers in data/disclaimers.txt
("views are my own", "opinions are my own", "personal account", ...). The finding points at
the first mention of the school and offers the disclaimer to add.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding, Kind
from socialguard.screening.recognizers.text._lexicon import (
    OrgMatcher,
    fast_alternation,
    org_matcher,
    original,
    read_lines,
)

if TYPE_CHECKING:
    from socialguard.screening.engine import Context

DATA_FILE = "disclaimers.txt"
DISCLAIMER = fast_alternation(read_lines(DATA_FILE))


def has_disclaimer(folded: str) -> bool:
    """Whether folded text carries a "views are my own" disclaimer."""
    return DISCLAIMER.search(folded) is not None


class MissingDisclaimer(BaseRecognizer):
    name: ClassVar[str] = "missing_disclaimer"

    def prepare(self, context: Context) -> OrgMatcher:
        return org_matcher(context.registry)

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        if item.kind != Kind.PERSONAL_POST:
            return []
        matcher: OrgMatcher = state
        norm = item.normalised
        first = next(matcher.finditer(norm), None)
        if first is None or has_disclaimer(norm.folded):
            return []
        words, span = original(norm, *first)
        return [_finding(words, span, matcher.display)]


def _finding(words: str, span: tuple[int, int], school: str) -> Finding:
    remedy = {
        "kind": "add_disclaimer",
        "description": f"Add: 'The views expressed here are my own and not those of {school}.'",
        "text": f"The views expressed here are my own and not those of {school}.",
    }
    return Finding(
        check=MissingDisclaimer.name, text=words, span=span, score=0.9,
        explanation=(f"This personal post names {school} but does not say that the views "
                     "are the author's own and not the school's."),
        data={"school": school, "remedy": remedy},
    )
