"""The README, docs/ and the built-in help describe every command and every exit code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"
REFERENCE = (DOCS / "reference.md").read_text(encoding="utf-8")
HELPLINES_PAGE = (DOCS / "helplines.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_readme_starts_with_the_two_setup_commands() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block
    assert "make test" in first_block


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme_and_has_help_with_an_example(name: str) -> None:
    assert f"`safecheck {name}" in README, f"safecheck {name} is missing from the README"
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_every_exit_code_is_in_the_reference_table() -> None:
    table = dict(re.findall(r"^\| (\d+) \| (.+) \|$", REFERENCE, flags=re.MULTILINE))
    assert {int(code) for code in table} == {code.value for code in ExitCode}


def test_the_ci_script_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in README.split("```")[1]
    assert re.search(r"^make test$", ci, flags=re.MULTILINE)


def test_the_help_line_table_is_made_from_the_data() -> None:
    """One copy of the facts: the table between the markers is what the data file gives."""
    import json
    from dataclasses import replace

    from safecheck.content import helplines

    lines = helplines.load()
    start = HELPLINES_PAGE.index(helplines.TABLE_START) + len(helplines.TABLE_START)
    table = HELPLINES_PAGE[start : HELPLINES_PAGE.index(helplines.TABLE_END)]
    assert table.strip() == helplines.markdown_table(lines).strip(), (
        "the help-line table of docs/helplines.md differs from checklists/data/helplines.yaml: "
        "run python tools/helpline_table.py"
    )
    # A changed fact in the data would make the page out of date (the check can fail).
    changed = (replace(lines[0], phones=("999",)), *lines[1:])
    assert helplines.with_table(HELPLINES_PAGE, changed) != HELPLINES_PAGE
    # Every line `safecheck helplines` gives is in the table, with its source and check date.
    shown = CliRunner().invoke(app, ["helplines", "--json", "--lang", "en"])
    assert shown.exit_code == 0, shown.output
    for line in json.loads(shown.stdout)["helplines"]:
        rows = [r for r in table.splitlines() if f"| {line['name']} |" in r]
        assert any(f"<{line['source']}>" in row for row in rows), line["name"]
    for line in lines:
        row = next(
            r for r in table.splitlines() if f"<{line.source}>" in r and line.name["en"] in r
        )
        assert row.rstrip().endswith(f"| {line.checked} |")
        for phone in line.phones:
            assert phone in row


# -- the README starts with help; docs/ holds the rest ---------------------------------


def test_the_readme_is_short_and_starts_with_help() -> None:
    lines = README.splitlines()
    assert len(lines) <= 200, f"the README has {len(lines)} lines; the rest belongs in docs/"
    first = "\n".join(lines[:25])
    assert "## If someone is threatening you now" in first
    assert "**112**" in first
    assert "it is not your fault" in first.lower()
    assert "`safecheck helplines`" in first


def test_the_docs_have_a_page_for_every_audience() -> None:
    pages = {page.name for page in DOCS.glob("*.md")}
    assert {
        "user-guide.md",
        "youth-workers.md",
        "labs.md",
        "reference.md",
        "commands.md",
        "security.md",
        "contributing.md",
        "helplines.md",
    } <= pages
    for page in pages - {"commands.md"}:
        assert f"(docs/{page})" in README, f"the README does not link to docs/{page}"


def _anchor(heading: str) -> str:
    """The anchor a code host gives a heading: lower case, punctuation dropped, spaces to -."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    return {_anchor(m) for m in re.findall(r"^#{1,6} (.+)$", text, flags=re.MULTILINE)}


def _links() -> list[tuple[Path, str]]:
    found = []
    for page in [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]:
        text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
        found += [(page, target) for target in re.findall(r"\]\(([^)\s]+)\)", text)]
    return found


def test_every_relative_link_resolves() -> None:
    links = [(page, target) for page, target in _links() if "://" not in target]
    assert len(links) > 20  # the pages do link to each other (the check can fail)
    broken = []
    for page, target in links:
        path, _, anchor = target.partition("#")
        goal = (page.parent / path).resolve() if path else page
        if not goal.exists():
            broken.append(f"{page.relative_to(ROOT)}: {target} (no such file)")
        elif anchor and goal.suffix == ".md" and anchor not in _anchors(goal):
            broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
    assert not broken, "\n".join(broken)


def test_a_broken_link_is_found(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Title\n\nSee [there](#elsewhere) and [here](#title).\n", encoding="utf-8")
    assert _anchors(page) == {"title"}
    assert _anchor("The JSON export (`version` 1)") == "the-json-export-version-1"


def test_the_command_reference_is_made_from_the_program() -> None:
    from tools import cli_reference

    page = (DOCS / "commands.md").read_text(encoding="utf-8")
    made = cli_reference.reference()
    assert page == made, "docs/commands.md differs from the program: run tools/cli_reference.py"
    for name in COMMANDS:
        assert f"## `safecheck {name}`" in made
    # Every option of every command is on the page.
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in made, f"{name} {opt}"


def test_the_license_is_there() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "[" not in text  # no template placeholder such as [year] [fullname]
