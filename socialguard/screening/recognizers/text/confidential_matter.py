"""The `confidential_matter` check: posts that disclose confidential matters.

Topics (Params.topics): exclusion, safeguarding, SEN, medical, disciplinary, restructuring,
grievance, commercial. The lexicon (data/confidential.yaml) has, per topic, phrases that are a
disclosure alone ("gross misconduct", "permanently excluded", "redundancies") and phrases
that are one only when the same sentence ties them to a case: a person for most topics
("James's allergy", "he has been excluded", "Mr Clarke was suspended"), staffing words for a
restructure, a sum of money for a tender. General school news stays clear: a phrase followed
or preceded by general words ("allergy awareness week", "SEN coffee morning", "our
safeguarding team", "training on autism") is not a disclosure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import yaml
from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.recognizers.text._lexicon import (
    DATA_DIR,
    PhraseSet,
    fold,
    fragment,
    original,
    sentence_bounds,
)
from socialguard.screening.text import NormalisedText

if TYPE_CHECKING:
    from socialguard.screening.engine import Context
    from socialguard.screening.roster import Guardian, Pupil, Registry, StaffMember

DATA_FILE = "confidential.yaml"
CUE_ORDER = ("staff_person", "money", "staffing", "person")
_START = r"(?<![\w'’])"
_END = r"(?![\w'’])"
# A verb after a sentence-initial first name shows it is the subject: "James has ...".
_SUBJECT_VERB = re.compile(
    r"(?:['’]s\b|\s+(?:has|had|is|was|will be|needs?|gets?|got|takes?|took|suffers?|"
    r"can['’]?t|cannot|did|does|doesn['’]t|didn['’]t|isn['’]t|wasn['’]t|has been|"
    r"was being|is being|and his|and her)\b)"
)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    topics: tuple[Literal['exclusion', 'safeguarding', 'sen', 'medical', 'disciplinary', 'restructuring', 'grievance', 'commercial'], ...] = ('exclusion', 'safeguarding', 'sen', 'medical', 'disciplinary', 'restructuring', 'grievance', 'commercial')  # noqa: E501


@dataclass(frozen=True, slots=True)
class Rule:
    """What one phrase discloses, and the cue it needs (None: a disclosure alone)."""

    topic: str
    cue: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    phrases: PhraseSet
    rules: tuple[Rule, ...]
    labels: dict[str, str]
    cues: dict[str, str]
    general_after: re.Pattern[str]
    general_before: re.Pattern[str]


def _group(lines: list[str]) -> str:
    return "(?:" + "|".join(sorted({fragment(x) for x in lines}, key=len, reverse=True)) + ")"


def _rules(topics: dict[str, Any]) -> list[tuple[Rule, str]]:
    """Each phrase with its rule, in the order tried: disclosures alone, then by cue."""
    rules = [(Rule(t, None), line) for t, v in topics.items() for line in v.get("alone", ())]
    for cue in CUE_ORDER:
        rules += [(Rule(t, cue), line) for t, v in topics.items()
                  for line in v.get("with", {}).get(cue, ())]
    return rules


def load_lexicon() -> Lexicon:
    """Read and compile data/confidential.yaml."""
    raw = yaml.safe_load((DATA_DIR / DATA_FILE).read_text(encoding="utf-8"))
    topics: dict[str, Any] = raw["topics"]
    rules = _rules(topics)
    return Lexicon(
        phrases=PhraseSet([line for _, line in rules]),
        rules=tuple(rule for rule, _ in rules),
        labels={topic: spec["label"] for topic, spec in topics.items()},
        cues={cue: _group(lines) for cue, lines in raw["cues"].items()},
        general_after=re.compile(r"[\s\-]*(?:[\w'’]+\s+)?" + _group(raw["general_after"])
                                 + r"(?!\w)"),
        general_before=re.compile(_START + _group(raw["general_before"])
                                  + r"[\s\-]+(?:[\w'’]+\s+)?$"),
    )


LEXICON = load_lexicon()


@dataclass(frozen=True, slots=True)
class ConfidentialState:
    """Cue patterns for one registry: the lexicon's cues plus its people's names."""

    cues: dict[str, re.Pattern[str]]


def _names(registry: Registry) -> tuple[list[str], list[str], list[str]]:
    """Folded full names of everyone, of staff only, and first names (needing capitals)."""
    people: list[Pupil | Guardian | StaffMember] = [
        *registry.pupils, *registry.guardians, *registry.staff,
    ]
    staff = [fold(f"{s.first_name} {s.last_name}") for s in registry.staff]
    staff += [fold(f"{s.title} {s.last_name}") for s in registry.staff if s.title]
    everyone = [fold(f"{p.first_name} {p.last_name}") for p in people] + staff
    firsts = [fold(p.first_name) for p in people]
    firsts += [fold(p.preferred_name) for p in registry.pupils if p.preferred_name]
    return everyone, staff, firsts


def _literal(names: list[str]) -> str:
    parts = {r"\s+".join(re.escape(word) for word in name.split()) for name in names if name}
    return "(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")" if parts else "(?!x)x"


def build_state(registry: Registry) -> ConfidentialState:
    everyone, staff, firsts = _names(registry)
    names = {"person": everyone, "staff_person": staff}
    cues: dict[str, re.Pattern[str]] = {}
    for cue, source in LEXICON.cues.items():
        parts = f"(?P<generic>{source})|(?P<name>{_literal(names.get(cue, []))})"
        if cue == "person":
            parts += f"|(?P<first>{_literal(firsts)})"
        cues[cue] = re.compile(f"{_START}(?:{parts})(?!\\w)")
    return ConfidentialState(cues)


class ConfidentialMatter(BaseRecognizer):
    name: ClassVar[str] = "confidential_matter"
    Params: ClassVar[type[BaseModel]] = Params

    def prepare(self, context: Context) -> ConfidentialState:
        return build_state(context.registry)

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        norm = item.normalised
        wanted = frozenset(params.topics)
        findings: list[Finding] = []
        reported = -1
        for span, rules in _phrases(norm.folded, wanted):
            if span[0] < reported or _general(norm.folded, *span):
                continue
            found = _classify(norm, span, rules, state)
            if found is not None:
                findings.append(_finding(norm, span, *found))
                reported = span[1]
        return findings


def _general(folded: str, start: int, end: int) -> bool:
    """Whether the words around a phrase make it general news, not a case."""
    if LEXICON.general_after.match(folded, end):
        return True
    return LEXICON.general_before.search(folded, max(0, start - 60), start) is not None


def _phrases(folded: str, wanted: frozenset[str]
             ) -> Iterator[tuple[tuple[int, int], list[Rule]]]:
    """Each span a phrase matches (by start, longest first) with its rules in order."""
    spans: dict[tuple[int, int], list[tuple[int, Rule]]] = {}
    for index, match in LEXICON.phrases.matches(folded):
        rule = LEXICON.rules[index]
        if rule.topic in wanted:
            spans.setdefault(match.span(), []).append((index, rule))
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        yield span, [rule for _, rule in sorted(spans[span], key=lambda pair: pair[0])]


def _classify(norm: NormalisedText, span: tuple[int, int], rules: list[Rule],
              state: ConfidentialState) -> tuple[str, str | None] | None:
    """The topic of a phrase and the words tying it to a case, or None if nothing ties it."""
    bounds: tuple[int, int] | None = None
    for rule in rules:
        if rule.cue is None:
            return rule.topic, None
        bounds = bounds or sentence_bounds(norm.folded, *span)
        cue = _cue(norm, state.cues[rule.cue], bounds, span)
        if cue is not None:
            return rule.topic, cue
    return None


def _cue(norm: NormalisedText, pattern: re.Pattern[str], bounds: tuple[int, int],
         phrase: tuple[int, int]) -> str | None:
    """The first cue in the sentence outside the phrase, as the author wrote it."""
    for match in _cue_matches(norm, pattern, bounds):
        if match.end() <= phrase[0] or match.start() >= phrase[1]:
            return original(norm, *match.span())[0]
    return None


def _cue_matches(norm: NormalisedText, pattern: re.Pattern[str], bounds: tuple[int, int]
                 ) -> Iterator[re.Match[str]]:
    for match in pattern.finditer(norm.folded, *bounds):
        if match.lastgroup != "first" or _capitalised_name(norm, match):
            yield match


def _capitalised_name(norm: NormalisedText, match: re.Match[str]) -> bool:
    """A lone first name counts when capitalised; first in its sentence, only as a subject.

    "Will has an allergy" names a pupil; "Will you come?" and "May I ask" do not.
    """
    written, span = original(norm, *match.span())
    if not written[:1].isupper():
        return False
    before = norm.original[max(0, span[0] - 3) : span[0]].rstrip(" \"'“‘(")
    if before and before[-1] not in ".!?\n":
        return True
    return _SUBJECT_VERB.match(norm.folded, match.end()) is not None


def _finding(norm: NormalisedText, span: tuple[int, int], topic: str, cue: str | None
             ) -> Finding:
    words, where = original(norm, *span)
    data: dict[str, Any] = {"topic": topic, "term": words}
    if cue is not None:
        data["about"] = cue
    return Finding(
        check=ConfidentialMatter.name, text=words, span=where,
        score=0.9 if cue is None else 0.75,
        explanation=(f"This appears to disclose a confidential {LEXICON.labels[topic]} "
                     "matter, which must not be shared on social media."),
        data=data,
    )


def topics() -> tuple[str, ...]:
    """The topics of the lexicon, in its order."""
    return tuple(LEXICON.labels)

