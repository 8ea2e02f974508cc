"""Plain output, NO_COLOR, TERM=dumb and 80x24: a terminal that works for everyone.

The end-to-end tests run safecheck in a real pseudo-terminal (pexpect) or a real
terminal emulator (tmux) and read every byte it wrote, escape sequences included.
"""

from __future__ import annotations

import inspect
import io
import re
import sys
from pathlib import Path

import pexpect
import pytest
from rich.console import Console

from safecheck.content import checklist
from safecheck.core.errors import ExitCode, NotInteractiveError
from safecheck.progress.summary import summarize
from safecheck.progress.verify import verify
from safecheck.storage.state import Answer, Record
from safecheck.storage.store import Store
from safecheck.ui.display import Display, PlainDisplay, make_display, plain_wanted
from safecheck.ui.prompts import PlainPrompter
from tests.conftest import ROOT, Tmux, child_env
from tests.conftest import spawn as in_terminal

ESCAPE = re.compile(r"[\x1b\x9b]")  # ESC starts every ANSI sequence; 0x9b is the 8-bit CSI
BOX = re.compile(r"[\u2500-\u259f]")  # box drawing and block elements (borders, bars)
QUESTION = "Where are you with this?"
SAFECHECK = Path(sys.executable).with_name("safecheck")


def colour_codes(output: str) -> list[str]:
    """The SGR parameters in `output` that set a colour (bold or reverse are not colour)."""
    found: list[str] = []
    for params in re.findall(r"\x1b\[([0-9;:]*)m", output):
        codes = [int(code or 0) for code in re.split("[;:]", params)]
        for code in codes:
            if code in (38, 48) or 30 <= code <= 37 or 40 <= code <= 47 or 90 <= code <= 107:
                found.append(params)
                break
    return found


# -- choosing plain output ------------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "env", "plain"),
    [
        (False, {}, False),
        (True, {}, True),
        (False, {"SAFECHECK_PLAIN": "1"}, True),
        (False, {"SAFECHECK_PLAIN": "yes"}, True),
        (False, {"SAFECHECK_PLAIN": "0"}, False),
        (False, {"SAFECHECK_PLAIN": "false"}, False),
        (False, {"SAFECHECK_PLAIN": ""}, False),
        (False, {"TERM": "dumb"}, True),
        (False, {"TERM": "xterm-256color"}, False),
        (False, {"NO_COLOR": "1"}, False),  # no colour, but boxes are fine
    ],
)
def test_when_output_is_plain(flag: bool, env: dict[str, str], plain: bool) -> None:
    assert plain_wanted(flag, env) is plain


def test_every_display_method_has_a_plain_form() -> None:
    """A Display method either describes its screen as blocks, which the plain renderer
    draws, or has its own plain form: one that writes to rich itself would draw boxes."""
    public = {
        name
        for name, member in inspect.getmembers(Display, inspect.isfunction)
        if not name.startswith("_")
    }
    shared = {name for name in public if getattr(PlainDisplay, name) is getattr(Display, name)}
    assert {"helpline_table", "crisis", "step", "message"} <= shared  # one description
    # Every screen is described once; only what needs escape sequences has a plain form.
    assert public - shared == {"clear", "wipe", "set_title"}
    drawing_itself = {
        name for name in shared if "self.console" in inspect.getsource(getattr(Display, name))
    }
    assert drawing_itself == {"paged"}  # which hands plain output to the renderer unpaged
    assert "PlainRenderer" in inspect.getsource(Display.paged)


# -- what each display writes -----------------------------------------------------------


def show_everything(display: Display, small_checklist: Path) -> None:
    loaded = checklist.load(small_checklist)
    sections = list(loaded.sections)
    items = [item for _, item in loaded.items()]
    record = Record(Answer.NOT_YET, "2026-01-01T00:00:00+00:00")
    summary = summarize(loaded, {"beta": record})
    display.checklist_intro(loaded, "en")
    display.message("A message.")
    display.section(sections[0], "en")
    display.item(items[0], "en", answered=1, total=4)
    display.how(items[0], "en")
    display.summary(summary, "en")
    display.status([summary], "en")
    display.status([], "en")
    display.verification(verify(summary, min_score=90), "en")


def test_plain_display_writes_linear_text_only(small_checklist: Path) -> None:
    out = io.StringIO()
    show_everything(make_display(plain=True, file=out), small_checklist)
    text = out.getvalue()
    assert not ESCAPE.search(text)
    assert not BOX.search(text)
    lines = text.splitlines()
    assert "1 of 4 answered." in lines  # the progress bar, as words
    assert "Priority: Essential" in lines
    assert "How: Do alpha" in lines
    assert "Instagram: Alpha on Instagram." in lines
    assert "Essential: 0 of 2 done, score 0%" in lines
    assert "Overall: 0 of 4 done, score 0%" in lines
    assert "- beta: Do beta (Recommended, not yet)" in lines


