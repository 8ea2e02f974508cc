"""`backup create` and `backup restore`: a round trip through `wipe`, wrong passphrases and
damaged files that change nothing, and never over a state without --force."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.evidence import log
from safecheck.storage import backup
from safecheck.storage import settings as settings_file
from safecheck.storage.store import Store

runner = CliRunner()
PASSPHRASE = "a long backup passphrase"
SECRET_TEXT = "He said he would send it to my whole class"


@pytest.fixture(autouse=True)
def backup_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(backup.PASSPHRASE_ENV, PASSPHRASE)


def fill(tmp_path: Path) -> list[Path]:
    shots = [tmp_path / "chat.png", tmp_path / "payment.pdf"]
    for number, shot in enumerate(shots):
        shot.write_bytes(f"evidence file {number} ".encode() * 5000)
    for options in (
        ["--account", "some.one", "--note", SECRET_TEXT, "--file", str(shots[0])],
        ["--account", "other.one", "--file", str(shots[1])],
    ):
        result = runner.invoke(app, ["evidence", "add", *options])
        assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["evidence", "edit", "2", "--note", "edited"]).exit_code == 0
    return shots


@pytest.mark.slow
def test_round_trip_through_wipe(home: Path, tmp_path: Path) -> None:
    shots = fill(tmp_path)
    settings_file.update(home, region="NL", discreet=True)  # the plain settings come along
    before = Store(home).load()
    file = tmp_path / "safecheck.backup"
    result = runner.invoke(app, ["backup", "create", str(file)])
    assert result.exit_code == 0, result.output
    data = file.read_bytes()
    for text in (SECRET_TEXT, "some.one", "other.one", "evidence file 0"):
        assert text.encode() not in data, text
    assert runner.invoke(app, ["wipe", "--yes"]).exit_code == 0
    assert not (home / "state").exists()
    for shot in shots:
        shot.unlink()  # the originals are gone too: the copies must come back

    result = runner.invoke(app, ["backup", "restore", str(file)])
    assert result.exit_code == 0, result.output
    assert "2 entries, 2 kept copies" in result.output
    after = Store(home).load()
    assert after.evidence == before.evidence  # the whole chain, earlier versions too
    assert [e.account for e in log.entries(after)] == ["some.one", "other.one"]
    assert settings_file.read(home).region == "NL"
    assert settings_file.read(home).discreet is True
    verified = runner.invoke(app, ["evidence", "verify"])
    assert verified.exit_code == 0, verified.output
    assert verified.output.count("kept copy of") == 2
    out = tmp_path / "back"
    out.mkdir()
    restored = runner.invoke(app, ["evidence", "restore", "1", "--output", str(out)])
    assert restored.exit_code == 0, restored.output
    assert (out / "chat.png").read_bytes() == b"evidence file 0 " * 5000


@pytest.mark.slow
def test_never_over_a_state_without_force_and_with_force_it_is_kept_aside(
    home: Path, tmp_path: Path
) -> None:
    fill(tmp_path)
    file = tmp_path / "b.backup"
    assert runner.invoke(app, ["backup", "create", str(file)]).exit_code == 0
    runner.invoke(app, ["evidence", "add", "--account", "after.backup"])
    result = runner.invoke(app, ["backup", "restore", str(file)])
    assert result.exit_code == ExitCode.USAGE
    assert "--force" in result.output
    assert len(log.entries(Store(home).load())) == 3

    result = runner.invoke(app, ["backup", "restore", str(file), "--force"])
    assert result.exit_code == 0, result.output
    (aside,) = home.parent.glob(f"{home.name}.before-restore-*")
    assert "kept aside" in result.output
    assert (aside / "state").exists()
    assert [e.account for e in log.entries(Store(home).load())] == ["some.one", "other.one"]


@pytest.mark.slow
def test_a_wrong_passphrase_changes_nothing(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(tmp_path)
    file = tmp_path / "b.backup"
    assert runner.invoke(app, ["backup", "create", str(file)]).exit_code == 0
    state_before = (home / "state").read_bytes()
    monkeypatch.setenv(backup.PASSPHRASE_ENV, "not the passphrase")
    result = runner.invoke(app, ["backup", "restore", str(file), "--force"])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "the passphrase does not open this backup. Nothing was changed." in result.output
    assert (home / "state").read_bytes() == state_before
    assert list(home.parent.glob("*.before-restore-*")) == []


@pytest.mark.slow
@pytest.mark.parametrize("where", ["middle", "end", "cut"])
def test_a_damaged_backup_changes_nothing(home: Path, tmp_path: Path, where: str) -> None:
    fill(tmp_path)
    file = tmp_path / "b.backup"
    assert runner.invoke(app, ["backup", "create", str(file)]).exit_code == 0
    data = bytearray(file.read_bytes())
    if where == "cut":
        data = data[: len(data) // 2]
    else:
        data[len(data) // 2 if where == "middle" else -1] ^= 1
    file.write_bytes(bytes(data))
    assert runner.invoke(app, ["wipe", "--yes"]).exit_code == 0
    result = runner.invoke(app, ["backup", "restore", str(file)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "the backup is damaged" in result.output
    assert "Nothing was changed." in result.output
    assert not (home / "state").exists()
    assert not (home / "files").exists() or not any((home / "files").iterdir())


def test_not_a_backup(home: Path, tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("hello")
    result = runner.invoke(app, ["backup", "restore", str(file)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "not a safecheck backup" in result.output


@pytest.mark.slow
def test_create_never_writes_over_a_file(home: Path, tmp_path: Path) -> None:
    fill(tmp_path)
    file = tmp_path / "b.backup"
    file.write_text("keep me")
    result = runner.invoke(app, ["backup", "create", str(file)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert file.read_text() == "keep me"


def test_without_a_terminal_or_the_variable_it_says_what_to_set(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(tmp_path)
    monkeypatch.delenv(backup.PASSPHRASE_ENV)
    result = runner.invoke(app, ["backup", "create", str(tmp_path / "b.backup")])
    assert result.exit_code == ExitCode.NO_KEY
    assert "SAFECHECK_BACKUP_PASSPHRASE" in result.output
