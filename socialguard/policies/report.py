"""Packs as text: `policies show` and the `policies coverage` table."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from socialguard.policies.schema import FEATURE_IDS, Pack

_ORDER = "PACEIS"


def _feature_key(feature: str) -> tuple[int, int]:
    return _ORDER.index(feature[0]), int(feature[1:])


def show(pack: Pack) -> str:
    lines = [
        f"{pack.title} ({pack.id}, version {pack.version})",
        f"Source: {pack.source.file}  Organisation: {pack.organisation.name}",
        "",
    ]
    for heading, facts in (("Roles", pack.roles), ("Settings", pack.settings)):
        if facts:
            lines.append(f"{heading}:")
            lines.extend(f"  {key}: {fact.value}" for key, fact in facts.items())
            lines.append("")
    lines.append(f"Rules ({len(pack.rules)}):")
    for rule in pack.rules:
        scopes = ", ".join(scope.value for scope in rule.scopes)
        lines.append(f"  {rule.id}  [{rule.outcome.value}]  {rule.title}")
        lines.append(
            f"    check {rule.check} {rule.params or ''} on {scopes};"
            f" features {', '.join(rule.features)}"
        )
        lines.append(
            textwrap.fill(
                f"“{rule.quote}” — {rule.section}",
                width=96,
                initial_indent="    ",
                subsequent_indent="    ",
            )
        )
    return "\n".join(lines)


def feature_counts(pack: Pack) -> dict[str, int]:
    counts: dict[str, int] = {}
    cited = [rule.features for rule in pack.rules]
    cited += [fact.features for fact in (*pack.roles.values(), *pack.settings.values())]
    for features in cited:
        for feature in features:
            counts[feature] = counts.get(feature, 0) + 1
    return counts


def coverage(packs: Sequence[Pack]) -> str:
    """Rows are FEATURES ids, columns packs; a cell counts the rules and facts citing it."""
    counts = {pack.id: feature_counts(pack) for pack in packs}
    width = max(len(pack.id) for pack in packs)
    header = "id   " + " ".join(f"{pack.id[:width]:>{width}}" for pack in packs)
    lines = [header, "-" * len(header)]
    for feature in sorted(FEATURE_IDS, key=_feature_key):
        cells = [counts[pack.id].get(feature, 0) for pack in packs]
        row = " ".join(f"{cell or '.':>{width}}" for cell in cells)
        lines.append(f"{feature:4} {row}")
    covered = sum(1 for f in FEATURE_IDS if any(counts[p.id].get(f) for p in packs))
    lines.append(
        f"\n{covered} of {len(FEATURE_IDS)} FEATURES ids are served by at least one "
        "pack; '.' = the pack does not encode it (not every duty is a content check)."
    )
    return "\n".join(lines)
