"""Screening contexts per school, built once per policy version and registry version."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

from socialguard.orgs.models import Organisation
from socialguard.people.registry import registry_for
from socialguard.policies.loader import load_pack
from socialguard.screening.base import Policy
from socialguard.screening.engine import Context, build_context

_CACHE_SIZE = 64
_lock = threading.Lock()
_contexts: OrderedDict[tuple[int, str, int, str], Context] = OrderedDict()


def policy_for(school: Organisation) -> Policy:
    """The school's pack (its trust's if it belongs to one) with its setting overrides."""
    policy = load_pack(school.pack_id).policy
    overrides = school.policy_settings or (school.trust.policy_settings if school.trust else {})
    if not overrides:
        return policy
    return Policy(id=policy.id, title=policy.title, rules=policy.rules,
                  settings={**policy.settings, **overrides})


def context_for(school: Organisation) -> Context:
    """A cached context; a roster or consent change bumps registry_version and so rebuilds."""
    key = (school.pk, school.pack_id, school.registry_version,
           json.dumps(school.policy_settings, sort_keys=True))
    with _lock:
        context = _contexts.get(key)
        if context is not None:
            _contexts.move_to_end(key)
            return context
    context = build_context(policy_for(school), registry_for(school))
    with _lock:
        _contexts[key] = context
        while len(_contexts) > _CACHE_SIZE:
            _contexts.popitem(last=False)
    return context


def clear_cache() -> None:
    """Forget every cached context (tests; a process that reloads packs)."""
    with _lock:
        _contexts.clear()
