"""Every question in a real terminal starts from an empty input (issue 25).

A key typed before a question is drawn (Enter pressed twice, a key that bounces) was taken as
the answer to that question, unseen: "Done" for an item, "Under 18" at the age question. In
a terminal (tmux on its own socket, 80x24) an answer and an extra Enter are sent at once; the
next question must still wait and nothing be recorded for it. Pipes keep every typed line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from safecheck.storage.store import Store
from tests.conftest import Tmux
from tests.test_one_key import (
    QUESTIONS,
    at_the_region_question,
    at_the_start_screen,
    every_kind,
    settled,
)

# Plain mode answers with a typed line: a digit ticks 2 in the checkbox, n goes on.
PLAIN = dict(QUESTIONS) | {"A checkbox?": "checkbox: [2]"}
TYPED = {"An advance": "n"}


@pytest.mark.parametrize("mode", ["widgets", "plain"])
def test_an_extra_enter_never_answers_the_next_question_of_any_kind(
    tmux: type[Tmux], tmp_path: Path, mode: str
) -> None:
    session = every_kind(tmux, tmp_path, f"sc25t-{mode[0]}-{tmp_path.name}", mode)
    echoes = dict(QUESTIONS) if mode == "widgets" else PLAIN
    order = [question for question, _ in QUESTIONS]
    for number, question in enumerate(order):
        session.wait_for(question)
        settled(session)
        # The answer, its Enter and a second Enter in one go, as a quick or bouncing hand.
        session.keys(*TYPED.get(question, "2"), "Enter", "Enter")
        session.wait_for(echoes[question])
        if number + 1 < len(order):
            following = order[number + 1]
            session.wait_for(following)
            screen = settled(session)
            assert echoes[following] not in screen, f"the extra Enter answered {following!r}"


def test_2_enter_enter_on_the_start_screen_ticks_no_item(
    tmux: type[Tmux], tmp_path: Path, home: Path
) -> None:
    session = at_the_start_screen(tmux, f"sc25te-{tmp_path.name}", home)
    settled(session)
    session.keys("2", "Enter", "Enter")
    session.wait_for("Where are you with this?", "0 of")
    screen = settled(session)
    assert "1 of" not in screen  # the first item still waits for its own answer
    session.keys("q", "Enter")
    session.wait_for("ended-0")
    state = home / "state"
    assert not state.exists() or Store(home).load().answers_for("prevention") == {}


def test_2_enter_enter_at_the_region_question_leaves_the_age_unanswered(
    tmux: type[Tmux], tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = at_the_region_question(tmux, f"sc25tr-{tmp_path.name}", monkeypatch)
    session.keys("2", "Enter", "Enter")
    session.wait_for("How old are you?")
    screen = settled(session)
    assert "Steps for" not in screen  # the age question still waits
    session.keys("Escape", "Escape")
    session.wait_for("ended-0")
    assert not (home / "state").exists()  # no age group was answered or saved
