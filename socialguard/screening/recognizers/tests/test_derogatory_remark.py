"""derogatory_remark: disparaging remarks about the school, staff, pupils, parents,
suppliers or colleagues."""

from typing import Any

import pytest

from socialguard.screening.testing import run_check

ZW = "\u200b"

CASES = [
    # text, params, [(words flagged, target, phrase)]
    ("The teachers here are clueless.", {},
     [("The teachers here are clueless", "staff", "clueless")]),
    ("Oakfield Primary is a shambles", {},
     [("Oakfield Primary is a shambles", "school", "shambles")]),
    ("Oakfield is the worst school in Birmingham", {},
     [("worst school", "school", "worst school")]),
    ("Mrs Jenkins can't teach to save her life", {},
     [("Mrs Jenkins can't teach to save her life", "staff", "can't teach to save her life")]),
    ("The head's useless", {}, [("The head's useless", "staff", "useless")]),
    ("I hate this school", {}, [("hate this school", "school", "hate")]),
    ("The caterers are a joke", {}, [("The caterers are a joke", "suppliers", "are a joke")]),
    ("My boss is an idiot", {}, [("My boss is an idiot", "colleagues", "idiot")]),
    ("Those parents are vile", {}, [("Those parents are vile", "parents", "vile")]),
    ("Worst kids ever!!", {}, [("Worst kids ever", "pupils", "Worst kids ever")]),
    ("OPS is a shambles", {}, [("OPS is a shambles", "school", "shambles")]),
    ("Great trip but the coach company was useless", {},
     [("the coach company was useless", "suppliers", "useless")]),
    ("James Smith is a brat and so lazy", {}, []),            # "brat" alone is not listed
    ("Mr Clarke is lazy", {}, [("Mr Clarke is lazy", "staff", "lazy")]),
    ("Oakfield Primary is badly run and the head ignores parents.", {},
     [("Oakfield Primary is badly run", "school", "badly run"),
      ("the head ignores parents", "staff", "ignores parents")]),
    ("Between us, Mr Clarke has no idea how to run a classroom.", {},
     [("Mr Clarke has no idea how to", "staff", "has no idea how to")]),
    ("Everyone knows the head teacher has been fiddling the school budget", {},
     [("the head teacher has been fiddling the school budget", "staff",
       "fiddling the school budget")]),
    ("Honestly, some of our parents clearly cannot even read a simple letter.", {},
     [("parents clearly cannot even read a", "parents", "cannot even read a")]),
    ("Look at Will Turner's ridiculous haircut, what a clown!", {},
     [("Will Turner's ridiculous haircut", "pupils", "ridiculous haircut"),
      ("Will Turner's ridiculous haircut, what a clown", "pupils", "what a clown")]),
    # params: only some targets
    ("The caterers are a joke", {"targets": ["staff"]}, []),
    ("My boss is an idiot", {"targets": ["colleagues"]},
     [("My boss is an idiot", "colleagues", "idiot")]),
    # near misses
    ("The staff worked tirelessly", {}, []),
    ("Not a bad result at all", {}, []),
    ("Rubbish collection day is Tuesday, the school bins are out", {}, []),
    ("The worst weather for the kids' sports day", {}, []),
    ("The weather was awful but the children were wonderful", {}, []),
    ("The staff were brilliant, but the weather was useless", {}, []),
    ("The teachers aren't rubbish", {}, []),
    ("The staff are not useless at all", {}, []),
    ("I hate parents evening, so nervous!", {}, []),
    ("I can't teach on Fridays, the kids know", {}, []),
    ("ops, wrong photo. Hopeless at this!", {}, []),
    ("The circus came to visit the school", {}, []),
    # hostile: case, zero-width characters, homoglyphs, long text
    ("THE TEACHERS ARE CLUELESS", {},
     [("THE TEACHERS ARE CLUELESS", "staff", "CLUELESS")]),
    (f"The teachers are clue{ZW}less", {},
     [(f"The teachers are clue{ZW}less", "staff", f"clue{ZW}less")]),
    ("The tеachers are uselеss", {},                        # Cyrillic е
     [("The tеachers are uselеss", "staff", "uselеss")]),
]


@pytest.mark.parametrize(("text", "params", "expected"), CASES)
def test_derogatory_remark(
    text: str, params: dict[str, Any], expected: list[tuple[str, ...]]
) -> None:
    findings = run_check("derogatory_remark", text, params=params)
    assert [(f.text, f.data["target"], f.data["phrase"]) for f in findings] == expected
    for finding in findings:
        assert finding.span is not None
        start, end = finding.span
        assert text[start:end] == finding.text
        assert finding.explanation.endswith(".")


def test_long_post_finds_the_remark_at_the_end() -> None:
    text = "We had a wonderful week at school. " * 30 + "Honestly the staff are useless."
    findings = run_check("derogatory_remark", text)
    assert [(f.text, f.data["target"]) for f in findings] == [("the staff are useless", "staff")]
