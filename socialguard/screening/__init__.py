"""The screening engine. Build a context once, then screen many items:

    from socialguard.screening import ContentItem, Kind, build_context, screen
    from socialguard.policies.loader import load_pack

    context = build_context(load_pack("core-trust").policy, registry)
    decision = screen(ContentItem(kind=Kind.OFFICIAL_POST, text="..."), context)
    decision.outcome, decision.to_dict()
"""

from socialguard.screening.base import ContentItem, Finding, Kind, MediaItem, Outcome
from socialguard.screening.decision import Decision, Verdict
from socialguard.screening.engine import Context, build_context, screen, screen_many
from socialguard.screening.roster import Registry, load_registry

__all__ = [
    "ContentItem", "Context", "Decision", "Finding", "Kind", "MediaItem", "Outcome", "Registry",
    "Verdict", "build_context", "load_registry", "screen", "screen_many",
]
