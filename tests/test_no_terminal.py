"""Without a terminal, each command says what it accepts instead, naming only real options."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode

runner = CliRunner()
ROOT_COMMAND = typer.main.get_command(app)


def command_at(path: list[str]) -> Any:
    command: Any = ROOT_COMMAND
    for name in path:
        assert hasattr(command, "commands")
        command = command.commands[name]
    return command


def options_of(path: list[str]) -> set[str]:
    params = command_at(path).params
    return {"--help"} | {opt for param in params for opt in param.opts if opt[:2] == "--"}


def named_options(message: str, path: list[str]) -> list[tuple[tuple[str, ...], str]]:
    """Each option in the message, with the command it belongs to: the one named last
    before it ("safecheck check ID --answers FILE"), else the command that printed it."""
    words = re.findall(r"[A-Za-z0-9-]+", message)
    current = tuple(path)
    found = []
    for index, word in enumerate(words):
        if word == "safecheck":
            named: list[str] = []
            command: Any = ROOT_COMMAND
            for after in words[index + 1 :]:
                if hasattr(command, "commands") and after in command.commands:
                    named.append(after)
                    command = command.commands[after]
                else:
                    break
            if named:  # "safecheck: ..." and "run safecheck in a terminal" name none
                current = tuple(named)
        elif word.startswith("--"):
            found.append((current, word))
    return found


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["check", "prevention"],
        ["plan"],
        ["workshop"],
        ["evidence", "add"],
        ["evidence", "edit", "1"],
        ["wipe"],
    ],
    ids=lambda args: " ".join(args) or "start",
)
def test_each_no_terminal_message_names_only_options_that_exist(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == ExitCode.NOT_INTERACTIVE, result.output
    path = [arg for arg in args if not arg.isdigit() and arg != "prevention"]
    named = named_options(result.stderr, path)
    for command, option in named:
        assert option in options_of(list(command)), f"{option} is not an option of {command}"


def test_check_names_answers_and_no_input() -> None:
    result = runner.invoke(app, ["check", "prevention"])
    assert "--answers FILE" in result.stderr
    assert "--no-input" in result.stderr


def test_evidence_add_names_from_and_its_fields_only() -> None:
    result = runner.invoke(app, ["evidence", "add"])
    assert "--from FILE" in result.stderr
    assert "--platform" in result.stderr
    assert "--answers" not in result.stderr
    assert "--no-input" not in result.stderr


def test_the_start_screen_prints_the_help_lines_before_it_stops() -> None:
    result = runner.invoke(app, ["--region", "BE"])
    assert result.exit_code == ExitCode.NOT_INTERACTIVE
    assert "Emergency: 112" in result.stdout
    assert "Zelfmoordlijn 1813: 1813" in result.stdout
    assert "Child Focus: 116 000" in result.stdout
    assert "safecheck helplines" in result.stderr  # what works without a terminal
    assert "--answers FILE --no-input" in result.stderr
    assert "--answers FILE, or" not in result.stderr  # not offered as options of the start


def test_the_start_screen_in_dutch_without_a_terminal() -> None:
    result = runner.invoke(app, ["--region", "NL", "--lang", "nl"])
    assert result.exit_code == ExitCode.NOT_INTERACTIVE
    assert "Noodnummer: 112" in result.stdout
    assert "Het startscherm" in result.stderr
