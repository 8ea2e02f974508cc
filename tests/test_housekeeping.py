"""`safecheck where` and `safecheck wipe` (the keyring side of wipe is in test_keyring.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.storage.store import open_store
from tests import keys
from tests.conftest import SECRET_SERVICE

runner = CliRunner()


def test_where_names_every_place_and_changes_nothing(home: Path) -> None:
    result = runner.invoke(app, ["where"])
    assert result.exit_code == 0
    assert f"Folder: {home}" in result.output
    assert f"Saved state: {home / 'state'} (nothing saved yet)" in result.output
    assert f"Lock file: {home / 'state.lock'}" in result.output
    assert f'service "safecheck", user name "{home.resolve()}"' in result.output
    assert "SAFECHECK_HOME" in result.output
    assert not home.exists()  # looking created nothing

    open_store(home).update(lambda state: state.with_setting("lang", "en"))
    (home / "state.unreadable-20260101T000000").write_bytes(b"kept")
    result = runner.invoke(app, ["where", "--lang", "nl"])
    how = "versleuteld; de sleutel staat in je sleutelbos" if SECRET_SERVICE else "versleuteld met"
    assert f"Bewaarde gegevens: {home / 'state'} ({how}" in result.output
    assert f"Opzij bewaard (kon niet gelezen worden): {home}/state.unreadable-" in result.output


def test_where_says_when_the_state_cannot_be_read(home: Path) -> None:
    home.mkdir(mode=0o700)
    (home / "state").write_bytes(b"garbage")
    result = runner.invoke(app, ["where"])
    assert "(cannot be read; see `safecheck reset`)" in result.output
    assert (home / "state").read_bytes() == b"garbage"


def test_wipe_asks_first_and_no_keeps_everything(home: Path, pipe: PipeInput) -> None:
    open_store(home).update(lambda state: state.with_setting("lang", "en"))
    before = sorted(home.iterdir())

    pipe.send_text("n" + keys.ENTER)
    result = runner.invoke(app, ["wipe"])

    assert result.exit_code == 0
    assert "Nothing was removed." in result.output
    assert sorted(home.iterdir()) == before


def test_wipe_asks_first_and_yes_removes_everything(home: Path, pipe: PipeInput) -> None:
    open_store(home).update(lambda state: state.with_setting("lang", "en"))

    pipe.send_text("y" + keys.ENTER)
    result = runner.invoke(app, ["wipe"])

    assert result.exit_code == 0, result.output
    assert f"Removed {home / 'state'}" in result.output
    assert not home.exists()


def test_wipe_without_a_terminal_needs_yes(home: Path) -> None:
    open_store(home).update(lambda state: state.with_setting("lang", "en"))
    result = runner.invoke(app, ["wipe"])
    assert result.exit_code == ExitCode.NOT_INTERACTIVE
    assert "To wipe from a script, add --yes." in result.output
    assert (home / "state").exists()


def test_wipe_leaves_files_it_did_not_make(home: Path) -> None:
    open_store(home).update(lambda state: state.with_setting("lang", "en"))
    mine = home / "my notes.txt"
    mine.write_text("not safecheck's")

    result = runner.invoke(app, ["wipe", "--yes"])

    assert result.exit_code == 0
    assert sorted(home.iterdir()) == [mine]
    assert f"Left in place, because safecheck did not make it: {mine}" in result.output


@pytest.mark.usefixtures("no_keyring")
def test_wipe_on_a_machine_without_a_keyring(home: Path) -> None:
    result = runner.invoke(app, ["--no-encryption", "wipe", "--yes"])
    assert result.exit_code == 0
    assert "There is no keyring on this computer, so there was no key to remove." in result.output
