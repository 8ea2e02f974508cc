"""Commands that write into a folder make it when it does not exist yet."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode

runner = CliRunner()


def test_new_checklist_makes_the_missing_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    result = runner.invoke(app, ["new-checklist", "~/team-checklists/x.yaml"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "team-checklists" / "x.yaml"
    assert written.is_file()
    linted = runner.invoke(app, ["lint", str(written)])
    assert linted.exit_code == 0, linted.output


def test_new_checklist_says_when_the_folder_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["new-checklist", str(tmp_path / "a-file" / "x.yaml")])
    assert result.exit_code == ExitCode.USAGE
    assert "the folder cannot be made" in result.output
    assert "Traceback" not in result.output


def test_evidence_restore_makes_a_private_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shot = tmp_path / "chat.png"
    shot.write_bytes(b"a screenshot of the chat")
    added = runner.invoke(
        app, ["evidence", "add", "--platform", "Instagram", "--file", str(shot), "--keep-copy"]
    )
    assert added.exit_code == 0, added.output
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["evidence", "restore", "1", "--output", "newdir/inner"])
    assert result.exit_code == 0, result.output
    restored = tmp_path / "newdir" / "inner" / "chat.png"
    assert restored.read_bytes() == b"a screenshot of the chat"
    assert stat.S_IMODE(restored.parent.stat().st_mode) == 0o700
