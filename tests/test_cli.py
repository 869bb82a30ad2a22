"""`socialguard check` and `socialguard policies`: outputs and exit codes."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from socialguard.cli import EXIT_BAD_INPUT, EXIT_FLAGGED, EXIT_PASS, main
from socialguard.screening.testing import DEMO_REGISTRY

CLEAN = {
    "id": "ok",
    "kind": "official_post",
    "author": "S004",
    "tagged": [],
    "text": "What a wonderful harvest festival. Thank you to everyone who donated food. "
    "See more at https://www.oakfield.sch.uk",
}
NAMED = {
    "id": "named",
    "kind": "official_post",
    "author": "S004",
    "text": "Well done James Smith on winning the spelling bee!",
}


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args, item=None, stdin=None):
        if item is not None:
            (tmp_path / "item.json").write_text(json.dumps(item), encoding="utf-8")
        return runner.invoke(main, list(args), input=stdin, catch_exceptions=False)

    return invoke


def check_args(*extra):
    return ("check", "--pack", "core-trust", "--registry", str(DEMO_REGISTRY), *extra)


def test_a_clean_post_passes(run):
    result = run(*check_args("--format", "json", "item.json"), item=CLEAN)
    assert result.exit_code == EXIT_PASS, result.output
    assert json.loads(result.output)["outcome"] == "PASS"


def test_a_named_pupil_is_blocked_with_the_quote(run):
    result = run(*check_args("--format", "json", "item.json"), item=NAMED)
    assert result.exit_code == EXIT_FLAGGED
    decision = json.loads(result.output)
    assert decision["id"] == "named"
    assert decision["outcome"] == "BLOCK"
    violation = next(
        v for v in decision["violations"] if any(f["check"] == "pupil_named" for f in v["findings"])
    )
    assert violation["quote"] and violation["section"] and violation["source"]
    finding = next(f for f in violation["findings"] if f["check"] == "pupil_named")
    assert finding["text"] == "James Smith"
    assert NAMED["text"][slice(*finding["span"])] == "James Smith"
    assert any(r["kind"] == "redact" for r in decision["remedies"])


def test_text_output_is_for_people(run):
    result = run(*check_args("--color", "item.json"), item=NAMED)
    assert result.exit_code == EXIT_FLAGGED
    assert "BLOCK" in result.output
    assert "\x1b[" in result.output  # coloured
    assert ">>James Smith<<" in result.output  # the offending words, marked
    assert "“" in result.output  # the quote


def test_jsonl_gives_one_decision_per_line_with_the_same_id(run):
    lines = "\n".join(
        [
            json.dumps(CLEAN),
            json.dumps(NAMED),
            "",
            "{not json",
            json.dumps({"id": "bad", "kind": "tweet"}),
        ]
    )
    result = run(*check_args("--jsonl", "-"), stdin=lines)
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [(d["id"], d["outcome"]) for d in out] == [
        ("ok", "PASS"),
        ("named", "BLOCK"),
        (None, "ERROR"),
        ("bad", "ERROR"),
    ]
    assert "kind must be one of" in out[3]["error"]
    assert result.exit_code == EXIT_BAD_INPUT


BAD_INPUT = [
    (check_args("missing.json"), None, "cannot read"),
    (check_args("item.json"), "not json at all", "not JSON"),
    (check_args(), None, "give either ITEM.json or --jsonl FILE"),
    (
        ("check", "--pack", "nope", "--registry", str(DEMO_REGISTRY), "item.json"),
        {},
        "no policy pack",
    ),
    (("check", "--pack", "core-trust", "--registry", "nope.json", "item.json"), {}, "cannot read"),
]


@pytest.mark.parametrize(("args", "item", "message"), BAD_INPUT)
def test_bad_input_exits_2_with_a_clear_message(run, tmp_path, args, item, message):
    if isinstance(item, str):
        (tmp_path / "item.json").write_text(item, encoding="utf-8")
        item = None
    result = run(*args, item=item)
    assert result.exit_code == EXIT_BAD_INPUT
    assert message in result.output


def test_a_registry_with_errors_is_refused(run, tmp_path):
    (tmp_path / "reg.json").write_text(
        json.dumps({"organisation": {"name": "X"}, "pupils": [{"id": "1"}]})
    )
    result = run("check", "--pack", "core-trust", "--registry", "reg.json", "item.json", item=CLEAN)
    assert result.exit_code == EXIT_BAD_INPUT
    assert "pupils.0.first_name" in result.output


def test_policies_commands(run):
    assert "core-trust" in run("policies", "list").output
    validate = run("policies", "validate")
    assert validate.exit_code == 0 and validate.output.count("ok  ") == 7
    shown = run("policies", "show", "morley-victoria").output
    assert "morley-victoria." in shown and "“" in shown
    coverage = run("policies", "coverage").output
    assert coverage.splitlines()[0].split()[1:] == [
        "core-trust",
        "generic-org",
        "kings-school",
        "morley-victoria",
        "rmet",
        "school-template",
        "wolverhampton-code",
    ]
    assert "C3 " in coverage


def test_the_console_script_is_installed():
    result = subprocess.run(
        [sys.executable, "-m", "socialguard.cli", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "check" in result.stdout


def test_a_broken_shipped_pack_stops_every_command(run, monkeypatch):
    from socialguard.policies import loader

    def broken():
        raise loader.PackError("pack rmet, rule rmet.x: quote is not in the source text")

    monkeypatch.setattr(loader, "load_all", broken)
    monkeypatch.setattr("socialguard.cli.load_all", broken)
    result = run(*check_args("item.json"), item=CLEAN)
    assert result.exit_code == EXIT_BAD_INPUT
    assert "rule rmet.x: quote is not in the source text" in result.output


def test_jsonl_that_is_not_utf8_is_refused(run, tmp_path):
    (tmp_path / "posts.jsonl").write_bytes(json.dumps(CLEAN).encode() + b"\n\xff\xfe\n")
    result = run(*check_args("--jsonl", "posts.jsonl"))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "not UTF-8" in result.output


def test_hostile_items_through_the_cli(run):
    hostile = {"id": "h", "kind": "official_post", "author": "S004",
               "text": "W\u200be\u200bl\u200bl done J\u0430mes S m i t h \u202e!"}
    result = run(*check_args("--format", "json", "item.json"), item=hostile)
    decision = json.loads(result.output)
    assert decision["outcome"] == "BLOCK"
    assert not any(v["error"] for v in decision["violations"])
