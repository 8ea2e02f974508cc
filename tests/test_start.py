"""The start screen (crisis first) and discreet mode, with real prompts fed by a pipe."""

from __future__ import annotations

from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode, Interrupted, QuickExit
from safecheck.storage import settings as plain_settings
from safecheck.storage.store import Store
from safecheck.ui.prompts import PlainPrompter, Prompter
from tests import keys

runner = CliRunner()
PLAN_TITLE = "Emergency plan: someone is threatening you now"
CHOICES = [("first", "a"), ("second", "b"), ("third", "c")]


@pytest.fixture(autouse=True)
def belgian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")


def start(pipe: PipeInput, typed: str, *args: str) -> tuple[int, str]:
    pipe.send_text(typed)
    result = runner.invoke(app, [*args, "--lang", "en"] if "--lang" not in args else list(args))
    return result.exit_code, result.output


def test_one_enter_reaches_the_emergency_plan(pipe: PipeInput) -> None:
    code, out = start(pipe, keys.ENTER + keys.CTRL_C)
    assert PLAN_TITLE in out
    assert code == ExitCode.INTERRUPTED


def test_1_and_enter_reach_the_emergency_plan_and_1_alone_does_not(pipe: PipeInput) -> None:
    code, out = start(pipe, "1" + keys.ENTER + keys.CTRL_C)
    assert PLAN_TITLE in out
    assert "This is not your fault" in out
    code, out = start(pipe, "1" + keys.CTRL_C)  # a number only points, as everywhere
    assert PLAN_TITLE not in out


def test_the_start_screen_shows_the_region_and_the_crisis_lines(pipe: PipeInput) -> None:
    code, out = start(pipe, "5" + keys.ENTER)
    assert code == 0
    assert "Region: Belgium" in out
    assert "Press Enter." in out
    assert "Thinking about suicide? Zelfmoordlijn 1813: 1813 (phone 24/7; chat 17–24 h)" in out
    assert PLAN_TITLE not in out


def test_the_start_screen_in_dutch(pipe: PipeInput) -> None:
    code, out = start(pipe, "5" + keys.ENTER, "--lang", "nl")
    assert "Regio: België" in out
    assert "Denk je aan zelfdoding? Zelfmoordlijn 1813: 1813 (bellen 24/7; chat 17–24 u)" in out


def test_the_region_option_of_the_start_screen(pipe: PipeInput) -> None:
    code, out = start(pipe, "5" + keys.ENTER, "--region", "NL")
    assert "Region: the Netherlands" in out
    assert "113 or 0800 0113" in out


def test_help_lines_then_back_to_the_menu(pipe: PipeInput) -> None:
    code, out = start(pipe, "3" + keys.ENTER + "5" + keys.ENTER)
    assert code == 0
    assert "Help lines: Belgium" in out
    assert out.count("Region: Belgium") == 2  # the menu came back


def test_the_region_is_changed_and_remembered(pipe: PipeInput, home: Path) -> None:
    code, out = start(pipe, "4" + keys.ENTER + keys.DOWN + keys.ENTER + "5" + keys.ENTER)
    assert code == 0
    assert "Region: the Netherlands" in out
    assert Store(home).load().settings["region"] == "NL"

    code, out = start(pipe, "5" + keys.ENTER)
    assert "Region: the Netherlands" in out


def test_the_plan_from_the_start_screen_uses_its_region(pipe: PipeInput) -> None:
    # Region NL is already chosen: after the crisis screen comes the age question.
    code, out = start(pipe, "1" + keys.ENTER * 4 + keys.CTRL_C, "--region", "NL")
    assert "113 or 0800 0113" in out
    assert "Steps for: the Netherlands · Under 18" in out


def test_the_prevention_check_from_the_start_screen(pipe: PipeInput) -> None:
    code, out = start(pipe, "2" + keys.ENTER + keys.CTRL_C)
    assert "Prevention" in out
    assert PLAN_TITLE not in out


