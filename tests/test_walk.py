"""The walk through a checklist, with the real questionary widgets fed by a pipe."""

from __future__ import annotations

from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.storage.state import Answer
from safecheck.storage.store import Store
from tests import keys

runner = CliRunner()


def answers(home: Path, checklist: str = "small") -> dict[str, Answer]:
    return {k: v.answer for k, v in Store(home).load().answers_for(checklist).items()}


def test_answers_are_saved_and_summarised(
    pipe: PipeInput, small_checklist: Path, home: Path
) -> None:
    pipe.send_text(keys.DONE + keys.TELL_ME_HOW + keys.NOT_YET + keys.NOT_FOR_ME + keys.SKIP)
    result = runner.invoke(app, ["check", str(small_checklist), "--lang", "en"])

    assert result.exit_code == 0, result.output
    assert answers(home) == {
        "alpha": Answer.DONE,
        "beta": Answer.NOT_YET,
        "gamma": Answer.NOT_FOR_ME,
        "delta": Answer.SKIPPED,
    }
    out = result.output
    assert "This is how you do beta." in out  # "Tell me how" showed the steps
    assert "First part" in out
    assert "Second part" in out
    # Summary: essential 1 of 2 done; gamma does not apply; overall 1 of 3.
    assert "Essential" in out
    assert "1 / 2" in out
    assert "1 / 3" in out
    assert "33%" in out
    next_steps = out[out.index("most important things still open") :]
    assert next_steps.index("Do delta") < next_steps.index("Do beta")
    assert "Do gamma" not in next_steps
    assert "Do alpha" not in next_steps


def test_platform_steps_are_shown_with_tell_me_how(pipe: PipeInput, small_checklist: Path) -> None:
    pipe.send_text(keys.TELL_ME_HOW + keys.DONE + keys.CTRL_C)
    result = runner.invoke(app, ["check", str(small_checklist), "--lang", "en"])
    assert "Instagram" in result.output
    assert "Alpha on Instagram." in result.output


def test_ctrl_c_keeps_answers_and_exits_130(
    pipe: PipeInput, small_checklist: Path, home: Path
) -> None:
    pipe.send_text(keys.DONE + keys.NOT_YET + keys.CTRL_C)
    result = runner.invoke(app, ["check", str(small_checklist), "--lang", "en"])

    assert result.exit_code == ExitCode.INTERRUPTED
    assert "Your answers so far are saved" in result.output
    assert "Traceback" not in result.output
    assert answers(home) == {"alpha": Answer.DONE, "beta": Answer.NOT_YET}


def test_resume_asks_the_most_important_open_item_first(
    pipe: PipeInput, small_checklist: Path, home: Path
) -> None:
    pipe.send_text(keys.DONE + keys.CTRL_C)
    runner.invoke(app, ["check", str(small_checklist), "--lang", "en"])

    pipe.send_text(keys.NOT_YET + keys.CTRL_C)
    result = runner.invoke(app, ["check", str(small_checklist), "--lang", "en"])

    assert "Welcome back. You had done 1 of 4" in result.output
    assert "Do alpha" not in result.output
    # delta is essential, beta only recommended: delta comes first
    assert result.output.index("Do delta") < result.output.index("Do beta")
    assert answers(home) == {"alpha": Answer.DONE, "delta": Answer.NOT_YET}


def test_restart_forgets_earlier_answers(
    pipe: PipeInput, small_checklist: Path, home: Path
) -> None:
    pipe.send_text(keys.DONE + keys.DONE + keys.CTRL_C)
    runner.invoke(app, ["check", str(small_checklist)])

    pipe.send_text(keys.SKIP + keys.CTRL_C)
    result = runner.invoke(app, ["check", str(small_checklist), "--restart"])

    assert "Do alpha" in result.output
    assert answers(home) == {"alpha": Answer.SKIPPED}


def test_dutch_walk(pipe: PipeInput, small_checklist: Path) -> None:
    pipe.send_text(keys.TELL_ME_HOW + keys.CTRL_C)
    result = runner.invoke(app, ["check", str(small_checklist), "--lang", "nl"])
    assert "Eerste deel" in result.output
    assert "Zo doe je alfa." in result.output
    assert "Je antwoorden tot nu toe zijn bewaard" in result.output


def test_language_follows_the_locale(
    pipe: PipeInput, small_checklist: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    pipe.send_text(keys.CTRL_C)
    result = runner.invoke(app, ["check", str(small_checklist)])
    assert "Eerste deel" in result.output


def test_all_answered_shows_the_summary_at_once(pipe: PipeInput, small_checklist: Path) -> None:
    pipe.send_text(keys.DONE * 4)
    runner.invoke(app, ["check", str(small_checklist)])
    result = runner.invoke(app, ["check", str(small_checklist)])
    assert result.exit_code == 0
    assert "You have been through every item" in result.output
    assert "--restart" not in result.output  # no flag named inside a walk
    assert "100%" in result.output
    assert "Nothing important is open" in result.output
