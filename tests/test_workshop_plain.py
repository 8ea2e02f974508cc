"""The workshop for everyone: `--plain`, SAFECHECK_PLAIN=1 and TERM=dumb give plain lines."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pexpect
import pytest

from safecheck.content.workshop import load_builtin
from safecheck.core.region import Region
from safecheck.flows.workshop import present
from safecheck.ui.lines import PlainPrompter
from safecheck.ui.presenter import PlainPresenterDisplay
from tests.conftest import child_env, spawn

WORKSHOP, QUIZ = load_builtin()
ESCAPE = re.compile(r"[\x1b\x9b]")
BOXES = re.compile(r"[\u2500-\u257f]")  # every box-drawing character, heavy or light


@pytest.mark.terminal
@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--plain"], {}),
        ([], {"SAFECHECK_PLAIN": "1"}),
        ([], {"TERM": "dumb"}),
    ],
    ids=["--plain", "SAFECHECK_PLAIN", "TERM=dumb"],
)
def test_the_workshop_in_plain_lines(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    home = tmp_path / "state"
    home.mkdir()
    log = io.StringIO()
    child = spawn(
        ["-m", "safecheck", "workshop", "--lang", "en", "--region", "BE", *args],
        child_env(home, **env),
    )
    child.logfile_read = log
    child.expect_exact("Another region: safecheck workshop --region BE, NL or OTHER.")
    child.expect_exact("Which part do you want to show?")
    child.expect_exact(f"  1. {WORKSHOP.parts[0].title['en']}")
    child.expect_exact("Type 1/2/3/4/5/6/7 and press Enter:")
    child.send("4\r")  # part four: what to do, with the help lines of the region
    part = WORKSHOP.parts[3]
    for index, slide in enumerate(part.slides, start=1):
        child.expect_exact(f"Part 4 of 5: {part.title['en']} ({index}/{len(part.slides)})")
        child.expect_exact(slide.title["en"])
        if slide.helplines:
            child.expect_exact("Zelfmoordlijn 1813: 1813")
        if slide.reveal is not None:
            child.expect_exact("show the answer")
            child.send("\r")
            child.expect_exact(slide.reveal["en"].strip()[:30])
        child.expect_exact("(q: leave)")
        child.send("\r")
    child.expect_exact("Which part do you want to show?")
    child.send("6\r")  # the quiz: answers by letter
    child.expect_exact(QUIZ.questions[0].question["en"].strip()[:30])
    child.expect_exact("Which answer does the group choose?")
    child.expect_exact("/M and press Enter:")
    child.send("m\r")  # back to the menu
    child.expect_exact("Which part do you want to show?")
    child.send("q\r")  # leave
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    output = log.getvalue()
    assert not ESCAPE.search(output), repr(ESCAPE.search(output))
    assert not BOXES.search(output)
    assert list(home.iterdir()) == []  # saves nothing, in plain mode too


def test_the_plain_stage_and_prompter_walk_a_part_back_and_forth() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = io.StringIO()
    typed = Terminal("1\n\nb\nm\n7\n")  # part 1, next, back, menu, end the workshop
    prompter = PlainPrompter("nl", stdin=typed, stdout=out)
    present(WORKSHOP, QUIZ, prompter, PlainPresenterDisplay(out), "nl", Region.NL)
    text = out.getvalue()
    assert "Welk deel wil je tonen?" in text
    assert text.count(f"Deel 1 van 5: {WORKSHOP.parts[0].title['nl']} (1/") == 2  # shown, back
    assert "De workshop is afgelopen." in text
    assert not ESCAPE.search(text)
    assert not BOXES.search(text)
