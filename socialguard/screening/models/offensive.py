"""The offensive-language lexicon and classifier: loading, matching and scoring.

Everything here works on *matching text*: the item's folded text (see screening.text) with
spaced-out letters joined ("f u c k") and leetspeak undone ("sh1t", "b!tch"). Both steps
keep one folded character per original character, so a hit maps back to the words the
author wrote.

The classifier is a logistic regression over word uni/bigram TF-IDF, the score of
alt-profanity-check's own model (re-exported, not imported) and the lexicon's hits. It is
stored as plain arrays in `offensive_model.npz` (loaded with allow_pickle=False, so loading
never runs code) and a JSON card with its threshold. `tools/train_offensive.py` writes
both; docs/model-card-offensive.md describes them.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Final

import numpy as np

from socialguard.screening.text import NormalisedText, collapse_spaced

MODEL_DIR: Final = Path(__file__).resolve().parent
LEXICON_FILE: Final = MODEL_DIR / "offensive_lexicon.json"
MODEL_FILE: Final = MODEL_DIR / "offensive_model.npz"
CARD_FILE: Final = MODEL_DIR / "offensive_model.json"
EXAMPLES_FILE: Final = MODEL_DIR / "offensive_examples.tsv"

CATEGORIES: Final = ("profanity", "insult", "threat", "sexual", "hate")

# Leetspeak, one character for one: only inside a word that also has letters.
_LEET: Final = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                              "@": "a", "$": "s", "!": "i", "|": "i"})
_LEET_CHARS: Final = frozenset("013457@$!|")
_LEET_WORD_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789@$!|*")
_LEET_MIX: Final = re.compile(r"[a-z][013457@$|]|[013457@$!|][a-z]")  # cheap test first
_WORD: Final = re.compile(r"[a-z*]+")
_RUN3: Final = re.compile(r"(.)\1{2,}")
_RUN2: Final = re.compile(r"(.)\1+")
_URL: Final = re.compile(r"https?://\S+|www\.\S+")
_MENTION: Final = re.compile(r"@\w+")
_MODEL_TOKEN: Final = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_APC_TOKEN: Final = re.compile(r"\b\w\w+\b")


# --------------------------------------------------------------------------- matching text


def _deleet_word(word: str) -> str:
    """Undo leetspeak in one word; '!' at the end and '@' at the start stay punctuation."""
    core_start, core_end = 0, len(word)
    while core_start < core_end and word[core_start] == "@":
        core_start += 1
    while core_end > core_start and word[core_end - 1] == "!":
        core_end -= 1
    core = word[core_start:core_end]
    if not any(c.isalpha() for c in core) or not any(c in _LEET_CHARS for c in core):
        return word
    return word[:core_start] + core.translate(_LEET) + word[core_end:]


def matching_text(text: NormalisedText) -> NormalisedText:
    """Folded text with spaced letters joined and leetspeak undone, indices kept."""
    joined = collapse_spaced(text) or text
    folded = joined.folded
    words = {_word_around(folded, m.start()) for m in _LEET_MIX.finditer(folded)}
    if not words:
        return joined
    pieces, cursor = [], 0
    for start, end in sorted(words):
        pieces += [folded[cursor:start], _deleet_word(folded[start:end])]
        cursor = end
    pieces.append(folded[cursor:])
    changed = "".join(pieces)  # one character for one: the index still fits
    return joined if changed == folded else NormalisedText(joined.original, changed, joined.index)


def _word_around(folded: str, at: int) -> tuple[int, int]:
    """The run of word or leet characters that contains position `at`."""
    start = end = at
    while start > 0 and folded[start - 1] in _LEET_WORD_CHARS:
        start -= 1
    while end < len(folded) and folded[end] in _LEET_WORD_CHARS:
        end += 1
    return start, end


def model_tokens(folded: str) -> list[str]:
    """Word unigrams and bigrams of matching text, links dropped, mentions as one token."""
    text = _MENTION.sub(" xxuser ", _URL.sub(" ", folded))
    words = [w for w in _MODEL_TOKEN.findall(text) if w != "rt"]
    return words + [f"{a} {b}" for a, b in pairwise(words)]


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon match in matching text: half-open folded range, category and weight."""

    category: str
    start: int
    end: int
    weight: float
    term: str


