"""The `offensive_language` check (docs/checks.md): swearing, insults, threats, sexual
content and hateful or discriminatory language.

Two layers, both on matching text (folded, spaced letters joined, leetspeak undone; see
socialguard/screening/models/offensive.py):

1. A hand-written lexicon of words and phrases per category. A listed word whose weight
   reaches the lexicon threshold (0.7) is reported on its own, pointing at the words.
   Weaker, context-dependent words ("crap", "prick", "sexy") are reported only when the
   classifier also judges the text offensive.
2. A linear classifier (docs/model-card-offensive.md). If it judges the text offensive and
   no listed word explains why, the whole text is reported as an `insult`.
3. alt-profanity-check's own model (its shipped weights, run as plain arrays) votes at its
   own default threshold, 0.5. If it fires and nothing above explains why, the whole text is
   reported as `profanity`. Any one layer is enough: on OLID this union scores higher than
   the library or the lexicon with the classifier alone (docs/model-card-offensive.md).

`params.threshold`, when set, replaces both thresholds: a hit or the classifier is reported
when its score reaches it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.models import offensive as om
from socialguard.screening.text import NormalisedText

Category = Literal["profanity", "insult", "threat", "sexual", "hate"]

_EXPLANATIONS: dict[str, str] = {
    "profanity": "Contains swearing: \u201c{text}\u201d.",
    "insult": "Insults or belittles someone: \u201c{text}\u201d.",
    "threat": "Reads as a threat of violence or harm: \u201c{text}\u201d.",
    "sexual": "Contains sexual content: \u201c{text}\u201d.",
    "hate": "Contains hateful or discriminatory language: \u201c{text}\u201d.",
}
# Everyday idioms the library reads as violent or crude; removed before it scores a text.
_BENIGN_IDIOMS = re.compile(
    r"\b(?:to\s+die\s+for|dying\s+to|(?:nearly\s+|almost\s+)?died\s+laughing|dead\s+(?:proud|good|"
    r"chuffed|excited|funny)|killing\s+it|killed\s+it|shoot\s+for\s+the\s+stars|break\s+a\s+leg|"
    r"bloody\s+(?:brilliant|marvellous|amazing|fantastic|good))\b"
)
LIBRARY_THRESHOLD = 0.5  # alt-profanity-check's own default; not tuned on any data here
_LIBRARY = ("The wording reads as offensive (alt-profanity-check score {score:.2f}) although "
            "no listed word was found; a person should read it.")
_WHOLE_TEXT = ("The wording reads as abusive or insulting (classifier score {score:.2f}) "
               "although no listed word was found; a person should read it.")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    categories: tuple[Category, ...] = ("profanity", "insult", "threat", "sexual", "hate")
    threshold: float | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the lexicon and the classifier make of one text."""

    text: NormalisedText
    hits: tuple[om.Hit, ...]
    probability: float
    library: float
    """alt-profanity-check's probability for the same text."""


def assess(normalised: NormalisedText) -> Assessment:
    """Lexicon hits and classifier probability for a folded text."""
    text = om.matching_text(normalised)
    hits = om.find_hits(text.folded)
    model = om.model()
    library = model.apc.probability(_BENIGN_IDIOMS.sub(" ", text.folded))
    return Assessment(text, tuple(hits), model.probability(text.folded, hits, library), library)


def _distinct(hits: tuple[om.Hit, ...]) -> list[om.Hit]:
    """Hits with any hit inside a longer one of the same category dropped."""
    kept: list[om.Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if any(k.category == hit.category and k.start <= hit.start and hit.end <= k.end
               for k in kept):
            continue
        kept.append(hit)
    return kept


def _hit_finding(hit: om.Hit, assessment: Assessment, score: float) -> Finding:
    start, end = assessment.text.span(hit.start, hit.end)
    words = assessment.text.original[start:end]
    return Finding(
        check=OffensiveLanguage.name,
        text=words,
        explanation=_EXPLANATIONS[hit.category].format(text=words),
        score=round(score, 3),
        span=(start, end),
        data={"category": hit.category, "source": "lexicon",
              "model_score": round(assessment.probability, 3)},
    )


def _whole_text_finding(original: str, probability: float, category: str = "insult",
                        source: str = "classifier") -> Finding:
    template = _WHOLE_TEXT if source == "classifier" else _LIBRARY
    return Finding(
        check=OffensiveLanguage.name,
        text=original,
        explanation=template.format(score=probability),
        score=round(probability, 3),
        span=(0, len(original)),
        data={"category": category, "source": source, "model_score": round(probability, 3)},
    )


def findings(assessment: Assessment, categories: tuple[str, ...],
             threshold: float | None = None) -> list[Finding]:
    """The findings an assessment gives for the chosen categories and threshold."""
    model = om.model()
    lexicon_cut = threshold if threshold is not None else float(model.card["lexicon_threshold"])
    model_cut = threshold if threshold is not None else model.threshold
    offensive = assessment.probability >= model_cut
    out = [
        _hit_finding(hit, assessment, max(hit.weight, assessment.probability))
        for hit in _distinct(assessment.hits)
        if hit.category in categories and (hit.weight >= lexicon_cut or offensive)
    ]
    if assessment.hits:
        return out  # the lexicon has judged the words it knows; the library would echo it
    if offensive and "insult" in categories:
        out.append(_whole_text_finding(assessment.text.original, assessment.probability))
    elif assessment.library >= (threshold or LIBRARY_THRESHOLD) and "profanity" in categories:
        out.append(_whole_text_finding(assessment.text.original, assessment.library,
                                       "profanity", "alt-profanity-check"))
    return out


class OffensiveLanguage(BaseRecognizer):
    name: ClassVar[str] = "offensive_language"
    Params: ClassVar[type[BaseModel]] = Params

    def prepare(self, context: Any) -> Any:
        om.model()  # load once per process, before the first item is timed
        om.lexicon()
        return None

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        if not item.text.strip():
            return []
        assessment = item.memo.get(self.name)
        if assessment is None:  # rules with other categories reuse it for this item
            assessment = item.memo[self.name] = assess(item.normalised)
        return findings(assessment, tuple(params.categories), params.threshold)
