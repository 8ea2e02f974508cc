"""The README and the built-in help describe every command and every exit code."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
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


def test_every_exit_code_is_in_the_readme_table() -> None:
    table = dict(re.findall(r"^\| (\d+) \| (.+) \|$", README, flags=re.MULTILINE))
    assert {int(code) for code in table} == {code.value for code in ExitCode}


def test_the_ci_script_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in README.split("```")[1]
    assert re.search(r"^make test$", ci, flags=re.MULTILINE)


def test_the_readme_help_line_table_is_made_from_the_data() -> None:
    """One copy of the facts: the table between the markers is what the data file gives."""
    import json
    from dataclasses import replace

    from safecheck.content import helplines

    lines = helplines.load()
    start = README.index(helplines.TABLE_START) + len(helplines.TABLE_START)
    table = README[start : README.index(helplines.TABLE_END)]
    assert table.strip() == helplines.markdown_table(lines).strip(), (
        "the README's help-line table differs from checklists/data/helplines.yaml: "
        "run python tools/helpline_table.py"
    )
    # A changed fact in the data would make the README out of date (the check can fail).
    changed = (replace(lines[0], phones=("999",)), *lines[1:])
    assert helplines.with_table(README, changed) != README
    # Every line `safecheck helplines` gives is in the table, with its source and check date.
    shown = CliRunner().invoke(app, ["helplines", "--json", "--lang", "en"])
    assert shown.exit_code == 0, shown.output
    for line in json.loads(shown.stdout)["helplines"]:
        rows = [r for r in table.splitlines() if f"| {line['name']} |" in r]
        assert any(f"<{line['source']}>" in row for row in rows), line["name"]
    for line in lines:
        row = next(
            r for r in table.splitlines() if f"<{line.source}>" in r and line.name("en") in r
        )
        assert row.rstrip().endswith(f"| {line.checked} |")
        for phone in line.phones:
            assert phone in row
