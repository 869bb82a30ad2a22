"""Train the shipped offensive-language classifier (socialguard/screening/models/).

    .venv/bin/python tools/train_offensive.py [DATA_DIR] [--out DIR]

DATA_DIR defaults to ../shared/data beside the repository. The shipped model is trained
only on data whose licence allows it (docs/model-card-offensive.md):

- Davidson et al. 2017 (MIT): hate + offensive -> 1, neither -> 0;
- the project's own examples (models/offensive_examples.tsv) and templates written below;
- alt-profanity-check's own shipped model, re-exported as arrays and used as one feature.

OLID is never read here: it is used only by bench/classifier.py to evaluate. The decision
threshold is chosen on 5-fold cross-validated predictions over the training data, weighted
to a school page's balance (5% offensive). Deterministic: fixed seeds, sorted vocabulary.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from socialguard.screening.models import offensive as om  # noqa: E402
from socialguard.screening.text import normalise  # noqa: E402

SEED = 20261121
C = 1.0
OWN_WEIGHT = 3.0
SCHOOL_PREVALENCE = 0.05
DATE = "2026-11-21"

# Templates written for this project: the same sentence shapes with insults and with praise,
# so the model learns that the words, not the shape, make a remark offensive.
SUBJECTS = ("you", "your son", "your daughter", "that teacher", "the head", "Mrs Smith", "he",
            "she", "this school", "your kid", "the new teacher", "that woman", "the staff",
            "you lot", "Mr Khan")
INSULTS = ("pathetic", "useless", "a disgrace", "an idiot", "stupid", "a joke", "vile", "a liar",
           "thick", "disgusting", "a waste of space", "a moron", "ugly", "clueless", "spineless",
           "a nasty piece of work")
PRAISE = ("brilliant", "amazing", "a star", "fantastic", "so kind", "a credit to the school",
          "wonderful", "helpful", "an inspiration", "lovely", "so talented", "great", "a legend",
          "hard working", "the best", "very patient")


@dataclass(frozen=True)
class Prepared:
    """Texts turned into matching text, their lexicon hits and the model's extra features."""

    folded: list[str]
    hits: list[list[om.Hit]]


def prepare(texts: Sequence[str]) -> Prepared:
    folded = [om.matching_text(normalise(t)).folded for t in texts]
    return Prepared(folded, [om.find_hits(f) for f in folded])


def default_data_dir() -> Path:
    return REPO.parent / "shared" / "data"


def read_davidson(data_dir: Path) -> tuple[list[str], np.ndarray[Any, Any]]:
    path = data_dir / "davidson_hate_offensive" / "labeled_data.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = [html.unescape(r["tweet"]) for r in rows]
    labels = np.array([int(r["class"]) != 2 for r in rows], dtype=np.int64)
    return texts, labels


def read_olid(data_dir: Path) -> tuple[list[str], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """OLID texts ('URL' placeholders dropped), OFF labels and a TIN+IND mask. Evaluation only."""
    path = data_dir / "olid_train" / "olid-training-v1.0.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [[c.strip() for c in r] for r in csv.reader(handle, delimiter="\t",
                                                             quoting=csv.QUOTE_NONE)][1:]
    texts = [r[1].replace("URL", " ") for r in rows]
    labels = np.array([r[2] == "OFF" for r in rows], dtype=np.int64)
    tin_ind = np.array([r[3] == "TIN" and r[4] == "IND" for r in rows], dtype=bool)
    return texts, labels, tin_ind


def own_examples() -> tuple[list[str], np.ndarray[Any, Any]]:
    """The project's hand-written examples plus the insult/praise templates."""
    texts: list[str] = []
    labels: list[int] = []
    for line in om.EXAMPLES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            mark, text = line.split("\t", 1)
            texts.append(text)
            labels.append(int(mark))
    for subject in SUBJECTS:
        verb = {"you": "are", "you lot": "are", "the staff": "are"}.get(subject, "is")
        for words, value in ((INSULTS, 1), (PRAISE, 0)):
            for word in words:
                texts.append(f"{subject} {verb} {word}")
                labels.append(value)
    return texts, np.array(labels, dtype=np.int64)


