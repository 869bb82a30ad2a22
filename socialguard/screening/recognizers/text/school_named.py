"""`school_named`: the content names the school (its name or an alias), for packs that forbid
staff to identify the school on personal accounts (Morley: "you should not put any
information onto the site that could identify either your profession or the school";
Wolverhampton: "not make references to places of work, school")."""

from __future__ import annotations

from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.engine import Context
from socialguard.screening.recognizers.text._lexicon import OrgMatcher, org_matcher, original


class SchoolNamed(BaseRecognizer):
    name: ClassVar[str] = "school_named"

    def prepare(self, context: Context) -> OrgMatcher:
        return context.shared("org-matcher", lambda: org_matcher(context.registry))

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        matcher: OrgMatcher = state
        findings = []
        for start, end in matcher.finditer(item.normalised):
            words, span = original(item.normalised, start, end)
            findings.append(Finding(
                check=self.name, text=words, span=span, score=0.9,
                explanation=f"Names the school ({matcher.display}) on content where the policy "
                            "says the school must not be identified.",
                data={"school": matcher.display,
                      "remedy": {"kind": "redact", "description": "Remove the school's name",
                                 "span": list(span)}},
            ))
        return findings
