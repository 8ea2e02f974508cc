"""The crisis-first start screen and discreet mode in a real pseudo-terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pexpect
import pytest
from rich.console import Console

from safecheck.content import checklist, helplines
from safecheck.core.audience import AgeGroup, ImageAge, images_for
from safecheck.core.errors import ExitCode
from safecheck.core.i18n import t
from safecheck.core.region import Region
from safecheck.flows.emergency import PlanView, footer_text
from safecheck.storage.store import Store
from tests import keys
from tests.conftest import ROOT, Tmux, child_env, until_ended
from tests.conftest import spawn as in_terminal
from tests.test_plain import SAFECHECK

# What a plan step's screen holds under its panel (see test_every_step_fits_24_rows_...).
ROWS = 24


def spawn(home: Path, *args: str, lang: str = "nl_BE.UTF-8") -> pexpect.spawn:
    return in_terminal(["-m", "safecheck", *args], child_env(home, LANG=lang))


@pytest.mark.terminal
@pytest.mark.parametrize(
    ("locale", "region", "suicide_line"),
    [
        ("nl_BE.UTF-8", "België", ["Zelfmoordlijn 1813", "1813"]),
        ("nl_NL.UTF-8", "Nederland", ["113 Zelfmoordpreventie", "113 of 0800 0113"]),
    ],
)
def test_1_enter_from_the_start_screen_then_yes_shows_112_and_the_suicide_line(
    home: Path, locale: str, region: str, suicide_line: list[str]
) -> None:
    child = spawn(home, lang=locale)
    child.expect_exact(f"Regio: {region}")
    child.expect_exact("Ik word nu bedreigd")
    child.expect_exact("Stoppen")  # the whole menu is on screen

    child.send("1" + keys.ENTER)  # a number and Enter, as at every question
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

    until_ended(child, keys.CTRL_C)
    child.close()
    assert child.exitstatus == ExitCode.INTERRUPTED


@pytest.mark.terminal
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


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
@pytest.mark.parametrize("region", list(Region))
@pytest.mark.parametrize("age_group", list(AgeGroup))
def test_every_step_fits_24_rows_in_every_language_region_and_age(
    lang: str, region: Region, age_group: AgeGroup
) -> None:
    """Every combination, drawn by the real display at 80 columns: the step with its count,
    its help lines, the crisis footer, the question (and its hint, on a line of its own when
    it does not fit after it) and every reply. The terminal walks below check a few for real."""
    from safecheck.ui.display import Display
    from safecheck.ui.keys import fit, with_hint

    plan = checklist.load(ROOT / "checklists" / "emergency.yaml")
    lines = helplines.load()
    images = images_for(age_group, ImageAge.BOTH)
    steps = [item for _, item in plan.narrowed(region, age_group, images).items()]
    hint = with_hint(t(lang, "(arrows or a number, then Enter)"), lang)
    message, instruction = fit(t(lang, "Where are you with this?"), hint)
    question_rows = len(f"{message} {instruction}".splitlines())
    too_tall = []
    for number, item in enumerate(steps):
        drawn = io.StringIO()
        view = PlanView(Display(Console(file=drawn, width=80)), lines, region, age_group, images)
        view.item(item, lang, answered=number, total=len(steps))
        replies = 5 if item.platforms else 4
        rows = len(drawn.getvalue().splitlines()) + question_rows + replies
        if rows > ROWS:
            too_tall.append(f"{item.id}: {rows} rows")
    assert too_tall == []


@pytest.mark.parametrize(
    ("region", "age_group", "lang"),
    [
        ("BE", AgeGroup.MINOR, "nl"),
        ("NL", AgeGroup.ADULT, "en"),
        ("OTHER", AgeGroup.ADULT, "nl"),
        ("BE", AgeGroup.MINOR, "fr"),
        ("BE", AgeGroup.ADULT, "fr"),
        ("BE", AgeGroup.ADULT, "en"),
    ],
)
def test_every_plan_step_and_its_crisis_lines_fit_an_80x24_terminal(
    tmux: type[Tmux], tmp_path: Path, region: str, age_group: AgeGroup, lang: str
) -> None:
    plan = checklist.load(ROOT / "checklists" / "emergency.yaml")
    command = [str(SAFECHECK), "plan", "--region", region, "--age-group", age_group.value]
    command += ["--images", "both"]
    session = tmux(f"sc3-{tmp_path.name}", [*command, "--lang", lang])
    session.wait_for(plan.crisis.no[lang] if plan.crisis else "")
    session.keys("Down", "Enter")
    question = t(lang, "Where are you with this?")
    footer = footer_text(helplines.load(), Region(region), lang).splitlines()
    images = images_for(age_group, ImageAge.BOTH)
    steps = [item for _, item in plan.narrowed(Region(region), age_group, images).items()]
    for number, item in enumerate(steps, 1):
        # Title, steps, help lines, both crisis lines, the question and every reply at once.
        # The whole title and the step's own count: two French titles start alike.
        count = t(lang, "{answered} of {total} answered", answered=number - 1, total=len(steps))
        last_reply = "5) " if item.platforms else "4) "
        screen = session.wait_for(count, item.title[lang], *footer, question, "1) ", last_reply)
        assert all(len(line) <= 80 for line in screen)
        # The answer's echo, or the next step's count: a next step that fills all 24 lines
        # scrolls the echo away before it can be seen.
        counted = t(lang, "{answered} of {total} answered", answered=number, total=len(steps))
        session.answer("Enter", f"{question} {t(lang, 'Done')}", counted)
        if item.id == "evidence":  # the offer to start the evidence log: not now
            offer = " ".join(
                t(
                    lang,
                    "Do you want to write it down in safecheck's evidence log now? It keeps the "
                    "account, payment details, dates and screenshots together, for the police.",
                ).split()[:4]
            )
            screen = session.wait_for(offer)
            assert all(len(line) <= 80 for line in screen)
            session.keys("n", "Enter")
    done = t(lang, "You have done every step. Keep asking for help whenever you need it.")
    session.wait_for(" ".join(done.split()[:4]))  # a longer French line wraps


@pytest.mark.terminal
def test_the_plan_in_plain_text_for_screen_readers(home: Path) -> None:
    child = spawn(home, "plan", "--plain", "--region", "BE", "--lang", "en")
    child.expect_exact("Are you in acute danger right now")
    child.expect_exact("Type a number")
    child.send("\r")  # an empty line takes the highlighted choice: "Yes"
    child.expect_exact("When you are ready")
    screen = child.before
    assert "Help right now" in screen
    assert "Emergency: 112" in screen
    assert "Zelfmoordlijn 1813: 1813" in screen
    child.expect_exact("Type a number")
    child.send("1\r")  # go on
    child.expect_exact("How old are you?")
    child.expect_exact("Type a number")
    child.send("2\r")  # 18 or older
    child.expect_exact("When were the images made?")  # asked of an adult, as plain lines
    child.expect_exact("Not sure, or both")
    child.expect_exact("Type a number")
    child.send("1\r")  # under 18: Take It Down, at any age now
    child.expect_exact("Where are you with this?")
    written = child.before
    child.expect_exact("Type a number")
    assert "Talk to someone you trust" in written  # the plan's first step
    assert "Thinking about suicide? Zelfmoordlijn 1813: 1813 (phone 24/7; chat 17–24 h)" in written
    until_ended(child, keys.CTRL_C)  # again only if it was lost while the question was set up
    child.close()
    everything = screen + written
    assert "\x1b" not in everything
    assert not any("\u2500" <= char <= "\u259f" for char in everything)  # no boxes or bars


@pytest.mark.terminal
@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_the_crisis_screen_comes_before_any_passphrase(home: Path) -> None:
    """On a machine with no keyring, the start screen, the crisis question and the help
    lines never wait for a passphrase; it is chosen when something is first saved."""
    child = spawn(home, lang="nl_BE.UTF-8")
    child.expect_exact("Ik word nu bedreigd")
    child.expect_exact("Stoppen")
    child.send("1" + keys.ENTER)
    child.expect_exact("Ben je nu in acuut gevaar")
    child.expect_exact("Nee")
    child.send(keys.ENTER)  # yes
    child.expect_exact("Als je er klaar voor bent")
    shown = child.before
    assert "112" in shown
    assert "1813" in shown
    child.send(keys.ENTER)  # go on with the steps
    child.expect_exact("Hoe oud ben je")
    child.expect_exact("18 of ouder")
    child.send(keys.ENTER)  # under 18: remembered with the first tick, not before
    child.expect_exact("Praat met iemand die je vertrouwt")  # seen without any key
    child.expect_exact("Niet voor mij")
    child.send(keys.ENTER)  # done: the first thing saved, so now a key is needed
    child.expect_exact("wachtwoordzin")
    until_ended(child, keys.CTRL_C)
    child.close()
    assert child.exitstatus == ExitCode.INTERRUPTED
    assert not (home / "state").exists()  # nothing was saved without a key