def school_page_texts() -> list[str]:
    """The benign examples: the project's stand-in for comments on a school page."""
    texts, labels = own_examples()
    return [t for t, y in zip(texts, labels, strict=True) if y == 0]


# --------------------------------------------------------------------------- apc export


def export_apc() -> dict[str, np.ndarray[Any, Any]]:
    """alt-profanity-check's vectorizer and calibrated SVMs as plain arrays."""
    from profanity_check import profanity_check as apc

    vectorizer, model = apc.vectorizer, apc.model
    vocab = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
    coefs, intercepts, sig_a, sig_b = [], [], [], []
    for calibrated in model.calibrated_classifiers_:
        coefs.append(calibrated.estimator.coef_.ravel())
        intercepts.append(float(calibrated.estimator.intercept_[0]))
        sig_a.append(float(calibrated.calibrators[0].a_))
        sig_b.append(float(calibrated.calibrators[0].b_))
    return {
        "apc_vocabulary": np.array(vocab, dtype=str),
        "apc_idf": vectorizer.idf_.astype(np.float32),
        "apc_coef": np.vstack(coefs).astype(np.float32),
        "apc_intercept": np.array(intercepts, dtype=np.float64),
        "apc_sigmoid_a": np.array(sig_a, dtype=np.float64),
        "apc_sigmoid_b": np.array(sig_b, dtype=np.float64),
    }


def apc_from_arrays(arrays: dict[str, np.ndarray[Any, Any]]) -> om.ApcModel:
    return om.ApcModel.from_arrays(arrays)


def check_apc_export(apc_model: om.ApcModel, texts: Sequence[str]) -> float:
    """Largest gap between the library's probability and the exported arrays' one."""
    from profanity_check import predict_prob

    ours = np.array([apc_model.probability(t) for t in texts])
    return float(np.max(np.abs(ours - predict_prob(list(texts)))))


# --------------------------------------------------------------------------- the model


@dataclass
class Fitted:
    """A fitted architecture: vectorizer, regression and the apc arrays it uses."""

    vectorizer: Any
    regression: Any
    apc: om.ApcModel

    def features(self, data: Prepared) -> Any:
        return features(self.vectorizer, self.apc, data)

    def predict(self, data: Prepared) -> np.ndarray[Any, Any]:
        return np.asarray(self.regression.predict_proba(self.features(data))[:, 1])


def features(vectorizer: Any, apc_model: om.ApcModel, data: Prepared) -> Any:
    words = vectorizer.transform(data.folded)
    extra = np.array([[om.logit(apc_model.probability(f)), *om.lexicon_features(h)]
                      for f, h in zip(data.folded, data.hits, strict=True)])
    return sp.hstack([words, sp.csr_matrix(extra)]).tocsr()


def fit(data: Prepared, labels: np.ndarray[Any, Any], weights: np.ndarray[Any, Any],
        apc_model: om.ApcModel) -> Fitted:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=om.model_tokens, min_df=2, sublinear_tf=True)
    vectorizer.fit(data.folded)
    regression = LogisticRegression(C=C, class_weight="balanced", max_iter=5000,
                                    random_state=SEED)
    regression.fit(features(vectorizer, apc_model, data), labels, sample_weight=weights)
    return Fitted(vectorizer, regression, apc_model)


def subset(data: Prepared, index: np.ndarray[Any, Any]) -> Prepared:
    return Prepared([data.folded[i] for i in index], [data.hits[i] for i in index])


def cross_val_predict(data: Prepared, labels: np.ndarray[Any, Any],
                      weights: np.ndarray[Any, Any], apc_model: om.ApcModel,
                      folds: int = 5) -> np.ndarray[Any, Any]:
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros(len(labels))
    splitter = StratifiedKFold(folds, shuffle=True, random_state=SEED)
    for train, test in splitter.split(np.zeros(len(labels)), labels):
        fitted = fit(subset(data, train), labels[train], weights[train], apc_model)
        out[test] = fitted.predict(subset(data, test))
    return out


