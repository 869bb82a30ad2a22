"""The `socialguard` command line: one entry point for every command.

Exit codes of `check`: 0 every item passed, 1 at least one was held or blocked,
2 bad input (a file, an item, a registry or a pack that cannot be used).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any

import click

from socialguard.policies.loader import PackError, load_all, load_pack
from socialguard.screening.decision import Verdict
from socialguard.screening.engine import Context, build_context, screen
from socialguard.screening.items import ItemError, item_from_dict, item_from_json
from socialguard.screening.roster import RegistryError, load_registry

EXIT_PASS, EXIT_FLAGGED, EXIT_BAD_INPUT = 0, 1, 2


class BadInput(click.ClickException):
    exit_code = EXIT_BAD_INPUT


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="socialguard")
def main() -> None:
    """Run a school's social media policy: screen content, explain every decision."""
    _all_packs()  # a pack that fails stops every command here, naming the pack and rule


@main.command()
@click.option(
    "--pack", "pack_id", required=True, help="Policy pack id (socialguard policies list)."
)
@click.option(
    "--registry",
    "registry_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Registry JSON file.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option(
    "--jsonl",
    "jsonl_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Screen one JSON item per line (- for stdin); one decision per line out.",
)
@click.option("--color/--no-color", default=None, help="Colour text output (default: if a tty).")
@click.argument("item_path", required=False, type=click.Path(dir_okay=False, path_type=Path))
def check(
    pack_id: str,
    registry_path: Path,
    output_format: str,
    jsonl_path: str | None,
    color: bool | None,
    item_path: Path | None,
) -> None:
    """Screen ITEM.json (or --jsonl FILE) against a policy pack."""
    if (item_path is None) == (jsonl_path is None):
        raise BadInput("give either ITEM.json or --jsonl FILE")
    context = _context(pack_id, registry_path)
    if jsonl_path is not None:
        sys.exit(_check_jsonl(context, jsonl_path))
    assert item_path is not None
    try:
        raw = json.loads(item_path.read_text(encoding="utf-8"))
        item = item_from_dict(raw, Path.cwd())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ItemError) as error:
        raise BadInput(f"{item_path}: {_reason(error)}") from error
    decision = screen(item, context)
    if output_format == "json":
        click.echo(json.dumps(decision.to_dict(), ensure_ascii=False, indent=2))
    else:
        from socialguard.screening.report import render

        click.echo(render(decision, item.text), color=color)
    sys.exit(EXIT_PASS if decision.outcome is Verdict.PASS else EXIT_FLAGGED)


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return f"cannot read: {error.strerror}"
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(error, json.JSONDecodeError):
        return f"not JSON: {error.msg} at line {error.lineno}"
    return str(error)


def _context(pack_id: str, registry_path: Path) -> Context:
    try:
        policy = load_pack(pack_id).policy
        registry = load_registry(registry_path)
    except (PackError, RegistryError) as error:
        raise BadInput(str(error)) from error
    return build_context(policy, registry)


def _check_jsonl(context: Context, path: str) -> int:
    """Screen each line; a bad line gets an error line with its id and never stops the run."""
    worst = EXIT_PASS
    with click.open_file(path, encoding="utf-8", errors="strict") as stream:
        out = sys.stdout
        for number, line in enumerate(_lines(stream, path), start=1):
            if not line.strip():
                continue
            result, code = _screen_line(context, line, number)
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            worst = max(worst, code)
    return worst


def _lines(stream: IO[str], path: str) -> Any:
    try:
        yield from stream
    except UnicodeDecodeError as error:
        raise BadInput(f"{path}: not UTF-8 text ({error.reason})") from error


def _screen_line(context: Context, line: str, number: int) -> tuple[dict[str, Any], int]:
    try:
        item = item_from_json(line, Path.cwd())
    except ItemError as error:
        return {"id": _id_of(line), "line": number, "outcome": "ERROR", "error": str(error)}, (
            EXIT_BAD_INPUT
        )
    decision = screen(item, context)
    return decision.to_dict(), EXIT_PASS if decision.outcome is Verdict.PASS else EXIT_FLAGGED


def _id_of(line: str) -> Any:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError:
        return None
    return raw.get("id") if isinstance(raw, dict) else None


