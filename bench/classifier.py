"""Evaluate the offensive_language classifier and check (docs/model-card-offensive.md).

    .venv/bin/python bench/classifier.py [DATA_DIR] [--quick]

DATA_DIR defaults to ../shared/data beside the repository. Prints:

1. alt-profanity-check alone on OLID at 0.5 (the baseline);
2. the shipped model (trained on Davidson + own examples, never on OLID) on all 13,240 OLID
   training tweets as a held-out set: classifier alone and the whole check;
3. an experiment: 5-fold CV on OLID of the same architecture trained on OLID folds;
4. precision and recall at a school page's balance (5% offensive);
5. per-text latency of the check (p50/p95) on tweets and on 1,000-character posts.

OLID is used only here, to measure; nothing measured here is written to the shipped model.
--quick skips the cross-validation experiment.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from socialguard.screening.base import ContentItem, Kind  # noqa: E402
from socialguard.screening.models import offensive as om  # noqa: E402
from socialguard.screening.recognizers.text.offensive_language import (  # noqa: E402
    OffensiveLanguage,
    assess,
    findings,
)
from socialguard.screening.text import normalise  # noqa: E402
from tools import train_offensive as tr  # noqa: E402

PREVALENCE = 0.05
HELD_OUT = REPO / "bench" / "data" / "school_comments_benign.txt"


def scores(labels: np.ndarray[Any, Any], flagged: np.ndarray[Any, Any]) -> dict[str, float]:
    from sklearn.metrics import f1_score, precision_score, recall_score

    return {
        "macro_f1": float(f1_score(labels, flagged, average="macro")),
        "precision": float(precision_score(labels, flagged, zero_division=0)),
        "recall": float(recall_score(labels, flagged)),
    }


def line(name: str, labels: np.ndarray[Any, Any], flagged: np.ndarray[Any, Any],
         tin_ind: np.ndarray[Any, Any]) -> None:
    s = scores(labels, flagged)
    print(f"  {name:<46} macro-F1 {s['macro_f1']:.3f}  P {s['precision']:.3f}  "
          f"R {s['recall']:.3f}  recall TIN+IND {flagged[tin_ind].mean():.3f}")


def at_balance(recall: float, false_positive_rate: float,
               prevalence: float = PREVALENCE) -> float:
    """Precision when `prevalence` of comments are offensive."""
    true = recall * prevalence
    false = false_positive_rate * (1 - prevalence)
    return true / (true + false) if true + false else 0.0


def check_flags(texts: Sequence[str]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """(classifier probability, whole check fires with all categories) for each text."""
    probs, fires = [], []
    for text in texts:
        assessment = assess(normalise(text))
        probs.append(assessment.probability)
        fires.append(bool(findings(assessment, om.CATEGORIES)))
    return np.array(probs), np.array(fires)


def baseline(texts: Sequence[str], labels: np.ndarray[Any, Any],
             tin_ind: np.ndarray[Any, Any]) -> None:
    from profanity_check import predict_prob

    print("\n1. alt-profanity-check alone on OLID (13,240 tweets), threshold 0.5")
    line("alt-profanity-check", labels, predict_prob(list(texts)) >= 0.5, tin_ind)


def shipped(texts: Sequence[str], labels: np.ndarray[Any, Any],
            tin_ind: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    model = om.model()
    print(f"\n2. shipped model on all of OLID as a held-out set (threshold {model.threshold:.2f}, "
          f"trained {model.card['date']})")
    probs, fires = check_flags(texts)
    line(f"classifier alone at shipped threshold {model.threshold:.2f}", labels,
         probs >= model.threshold, tin_ind)
    line("classifier alone at 0.5 (for comparison)", labels, probs >= 0.5, tin_ind)
    line("whole check as shipped (lexicon + classifier + library vote)", labels, fires, tin_ind)
    return probs, fires


def olid_cv(texts: Sequence[str], labels: np.ndarray[Any, Any],
            tin_ind: np.ndarray[Any, Any]) -> None:
    print("\n3. experiment: 5-fold CV on OLID, same architecture trained on OLID folds "
          "(not shipped)")
    started = time.perf_counter()
    apc_model = tr.apc_from_arrays(tr.export_apc())
    data = tr.prepare(texts)
    probs = tr.cross_val_predict(data, labels, np.ones(len(labels)), apc_model)
    strong = np.array([any(h.weight >= 0.7 for h in hits) for hits in data.hits])
    line("classifier at 0.5", labels, probs >= 0.5, tin_ind)
    line("classifier at 0.5 or a strong lexicon hit", labels, (probs >= 0.5) | strong, tin_ind)
    best = max((scores(labels, probs >= t)["macro_f1"], float(t))
               for t in np.arange(0.3, 0.8, 0.05))
    print(f"  (best threshold in hindsight {best[1]:.2f}: macro-F1 {best[0]:.3f}; optimistic)")
    print(f"  ({time.perf_counter() - started:.0f} s)")


def school_balance(labels: np.ndarray[Any, Any], probs: np.ndarray[Any, Any],
                   fires: np.ndarray[Any, Any], tin_ind: np.ndarray[Any, Any]) -> None:
    model = om.model()
    benign = tr.school_page_texts()
    _, benign_fires = check_flags(benign)
    print(f"\n4. school-page balance: {PREVALENCE:.0%} offensive. Offensive = OLID OFF; benign = "
          f"OLID NOT, and separately the project's {len(benign)} benign school comments")
    print("   (the latter were in the shipped model's training data: an in-sample check)")
    for name, flagged in (("classifier alone", probs >= model.threshold), ("whole check", fires)):
        recall = float(flagged[labels == 1].mean())
        fpr = float(flagged[labels == 0].mean())
        print(f"  {name:<18} recall OFF {recall:.3f}  recall TIN+IND "
              f"{flagged[tin_ind].mean():.3f}  false-positive rate on OLID NOT {fpr:.3f}  "
              f"-> precision at {PREVALENCE:.0%}: {at_balance(recall, fpr):.3f}")
    flagged_benign = [t for t, f in zip(benign, benign_fires, strict=True) if f]
    print(f"  whole check on own benign school comments: {len(flagged_benign)} of {len(benign)} "
          f"flagged{': ' + '; '.join(flagged_benign[:5]) if flagged_benign else ''}")
    held_out = [line.strip() for line in HELD_OUT.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    _, held_out_fires = check_flags(held_out)
    flagged = [t for t, f in zip(held_out, held_out_fires, strict=True) if f]
    print(f"  whole check on {len(held_out)} held-out benign school comments "
          f"(bench/data, never trained on): {len(flagged)} flagged"
          f"{': ' + '; '.join(flagged[:5]) if flagged else ''}")


def latency(texts: Sequence[str]) -> None:
    check = OffensiveLanguage()
    params = check.Params()
    check.prepare(None)
    sentences = [t for t in tr.school_page_texts() if len(t) > 20]
    posts = []
    for start in range(0, 300, 3):
        post = ""
        i = start
        while len(post) < 1000:
            post += sentences[i % len(sentences)] + " "
            i += 1
        posts.append(post[:1000])
    print("\n5. latency of the check on one core (text already folded by the engine; "
          "the first item's model load excluded)")
    for name, sample in (("tweets (OLID, 2,000)", texts[:2000]), ("1,000-char posts", posts)):
        times = []
        for text in sample:
            item = ContentItem(kind=Kind.INCOMING_COMMENT, text=text)
            _ = item.normalised
            started = time.perf_counter()
            check.analyze(item, None, params, None)
            times.append(time.perf_counter() - started)
        ms = np.array(times) * 1000
        print(f"  {name:<22} p50 {np.percentile(ms, 50):.3f} ms  p95 {np.percentile(ms, 95):.3f} ms"
              f"  max {ms.max():.3f} ms")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="offensive_language evaluation")
    parser.add_argument("data", nargs="?", type=Path, default=tr.default_data_dir())
    parser.add_argument("--quick", action="store_true", help="skip the OLID CV experiment")
    args = parser.parse_args(argv)
    olid = args.data / "olid_train" / "olid-training-v1.0.tsv"
    if not olid.is_file():
        print(f"No evaluation data: {olid} is missing. Pass the shared data folder "
              "(e.g. ../shared/data) as the first argument.", file=sys.stderr)
        return 2
    texts, labels, tin_ind = tr.read_olid(args.data)
    print(f"OLID training set: {len(texts)} tweets, {int(labels.sum())} OFF, "
          f"{int(tin_ind.sum())} TIN+IND")
    baseline(texts, labels, tin_ind)
    probs, fires = shipped(texts, labels, tin_ind)
    if not args.quick:
        olid_cv(texts, labels, tin_ind)
    school_balance(labels, probs, fires, tin_ind)
    latency(texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
