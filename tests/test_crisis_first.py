"""Issue 12: crisis help reaches everyone first, whatever the region, the key or the state."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import checklist as checklists
from safecheck.content import helplines
from safecheck.core.errors import ExitCode
from safecheck.flows.crisis import crisis_lines
from safecheck.storage import settings as plain_settings
from safecheck.storage.sealing import Source, peek
from safecheck.storage.state import Answer, Record
from safecheck.storage.store import Store, open_store
from tests import keys
from tests.conftest import Tmux, child_env, spawn, until_ended

runner = CliRunner()
MENU = "What do you need?"


def test_first_screen_crisis_screen_and_the_region_at_80x24(
    tmux: type[Tmux], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty state folder and LANG=C.UTF-8: no region is known."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("PROMPT_TOOLKIT_NO_CPR", "1")
    screen = tmux("crisis12", [sys.executable, "-m", "safecheck"])
    first = "\n".join(screen.wait_for("Quit"))
    for text in ("112", "1813", "113 or 0800 0113", "Belgium:", "Netherlands:"):
        assert text in first, first
    screen.keys("Enter")  # the emergency plan
    screen.wait_for("Are you in acute danger", "No")
    screen.keys("Enter")  # yes
    # The crisis screen and the region question do not fit 24 rows together: it pauses.
    crisis = "\n".join(screen.wait_for("Help right now", "more: Enter"))
    for text in ("112", "Belgium: Zelfmoordlijn 1813", "Netherlands: 113 Zelfmoordpreventie"):
        assert text in crisis, crisis
    assert "0800 0113" in crisis
    screen.keys("Enter")
    screen.wait_for("Where do you live?", "another country")
    screen.keys("2", "Enter")  # a number and Enter, as at every question: the Netherlands
    screen.wait_for("When you are ready")
    assert plain_settings.read(home).region == "NL"
    assert not (home / "state").exists()  # nothing was unlocked or saved


def make_passphrase_state(home: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    with monkeypatch.context() as patch:
        patch.setenv("SAFECHECK_PASSPHRASE", "a long and private passphrase")
        open_store(home).update(
            lambda state: state.with_setting("region", "NL").with_answer(
                "emergency", "stop-sending-paying", Record(Answer.DONE, "2026-01-01T10:00:00+01:00")
            )
        )
    assert peek((home / "state").read_bytes()) is Source.PASSPHRASE
    saved = plain_settings.read(home)
    assert (saved.region, saved.key) == ("NL", "passphrase")  # readable without the key
    return (home / "state").read_bytes()


@pytest.mark.terminal
@pytest.mark.usefixtures("no_keyring")
def test_a_forgotten_passphrase_never_stands_between_a_person_and_the_plan(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = make_passphrase_state(home, monkeypatch)
    child = spawn(["-m", "safecheck"], child_env(home, LANG="C.UTF-8"))
    child.expect_exact("Quit")
    first = child.before
    assert "112" in first
    assert "113 or 0800 0113" in first  # the saved region's suicide line
    assert "Passphrase" not in first
    child.send(keys.ENTER)  # the plan
    child.expect_exact("Are you in acute danger")
    child.send(keys.ENTER)  # yes
    child.expect_exact("When you are ready")
    assert "113 Zelfmoordpreventie" in child.before
    child.send(keys.ENTER)  # go on
    child.expect_exact("How old are you?")
    child.send(keys.ENTER)  # under 18
    child.expect_exact(keys.ASKING)
    assert "Passphrase" not in child.before  # the first step is shown without any key
    child.send(keys.ENTER)  # done: now the tick must be saved, so the passphrase is asked
    # Forgotten: three empty tries, then the plan goes on without saving. Each Enter is
    # pressed once its try is on screen; a try's words are on its answered line too.
    child.expect_exact("Passphrase for your saved answers:")
    child.send(keys.ENTER)
    child.expect_exact("Try again:")  # the second try
    child.send(keys.ENTER)
    child.expect_exact("Try again:")  # the second try, answered
    child.expect_exact("Try again:")  # the third
    child.send(keys.ENTER)
    child.expect_exact("not saved this time")
    steps = 1
    while child.expect([r"\d+ of \d+ answered", MENU]) == 0:  # each next step, or the menu
        child.expect_exact("Skip for now")  # the step, its help lines and its answers
        assert "not saved this time" not in child.before  # said once
        assert "113 or 0800 0113" in child.before  # the crisis lines stay in sight
        steps += 1
        child.send(keys.ENTER)
    assert steps >= 8
    assert "safecheck reset" in child.before
    child.send("5" + keys.ENTER)  # quit: a number, then Enter
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == ExitCode.OK
    assert (home / "state").read_bytes() == before  # byte for byte
    assert sorted(path.name for path in home.iterdir()) == [
        "settings.toml",
        "state",
        "state.head",
        "state.lock",
    ]


@pytest.mark.terminal
@pytest.mark.usefixtures("no_keyring")
def test_the_plan_command_asks_no_passphrase_before_the_crisis_screen(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = make_passphrase_state(home, monkeypatch)
    child = spawn(["-m", "safecheck", "plan", "--lang", "en"], child_env(home))
    child.expect_exact("Are you in acute danger")
    assert "Passphrase" not in child.before
    child.send(keys.ENTER)
    child.expect_exact("When you are ready")
    assert "113 Zelfmoordpreventie" in child.before
    until_ended(child, keys.CTRL_C)
    child.close()
    assert (home / "state").read_bytes() == before


@pytest.mark.terminal
def test_open_items_come_back_the_most_important_first(home: Path, tmp_path: Path) -> None:
    prevention = checklists.load(checklists.find("prevention", [checklists.builtin_dir()]))
    items = {item.id: item for _, item in prevention.items()}
    later, first = items["contacts-ask-questions"], items["privacy-hide-contact-lists"]
    assert later.priority.rank > first.priority.rank  # recommended, essential
    lines = ["checklist: prevention", "answers:"]
    for item_id in items:
        answer = {later.id: "not_yet", first.id: "skipped"}.get(item_id, "done")
        lines.append(f"  {item_id}: {answer}")
    answers = tmp_path / "answers.yaml"
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "prevention", "--answers", str(answers), "--no-input"])
    assert result.exit_code == 0, result.output

    child = spawn(["-m", "safecheck", "check", "prevention", "--lang", "en"], child_env(home))
    child.expect_exact(keys.ASKING)
    shown = " ".join(child.before.split())
    assert f"You had done {len(items) - 2} of {len(items)}" in shown
    assert first.title["en"] in shown
    assert later.title["en"] not in shown
    assert "--restart" not in shown
    child.send(keys.DONE)
    child.expect_exact(later.title["en"])  # then the other open one
    until_ended(child, keys.CTRL_C)
    child.close()


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["--region", "us", "helplines"], "another country"),
        (["helplines", "--region", "US", "--lang", "en"], "another country"),
        (["helplines", "--region", "be", "--lang", "NL"], "Zelfmoordlijn 1813"),
        (["--lang", "NL", "helplines", "--region", "nl"], "Hulplijnen: Nederland"),
    ],
)
def test_region_takes_any_country_code_and_lang_any_case(args: list[str], shown: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert shown in result.output


def test_a_region_that_is_no_country_code_is_refused() -> None:
    result = runner.invoke(app, ["helplines", "--region", "ZZ"])
    assert result.exit_code == ExitCode.USAGE
    assert "not a country code" in result.output


def test_a_country_code_given_to_the_plan_is_remembered_as_that_code(home: Path) -> None:
    runner.invoke(app, ["--region", "us", "plan"])  # not a terminal: refused, but remembered
    assert plain_settings.read(home).region == "US"


def test_the_settings_file_is_plain_private_and_safe_to_read(home: Path) -> None:
    plain_settings.update(home, region="BE", lang="nl", discreet=True, key="keyring")
    path = home / "settings.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert plain_settings.read(home) == plain_settings.Settings("BE", "nl", True, "keyring")
    assert plain_settings.parse(plain_settings.dumps(plain_settings.Settings("NL"))).region == "NL"
    path.write_text('region = "BE\n', encoding="utf-8")  # damaged: help still shows
    assert plain_settings.read(home) == plain_settings.Settings()
    path.write_text('region = 3\nlang = "xx"\ndiscreet = "yes"\n', encoding="utf-8")
    assert plain_settings.read(home) == plain_settings.Settings()
    assert not [p for p in home.iterdir() if p.name.endswith(".tmp")]


def test_settings_in_an_older_encrypted_state_move_to_the_plain_file(home: Path) -> None:
    store = Store(home)
    store.update(lambda state: state)  # a state, as an older safecheck left it:
    store._write(
        store.codec.seal(
            b'{"schema": 2, "answers": {}, "evidence": [], '
            b'"settings": {"region": "NL", "discreet": true, "age_group": "minor"}}'
        )
    )
    (home / "settings.toml").unlink()
    state = Store(home).load()
    assert state.settings == {"region": "NL", "discreet": True, "age_group": "minor"}
    moved = plain_settings.read(home)
    assert (moved.region, moved.discreet) == ("NL", True)
    assert "minor" not in (home / "settings.toml").read_text(encoding="utf-8")


def test_wipe_removes_the_settings_file(home: Path) -> None:
    plain_settings.update(home, region="BE")
    result = runner.invoke(app, ["wipe", "--yes"])
    assert result.exit_code == 0, result.output
    assert not (home / "settings.toml").exists()


def test_crisis_lines_are_chosen_from_plain_settings_and_the_locale() -> None:
    lines = helplines.load()
    unknown = crisis_lines(plain_settings.Settings(), lines, {"LANG": "C.UTF-8"}, lang="en")
    names = [line.name["en"] for line in unknown]
    assert names[0] == "Emergency"
    assert unknown[0].phones == ("112",)
    assert "Belgium: Zelfmoordlijn 1813" in names
    assert any(name.startswith("Netherlands: 113") for name in names)
    belgian = crisis_lines(plain_settings.Settings(), lines, {"LANG": "nl_BE.UTF-8"}, lang="nl")
    assert [line.country for line in belgian] == ["BE", "BE"]
    chosen = crisis_lines(
        plain_settings.Settings(region="NL"), lines, {"LANG": "nl_BE.UTF-8"}, lang="nl"
    )
    assert [line.country for line in chosen] == ["NL", "NL"]
    assert os.environ  # the real environment is never changed by this