@dataclass(frozen=True, slots=True)
class Phrase:
    """A listed phrase: its pattern, category, weight and the words it cannot match without."""

    pattern: re.Pattern[str]
    category: str
    weight: float
    needs: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, tuple[str, float]]
    prefixes: dict[str, tuple[str, float]]
    patterns: tuple[Phrase, ...]
    safe: frozenset[str]
    explanations: dict[str, str]

    @cached_property
    def _needs(self) -> frozenset[str]:
        """Every word some pattern needs, each looked for once per text."""
        return frozenset(w for p in self.patterns for w in p.needs)

    def find_phrases(self, folded: str) -> list[Hit]:
        """Phrase hits; a pattern runs only if one of the words it needs is in the text."""
        present = {word for word in self._needs if word in folded}
        hits = []
        for phrase in self.patterns:
            if present.isdisjoint(phrase.needs):
                continue
            for match in phrase.pattern.finditer(folded):
                hits.append(Hit(phrase.category, match.start(), match.end(), phrase.weight,
                                match.group()))
        return hits


def _load_lexicon(path: Path) -> Lexicon:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    words: dict[str, tuple[str, float]] = {}
    prefixes: dict[str, tuple[str, float]] = {}
    patterns: list[Phrase] = []
    explanations: dict[str, str] = {}
    for category, entry in data["categories"].items():
        explanations[category] = entry["explanation"]
        for term, weight in entry["terms"].items():
            target = prefixes if term.endswith("*") else words
            target[term.rstrip("*")] = (category, float(weight))
        for phrase in entry["patterns"]:
            patterns.append(Phrase(re.compile(phrase["re"]), category, float(phrase["weight"]),
                                   tuple(phrase["needs"])))
    return Lexicon(words, prefixes, tuple(patterns), frozenset(data["safe_words"]), explanations)


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return _load_lexicon(LEXICON_FILE)


def _candidates(word: str) -> list[str]:
    """The word and its forms with drawn-out letters squeezed ("fuuuck" -> "fuck")."""
    out = [word]
    if _RUN3.search(word):
        out += [_RUN3.sub(r"\1\1", word), _RUN3.sub(r"\1", word)]
    squeezed = _RUN2.sub(r"\1", word)
    if len(squeezed) >= 4 and squeezed not in out:
        out.append(squeezed)
    return out


def _starred(word: str, lex: Lexicon) -> tuple[str, tuple[str, float]] | None:
    """Match a word with '*' for hidden letters ("f*ck", "sh**") to a listed term."""
    if word.startswith("*") or word.strip("*") == "":
        return None
    core = word.rstrip("*") if word.count("*") == len(word) - len(word.rstrip("*")) else word
    pattern = re.compile(re.escape(core).replace(r"\*", "[a-z]"))
    for term, value in lex.words.items():
        if len(term) == len(core) and pattern.fullmatch(term):
            return term, value
    for term, value in lex.prefixes.items():
        if pattern.match(term) and len(core) >= len(term) - 1 and len(core) >= 3:
            return term, value
    return None


@lru_cache(maxsize=1 << 16)
def _shipped_word_entry(word: str) -> tuple[str, tuple[str, float]] | None:
    return _word_entry(word, lexicon())


def _word_entry(word: str, lex: Lexicon) -> tuple[str, tuple[str, float]] | None:
    if "*" in word:
        return _starred(word, lex)
    if word in lex.safe:
        return None
    for form in _candidates(word):
        if form in lex.words:
            return form, lex.words[form]
        for size in range(3, len(form) + 1):
            if form[:size] in lex.prefixes:
                return form[:size], lex.prefixes[form[:size]]
    return None


def find_hits(folded: str, lex: Lexicon | None = None) -> list[Hit]:
    """Every listed word and phrase in matching text, in order of position."""
    shipped = lex is None
    lex = lex or lexicon()
    hits: list[Hit] = []
    for match in _WORD.finditer(folded):
        word = match.group()
        entry = _shipped_word_entry(word) if shipped else _word_entry(word, lex)
        if entry is not None:
            term, (category, weight) = entry
            hits.append(Hit(category, match.start(), match.end(), weight, term))
    hits.extend(lex.find_phrases(folded))
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits


