"""One key model for every question: a number (or the arrows) points, only Enter answers.

In a real terminal of 80x24 (tmux on its own socket), each kind of question gets a digit and
then Enter; the Enter must answer that question and never the next one. q + Enter and Esc
twice leave every question, the passphrase question too, with the line Ctrl-C shows.
"""

from __future__ import annotations

import sys
import time
from functools import partial
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import checklist
from safecheck.storage import settings as plain_settings
from safecheck.storage.store import Store, open_store
from tests import keys
from tests.conftest import Tmux, poll
from tests.test_crisis_first import make_passphrase_state
from tests.test_plain import SAFECHECK

STOPPED = "Stopped. Your answers so far are saved; run the same command to go on."
NOT_SAVED = "Stopped. This time's answers were not saved; your saved file is unchanged."

# Every kind of question, one after the other; each prints its answer once answered.
EVERY_KIND = """
import sys
from safecheck.ui.prompts import make_prompter
ask = make_prompter("en", plain=sys.argv[1] == "plain")
print("select:", ask.select("First select?", [("One", 1), ("Two", 2), ("Three", 3)]))
print("confirm:", ask.confirm("A confirm?"))
print("checkbox:", ask.checkbox("A checkbox?", [("One", 1), ("Two", 2)]))
print("menu:", ask.menu("A menu?", [("One", 1), ("Two", 2)]))
print("text:", ask.text("A text?"))
print("password:", ask.password("A password?"))
print("advance:", ask.advance("An advance"))
print("last:", ask.select("Last select?", [("One", 1), ("Two", 2)]))
"""
QUESTIONS = [
    ("First select?", "select: 2"),
    ("A confirm?", "confirm: False"),  # a digit types nothing there: Enter takes the default
    ("A checkbox?", "checkbox: []"),
    ("A menu?", "menu: 2"),
    ("A text?", "text: 2"),
    ("A password?", "password: 2"),
    ("An advance", "advance: next"),
    ("Last select?", "last: 2"),
]


def asked_again(session: Tmux, times: int) -> bool | None:
    """The passphrase was asked again `times` times (each wrong try says "Try again")."""
    return "\n".join(session.screen()).count("Try again") >= times or None


def shown(session: Tmux) -> str:
    return "the screen:\n" + "\n".join(session.screen())


def settled(session: Tmux) -> str:
    """The screen once it has stopped changing for a while (an answer taken too early shows)."""
    last, same = "", 0
    while same < 6:
        time.sleep(0.1)
        screen = "\n".join(session.screen())
        same = same + 1 if screen == last else 0
        last = screen
    return last


def every_kind(tmux: type[Tmux], tmp_path: Path, name: str, mode: str) -> Tmux:
    """EVERY_KIND in a terminal, asked by the widgets or (mode "plain") as plain lines."""
    script = tmp_path / "every_kind.py"
    script.write_text(EVERY_KIND, encoding="utf-8")
    return tmux(name, ["sh", "-c", f"{sys.executable} {script} {mode}; sleep 60"])


def test_a_digit_then_enter_answers_each_kind_of_question_and_never_the_next(
    tmux: type[Tmux], tmp_path: Path
) -> None:
    session = every_kind(tmux, tmp_path, f"sc25k-{tmp_path.name}", "widgets")
    for number, (question, echo) in enumerate(QUESTIONS):
        session.wait_for(question)
        session.keys("2")
        screen = settled(session)
        assert echo not in screen, f"a digit alone answered {question!r}:\n{screen}"
        session.keys("Enter")
        session.wait_for(echo)
        if number + 1 < len(QUESTIONS):
            following, next_echo = QUESTIONS[number + 1]
            session.wait_for(following)
            screen = settled(session)
            assert next_echo not in screen, f"the Enter reached {following!r}:\n{screen}"


def at_the_start_screen(tmux: type[Tmux], name: str, home: Path) -> Tmux:
    """safecheck's start screen in English, its region known, waiting at the menu."""
    plain_settings.update(home, region="BE")
    command = f"{SAFECHECK} --lang en; echo ended-$?; sleep 60"
    session = tmux(name, ["sh", "-c", command])
    session.wait_for("What do you need?", "Quit")
    return session


def test_on_the_start_screen_2_enter_opens_the_check_and_answers_no_item(
    tmux: type[Tmux], tmp_path: Path, home: Path
) -> None:
    session = at_the_start_screen(tmux, f"sc25s-{tmp_path.name}", home)
    session.keys("2")
    assert "Where are you with this?" not in settled(session)  # 2 alone answers nothing
    session.keys("Enter")
    session.wait_for("Where are you with this?", "0 of")
    settled(session)
    session.keys("q", "Enter")
    screen = "\n".join(session.wait_for("ended-0"))
    assert STOPPED in " ".join(screen.split())
    state = home / "state"
    assert not state.exists() or Store(home).load().answers_for("prevention") == {}


