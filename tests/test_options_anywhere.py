"""--plain, --lang, --region and --discreet work before or after the command's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.storage import settings as plain_settings

runner = CliRunner()
BOXES = set("─│┌┐└┘├┤┬┴┼╭╮╯╰━┃┏┓┗┛┡┩╇")


def output(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == ExitCode.OK, result.output
    return result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--plain", "helplines", "--region", "BE", "--all"],
        ["helplines", "--plain", "--region", "BE", "--all"],
        ["helplines", "--region", "BE", "--all", "--plain"],
        ["--region", "BE", "--plain", "helplines", "--all"],
    ],
)
def test_plain_anywhere_draws_no_box(args: list[str]) -> None:
    assert BOXES & set(output("helplines", "--region", "BE", "--all"))  # boxes without it
    shown = output(*args)
    assert "Zelfmoordlijn 1813" in shown
    assert not BOXES & set(shown), shown


def test_plain_before_the_command_reaches_every_command() -> None:
    for command in (["status"], ["evidence", "list"]):
        assert output("--plain", *command) == output(*command, "--plain")
        assert not BOXES & set(output("--plain", *command))


@pytest.mark.parametrize(
    "args",
    [
        ["check", "prevention", "--region", "BE"],
        ["check", "--region=NL", "prevention"],
        ["status", "--region", "BE", "--discreet"],
        ["verify", "--no-discreet", "--min-score", "0", "--lang", "nl"],
        ["evidence", "list", "--region", "NL", "--lang", "fr"],
    ],
)
def test_the_shared_options_are_no_usage_error_after_any_command(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code != ExitCode.USAGE, result.output
    assert "No such option" not in result.output


def test_lang_after_the_command_is_the_same_as_before() -> None:
    assert output("status", "--lang", "fr") == output("--lang", "fr", "status")
    assert "Où tu en es" in output("status", "--lang", "fr")


def test_discreet_after_the_command_is_remembered(home: Path) -> None:
    output("status", "--discreet")
    assert plain_settings.read(home).discreet is True
    output("status", "--no-discreet")
    assert plain_settings.read(home).discreet is False


def test_region_after_the_command_chooses_the_help_lines() -> None:
    assert "113 Zelfmoordpreventie" in output("helplines", "--all", "--region", "NL")
    assert "113 Zelfmoordpreventie" in output("--region", "NL", "helplines", "--all")


def test_a_value_that_looks_like_an_option_after_its_own_option_is_left_alone() -> None:
    # --min-score takes a value: what follows it is that value, never a moved option.
    result = runner.invoke(app, ["verify", "--min-score", "--plain"])
    assert result.exit_code == ExitCode.USAGE
    assert "--plain" in result.output
