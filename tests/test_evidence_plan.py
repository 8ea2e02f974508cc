"""The emergency plan's evidence step offers to start the evidence log."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.evidence import log
from safecheck.storage.state import Answer
from safecheck.storage.store import Store
from tests import keys

runner = CliRunner()
NO = keys.DOWN + keys.ENTER  # not in acute danger
DONE = keys.ENTER
NOT_FOR_ME = keys.DOWN * 2 + keys.ENTER
YES_LOG = keys.ENTER  # the offer's default is yes
NO_LOG = "n" + keys.ENTER
CTRL_U = "\x15"


def run(pipe: PipeInput, typed: str, lang: str = "en") -> tuple[int, str]:
    pipe.send_text(typed)
    result = runner.invoke(
        app, ["plan", "--region", "BE", "--age-group", "adult", "--images", "both", "--lang", lang]
    )
    return result.exit_code, " ".join(re.sub(r"[│╭╮╰╯─━┃]", " ", result.output).split())


@pytest.mark.slow
def test_yes_at_the_evidence_step_writes_an_entry_and_the_plan_goes_on(
    pipe: PipeInput, home: Path
) -> None:
    form = (
        CTRL_U + "2026-03-02 21:15" + keys.ENTER  # when
        + "Instagram" + keys.ENTER  # platform
        + "some.one" + keys.ENTER  # account
        + keys.ENTER + keys.ENTER + keys.ENTER  # profile link, where it was seen, phone
        + keys.ENTER  # demands: none ticked
        + keys.ENTER  # note
        + keys.ENTER  # no file
    )  # fmt: skip
    code, out = run(pipe, NO + DONE * 4 + YES_LOG + form + DONE + keys.CTRL_C)
    assert code == ExitCode.INTERRUPTED  # stopped later, at the fifth step
    assert "Write down what happened" in out
    assert "Saved as entry 1" in out
    # the reminder after the evidence step comes after the log, then the next step
    assert out.index("Saved as entry 1") < out.index("this is not your fault")
    assert out.index("this is not your fault") < out.rindex("Report and block the perpetrator")
    state = Store(home).load()
    (entry,) = log.entries(state)
    assert (entry.platform, entry.account) == ("Instagram", "some.one")
    answers = state.answers_for("emergency")
    assert answers["evidence"].answer is Answer.DONE
    assert answers["block-and-report"].answer is Answer.DONE


@pytest.mark.slow
def test_no_at_the_evidence_step_names_the_command_for_later(pipe: PipeInput, home: Path) -> None:
    code, out = run(pipe, NO + DONE * 4 + NO_LOG + keys.CTRL_C, lang="nl")
    assert "Je kunt er altijd mee beginnen met: safecheck evidence add" in out
    assert Store(home).load().evidence == ()


@pytest.mark.slow
def test_ctrl_c_in_the_log_stops_only_the_log(pipe: PipeInput, home: Path) -> None:
    typed = NO + DONE * 4 + YES_LOG + keys.ENTER + "Insta" + keys.CTRL_C + DONE + keys.CTRL_C
    code, out = run(pipe, typed)
    assert "nothing from these questions was saved" in out
    assert "The plan goes on" in out
    state = Store(home).load()
    assert state.evidence == ()
    assert state.answers_for("emergency")["block-and-report"].answer is Answer.DONE


@pytest.mark.slow
def test_a_skipped_evidence_step_does_not_offer_the_log(pipe: PipeInput, home: Path) -> None:
    code, out = run(pipe, NO + DONE * 3 + NOT_FOR_ME + DONE + keys.CTRL_C)
    assert "Write down what happened" not in out
    answers = Store(home).load().answers_for("emergency")
    assert answers["evidence"].answer is Answer.NOT_FOR_ME
    assert answers["block-and-report"].answer is Answer.DONE  # the next key went to the next step