@main.group()
def policies() -> None:
    """List, show, validate the policy packs and print their coverage of FEATURES ids."""


@policies.command("list")
def policies_list() -> None:
    """The shipped packs, one a line."""
    for pack_id, loaded in _all_packs().items():
        pack = loaded.pack
        click.echo(f"{pack_id:20} {len(pack.rules):3} rules  {pack.title}")


@policies.command("show")
@click.argument("pack_id")
def policies_show(pack_id: str) -> None:
    """One pack: roles, settings and every rule with its quote."""
    from socialguard.policies.report import show

    try:
        loaded = load_pack(pack_id)
    except PackError as error:
        raise BadInput(str(error)) from error
    click.echo(show(loaded.pack))


@policies.command("validate")
def policies_validate() -> None:
    """Check every pack's schema, quotes and checks; exit 2 naming the first failure."""
    packs = _all_packs()
    for pack_id, loaded in packs.items():
        click.echo(
            f"ok  {pack_id}: {len(loaded.pack.rules)} rules, every quote found in "
            f"{loaded.pack.source.file}"
        )


@policies.command("coverage")
def policies_coverage() -> None:
    """A pack × FEATURES-id table: how many rules and facts of each pack serve each duty."""
    from socialguard.policies.report import coverage

    click.echo(coverage([loaded.pack for loaded in _all_packs().values()]))


def _all_packs() -> dict[str, Any]:
    try:
        return load_all()
    except PackError as error:
        raise BadInput(str(error)) from error


DEMO_ITEMS = (
    ("clean", "official_post", "A wonderful harvest festival this morning: thank you for the "
     "food donations! More photos on https://www.oakfield.sch.uk", ()),
    ("named", "official_post", "Well done J\u0430mes Smith and Gr\u200bace on the spelling bee!",
     ()),
    ("consent", "official_post", "Year 6 at the science fair https://www.oakfield.sch.uk",
     ("P009",)),
    ("location", "official_post", "We're at Cannon Hill Park until 3pm - call 07700 900123!", ()),
    ("personal", "personal_post", "Exhausting week at Oakfield Primary. The head is useless.", ()),
    ("comment", "incoming_comment", "Hi, I'm a reporter at the Express & Star - could someone "
     "comment on the exclusions?", ()),
)


@main.command()
@click.option("--pack", "pack_id", default="core-trust", show_default=True)
@click.option("--color/--no-color", default=None)
def examples(pack_id: str, color: bool | None) -> None:
    """Screen a handful of example posts against a pack with the demo registry."""
    from socialguard.screening.base import ContentItem, Kind
    from socialguard.screening.report import render
    from socialguard.screening.testing import DEMO_REGISTRY

    packs = _all_packs()
    click.echo(f"{len(packs)} policy packs validated. Screening examples against {pack_id} "
               f"with the demo registry ({DEMO_REGISTRY.name}).\n")
    context = _context(pack_id, DEMO_REGISTRY)
    for item_id, kind, text, tagged in DEMO_ITEMS:
        item = ContentItem(kind=Kind(kind), text=text, tagged=tagged, author="S004", id=item_id)
        click.echo(f"--- {kind}: {text}", color=color)
        click.echo(render(screen(item, context), text) + "\n", color=color)


@main.command()
@click.option("--pupils", default=2000, show_default=True)
@click.option("--staff", default=200, show_default=True)
@click.option("--guardians", default=3000, show_default=True)
@click.option("--posts", default=2000, show_default=True, help="Posts screened for the figures.")
@click.option("--pack", "pack_id", default="core-trust", show_default=True,
              help="A pack id, or 'all' for one run per pack.")
def bench(pupils: int, staff: int, guardians: int, posts: int, pack_id: str) -> None:
    """Measure the engine: context build, per-post latency, throughput, peak memory."""
    from socialguard.screening.benchmark import run

    for one in sorted(_all_packs()) if pack_id == "all" else [pack_id]:
        run(pupils=pupils, staff=staff, guardians=guardians, posts=posts, pack_id=one,
            echo=click.echo)
        click.echo("")


def _add_web_commands() -> None:
    from socialguard.cli_web import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_add_web_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
