"""Folding for matching: what evasion looks like after normalise()."""

import pytest

from socialguard.screening.text import collapse_spaced, deleet, normalise

FOLDS = [
    ("James", "james"),
    ("Zoë", "zoe"),
    ("Siobhán", "siobhan"),
    ("Ja\u200bmes", "james"),           # zero-width space
    ("Ja\u200d\u200cmes", "james"),     # zero-width joiner and non-joiner
    ("Ja\u00admes", "james"),           # soft hyphen
    ("\ufeffJames", "james"),           # byte-order mark
    ("J\u0430mes", "james"),            # Cyrillic a
    ("R\u03bfse", "rose"),              # Greek omicron
    ("Ｊａｍｅｓ", "james"),             # full-width
    ("𝐉𝐚𝐦𝐞𝐬", "james"),                 # mathematical bold
    ("JAMES\u00a0SMITH", "james smith"),  # no-break space
    ("Straße", "strasse"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "folded"), FOLDS)
def test_normalise_folds(text, folded):
    assert normalise(text).folded == folded


@pytest.mark.parametrize("text", ["Ja\u200bmes Smith", "Zoë Kowalski", "J\u0430mes", "a𝐚b"])
def test_spans_map_back_to_the_original(text):
    norm = normalise(text)
    start, end = norm.span(0, len(norm.folded))
    assert text[start:end].replace("\u200b", "") == text.replace("\u200b", "")


SPACED = [
    ("j a m e s", "james"),
    ("J.A.M.E.S smith", "james smith"),
    ("j-a-m-e-s", "james"),
    ("a b", None),  # two letters are not a run
    ("i am a teacher", None),
]


@pytest.mark.parametrize(("text", "collapsed"), SPACED)
def test_collapse_spaced(text, collapsed):
    result = collapse_spaced(normalise(text))
    assert (result.folded if result else None) == collapsed


@pytest.mark.parametrize(("word", "plain"), [("j4m3s", "james"), ("sm1th", "smith"),
                                             ("2024", "2024"), ("james", "james")])
def test_deleet(word, plain):
    assert deleet(word) == plain