def test_plain_display_stays_plain_on_a_colour_terminal(small_checklist: Path) -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system=None, markup=False)
    show_everything(PlainDisplay(console), small_checklist)
    assert not ESCAPE.search(out.getvalue())
    assert not BOX.search(out.getvalue())


def test_no_color_removes_every_colour_from_the_rich_display(
    small_checklist: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def render() -> str:
        out = io.StringIO()
        show_everything(Display(Console(file=out, force_terminal=True, width=80)), small_checklist)
        return out.getvalue()

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert colour_codes(render())  # the rules are coloured: the check below can fail
    monkeypatch.setenv("NO_COLOR", "1")
    coloured = render()
    assert colour_codes(coloured) == []
    assert "Essential" in coloured  # priorities are words, not colours


def test_the_rich_display_fits_80_columns(small_checklist: Path) -> None:
    out = io.StringIO()
    show_everything(Display(Console(file=out, width=80, color_system=None)), small_checklist)
    assert max(len(line) for line in out.getvalue().splitlines()) <= 80


def test_the_plain_prompter_never_reads_from_a_non_terminal() -> None:
    prompter = PlainPrompter("en", stdin=io.StringIO("1\n"), stdout=io.StringIO())
    with pytest.raises(NotInteractiveError):
        prompter.select("Pick", [("One", 1)])


class TypedLines(io.StringIO):
    """Lines as typed at a terminal: a real text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_the_plain_prompter_numbers_the_choices_and_asks_again() -> None:
    out = io.StringIO()
    prompter = PlainPrompter("en", stdin=TypedLines("\n7\ntwo\n²\n2\n"), stdout=out)
    assert prompter.select("Pick one", [("One", "a"), ("Two", "b")]) == "b"
    text = out.getvalue()
    assert text.startswith("Pick one\n  1. One\n  2. Two\n(q: leave) Type a number from 1 to 2")
    assert text.count("That is not one of the choices.") == 4


# -- in a real terminal -------------------------------------------------------------------


def spawn(home: Path, *args: str, **env: str) -> pexpect.spawn:
    return in_terminal(list(args), child_env(home, **env), program=str(SAFECHECK))


def finish(child: pexpect.spawn, log: io.StringIO) -> str:
    child.expect(pexpect.EOF)
    child.close()
    return log.getvalue()


def run_plain(home: Path, small_checklist: Path, *flags: str, **env: str) -> tuple[str, int]:
    """A full interactive run: every reply, "Tell me how" and a wrong number included."""
    child = spawn(home, "check", str(small_checklist), *flags, **env)
    log = io.StringIO()
    child.logfile_read = log
    for typed in ("4", "1", "x", "2", "3", "5"):
        child.expect_exact("and press Enter:")
        child.sendline(typed)
    output = finish(child, log)
    return output, child.exitstatus


@pytest.mark.terminal
def test_a_full_plain_run_has_no_escape_sequences_and_no_boxes(
    home: Path, small_checklist: Path
) -> None:
    output, status = run_plain(home, small_checklist, "--plain")

    assert status == 0, output
    assert not ESCAPE.search(output), repr(ESCAPE.search(output))
    assert not BOX.search(output)
    for words in (
        "Small",
        "First part",
        "0 of 4 answered.",
        "Do alpha",
        "Priority: Essential",
        QUESTION,
        "  4. Tell me how",
        "This is how you do alpha.",
        "Instagram: Alpha on Instagram.",
        "That is not one of the choices.",
        "3 of 4 answered.",
        "Your summary",
        "Overall: 1 of 3 done, score 33%",
    ):
        assert words in output, words
    saved = Store(home).load().answers_for("small")
    assert {k: v.answer for k, v in saved.items()} == {
        "alpha": Answer.DONE,
        "beta": Answer.NOT_YET,
        "gamma": Answer.NOT_FOR_ME,
        "delta": Answer.SKIPPED,
    }


@pytest.mark.terminal
@pytest.mark.parametrize("env", [{"SAFECHECK_PLAIN": "1"}, {"TERM": "dumb"}])
def test_plain_without_the_option(home: Path, small_checklist: Path, env: dict[str, str]) -> None:
    output, status = run_plain(home, small_checklist, **env)
    assert status == 0
    assert not ESCAPE.search(output)
    assert not BOX.search(output)


@pytest.mark.terminal
def test_a_full_plain_run_of_the_prevention_checklist(home: Path) -> None:
    prevention = checklist.load(ROOT / "checklists" / "prevention.yaml")
    child = spawn(home, "check", "prevention", "--plain")
    log = io.StringIO()
    child.logfile_read = log
    for _ in range(prevention.item_count):
        child.expect_exact("and press Enter:")
        child.sendline("1")
    output = finish(child, log)
    assert child.exitstatus == 0
    assert not ESCAPE.search(output)
    assert not BOX.search(output)
    assert "Nothing important is open" in output
    for _, item in prevention.items():
        assert item.title["en"] in output

    for args in (("status", "--plain"), ("verify", "--min-score", "100", "--plain")):
        child = spawn(home, *args)
        log = io.StringIO()
        child.logfile_read = log
        output = finish(child, log)
        assert child.exitstatus == 0, output
        assert not ESCAPE.search(output)
        assert not BOX.search(output)


@pytest.mark.terminal
def test_ctrl_c_and_ctrl_d_in_plain_mode_keep_the_answers(
    home: Path, small_checklist: Path
) -> None:
    for key in ("\x03", "\x04"):
        child = spawn(home, "check", str(small_checklist), "--plain")
        log = io.StringIO()
        child.logfile_read = log
        child.expect_exact("and press Enter:")
        child.sendline("1")
        child.expect_exact("and press Enter:")
        child.send(key)
        output = finish(child, log)
        assert child.exitstatus == ExitCode.INTERRUPTED
        assert "Your answers so far are saved" in output
        assert "Traceback" not in output
        assert not ESCAPE.search(output)
    assert set(Store(home).load().answers_for("small")) == {
        "alpha",
        "delta",
    }  # delta: essential, first of the open ones


@pytest.mark.terminal
def test_no_color_in_a_real_terminal(home: Path, small_checklist: Path) -> None:
    child = spawn(home, "check", str(small_checklist), NO_COLOR="1")
    log = io.StringIO()
    child.logfile_read = log
    child.expect_exact(QUESTION)
    child.send("\r")
    child.expect_exact(QUESTION)
    child.send("\x03")
    output = finish(child, log)
    assert ESCAPE.search(output)  # still the full-screen prompt, with bold and reverse
    assert colour_codes(output) == []
    visible = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output)
    assert "» 1) Done" in visible  # the chosen reply is marked by a sign, not a colour


# -- 80x24, as a person sees it ---------------------------------------------------------


def test_every_prevention_item_fits_an_80x24_terminal(tmux: type[Tmux], tmp_path: Path) -> None:
    prevention = checklist.load(ROOT / "checklists" / "prevention.yaml")
    session = tmux(f"sc6-{tmp_path.name}", [str(SAFECHECK), "check", "prevention"])
    for _, item in prevention.items():
        # The item's title, the question and every reply are on the one screen at once.
        start_of_title = " ".join(item.title["en"].split()[:4])
        screen = session.wait_for(start_of_title, QUESTION, "1) Done", "5) Skip for now")
        assert len(screen) <= 24
        assert all(len(line) <= 80 for line in screen)
        session.keys("Enter")
        session.wait_for(f"{QUESTION} Done")  # the reply was taken before the next item
    session.wait_for("Nothing important is open")


# -- the words themselves ---------------------------------------------------------------


@pytest.mark.parametrize("plain_output", [True, False])
def test_a_summary_says_how_many_more_are_open_and_never_cuts_mid_word(
    plain_output: bool,
) -> None:
    """The summary listed 3 of 5 open items and said nothing of the other 2."""
    from dataclasses import replace

    from safecheck.content.checklist import Text
    from safecheck.ui.display import HINT_LIMIT

    loaded = checklist.load(ROOT / "checklists" / "prevention.yaml")
    items = [item for _, item in loaded.items()]
    long_step = "- " + " ".join(["Open the settings of every account you have"] * 6) + "."
    long = replace(items[0], how=Text(nl=long_step, en=long_step))
    five = replace(loaded.sections[0], items=(long, *items[1:5]))
    assert len(five.items) == 5
    summary = summarize(replace(loaded, sections=(five,)), {})
    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None)
    display = PlainDisplay(console) if plain_output else Display(console)
    display.summary(summary, "en")
    text = out.getvalue()
    assert "… and 2 more open (safecheck status shows them all)." in text
    for item in summary.next_steps:
        assert item.title["en"] in text  # whole titles
    hint = next(line.strip() for line in text.splitlines() if line.strip().startswith("Open the"))
    assert hint.endswith("…")
    assert len(hint) <= HINT_LIMIT + 1
    kept = hint.removesuffix("…")
    assert long_step.removeprefix("- ").startswith(kept)
    assert long_step.removeprefix("- ")[len(kept)] in " ,"  # cut between words
