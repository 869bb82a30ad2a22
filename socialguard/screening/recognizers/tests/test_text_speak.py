"""text_speak: text speak in official content, with the full words to use instead."""

import time

import pytest

from socialguard.screening.testing import run_check

ZW = "\u200b"

CASES = [
    # text, the words flagged, their suggestions
    ("Thx 4 coming, c u 2moro! LOL", ["Thx", "u", "2moro", "LOL"],
     ["thanks", "you", "tomorrow", ""]),
    ("Gr8 day pls bring ur coats b4 9am", ["Gr8", "pls", "ur", "b4"],
     ["great", "please", "your", "before"]),
    ("omg tbh imo smh", ["omg", "tbh", "imo", "smh"], ["", "to be honest", "in my opinion", ""]),
    ("we r gr8 b/c w/ u", ["r", "gr8", "b/c", "w/", "u"],
     ["are", "great", "because", "with", "you"]),
    ("Ty all for coming", [], []),                     # "Ty" may be a name: lower case only
    ("ty all for coming", ["ty"], ["thank you"]),
    # near misses: classes, acronyms, abbreviations, addresses, tags
    ("Year 6U and the UK team visited the I.T. suite", [], []),
    ("Our U.S. exchange, a U-turn and 300 BC", [], []),
    ("Follow #lol and @gr8school or www.gr8.com and u@x.com", [], []),
    ("Urgent: our useful update, thanks for everything", [], []),
    ("The cost is £4 per pupil", [], []),
    # hostile: zero-width characters, homoglyphs, case
    (f"l{ZW}o{ZW}l", [f"l{ZW}o{ZW}l"], [""]),
    ("ΡLS come", ["ΡLS"], ["please"]),                 # Greek capital rho
    ("tHx", ["tHx"], ["thanks"]),
]


@pytest.mark.parametrize(("text", "words", "suggestions"), CASES)
def test_text_speak(text: str, words: list[str], suggestions: list[str]) -> None:
    findings = run_check("text_speak", text)
    assert [f.text for f in findings] == words
    assert [f.data["suggestion"] for f in findings] == suggestions
    for finding in findings:
        assert finding.span is not None
        start, end = finding.span
        assert text[start:end] == finding.text
        assert finding.explanation.endswith(".")


def test_long_post_is_fast() -> None:
    text = ("What a lovely day at school, the children enjoyed it. " * 20)[:1000] + " thx"
    run_check("text_speak", text)
    started = time.perf_counter()
    findings = run_check("text_speak", text)
    assert [f.text for f in findings] == ["thx"]
    assert time.perf_counter() - started < 10  # linear, not quadratic: a blow-up takes minutes
