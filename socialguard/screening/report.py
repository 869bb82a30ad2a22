"""Decisions rendered for people: the outcome, each rule's quote, the words highlighted."""

from __future__ import annotations

import textwrap

import click

from socialguard.screening.base import Finding, Outcome
from socialguard.screening.decision import Decision, Verdict, Violation

_VERDICT_COLOUR = {Verdict.PASS: "green", Verdict.HOLD: "yellow", Verdict.BLOCK: "red"}
_OUTCOME_COLOUR = {Outcome.ADVISE: "cyan", Outcome.HOLD: "yellow", Outcome.BLOCK: "red"}
_CONTEXT_CHARS = 40


def render(decision: Decision, text: str) -> str:
    """A multi-line report; ANSI colour codes are stripped by click when not on a tty."""
    head = click.style(
        f" {decision.outcome.value} ", bold=True, reverse=True, fg=_VERDICT_COLOUR[decision.outcome]
    )
    label = f"item {decision.item_id}" if decision.item_id else "item"
    lines = [f"{head} {label} against {decision.policy}"]
    if not decision.violations:
        lines.append("  No rule of the policy is broken.")
    for violation in decision.violations:
        lines.extend(_violation(violation, text))
    if decision.remedies:
        lines.append(click.style("  What socialguard can fix:", bold=True))
        lines.extend(f"    - {r.description} ({r.kind})" for r in decision.remedies)
    return "\n".join(lines)


def _violation(violation: Violation, text: str) -> list[str]:
    rule = violation.rule
    tag = click.style(f"[{violation.outcome.value}]", fg=_OUTCOME_COLOUR[violation.outcome])
    quote = textwrap.fill(
        f"“{rule.citation.quote}”", width=88, initial_indent="    ", subsequent_indent="     "
    )
    lines = [
        f"  {tag} {click.style(rule.title, bold=True)}  ({rule.id})",
        click.style(quote, italic=True),
        f"     — {rule.citation.section}, {rule.citation.source}",
    ]
    for finding in violation.findings:
        lines.append(f"    • {finding.explanation}")
        if finding.span:
            lines.append(f"      {highlight(text, finding)}")
    return lines


def highlight(text: str, finding: Finding) -> str:
    """The finding's words in bold red, with a little of the text either side."""
    assert finding.span is not None
    start, end = finding.span
    before = text[max(0, start - _CONTEXT_CHARS) : start]
    after = text[end : end + _CONTEXT_CHARS]
    # Marked as well as coloured, so the words stand out when colour is off or printed.
    words = click.style(f">>{text[start:end]}<<", fg="red", bold=True, underline=True)
    prefix = "…" if start > _CONTEXT_CHARS else ""
    suffix = "…" if end + _CONTEXT_CHARS < len(text) else ""
    return " ".join(f"{prefix}{before}{words}{after}{suffix}".split())
