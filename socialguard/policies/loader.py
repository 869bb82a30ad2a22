"""Load policy packs, check them against their source text, and hand them to the engine.

A pack that fails (schema, a quote not in its source, an unknown check, bad params) raises
PackError naming the pack and the rule; the CLI and the web app stop at start on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from socialguard.policies.schema import Case, CaseFile, Fact, Pack, Rule, squash
from socialguard.screening.base import Citation, Policy, RuleSpec
from socialguard.screening.engine import parse_params
from socialguard.screening.registry import CHECKS

PACKS_DIR = Path(str(resources.files("socialguard.policies") / "packs"))
SOURCES_DIR = Path(str(resources.files("socialguard.policies") / "sources"))


class PackError(ValueError):
    """A policy pack cannot be used. The message names the pack and, where known, the rule."""


@dataclass(frozen=True)
class LoadedPack:
    pack: Pack
    policy: Policy
    path: Path


def _read_yaml(path: Path, what: str) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PackError(f"{what}: cannot read {path}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise PackError(f"{what}: {path.name} is not valid YAML: {error}") from error


@cache
def source_text(file: str, lines: tuple[int, int] | None = None) -> str:
    """The source policy (or the given 1-based inclusive line range), whitespace-squashed."""
    path = SOURCES_DIR / file
    if path.parent != SOURCES_DIR or not path.is_file():
        raise PackError(f"source {file!r} is not shipped in {SOURCES_DIR}")
    text = path.read_text(encoding="utf-8")
    if lines:
        first, last = lines
        text = "\n".join(text.splitlines()[first - 1 : last])
    return squash(text)


def _check_cited(where: str, quote: str, section: str, source: str) -> None:
    if squash(quote) not in source:
        raise PackError(f"{where}: quote is not in the source text: {quote[:80]!r}")
    if squash(section) not in source:
        raise PackError(f"{where}: section {section!r} is not in the source text")


def _check_rule(pack: Pack, rule: Rule, source: str) -> None:
    where = f"pack {pack.id}, rule {rule.id}"
    if not rule.id.startswith(pack.id + "."):
        raise PackError(f"{where}: rule ids must start with '{pack.id}.'")
    if rule.check not in CHECKS:
        raise PackError(f"{where}: unknown check {rule.check!r} (known: {', '.join(CHECKS)})")
    _check_cited(where, rule.quote, rule.section, source)


def _check_fact(pack: Pack, kind: str, key: str, fact: Fact, source: str) -> None:
    _check_cited(f"pack {pack.id}, {kind} {key}", fact.quote, fact.section, source)


def to_policy(pack: Pack) -> Policy:
    """The engine's view of a pack."""
    rules = tuple(
        RuleSpec(
            id=rule.id,
            title=rule.title,
            check=rule.check,
            params=rule.params,
            scopes=frozenset(rule.scopes),
            outcome=rule.outcome,
            citation=Citation(squash(rule.quote), rule.section, pack.source.file),
            features=rule.features,
        )
        for rule in pack.rules
    )
    settings = {key: fact.value for key, fact in pack.settings.items()}
    return Policy(id=pack.id, title=pack.title, rules=rules, settings=settings)


def validate(pack: Pack) -> Policy:
    """Check every citation and every rule's check and params; return the engine policy."""
    source = source_text(pack.source.file, pack.source.lines)
    seen: set[str] = set()
    for rule in pack.rules:
        if rule.id in seen:
            raise PackError(f"pack {pack.id}, rule {rule.id}: duplicate rule id")
        seen.add(rule.id)
        _check_rule(pack, rule, source)
    for kind, facts in (("role", pack.roles), ("setting", pack.settings)):
        for key, fact in facts.items():
            _check_fact(pack, kind, key, fact, source)
    policy = to_policy(pack)
    for spec in policy.rules:
        try:
            parse_params(spec)
        except ValidationError as error:
            raise PackError(f"pack {pack.id}, rule {spec.id}: bad params: {error}") from error
    return policy


def load_pack_file(path: Path) -> LoadedPack:
    """Load and validate one policy.yaml."""
    raw = _read_yaml(path, f"pack file {path}")
    try:
        pack = Pack.model_validate(raw)
    except ValidationError as error:
        raise PackError(f"pack {path.parent.name}: {_describe(error, raw)}") from error
    return LoadedPack(pack, validate(pack), path)


def _describe(error: ValidationError, raw: Any) -> str:
    """Name the rule a schema error is in, not only its list index."""
    problems = []
    for item in error.errors()[:3]:
        loc = list(item["loc"])
        label = ".".join(str(part) for part in loc)
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
            rules = raw.get("rules") if isinstance(raw, dict) else None
            if isinstance(rules, list) and loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
                label = f"rule {rules[loc[1]].get('id', loc[1])}: " + ".".join(map(str, loc[2:]))
        problems.append(f"{label}: {item['msg']}")
    return "; ".join(problems)


@cache
def load_pack(pack_id: str) -> LoadedPack:
    """A shipped pack by id."""
    path = PACKS_DIR / pack_id / "policy.yaml"
    if pack_id not in available_packs():
        raise PackError(f"no policy pack {pack_id!r} (available: {', '.join(available_packs())})")
    return load_pack_file(path)


def available_packs() -> tuple[str, ...]:
    return tuple(sorted(p.parent.name for p in PACKS_DIR.glob("*/policy.yaml")))


def load_all() -> dict[str, LoadedPack]:
    """Every shipped pack, validated; the first failure raises."""
    return {pack_id: load_pack(pack_id) for pack_id in available_packs()}


def load_cases(pack_id: str) -> CaseFile:
    path = PACKS_DIR / pack_id / "cases.yaml"
    raw = _read_yaml(path, f"cases of {pack_id}")
    try:
        cases = CaseFile.model_validate(raw)
    except ValidationError as error:
        raise PackError(f"cases of {pack_id}: {error}") from error
    if cases.pack != pack_id:
        raise PackError(f"cases of {pack_id}: file says pack {cases.pack!r}")
    return cases


__all__ = [
    "PACKS_DIR",
    "Case",
    "LoadedPack",
    "PackError",
    "available_packs",
    "load_all",
    "load_cases",
    "load_pack",
    "load_pack_file",
    "source_text",
    "to_policy",
    "validate",
]
