"""pupil_named: the roster's pupils found however they are written (demo registry)."""

import pytest

from socialguard.screening.testing import run_check

# (text, names param, expected matched words, expected pupil ids)
CASES = [
    # full, first, preferred names; any case; possessives
    ("Well done James Smith!", "any", ["James Smith"], [["P001"]]),
    ("well done JAMES SMITH", "any", ["JAMES SMITH"], [["P001"]]),
    ("Congratulations to james", "any", ["james"], [["P001"]]),
    ("James's medal is on display", "any", ["James's"], [["P001"]]),
    ("Siobhan O'Neill's trophy", "any", ["Siobhan O'Neill's"], [["P012"]]),
    ("Siobhán O’Neill sang", "any", ["Siobhán O’Neill"], [["P012"]]),
    ("Mo Khan scored twice", "any", ["Mo Khan"], [["P011"]]),
    ("Muhammad Khan scored twice", "any", ["Muhammad Khan"], [["P011"]]),
    ("Zoe Kowalski read her poem", "any", ["Zoe Kowalski"], [["P008"]]),
    ("ZOË read her poem", "any", ["ZOË"], [["P008"]]),
    # hashtags and handles
    ("#JamesSmith #proud", "any", ["JamesSmith"], [["P001"]]),
    ("#WellDoneJames", "any", ["James"], [["P001"]]),
    ("@james_smith", "any", ["james_smith"], [["P001"]]),
    # evasion: spaced letters, zero-width characters, homoglyphs, digits
    ("J a m e s  S m i t h won", "any", ["J a m e s  S m i t h"], [["P001"]]),
    ("j.a.m.e.s smith", "any", ["j.a.m.e.s smith"], [["P001"]]),
    ("Jam\u200bes Smith", "any", ["Jam\u200bes Smith"], [["P001"]]),
    ("Ja\u00admes Sm\u200dith", "any", ["Ja\u00admes Sm\u200dith"], [["P001"]]),
    ("J\u0430mes Smith", "any", ["J\u0430mes Smith"], [["P001"]]),
    ("j4mes sm1th", "any", ["j4mes sm1th"], [["P001"]]),
    ("Ｊａｍｅｓ Smith", "any", ["Ｊａｍｅｓ Smith"], [["P001"]]),
    # names that are also words: resolved by context
    ("Well done Grace!", "any", ["Grace"], [["P002"]]),
    ("Grace was brilliant in the play", "any", ["Grace"], [["P002"]]),
    ("Grace, what a performance!", "any", ["Grace"], [["P002"]]),
    ("Well done to Will and Grace", "any", ["Will", "Grace"], [["P003"], ["P002"]]),
    ("Rose's painting won", "any", ["Rose's"], [["P006"]]),
    ("Summer scored the winning goal", "any", ["Summer"], [["P005"]]),
    ("Gr\u200bace was brilliant", "any", ["Gr\u200bace"], [["P002"]]),
    ("May the force be with you", "any", [], []),
    ("We hope you have a lovely summer", "any", [], []),
    ("Amazing grace rang out in assembly", "any", [], []),
    ("In May we visited the farm", "any", [], []),
    ("Sports day is on 14 May", "any", [], []),
    ("Hope everyone has a restful break", "any", [], []),
    ("Summer term starts on Monday", "any", [], []),
    ("Will you join us for the fair?", "any", [], []),
    ("Visit the Rose Garden this weekend", "any", [], []),
    ("Summer Fair Tickets On Sale Now", "any", [], []),
    ("Our Summer concert was a triumph", "any", [], []),
    # near misses: surnames alone, other words, the `full` setting
    ("Mrs Smith's class went to the zoo", "any", [], []),
    ("The smiths and jameson jars", "any", [], []),
    ("Congratulations to james", "full", [], []),
    ("Well done James Smith", "full", ["James Smith"], [["P001"]]),
    ("#WellDoneJames", "full", [], []),
    ("", "any", [], []),
]


@pytest.mark.parametrize(("text", "names", "words", "pupils"), CASES)
def test_pupil_named(text, names, words, pupils):
    findings = run_check("pupil_named", text, params={"names": names})
    assert [f.text for f in findings] == words
    assert [f.data["pupils"] for f in findings] == pupils
    for finding in findings:
        start, end = finding.span
        assert text[start:end] == finding.text
        assert finding.data["remedy"] == {
            "kind": "redact",
            "description": "Remove the pupil's name",
            "span": [start, end],
        }


@pytest.mark.parametrize(
    ("text", "trick"),
    [
        ("J a m e s  S m i t h", "spaced letters"),
        ("Jam\u200bes Smith", "invisible characters"),
        ("J\u0430mes Smith", "look-alike letters"),
        ("j4mes smith", "digits for letters"),
    ],
)
def test_evasion_is_named_in_the_explanation(text, trick):
    [finding] = run_check("pupil_named", text)
    assert trick in finding.data["evasion"]
    assert trick in finding.explanation
    assert finding.score == 1.0


def test_a_shared_first_name_lists_every_pupil_it_could_be():
    from socialguard.screening.roster import Pupil
    from socialguard.screening.testing import demo_registry

    twins = demo_registry().model_copy(
        update={
            "pupils": (
                Pupil(id="A", first_name="Olivia", last_name="Hart"),
                Pupil(id="B", first_name="Olivia", last_name="Stone"),
            )
        }
    )
    [finding] = run_check("pupil_named", "Olivia won", registry=twins)
    assert finding.data["pupils"] == ["A", "B"]
    assert "2 pupils are called \u201cOlivia\u201d" in finding.explanation


def test_a_hostile_hashtag_stays_fast():
    import time

    started = time.perf_counter()
    run_check("pupil_named", "#" + "a" * 50_000 + " " + "x" * 50_000)
    assert time.perf_counter() - started < 10  # linear, not quadratic: a blow-up takes minutes