def best_threshold(scores: np.ndarray[Any, Any], labels: np.ndarray[Any, Any],
                   prevalence: float = SCHOOL_PREVALENCE) -> tuple[float, float]:
    """The threshold with the best F1 once positives are weighted to `prevalence`."""
    positives, negatives = labels == 1, labels == 0
    scale = prevalence / (1 - prevalence) * negatives.sum() / positives.sum()
    best = (0.5, -1.0)
    for threshold in np.round(np.arange(0.30, 1.0, 0.01), 2):
        flagged = scores >= threshold
        tp = scale * float((flagged & positives).sum())
        fp = float((flagged & negatives).sum())
        fn = scale * float((~flagged & positives).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[1]:
            best = (float(threshold), f1)
    return best


def training_set(data_dir: Path) -> tuple[list[str], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    dav_texts, dav_labels = read_davidson(data_dir)
    own_texts, own_labels = own_examples()
    texts = dav_texts + own_texts
    labels = np.concatenate([dav_labels, own_labels])
    weights = np.concatenate([np.ones(len(dav_texts)), np.full(len(own_texts), OWN_WEIGHT)])
    return texts, labels, weights


def save(fitted: Fitted, apc_arrays: dict[str, np.ndarray[Any, Any]], out_dir: Path,
         card: dict[str, Any]) -> None:
    vocab = fitted.vectorizer.get_feature_names_out()
    coef = fitted.regression.coef_.ravel()
    n_words = len(vocab)
    keep = np.flatnonzero(np.abs(coef[:n_words]) > 1e-6)
    arrays: dict[str, np.ndarray[Any, Any]] = {
        "vocabulary": np.array(vocab[keep], dtype=str),
        "idf": fitted.vectorizer.idf_[keep].astype(np.float32),
        "word_coef": coef[keep].astype(np.float32),
        "extra_coef": coef[n_words:].astype(np.float64),
        "intercept": np.array(float(fitted.regression.intercept_[0])),
        **apc_arrays,
    }
    np.savez_compressed(out_dir / om.MODEL_FILE.name, allow_pickle=False, **arrays)
    (out_dir / om.CARD_FILE.name).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None, log: Callable[[str], None] = _log) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=om.MODEL_DIR)
    args = parser.parse_args(argv)
    if not (args.data / "davidson_hate_offensive" / "labeled_data.csv").is_file():
        log(f"no Davidson data under {args.data}: pass the shared data folder")
        return 2
    np.random.seed(SEED)
    apc_arrays = export_apc()
    apc_model = apc_from_arrays(apc_arrays)
    texts, labels, weights = training_set(args.data)
    log(f"training on {len(texts)} texts ({int(labels.sum())} offensive)")
    data = prepare(texts)
    gap = check_apc_export(apc_model, data.folded[:500])
    log(f"exported alt-profanity-check arrays match the library within {gap:.2e}")
    scores = cross_val_predict(data, labels, weights, apc_model)
    threshold, f1 = best_threshold(scores, labels)
    log(f"threshold {threshold:.2f} (CV F1 {f1:.3f} at {SCHOOL_PREVALENCE:.0%} offensive)")
    fitted = fit(data, labels, weights, apc_model)
    card = {
        "name": "socialguard offensive_language classifier",
        "date": DATE,
        "threshold": threshold,
        "lexicon_threshold": 0.7,
        "threshold_chosen_by": "best F1 on 5-fold CV predictions over the training data, "
                               f"weighted to {SCHOOL_PREVALENCE:.0%} offensive",
        "cv_f1_at_school_balance": round(f1, 4),
        "training_data": ["Davidson et al. 2017 (MIT, (c) 2017 Tom Davidson)",
                          "socialguard's own examples and templates",
                          "alt-profanity-check's shipped model (MIT) as a feature"],
        "training_texts": len(texts),
        "C": C, "own_example_weight": OWN_WEIGHT, "seed": SEED,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    save(fitted, apc_arrays, args.out, card)
    shipped = om.load_model(args.out / om.MODEL_FILE.name, args.out / om.CARD_FILE.name)
    sample = subset(data, np.arange(0, len(texts), 97))
    ours = np.array([shipped.probability(f, h) for f, h in zip(sample.folded, sample.hits,
                                                                 strict=True)])
    gap = float(np.max(np.abs(ours - fitted.predict(sample))))
    log(f"runtime scorer matches sklearn within {gap:.2e}")
    log(f"wrote {args.out / om.MODEL_FILE.name} and {args.out / om.CARD_FILE.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
