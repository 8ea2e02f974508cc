"""The crisis-first start screen and discreet mode in a real pseudo-terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest

from safecheck.errors import ExitCode
from safecheck.store import Store
from tests import keys
from tests.conftest import child_env


def spawn(home: Path, *args: str, lang: str = "nl_BE.UTF-8") -> pexpect.spawn:
    return pexpect.spawn(
        sys.executable,
        ["-m", "safecheck", *args],
        env=child_env(home, LANG=lang),
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
    )


@pytest.mark.parametrize(
    ("locale", "region", "suicide_line"),
    [
        ("nl_BE.UTF-8", "België", ["Zelfmoordlijn 1813", "1813"]),
        ("nl_NL.UTF-8", "Nederland", ["113 Zelfmoordpreventie", "113 of 0800 0113"]),
    ],
)
def test_one_key_from_the_start_screen_then_yes_shows_112_and_the_suicide_line(
    home: Path, locale: str, region: str, suicide_line: list[str]
) -> None:
    child = spawn(home, lang=locale)
    child.expect_exact(f"Regio: {region}")
    child.expect_exact("Ik word nu bedreigd")
    child.expect_exact("Stoppen")  # the whole menu is on screen

    child.send("1")  # one key press, no Enter
    child.expect_exact("Noodplan: iemand bedreigt je nu")
    child.expect_exact("Dit is niet jouw schuld")
    child.expect_exact("Ben je nu in acuut gevaar")
    child.expect_exact("Nee")

    child.send(keys.ENTER)  # "Ja" is highlighted
    child.expect_exact("Als je er klaar voor bent")
    screen = child.before
    assert "Nu meteen hulp" in screen
    assert "112" in screen
    for text in suicide_line:
        assert text in screen
    assert "Hoe oud ben je" not in screen  # the crisis lines come before anything else

    child.send(keys.CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == ExitCode.INTERRUPTED


def test_discreet_mode_sets_a_neutral_title_and_clears_the_screen_on_q(home: Path) -> None:
    child = spawn(home, "--discreet")
    child.expect_exact("\x1b]0;Terminal\x07")  # the window title
    child.expect_exact("Ik word nu bedreigd")
    child.expect_exact("Stoppen")
    child.send("q")
    child.expect(pexpect.EOF)
    after_quit = child.before
    child.close()
    assert child.exitstatus == ExitCode.OK
    assert "\x1b[2J" in after_quit  # the screen
    assert "\x1b[3J" in after_quit  # and its scrollback
    assert Store(home).load().settings["discreet"] is True

    child = spawn(home, "plan", "--region", "NL")  # remembered, and on every command
    child.expect_exact("\x1b]0;Terminal\x07")
    child.expect_exact("Ben je nu in acuut gevaar")
    child.expect_exact("Nee")
    child.send(keys.ESC + keys.ESC)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == ExitCode.OK
