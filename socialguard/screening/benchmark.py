"""`socialguard bench`: the engine's speed on one core with a realistic registry.

Prints: one-time process warm-up (model loads), context build time, per-post latency
p50/p95/p99 for text posts up to 1,000 characters, --jsonl style throughput (parse, screen,
serialise), and peak resident memory. Figures are printed, never asserted.
"""

from __future__ import annotations

import io
import json
import os
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from socialguard.policies.loader import load_pack
from socialguard.screening import synthetic
from socialguard.screening.base import ContentItem, Kind, Policy
from socialguard.screening.engine import build_context, screen
from socialguard.screening.items import item_from_json

Echo = Callable[[str], None]


def pin_to_one_core() -> str:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        return "not pinned (no sched_setaffinity here)"
    return f"pinned to CPU {min(os.sched_getaffinity(0))}"


def _busiest_kind(policy: Policy) -> Kind:
    """The content kind most of the pack's rules apply to (official posts on a tie)."""
    return max(Kind, key=lambda kind: (sum(kind in r.scopes for r in policy.rules),
                                       kind is Kind.OFFICIAL_POST))


def _clear_name_caches() -> None:
    from socialguard.screening.names import fold_name
    from socialguard.screening.recognizers.text._lexicon import fold

    fold_name.cache_clear()
    fold.cache_clear()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run(
    *, pupils: int, staff: int, guardians: int, posts: int, pack_id: str, echo: Echo = print
) -> dict[str, float]:
    echo(f"socialguard engine benchmark — {pin_to_one_core()}")
    reg = synthetic.registry(pupils, staff, guardians)
    policy = load_pack(pack_id).policy
    kind = _busiest_kind(policy)
    echo(
        f"registry: {len(reg.pupils)} pupils, {len(reg.staff)} staff, "
        f"{len(reg.guardians)} guardians; pack {pack_id} ({len(policy.rules)} rules); "
        f"posts screened as {kind.value}, the kind most of its rules apply to"
    )

    started = time.perf_counter()
    warm = build_context(policy, reg)
    screen(ContentItem(kind=kind, text="Warm-up post."), warm)
    warm_up = time.perf_counter() - started

    builds = []
    for _ in range(5):
        _clear_name_caches()  # a new registry's names have not been folded before
        started = time.perf_counter()
        context = build_context(policy, reg)
        builds.append(time.perf_counter() - started)

    texts = list(synthetic.posts(reg, posts))
    latencies = []
    for text in texts:
        item = ContentItem(kind=kind, text=text, author="S0001")
        started = time.perf_counter()
        screen(item, context)
        latencies.append(time.perf_counter() - started)

    lines = [
        json.dumps({"id": str(n), "kind": kind.value, "text": t, "author": "S0001"})
        for n, t in enumerate(texts)
    ]
    out = io.StringIO()
    started = time.perf_counter()
    for line in lines:
        out.write(json.dumps(screen(item_from_json(line, Path.cwd()), context).to_dict()) + "\n")
    throughput = len(lines) / (time.perf_counter() - started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    figures = {
        "warm_up_ms": warm_up * 1000,
        "context_build_ms": statistics.median(builds) * 1000,
        "post_p50_ms": _percentile(latencies, 0.50) * 1000,
        "post_p95_ms": _percentile(latencies, 0.95) * 1000,
        "post_p99_ms": _percentile(latencies, 0.99) * 1000,
        "jsonl_posts_per_s": throughput,
        "peak_rss_mb": peak_mb,
    }
    mean_chars = statistics.mean(len(t) for t in texts)
    echo(f"process warm-up (first context, model loads): {_ms(warm_up)}")
    echo(f"context build (median of 5, cold name caches): {_ms(statistics.median(builds))}"
         "   target <= 200 ms")
    echo(f"one text post ({len(texts)} posts, mean {mean_chars:.0f} chars, max 1,000):")
    echo(
        f"  p50 {_ms(figures['post_p50_ms'] / 1000)}  p95 {_ms(figures['post_p95_ms'] / 1000)}"
        f"  p99 {_ms(figures['post_p99_ms'] / 1000)}   target p95 <= 5 ms"
    )
    echo(f"--jsonl throughput:            {throughput:,.0f} posts/s   target >= 1,000")
    echo(f"peak memory (max RSS):         {peak_mb:.0f} MB   target <= 300 MB")
    return figures
