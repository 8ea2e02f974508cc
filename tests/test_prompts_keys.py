"""Every question: its keys and echo in the screen's language, and how to leave it.

Real questionary widgets read keys from a pipe; what a person sees is read from tmux.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import checklist
from safecheck.core.errors import ExitCode, QuickExit
from safecheck.storage.state import Answer
from safecheck.storage.store import Store
from safecheck.ui.prompts import Prompter
from tests import keys
from tests.conftest import ROOT, Tmux
from tests.test_plain import SAFECHECK

PYTHON = str(Path(sys.executable))
ITEMS = [item for _, item in checklist.load(ROOT / "checklists" / "prevention.yaml").items()]


# -- keys, through the real widgets --------------------------------------------------------


@pytest.mark.parametrize(("typed", "expected"), [("j", True), ("J", True), ("n", False)])
def test_a_dutch_confirm_takes_j_for_yes(pipe: PipeInput, typed: str, expected: bool) -> None:
    pipe.send_text(typed + keys.ENTER)
    assert Prompter("nl").confirm("Doorgaan?") is expected


def test_an_english_confirm_takes_y_and_enter_takes_the_default(pipe: PipeInput) -> None:
    pipe.send_text("y" + keys.ENTER + keys.ENTER)
    assert Prompter("en").confirm("Go on?") is True
    assert Prompter("en").confirm("Go on?", default=True) is True


@pytest.mark.parametrize("discreet", [False, True])
@pytest.mark.parametrize("leave", ["q" + keys.ENTER, keys.ESC + keys.ESC])
def test_q_enter_or_esc_twice_leaves_every_kind_of_question(
    pipe: PipeInput, leave: str, discreet: bool
) -> None:
    prompter = Prompter("en", quick_exit=discreet)
    # In discreet mode q alone leaves a choice at once; in a text answer it takes Enter.
    at_once = "q" if discreet and leave.startswith("q") else leave
    questions: list[tuple[str, Callable[[], object]]] = [
        (at_once, lambda: prompter.select("Which?", [("One", 1), ("Two", 2)])),
        (at_once, lambda: prompter.confirm("Sure?")),
        (leave, lambda: prompter.text("Platform?")),
        (leave, lambda: prompter.text("File?", path=True)),
        (at_once, lambda: prompter.checkbox("What?", [("Money", 1), ("Images", 2)])),
        (at_once, lambda: prompter.menu("Part?", [("One", 1), ("Two", 2)])),
    ]
    for typed, ask in questions:
        pipe.send_text(typed)
        with pytest.raises(QuickExit):
            ask()


def test_q_then_another_key_does_not_leave_a_choice(pipe: PipeInput) -> None:
    pipe.send_text("q" + keys.DOWN + keys.ENTER)
    assert Prompter("en").select("Which?", [("One", 1), ("Two", 2)]) == 2


def test_q_is_still_a_letter_inside_a_text_answer(pipe: PipeInput) -> None:
    pipe.send_text("quiet.one" + keys.ENTER)
    assert Prompter("en").text("Account?") == "quiet.one"


def test_leaving_the_check_keeps_the_answers_given(pipe: PipeInput, home: Path) -> None:
    pipe.send_text(keys.DONE + "q" + keys.ENTER)
    result = CliRunner().invoke(app, ["check", "prevention"])
    assert result.exit_code == ExitCode.OK
    saved = Store(home).load().answers_for("prevention")
    assert {k: v.answer for k, v in saved.items()} == {ITEMS[0].id: Answer.DONE}


# -- what a person sees, in a real terminal of 80x24 ---------------------------------------


def test_every_question_shows_how_to_leave_and_q_enter_leaves(
    tmux: type[Tmux], tmp_path: Path, home: Path
) -> None:
    command = f"{SAFECHECK} check prevention; echo ended-$?; sleep 60"
    session = tmux(f"sc18q-{tmp_path.name}", ["sh", "-c", command])
    session.wait_for(ITEMS[0].title["en"], "q + Enter: leave")
    session.keys("Enter")  # Done
    session.wait_for(ITEMS[1].title["en"], "q + Enter: leave")
    session.keys("q", "Enter")  # not discreet, and yet: leave at once
    session.wait_for("ended-0")
    saved = Store(home).load().answers_for("prevention")
    assert {k: v.answer for k, v in saved.items()} == {ITEMS[0].id: Answer.DONE}


def test_a_dutch_confirm_shows_j_n_and_echoes_the_dutch_word(
    tmux: type[Tmux], tmp_path: Path
) -> None:
    command = [str(SAFECHECK), "helplines", "--region", "BE", "--lang", "nl"]
    session = tmux(f"sc18j-{tmp_path.name}", ["sh", "-c", " ".join(command) + "; sleep 60"])
    screen = "\n".join(session.wait_for("Elke lijn volledig tonen"))
    assert "(J/n; q + Enter: stoppen)" in screen
    assert "Y/n" not in screen
    session.keys("n", "Enter")
    screen = "\n".join(session.wait_for("safecheck helplines --all"))
    assert "met haar bron? Nee" in screen
    assert "bron? No\n" not in screen


CONFIRM = (
    "from safecheck.ui.prompts import Prompter; print('answer:', Prompter('nl').confirm('Klaar?'))"
)


def test_j_is_yes_and_echoes_ja(tmux: type[Tmux], tmp_path: Path) -> None:
    session = tmux(f"sc18y-{tmp_path.name}", ["sh", "-c", f'{PYTHON} -c "{CONFIRM}"; sleep 60'])
    assert "(j/N; q + Enter: stoppen)" in "\n".join(session.wait_for("Klaar?"))
    session.keys("j", "Enter")
    screen = "\n".join(session.wait_for("answer: True"))
    assert "? Klaar? Ja" in screen
    assert "Yes" not in screen


CHECKBOX = (
    "from safecheck.ui.prompts import Prompter; "
    "print('chosen:', Prompter('nl').checkbox('Wat vroegen ze?', "
    "[('Geld', 'money'), ('Beelden', 'images'), ('Een ontmoeting', 'meeting')]))"
)


@pytest.mark.parametrize(
    ("ticks", "echo"),
    [(["Space", "Down", "Down", "Space"], "Geld, Een ontmoeting"), ([], "geen")],
)
def test_a_dutch_checkbox_echoes_the_chosen_words(
    tmux: type[Tmux], tmp_path: Path, ticks: list[str], echo: str
) -> None:
    session = tmux(f"sc18c-{tmp_path.name}", ["sh", "-c", f'{PYTHON} -c "{CHECKBOX}"; sleep 60'])
    screen = "\n".join(session.wait_for("Wat vroegen ze?", "q + Enter: stoppen"))
    assert "spatiebalk" in screen
    if ticks:
        session.keys(*ticks)
    session.keys("Enter")
    screen = "\n".join(session.wait_for("chosen:"))
    assert f"? Wat vroegen ze? {echo}" in screen
    assert "done" not in screen
    assert screen.count("Wat vroegen ze?") == 1


def test_after_a_resize_the_question_is_drawn_once(tmux: type[Tmux], tmp_path: Path) -> None:
    session = tmux(f"sc18r-{tmp_path.name}", [str(SAFECHECK), "check", "prevention"])
    session.wait_for(ITEMS[0].title["en"], "5) Skip for now")
    for width in ("60", "80", "45", "80"):
        session.tmux("resize-window", "-t", session.name, "-x", width, "-y", "24")
        session.wait_for("5) Skip for now")
    session.keys("Down")  # a redraw, as a person would cause
    screen = "\n".join(session.wait_for("5) Skip for now"))
    assert screen.count("Where are you with this?") == 1, screen


LONG = (
    "Write down the username of the account that contacted you, exactly as it is spelled, "
    "including underscores, dots and numbers (for example someone_lookalike.official2026)"
)


def test_long_questions_wrap_between_words_at_80_columns(tmux: type[Tmux], tmp_path: Path) -> None:
    program = (
        f"from safecheck.ui.prompts import Prompter; print('typed:', Prompter('en').text({LONG!r}))"
    )
    session = tmux(f"sc18w-{tmp_path.name}", ["sh", "-c", f'{PYTHON} -c "{program}"; sleep 60'])
    screen = session.wait_for("q + Enter: leave")
    shown = [line.rstrip() for line in screen if line.strip()]
    words = set(LONG.split()) | {"?", "(q", "+", "Enter:", "leave)"}
    for line in shown:
        assert len(line) <= 80
        # Every row holds whole words of the question: none is cut at the edge.
        assert set(line.split()) <= words, line
    session.keys("x", "Enter")
    session.wait_for("typed: x")
