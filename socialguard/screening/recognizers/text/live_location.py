"""The `live_location` check (docs/checks.md): children's live or future whereabouts.

Read sentence by sentence on the folded text. Three shapes fire:

* on the way / arrived, with or without a subject: "heading to the beach now", "on our
  way to Twycross Zoo", "we've just arrived at the farm", "live from the O2" (score 0.9);
* a group of children (we, the children, pupils, Year 4, Class Oak, our netball team …)
  that *is* or *will be* somewhere: "we're at Cannon Hill Park until 3pm", "the children
  are at Dudley Zoo right now", "Year 4 will be at the leisure centre all afternoon".
  These fire when the sentence also says when (now, until 3pm, all afternoon, today,
  on Saturday …; score 0.85) or when the place is plainly somewhere to go (a zoo, park,
  museum, beach …) or a capitalised place name (score 0.7). "We are at the heart of the
  community" and "Year 6 are in the final" do not fire;
* an invitation to find the children somewhere else at a stated time: "come and find us
  at the fun run on Saturday" fires (score 0.6) because it tells anyone where the
  children will be and when. Invitations to the school's own events and premises ("join
  us at our summer fair", "meet us at the school gate") do not: everyone knows where the
  school is, and those events are the school's to supervise.

Places on the school site (hall, playground, classroom …), home and the organisation's own
names are never a finding. Past events are fine: "Yesterday Year 4 visited the zoo", "We
had a lovely time at the park" do not match any shape, and a "were"/"was" sentence is
never read as live; a sentence with a past marker (yesterday, last week) and no present
one ("now", "until") is skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.text import NormalisedText, normalise

_GROUP_NOUNS = (
    r"children|kids|pupils|students|class|classes|team|teams|squad|choir|group|groups|"
    r"orchestra|band|cast|girls|boys|players|athletes|runners|swimmers|singers|musicians|"
    r"learners|council|reception|nursery|year ?\d{1,2}s?|y\d{1,2}s?|cubs|brownies"
)
_SUBJECT = (
    rf"(?:\bwe|\bthey|\beveryone|\b(?:the|all the|all our) (?:[\w-]+ ){{0,2}}?(?:{_GROUP_NOUNS})"
    rf"|\bour (?:[\w-]+ ){{0,4}}?(?:{_GROUP_NOUNS})|\b(?:children|kids|pupils|students)"
    r"|\b(?:year|yr|y) ?\d{1,2}s?|\bclass [\w-]+|\breception|\bnursery)"
)
_AUX = (
    r"(?P<aux>['’](?:re|ll be)|(?:are|is|will be|shall be|are going to be|is going to be"
    r"|will be spending the \w+|are spending the \w+|is spending the \w+)\b)"
)
_ADVERBS = r"(?:\s+(?:currently|still|now|all|both|out|here|there|already|today|live|right now))*"
_PREP = (
    r"\s+(?P<prep>at|in|on|off to|visiting|going to|travelling to|out at|down at|over at|"
    r"(?:playing|performing|competing|racing|staying|camping|singing|swimming|running) (?:at|in))"
)
_PLACE = r"\s+(?P<place>[\w'’&-]++(?:[ \t]+[\w'’&-]++){0,5}+)"

# The verb and place first (cheap to find), then the subject just before it.
_THERE = re.compile(rf"{_AUX}{_ADVERBS}{_PREP}{_PLACE}")
_SUBJECT_BEFORE = re.compile(rf"{_SUBJECT}(?:\s+[\w'’-]+){{0,3}}?\s*$")
_SUBJECT_REACH = 80
_ON_THE_WAY = re.compile(
    r"\b(?P<verb>(?:heading|headed|on (?:our|their|the) way|en route|setting off|travelling"
    r"|making (?:our|their) way)(?:\s+(?:off|over|down|up|out|back))?\s+(?:to|for|towards|into)"
    r"|(?:just|now) (?:arrived|landed|got here) (?:at|in)"
    r"|(?:we|they)(?:['’]ve| have) (?:just |now )?arrived (?:at|in)"
    r"|live (?:from|at))"
    + _PLACE
)
_INVITE = re.compile(
    r"\b(?P<verb>come (?:and |along and |down and |along to |down to )?"
    r"(?:find|see|join|meet|cheer on|support|watch|visit|say hello to)?"
    r"|(?:find|join|meet|cheer on|support|visit|spot|wave at|wave to) )"
    r"\s*(?:(?:us|them|everyone|the children|the team|our (?:[\w-]+ ){0,2}?[\w-]+)\s+)?"
    r"(?P<prep>at|to|in)" + _PLACE
)

_CUE = re.compile(
    r"\b(?P<cue>right now|now|currently|at the moment|live|today|tonight|this (?:morning|"
    r"afternoon|evening|weekend|week)|tomorrow|all (?:day|morning|afternoon|evening|week|"
    r"weekend)|until|till|til|(?:on |this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"later|soon|shortly|from \d{1,2}(?::\d\d)?\s*(?:am|pm)?|(?:at |by )?\d{1,2}(?:[:.]\d\d)?"
    r"\s*(?:am|pm)|at (?:lunch|lunchtime|noon|midday))\b"
)
_PRESENT = re.compile(r"\b(?:right now|now|currently|at the moment|until|till|live)\b")
_FUTURE = re.compile(
    r"\b(?:will|shall|['’]ll|going to|tomorrow|tonight|later|soon|this (?:weekend|afternoon|"
    r"evening)|(?:on |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)
_PAST = re.compile(
    r"\b(?:yesterday|last (?:week|night|term|month|year|weekend|(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day)|ago|earlier (?:today|this week)|this time last)\b"
)
_BOUNDARY = re.compile(r"[.!?]+(?=\s|$)|\n+")

# Words that end a place ("the beach | now", "the zoo | and").
_PLACE_STOP = frozenset(
    [
        "now", "right", "currently", "until", "till", "til", "today", "tonight", "tomorrow",
        "this", "all", "on", "at", "from", "for", "with", "and", "to", "where", "who", "which",
        "but", "so", "because", "as", "between", "by", "later", "soon", "during", "after",
        "before", "then", "if", "when", "while", "having", "enjoying", "learning", "doing",
        "watching", "playing", "taking", "in", "is", "are", "was", "were", "be", "will", "we",
        "they", "it", "our",
    ]
)
_PLACE_PREPS = frozenset({"at", "in", "on", "out at", "down at", "over at"})
_ARTICLES = frozenset({"the", "a", "an", "our", "their"})
_ABSTRACT = frozenset(
    [
        "heart", "moment", "end", "start", "beginning", "middle", "forefront", "top", "bottom",
        "core", "centre", "risk", "work", "best", "least", "most", "ready", "loss", "need", "luck",
        "love", "touch", "final", "finals", "semi-final", "semi-finals", "quarter-final", "lead",
        "running", "process", "news", "spotlight", "awe", "shock", "charge", "trouble", "session",
        "lockdown", "uniform", "mood", "place", "position", "first", "second", "third", "fourth",
        "year", "years", "class", "key", "stage", "term", "half-term", "advent", "lent", "ramadan",
        "it", "this", "that", "them", "all", "one", "two", "three", "full", "good", "great",
        "safe", "high", "for", "fact", "favour", "support", "celebration", "agreement", "line",
        "time", "order", "track", "target", "holiday", "holidays", "form", "course", "board",
        "mission", "lookout", "hunt", "process", "middle", "way",
    ]
)
_ON_SITE = frozenset({
    "school", "our school", "the school", "school hall", "hall", "classroom", "classrooms",
    "class", "playground", "field", "school field", "canteen", "dining hall", "library",
    "gym", "office", "assembly", "forest school", "nursery", "reception", "home", "gate",
    "school gate", "school gates", "gates", "front gate", "entrance", "car park",
    "staffroom", "bed", "lessons", "lesson", "garden", "school garden", "the building",
    "lunch", "break", "play", "playtime", "lunchtime", "dinner", "breakfast club",
})
_DESTINATIONS = frozenset(
    [
        "zoo", "park", "museum", "beach", "farm", "centre", "center", "pool", "baths", "stadium",
        "arena", "theatre", "theater", "cinema", "gallery", "castle", "cathedral", "church",
        "mosque", "temple", "gurdwara", "synagogue", "woods", "wood", "forest", "lake",
        "reservoir", "river", "canal", "seaside", "coast", "aquarium", "sealife", "safari",
        "festival", "fair", "market", "shops", "town", "city", "airport", "station", "leisure",
        "bowling", "trampoline", "trampolining", "playcentre", "campsite", "camp", "hostel",
        "hotel", "pier", "reserve", "abbey", "palace", "observatory", "planetarium", "velodrome",
        "racecourse", "showground", "pantomime", "panto", "circus", "tournament", "gala",
    ]
)


@dataclass(frozen=True, slots=True)
class _State:
    own_names: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Sighting:
    start: int
    end: int
    place: str
    when: str | None
    shape: str
    future: bool
    score: float


class LiveLocation(BaseRecognizer):
    name: ClassVar[str] = "live_location"

    def prepare(self, context: Any) -> _State:
        organisation = context.registry.organisation
        names = {normalise(name).folded.strip()
                 for name in (organisation.name, *organisation.aliases) if name.strip()}
        return _State(own_names=frozenset(names))

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        text = item.normalised
        findings = []
        for sighting in find_sightings(text, state.own_names):
            start, end = text.span(sighting.start, sighting.end)
            findings.append(_finding(item.text[start:end], (start, end), sighting))
        return findings


def _sentences(folded: str) -> list[int]:
    """The start of each sentence after the first (a sentence ends at . ! ? or a newline)."""
    return [boundary.end() for boundary in _BOUNDARY.finditer(folded)]


# Each shape, with words one of which must be in the text for it to match (a fast skip).
_SHAPES = (
    (_ON_THE_WAY, "on_the_way", ("head", "way", "route", "setting off", "travelling",
                                 "arrived", "landed", "got here", "live ")),
    (_THERE, "there", ()),
    (_INVITE, "invitation", ("come", "find", "join", "meet", "cheer", "support", "visit",
                             "spot", "wave")),
)


def find_sightings(text: NormalisedText, own_names: frozenset[str]) -> Iterator[_Sighting]:
    """Children's whereabouts now or to come, one per sentence at most."""
    folded = text.folded
    starts = _sentences(folded)
    candidates: dict[int, list[tuple[int, int, re.Match[str], str]]] = {}
    for rank, (pattern, shape, hints) in enumerate(_SHAPES):
        if hints and not any(hint in folded for hint in hints):
            continue
        for match in pattern.finditer(folded):
            sentence = bisect_right(starts, match.start())
            candidates.setdefault(sentence, []).append((rank, match.start(), match, shape))
    for sentence in sorted(candidates):
        start = starts[sentence - 1] if sentence else 0
        end = starts[sentence] if sentence < len(starts) else len(folded)
        context = _Sentence(text, start, end)
        for _rank, _start, match, shape in sorted(candidates[sentence], key=_order):
            sighting = _sighting(context, match, shape, own_names)
            if sighting is not None:
                yield sighting
                break


