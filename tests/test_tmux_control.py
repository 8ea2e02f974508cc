"""The terminal tests' tmux commands go through one control-mode client (tests/tmux_control.py):
each answer must be what `tmux` as a program prints, and the terminal must stay as it was."""

from __future__ import annotations

import time

import pytest

from tests.conftest import Tmux, poll
from tests.tmux_control import quoted

pytestmark = pytest.mark.terminal


def test_every_answer_is_the_one_tmux_prints_as_a_program(tmux: type[Tmux]) -> None:
    session = tmux("ctl-same", ["sh"])
    assert session.control is not None
    session.keys("-l", "printf '%s\\n' \"it's\" '%end 1 2 1' 'é ü ✓' done-$((1 + 1))")
    session.keys("Enter")
    seen: list[str] = [""]

    def settled() -> bool | None:  # printed, and the prompt back: the same screen twice
        seen.append(session.tmux("capture-pane", "-p"))
        return ("done-2\n" in seen[-1] and seen[-1] == seen[-2]) or None

    poll(settled, lambda: f"never settled:\n{seen[-1]}")
    for args in (
        ("capture-pane", "-p", "-t", session.name),
        ("display-message", "-p", "#{window_width}x#{window_height} #{pane_current_command}"),
        ("list-panes", "-F", "#{pane_pid}"),
        ("show-options", "-g", "history-limit"),
        ("display-message", "-p", "a b;c $HOME ~ \\ {x} -t"),
    ):
        through_control = session.tmux(*args)
        assert through_control == session._program(*args), args
    assert "%end 1 2 1" in session.tmux("capture-pane", "-p")  # a line like tmux's own
    assert session.control.process is not None  # all of them went through the client


def test_the_control_client_leaves_the_terminal_80_by_24(tmux: type[Tmux]) -> None:
    session = tmux("ctl-size", ["sh"])
    assert session.tmux("display-message", "-p", "#{window_width}x#{window_height}") == "80x24\n"


def test_a_refused_command_prints_nothing_as_tmux_would(tmux: type[Tmux]) -> None:
    session = tmux("ctl-refused", ["sh"])
    assert session.tmux("no-such-command") == "" == session._program("no-such-command")
    assert session.tmux("display-message", "-p", "still here") == "still here\n"


def test_after_the_session_ends_tmux_answers_as_a_program(tmux: type[Tmux]) -> None:
    session = tmux("ctl-ended", ["sh", "-c", "sleep 0.3"])
    deadline = time.monotonic() + 30
    # The pane stays when its program ends (remain-on-exit), with what it showed last...
    while session.tmux("display-message", "-p", "#{pane_dead}") != "1\n":
        assert time.monotonic() < deadline, "the program never ended"
        time.sleep(0.05)
    session.tmux("kill-session")  # ...until the session is closed
    while session.tmux("list-sessions") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert session.tmux("capture-pane", "-p") == ""  # no server: nothing, and no hang


@pytest.mark.parametrize(
    ("arg", "word"),
    [
        ("Enter", "'Enter'"),
        ("#{pane_pid}", "'#{pane_pid}'"),
        ("a b;c $HOME ~ \\", "'a b;c $HOME ~ \\'"),
        ("it's", None),
        ("line\nbreak", None),
        ("\x1b[A", None),
    ],
)
def test_only_what_single_quotes_keep_whole_is_sent_through_the_client(
    arg: str, word: str | None
) -> None:
    assert quoted(arg) == word