def lexicon_features(hits: list[Hit]) -> list[float]:
    """The strongest hit weight in each category (0 when none)."""
    best = dict.fromkeys(CATEGORIES, 0.0)
    for hit in hits:
        best[hit.category] = max(best[hit.category], hit.weight)
    return [best[c] for c in CATEGORIES]


# --------------------------------------------------------------------------- classifier


Arrays = Mapping[str, "np.ndarray[Any, Any]"]


@dataclass(frozen=True)
class ApcModel:
    """alt-profanity-check's calibrated linear SVMs (its own shipped weights) as plain data.

    `index` maps a word to its row in `idf` and `coef` (one column per SVM).
    """

    index: dict[str, int]
    idf: np.ndarray[Any, Any]
    coef: np.ndarray[Any, Any]
    intercept: np.ndarray[Any, Any]
    sigmoid_a: np.ndarray[Any, Any]
    sigmoid_b: np.ndarray[Any, Any]

    @classmethod
    def from_arrays(cls, arrays: Arrays) -> ApcModel:
        words = arrays["apc_vocabulary"].tolist()
        return cls(
            index={str(w): i for i, w in enumerate(words)},
            idf=np.asarray(arrays["apc_idf"], dtype=np.float64),
            coef=np.asarray(arrays["apc_coef"], dtype=np.float64).T.copy(),
            intercept=np.asarray(arrays["apc_intercept"], dtype=np.float64),
            sigmoid_a=np.asarray(arrays["apc_sigmoid_a"], dtype=np.float64),
            sigmoid_b=np.asarray(arrays["apc_sigmoid_b"], dtype=np.float64),
        )

    def probability(self, folded: str) -> float:
        index = self.index
        rows = [index[t] for t in _APC_TOKEN.findall(folded) if t in index]
        decisions = self.intercept
        if rows:
            unique, counts = np.unique(rows, return_counts=True)
            values = counts * self.idf[unique]
            decisions = decisions + (values @ self.coef[unique]) / math.sqrt(values @ values)
        probs = 1.0 / (1.0 + np.exp(self.sigmoid_a * decisions + self.sigmoid_b))
        return float(probs.mean())


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class OffensiveModel:
    """Logistic regression: TF-IDF words, alt-profanity-check's logit, lexicon weights.

    `terms` maps a word or bigram to (idf, coefficient).
    """

    terms: dict[str, tuple[float, float]]
    extra_coef: tuple[float, ...]
    intercept: float
    apc: ApcModel
    threshold: float
    card: dict[str, Any]

    def extra_features(self, folded: str, hits: list[Hit],
                       library: float | None = None) -> list[float]:
        if library is None:
            library = self.apc.probability(folded)
        return [logit(library), *lexicon_features(hits)]

    def probability(self, folded: str, hits: list[Hit], library: float | None = None) -> float:
        """P(offensive) for matching text and its lexicon hits (and, if already known,
        alt-profanity-check's probability for it)."""
        extra = self.extra_features(folded, hits, library)
        z = self.intercept + sum(c * x for c, x in zip(self.extra_coef, extra, strict=True))
        counts = Counter(filter(self.terms.__contains__, model_tokens(folded)))
        if counts:
            squares = 0.0
            total = 0.0
            for token, count in counts.items():
                idf, coef = self.terms[token]
                value = (1.0 + math.log(count)) * idf
                squares += value * value
                total += value * coef
            z += total / math.sqrt(squares)
        return 1.0 / (1.0 + math.exp(-z))


def load_model(path: Path = MODEL_FILE, card_path: Path = CARD_FILE) -> OffensiveModel:
    """Read the shipped arrays (no pickle) and the card with the decision threshold."""
    card: dict[str, Any] = json.loads(card_path.read_text(encoding="utf-8"))
    with np.load(path, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    words = arrays["vocabulary"].tolist()
    pairs = np.vstack([arrays["idf"], arrays["word_coef"]]).T.tolist()
    return OffensiveModel(
        terms={str(w): (float(p[0]), float(p[1])) for w, p in zip(words, pairs, strict=True)},
        extra_coef=tuple(arrays["extra_coef"].tolist()),
        intercept=float(arrays["intercept"]),
        apc=ApcModel.from_arrays(arrays),
        threshold=float(card["threshold"]),
        card=card,
    )


@cache
def model() -> OffensiveModel:
    """The shipped classifier, loaded once per process."""
    return load_model()