def _order(candidate: tuple[int, int, re.Match[str], str]) -> tuple[int, int]:
    return candidate[0], candidate[1]


class _Sentence:
    """One sentence, with its time words read only when a verb pattern needs them."""

    def __init__(self, text: NormalisedText, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        folded = text.folded
        cue = _CUE.search(folded, start, end)
        self.when = cue["cue"] if cue else None
        self.future = bool(_FUTURE.search(folded, start, end))
        self.past_only = bool(_PAST.search(folded, start, end)) and not _PRESENT.search(
            folded, start, end)


def _sighting(
    sentence: _Sentence, match: re.Match[str], shape: str, own_names: frozenset[str]
) -> _Sighting | None:
    text, when = sentence.text, sentence.when
    place = _place(text, match, own_names)
    if place is None:
        return None
    end = _place_end(match, place)
    if shape == "on_the_way":
        if sentence.past_only:
            return None
        return _Sighting(match.start(), end, place, when, shape, sentence.future, 0.9)
    if shape == "invitation":
        if when is None or place.startswith("our "):
            return None
        return _Sighting(match.start(), end, place, when, shape, True, 0.6)
    if match["aux"][0].isalpha() and folded_before(text, match.start()).isalnum():
        return None  # "...fare at", not "are at"
    subject = _SUBJECT_BEFORE.search(
        text.folded, max(sentence.start, match.start() - _SUBJECT_REACH), match.start())
    if subject is None or sentence.past_only:
        return None
    looks_like_place = _is_destination(place) or _capitalised(text, match)
    if match["prep"] not in _PLACE_PREPS and not (
        place.split()[0] in _ARTICLES or looks_like_place
    ):
        return None  # "we are going to learn …": a verb, not a place
    if when is None and not looks_like_place:
        return None
    future = sentence.future or "ll" in match["aux"] or "will" in match["aux"]
    return _Sighting(subject.start(), end, place, when, shape, future,
                     0.85 if when is not None else 0.7)


def folded_before(text: NormalisedText, position: int) -> str:
    return text.folded[position - 1] if position > 0 else " "


def _place(text: NormalisedText, match: re.Match[str], own_names: frozenset[str]) -> str | None:
    """The place words after the verb, or None when they are not somewhere to find children."""
    words: list[str] = []
    for word in match["place"].split():
        if word in _PLACE_STOP and not (not words and word in {"the", "our"}):
            break
        words.append(word)
    place = " ".join(words)
    bare = [word for word in words if word not in _ARTICLES]
    if not bare or bare[0] in _ABSTRACT or " ".join(bare) in _ON_SITE or place in _ON_SITE:
        return None
    if any(name in place for name in own_names):
        return None
    return place


def _place_end(match: re.Match[str], place: str) -> int:
    return match.start("place") + len(place)


def _is_destination(place: str) -> bool:
    return any(word in _DESTINATIONS for word in place.split())


def _capitalised(text: NormalisedText, match: re.Match[str]) -> bool:
    start = match.start("place")
    words = match["place"].split()
    bare = next((word for word in words if word not in _ARTICLES), "")
    offset = text.folded.find(bare, start) if bare else -1
    return offset >= 0 and text.original[text.index[offset]].isupper()


def _finding(text: str, span: tuple[int, int], sighting: _Sighting) -> Finding:
    if sighting.future:
        explanation = ("This tells strangers where the children will be and when, so someone "
                       "could go and find them.")
    else:
        explanation = ("This tells strangers where the children are right now, so someone "
                       "could go and find them.")
    return Finding(
        check=LiveLocation.name, text=text, span=span, explanation=explanation,
        score=sighting.score,
        data={"place": sighting.place, "when": sighting.when, "shape": sighting.shape,
              "tense": "future" if sighting.future else "now"},
    )
