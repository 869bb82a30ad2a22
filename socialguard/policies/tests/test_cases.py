"""One generic test runs every case in every pack's cases.yaml through the whole engine."""

from __future__ import annotations

import pytest

from socialguard.policies.loader import PACKS_DIR, PackError, available_packs, load_cases, load_pack
from socialguard.screening.engine import build_context, screen
from socialguard.screening.items import item_from_dict
from socialguard.screening.testing import demo_registry

FIXTURES = PACKS_DIR / "fixtures"


def _all_cases():
    """Every case of every pack; a pack whose cases cannot load yields one failing param."""
    for pack_id in available_packs():
        try:
            cases = load_cases(pack_id).cases
        except PackError as error:
            yield pytest.param(pack_id, error, id=f"{pack_id}::cases-file")
            continue
        for case in cases:
            yield pytest.param(pack_id, case, id=f"{pack_id}::{case.name}")


CASES = list(_all_cases())


@pytest.mark.parametrize(("pack_id", "case"), CASES)
def test_case(pack_id, case):
    if isinstance(case, PackError):
        pytest.fail(str(case))
    context = _context(pack_id)
    decision = screen(item_from_dict(case.item, FIXTURES), context)
    fired = {violation.rule.id for violation in decision.violations}
    explanation = [(v.rule.id, [f.explanation for f in v.findings]) for v in decision.violations]
    assert decision.outcome.value == case.outcome, explanation
    assert set(case.rules) <= fired, explanation
    assert not set(case.absent) & fired, explanation


@pytest.mark.parametrize("pack_id", available_packs())
def test_every_pack_has_fifteen_cases_naming_real_rules(pack_id):
    cases = load_cases(pack_id).cases
    rule_ids = {rule.id for rule in load_pack(pack_id).pack.rules}
    assert len(cases) >= 15
    for case in cases:
        assert set(case.rules) | set(case.absent) <= rule_ids, case.name


_CONTEXTS: dict[str, object] = {}


def _context(pack_id):
    if pack_id not in _CONTEXTS:
        _CONTEXTS[pack_id] = build_context(load_pack(pack_id).policy, demo_registry())
    return _CONTEXTS[pack_id]
