"""live_location: children's live or future whereabouts; past events are fine."""

import pytest

from socialguard.screening.testing import run_check

FIRES = [
    # text, the words flagged, tense
    ("We're at Cannon Hill Park until 3pm!", "We're at Cannon Hill Park", "now"),
    ("The children are at Dudley Zoo right now", "The children are at Dudley Zoo", "now"),
    ("Year 4 will be at the leisure centre all afternoon",
     "Year 4 will be at the leisure centre", "future"),
    ("Heading to the beach now 🏖️", "Heading to the beach", "now"),
    ("On our way to Twycross Zoo!", "On our way to Twycross Zoo", "now"),
    ("We've just arrived at the farm", "We've just arrived at the farm", "now"),
    ("Our amazing Year 6 netball team are at Aldersley Stadium today",
     "Our amazing Year 6 netball team are at Aldersley Stadium", "now"),
    ("Year 5 are visiting the Think Tank museum tomorrow",
     "Year 5 are visiting the Think Tank museum", "future"),
    ("The children are in Birmingham today", "The children are in Birmingham", "now"),
    ("we’re all at the Sea Life centre", "we’re all at the Sea Life centre", "now"),
    ("Class Oak will be performing at Symphony Hall on Friday evening",
     "Class Oak will be performing at Symphony Hall", "future"),
    ("We're off to the panto tonight!", "We're off to the panto", "future"),
    ("Great morning. Year 2 are going to Dudley tomorrow.", "Year 2 are going to Dudley",
     "future"),
    # decided: an invitation to find the children off site at a stated time fires
    ("Come and find us at the fun run on Saturday", "Come and find us at the fun run",
     "future"),
    # evasion
    ("The child\u200bren are at Dudley Zoo right now",
     "The child\u200bren are at Dudley Zoo", "now"),
    ("THE CHILDREN ARE AT DUDLEY ZOO RIGHT NOW", "THE CHILDREN ARE AT DUDLEY ZOO", "now"),
]

PASSES = [
    "Yesterday Year 4 visited the zoo",
    "We had a lovely time at the park",
    "Last week we were at the zoo",
    "Year 4 went to Dudley Zoo on Monday",
    "Our pupils are at the heart of everything we do",
    "We are at the end of term",
    "Year 6 are in the final!",
    "We are in Year 6",
    "We are in good spirits",
    "Children are at risk online",
    "We are on track to finish",
    "We are going to learn about fractions today",
    "We are at lunch now",
    "Year 3 are heading home",
    "The children are in the hall this afternoon",
    "Join us at our summer fair on Saturday",
    "Meet us at the school gate at 3pm",
    "Please support the children at home with reading tonight",
    "We are at Oakfield Primary School today",
    "Our Year 6 pupils are off to secondary school in September",
    "Come and find us at the fun run",  # no time given
    "Oakfield is at 12 Elm Road",
    "",
]


@pytest.mark.parametrize(("text", "words", "tense"), FIRES)
def test_fires(text, words, tense):
    [finding] = run_check("live_location", text)
    assert finding.text == words
    assert finding.data["tense"] == tense
    start, end = finding.span
    assert text[start:end] == words
    assert "strangers" in finding.explanation


@pytest.mark.parametrize("text", PASSES)
def test_passes(text):
    assert run_check("live_location", text) == []


def test_one_finding_per_sentence_and_each_sentence_read():
    text = "Lovely day yesterday at the zoo. Now we're at the beach until 4pm! Heading to the farm."
    assert [f.data["shape"] for f in run_check("live_location", text)] == [
        "there", "on_the_way"]


def test_huge_text():
    text = "We had a lovely time at the park yesterday. " * 2500 + "We're at the zoo now."
    assert [f.text for f in run_check("live_location", text)] == ["We're at the zoo"]
