"""spelling: words that are not English; British and American spellings both accepted."""

import time

import pytest

from socialguard.screening.recognizers.text import spelling
from socialguard.screening.testing import run_check

ZW = "\u200b"

CASES = [
    # text, the words flagged, their suggestions
    ("We recieve the letter", ["recieve"], ["receive"]),
    ("Definately seperate accomodation", ["Definately", "seperate", "accomodation"],
     ["definitely", "separate", "accommodation"]),
    ("The childrn loved it", ["childrn"], ["children"]),
    ("pls reply", ["pls"], ["please"]),                         # text speak: its full word
    # British and American spellings
    ("Our favourite colourful programme at the centre", [], []),
    ("We organised, analysed and travelled; our neighbours' behaviour was an honour", [], []),
    ("Our favorite colorful program at the center", [], []),
    ("Defence, paediatric, manoeuvre, jewellery, maths, pyjamas and wellbeing", [], []),
    ("Can't, won't, children's, pupils' and it’s fine", [], []),
    # roster and school names, school vocabulary, acronyms, numbers, tags, addresses
    ("Well done James Smith, Siobhán O'Neill and Zoë Kowalski", [], []),
    ("Mrs Jenkins and Mr Clarke at Oakfield Primary", [], []),
    ("Our KS2 SATs, EYFS phonics, the PTA, SENCO, DSL and an EHCP review", [], []),
    ("Reception and Nativity: the Ofsted visit", [], []),
    ("On the 1st and 22nd, Y6 scored 98% in 2024", [], []),
    ("#Gr8Dayy @oakfeild_ps www.oakfeild.sch.uk offce@oakfield.sch.uk", [], []),
    ("The NSPCC and CAMHS visited", [], []),
    ("We visited Cadbury World and Dudley Zoo", [], []),            # proper nouns
    ("We visited the Shcool of Rock", ["Shcool"], ["school"]),    # ...unless one edit away
    # hostile: zero-width characters, homoglyphs
    (f"We recie{ZW}ve it", [f"recie{ZW}ve"], ["receive"]),
    ("Ѕсhool is grate", [], []),                                  # Cyrillic letters, real words
    ("Тhе сhildrn", ["сhildrn"], ["children"]),
]


@pytest.mark.parametrize(("text", "words", "suggestions"), CASES)
def test_spelling(text: str, words: list[str], suggestions: list[str]) -> None:
    findings = run_check("spelling", text)
    assert [f.text for f in findings] == words
    assert [f.data["suggestion"] for f in findings] == suggestions
    for finding in findings:
        assert finding.span is not None
        start, end = finding.span
        assert text[start:end] == finding.text


def test_flagged_words_are_capped() -> None:
    text = " ".join(f"wrdx{chr(97 + i)}q" for i in range(20))
    assert len(run_check("spelling", text)) == spelling.MAX_FLAGGED


def test_dictionary_loads_once() -> None:
    run_check("spelling", "hello")
    first = spelling.spellchecker()
    run_check("spelling", "hello again")
    assert spelling.spellchecker() is first
    assert spelling.load_seconds() is not None


def test_long_post_is_fast() -> None:
    text = ("What a lovely day at school, the children enjoyed their trip. " * 20)[:1000]
    run_check("spelling", text)
    started = time.perf_counter()
    assert run_check("spelling", text) == []
    assert time.perf_counter() - started < 0.5
