"""Each command is built only when it runs (cli/lazy.py): what a reader sees stays the same.

`safecheck --help` lists the commands from their docstrings without building them; a
command's own --help is built from its function. Both must say the same, in every language.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import COMMANDS, app
from safecheck.core.errors import ExitCode

runner = CliRunner()
ROW = re.compile(r"^  (?P<name>[a-z-]+)\s{2,}(?P<summary>\S.*)$")


def _listed(lang: str) -> dict[str, str]:
    """The commands `safecheck --help` lists, with the line it shows for each."""
    shown = runner.invoke(app, ["--lang", lang, "--help"])
    assert shown.exit_code == ExitCode.OK, shown.output
    rows = shown.output.split("\n\n")[-1].splitlines()[1:]  # the last section: the commands
    return {found["name"]: found["summary"] for found in map(ROW.match, rows) if found}


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_the_list_says_what_each_commands_own_help_says(lang: str) -> None:
    listed = _listed(lang)
    assert list(listed) == list(COMMANDS)
    for name, summary in listed.items():
        own = runner.invoke(app, ["--lang", lang, name, "--help"])
        assert own.exit_code == ExitCode.OK, own.output
        description = " ".join(own.output.split("\n\n")[1].split())
        assert description.startswith(summary.removesuffix("...")), (name, summary, own.output)


def test_one_process_runs_several_commands() -> None:
    """Each run builds its own commands: a second command line in one process works too."""
    for args in (["--lang", "fr", "helplines", "--help"], ["where", "--lang", "nl", "--help"]):
        shown = runner.invoke(app, args)
        assert shown.exit_code == ExitCode.OK, shown.output
    assert "Utilisation" in runner.invoke(app, ["--lang", "fr", "where", "--help"]).output