def test_discreet_mode_is_remembered_and_q_quits_at_once(pipe: PipeInput, home: Path) -> None:
    code, out = start(pipe, "q", "--discreet")
    assert code == ExitCode.OK
    assert plain_settings.read(home).discreet is True  # readable without any key

    code, out = start(pipe, keys.ESC + keys.ESC)  # remembered: no option needed
    assert code == ExitCode.OK
    assert "Stopped" not in out

    code, out = start(pipe, "q" + keys.CTRL_C, "--no-discreet")
    assert code == ExitCode.INTERRUPTED  # q did nothing; Ctrl-C ended it
    assert plain_settings.read(home).discreet is False


def test_discreet_quick_exit_works_inside_the_plan(pipe: PipeInput, home: Path) -> None:
    pipe.send_text(keys.DOWN + keys.ENTER + keys.ENTER + "q")
    result = runner.invoke(app, ["--discreet", "plan", "--region", "BE", "--lang", "en"])
    assert result.exit_code == ExitCode.OK
    assert "Talk to someone you trust" in result.output  # the plan's first step


def test_a_digit_only_points_and_enter_answers(pipe: PipeInput) -> None:
    pipe.send_text("2" + "3" + keys.ENTER + "2" + keys.ENTER)
    assert Prompter("no terminal").select("?", CHOICES) == "c"  # 2 alone answered nothing
    assert Prompter("no terminal").select("?", CHOICES) == "b"


def test_the_prompter_starts_at_the_default(pipe: PipeInput) -> None:
    pipe.send_text(keys.ENTER)
    assert Prompter("no terminal").select("?", CHOICES, default=2) == "c"


def test_the_prompter_quick_exit_keys(pipe: PipeInput) -> None:
    for typed in ("q", keys.ESC + keys.ESC):
        pipe.send_text(typed)
        with pytest.raises(QuickExit):
            Prompter("no terminal", quick_exit=True).select("?", CHOICES)
    pipe.send_text("q" + keys.CTRL_C)
    with pytest.raises(Interrupted):
        Prompter("no terminal").select("?", CHOICES)


def test_the_plain_prompter_takes_the_default_on_enter_and_quits_on_q() -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    prompter = PlainPrompter("en", stdin=Terminal("\n"), stdout=io.StringIO())
    assert prompter.select("?", CHOICES, default=1) == "b"
    prompter = PlainPrompter("en", stdin=Terminal("q\n"), stdout=io.StringIO(), quick_exit=True)
    with pytest.raises(QuickExit):
        prompter.select("?", CHOICES)
    out = io.StringIO()
    prompter = PlainPrompter("en", stdin=Terminal("\n4\n3\n"), stdout=out)
    assert prompter.select("?", CHOICES) == "c"  # no default: asked again
    prompter = PlainPrompter("en", stdin=Terminal("q\n"), stdout=io.StringIO())
    with pytest.raises(QuickExit):  # q leaves outside discreet mode too
        prompter.select("?", CHOICES)


def test_an_unknown_region_shows_every_line_then_the_region_is_asked(
    pipe: PipeInput, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # names neither Belgium nor the Netherlands
    # Start, yes: the crisis screen; 1 and Enter answer the region question;
    # then go on, and under 18.
    typed = "1" + keys.ENTER * 2 + "1" + keys.ENTER * 3 + keys.CTRL_C
    code, out = start(pipe, typed)
    flat = " ".join(out.split())
    crisis = flat[flat.index("Help right now") :]
    for text in ("112", "Belgium: Zelfmoordlijn 1813", "Netherlands: 113 Zelfmoordpreventie"):
        assert text in flat[: flat.index(PLAN_TITLE)]  # the start screen
        assert text in crisis
    assert "Steps for: Belgium" in crisis  # 1 and Enter chose the region
    assert plain_settings.read(home).region == "BE"
    assert not (home / "state").exists()  # nothing unlocked or saved for this