def at_the_region_question(tmux: type[Tmux], name: str, monkeypatch: pytest.MonkeyPatch) -> Tmux:
    """`safecheck plan` in a terminal, past the danger question, at "Where do you live?"."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # names neither Belgium nor the Netherlands
    command = f"{SAFECHECK} plan --lang en; echo ended-$?; sleep 60"
    session = tmux(name, ["sh", "-c", command])
    session.wait_for("Are you in acute danger")
    settled(session)
    session.keys("2", "Enter")  # no
    session.wait_for("Where do you live?")
    settled(session)
    return session


def test_at_the_region_question_2_enter_leaves_the_age_question_unanswered(
    tmux: type[Tmux], tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = at_the_region_question(tmux, f"sc25r-{tmp_path.name}", monkeypatch)
    session.keys("2")
    assert "How old are you?" not in settled(session)
    session.keys("Enter")
    session.wait_for("How old are you?")
    screen = settled(session)
    assert "Steps for" not in screen  # the age question waits for its own answer
    session.keys("Escape", "Escape")
    screen = "\n".join(session.wait_for("ended-0"))
    assert STOPPED in " ".join(screen.split())
    assert plain_settings.read(home).region == "NL"
    assert not (home / "state").exists()  # no age group was answered or saved


def at_the_passphrase_question(tmux: type[Tmux], name: str) -> Tmux:
    """`safecheck plan` in a terminal with a passphrase-sealed state: past the danger
    question, the first step ticked done, and its save asking for the passphrase."""
    args = "plan --lang en --region BE --age-group adult --images adult"
    command = f"{SAFECHECK} {args}; echo ended-$?; sleep 60"
    session = tmux(name, ["sh", "-c", command])
    session.wait_for("Are you in acute danger")
    session.keys("2", "Enter")  # no
    session.wait_for("Where are you with this?")
    session.keys("Enter")  # done: saving it asks for the passphrase
    session.wait_for("Passphrase for your saved answers")
    return session


@pytest.mark.usefixtures("no_keyring")
@pytest.mark.parametrize("leave", [("q", "Enter"), ("Escape", "Escape")])
def test_the_passphrase_question_is_left_like_any_other(
    tmux: type[Tmux],
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    leave: tuple[str, str],
) -> None:
    before = make_passphrase_state(home, monkeypatch)
    session = at_the_passphrase_question(tmux, f"sc25p-{tmp_path.name}")
    session.keys(*leave)
    screen = " ".join(" ".join(session.wait_for("ended-0")).split())
    assert STOPPED in screen
    assert "quick exit" not in screen
    assert "not saved this time" not in screen
    assert (home / "state").read_bytes() == before


@pytest.mark.usefixtures("no_keyring")
def test_leaving_after_the_answers_could_not_be_saved_says_so(
    tmux: type[Tmux], tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_passphrase_state(home, monkeypatch)
    session = at_the_passphrase_question(tmux, f"sc25n-{tmp_path.name}")
    for tried in range(3):  # forgotten: three empty tries, each once its question shows
        settled(session)
        session.keys("Enter")
        if tried < 2:
            poll(partial(asked_again, session, tried + 1), partial(shown, session))
    session.wait_for("Skip for now", "of 10 answered")  # the next step (the notice scrolled up)
    settled(session)
    session.keys("q", "Enter")
    screen = " ".join(" ".join(session.wait_for("ended-0")).split())
    assert NOT_SAVED in screen
    assert STOPPED not in screen


@pytest.mark.usefixtures("no_keyring")
def test_the_first_tick_without_a_keyring_offers_to_go_on_without_saving(
    tmux: type[Tmux], tmp_path: Path, home: Path
) -> None:
    args = "plan --lang en --region BE --age-group adult --images adult"
    command = f"{SAFECHECK} {args}; echo ended-$?; sleep 60"
    session = tmux(f"sc25g-{tmp_path.name}", ["sh", "-c", command])
    session.wait_for("Are you in acute danger")
    session.keys("2", "Enter")  # no
    session.wait_for("Where are you with this?")
    session.keys("Enter")  # done: the first tick to save, and no keyring
    screen = " ".join(" ".join(session.wait_for("Go on without saving")).split())
    assert "no safe place to keep a key" in screen
    assert "keyring" not in screen.lower()  # plain words, not the word for the mechanism
    assert "Passphrase" not in screen  # nothing is asked before the person chooses
    session.keys("2", "Enter")  # go on without saving
    session.wait_for("Keep your ticks? Go on without saving", "Skip for now")
    settled(session)
    session.keys("q", "Enter")
    screen = " ".join(" ".join(session.wait_for("ended-0")).split())
    assert NOT_SAVED in screen
    assert not (home / "state").exists()  # nothing was kept


@pytest.mark.usefixtures("no_keyring")
def test_a_count_that_leaves_out_answers_it_cannot_open_says_so_and_offers_to_try_again(
    pipe: PipeInput, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_passphrase_state(home, monkeypatch)
    items = checklist.load(checklist.find("prevention", [checklist.builtin_dir()])).item_count
    typed = "2" + keys.ENTER  # the prevention check
    typed += keys.DONE + keys.ENTER * 3  # a tick to save: three wrong (empty) passphrases
    typed += keys.SKIP * (items - 1)  # the rest, skipped: back to the start screen
    typed += "2" + keys.ENTER  # the check again: its count cannot hold the saved answers
    typed += "1" + keys.ENTER  # "Type the passphrase again?" yes
    typed += "a long and private passphrase" + keys.ENTER  # remembered after all
    typed += keys.DONE + keys.CTRL_C  # this tick is saved; then stop
    pipe.send_text(typed)
    result = CliRunner().invoke(app, ["--lang", "en"])
    shown = " ".join(result.output.split())
    notice = (
        "Your saved answers cannot be opened this time: they are not counted here, and what "
        "you answer now is not saved."
    )
    assert shown.count(notice) == 1, shown[-3000:]  # the second walk says it, before its count
    assert shown.index(notice) < shown.rindex(f"of {items} answered")
    monkeypatch.setenv("SAFECHECK_PASSPHRASE", "a long and private passphrase")
    saved = open_store(home).load()
    assert len(saved.answers_for("prevention")) == 1  # unlocked again: the tick was saved
    assert len(saved.answers_for("emergency")) == 1  # and nothing saved before was lost
