"""Hostile input, second round (issue 26): the settings file, names, encodings, the chain's
head, restore, shared and odd homes. Each case ends calmly: a documented exit code, no
traceback, no hang, nothing lost, nothing private left behind.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.core.text import CONTROL
from safecheck.storage import sealing
from safecheck.storage import settings as plain_settings
from tests.conftest import TEST_PASSPHRASE, Tmux, child_env, default_sigint

runner = CliRunner()
TIMEOUT = 20.0  # a loaded machine; a hang is what is caught, not slowness


def run(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """safecheck as a real program, never waiting for ever."""
    return subprocess.run(
        [sys.executable, "-m", "safecheck", *args],
        env=child_env(home, SAFECHECK_PASSPHRASE=TEST_PASSPHRASE, **env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
        preexec_fn=default_sigint,
    )


def calm(done: subprocess.CompletedProcess[str], *codes: int) -> str:
    out = done.stdout + done.stderr
    assert "Traceback" not in out, out
    assert done.returncode in codes, (done.returncode, out)
    return out


# --- 2. the plain settings file never hides the crisis lines -------------------------------

HOSTILE_SETTINGS = {
    "lang-list": 'lang = ["nl"]',
    "lang-table": "lang = {nl = true}",
    "region-table": "[region]\ncode = 'BE'",
    "region-list": 'region = ["BE"]',
    "region-number": "region = 32",
    "discreet-text": 'discreet = "yes"',
    "key-list": 'key = ["keyring"]',
    "key-table": "key = {a = 1}",
    "deep-arrays": "lang = " + "[" * 30000 + "]" * 30000,
    "deep-tables": "lang = " + "{a = " * 5000 + "1" + "}" * 5000,
    "deep-unclosed": "x = " + "[" * 60000,
    "nul": "lang = 'nl\x00'",
    "binary": "\udcff",
}


def write_settings(home: Path, text: str) -> None:
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    (home / "settings.toml").write_bytes(text.encode("utf-8", "surrogateescape"))


@pytest.mark.parametrize("name", sorted(HOSTILE_SETTINGS))
def test_a_hostile_settings_file_reads_as_the_defaults(home: Path, name: str) -> None:
    write_settings(home, HOSTILE_SETTINGS[name])
    saved = plain_settings.read(home)
    assert saved.lang is None or saved.lang in ("en", "nl", "fr")
    assert saved.region is None or isinstance(saved.region, str)
    assert isinstance(saved.discreet, bool)


@pytest.mark.parametrize("name", ["lang-list", "region-table", "deep-arrays", "key-list"])
def test_helplines_and_plan_still_show_112_whatever_the_settings_file(
    home: Path, name: str
) -> None:
    write_settings(home, HOSTILE_SETTINGS[name])
    for args in (["helplines"], [], ["plan", "--region", "BE"], ["status"]):
        out = calm(run(home, *args), ExitCode.OK, ExitCode.NOT_INTERACTIVE)
        if args in (["helplines"], []):
            assert "112" in out, out


@pytest.mark.parametrize("name", ["lang-list", "deep-arrays"])
def test_the_start_screen_in_a_terminal_still_shows_112(
    tmux: type[Tmux], home: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    write_settings(home, HOSTILE_SETTINGS[name])
    monkeypatch.setenv("PROMPT_TOOLKIT_NO_CPR", "1")
    screen = tmux(f"settings-{name}", [sys.executable, "-m", "safecheck"])
    first = "\n".join(screen.wait_for("Quit"))
    assert "112" in first, first
    assert "Traceback" not in first


def test_settings_moved_from_an_older_state_ignore_a_hostile_file(home: Path) -> None:
    write_settings(home, HOSTILE_SETTINGS["deep-arrays"])
    plain_settings.from_state(home, {"region": "NL", "discreet": ["x"]})
    assert plain_settings.read(home).region == "NL"


# --- 4. every name shown goes through the control-character filter ------------------------

TITLE = "\x1b]0;pwned\x07evil\x1b[31m.png"


def test_verify_and_restore_never_print_a_raw_escape_from_a_file_name(
    home: Path, tmp_path: Path
) -> None:
    shot = tmp_path / TITLE
    shot.write_bytes(b"a screenshot" * 20)
    added = runner.invoke(app, ["evidence", "add", "--account", "x.acc", "--file", str(shot)])
    assert added.exit_code == 0, added.output
    verified = runner.invoke(app, ["evidence", "verify"])
    assert verified.exit_code == ExitCode.OK, verified.output
    assert not CONTROL.search(verified.output), repr(verified.output)
    assert "\\x1b]0;pwned" in verified.output
    target = tmp_path / "out"
    restored = runner.invoke(app, ["evidence", "restore", "1", "--output", str(target)])
    assert restored.exit_code == 0, restored.output
    assert not CONTROL.search(restored.output), repr(restored.output)


def test_wipe_names_a_strange_file_it_leaves_without_raw_escapes(home: Path) -> None:
    plain_settings.update(home, lang="en")
    (home / "note\x1b[2J\x1b]0;x\x07.txt").write_text("mine", encoding="utf-8")
    wiped = runner.invoke(app, ["wipe", "--yes"])
    assert not CONTROL.search(wiped.output), repr(wiped.output)
    assert "Left in place" in wiped.output


# --- 9. any output encoding ----------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["latin-1", "ascii", "cp1252"])
@pytest.mark.parametrize(
    "args", [["helplines"], ["--lang", "fr", "helplines"], ["--lang", "fr", "status"], ["where"]]
)
def test_every_output_encoding_prints_replacing_what_it_cannot(
    home: Path, encoding: str, args: list[str]
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "safecheck", *args],
        env=child_env(home, PYTHONIOENCODING=encoding),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
        preexec_fn=default_sigint,
    )
    out = (done.stdout + done.stderr).decode(encoding)
    assert done.returncode == 0, out
    assert "Traceback" not in out
    if args[-1] == "helplines":
        assert "112" in out


def test_a_json_document_survives_a_legacy_encoding(home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "safecheck", "--lang", "fr", "helplines", "--json"],
        env=child_env(home, PYTHONIOENCODING="latin-1"),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
        preexec_fn=default_sigint,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("latin-1"))


# --- 6. the chain's head: rollback and truncation ------------------------------------------


def add_entries(tmp_path: Path, count: int) -> None:
    shot = tmp_path / "chat.png"
    shot.write_bytes(b"a screenshot of the chat" * 50)
    for number in range(count):
        files = ["--file", str(shot)] if number == 0 else []
        result = runner.invoke(
            app,
            [
                "evidence",
                "add",
                "--account",
                f"acc{number}.x",
                "--when",
                "2026-03-01 10:00",
                *files,
            ],
        )
        assert result.exit_code == 0, result.output


def verify() -> tuple[int, str]:
    result = runner.invoke(app, ["evidence", "verify"])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def plain_document(home: Path) -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(sealing.parse((home / "state").read_bytes()).body))


def write_plain(home: Path, document: dict[str, Any]) -> None:
    data = json.dumps(document).encode("utf-8")
    (home / "state").write_bytes(sealing.seal_plain(data))


@pytest.fixture
def plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECHECK_NO_ENCRYPTION", "1")


def test_an_untouched_log_holds_with_its_head(home: Path, tmp_path: Path) -> None:
    add_entries(tmp_path, 3)
    assert runner.invoke(app, ["evidence", "remove", "2", "--yes"]).exit_code == 0
    assert (home / "state.head").exists()
    code, out = verify()
    assert code == ExitCode.OK, out


def test_the_last_record_taken_off_is_reported(home: Path, tmp_path: Path, plain: None) -> None:
    add_entries(tmp_path, 3)
    document = plain_document(home)
    document["evidence"] = document["evidence"][:-1]
    write_plain(home, document)
    code, out = verify()
    assert code == ExitCode.NOT_AS_RECORDED, out
    assert "CUT OFF" in out
    assert "3 records" in out


def test_every_record_taken_off_is_reported(home: Path, tmp_path: Path, plain: None) -> None:
    add_entries(tmp_path, 2)
    document = plain_document(home)
    document["evidence"] = []
    write_plain(home, document)
    code, out = verify()
    assert code == ExitCode.NOT_AS_RECORDED, out


def test_an_older_encrypted_state_put_back_is_reported(home: Path, tmp_path: Path) -> None:
    add_entries(tmp_path, 2)
    older = (home / "state").read_bytes()
    add_entries(tmp_path, 1)
    (home / "state").write_bytes(older)  # no key needed to do this
    code, out = verify()
    assert code == ExitCode.NOT_AS_RECORDED, out


def test_an_older_state_with_as_many_records_is_reported(
    home: Path, tmp_path: Path, plain: None
) -> None:
    add_entries(tmp_path, 2)
    document = plain_document(home)
    last = document["evidence"][-1]
    last["at"] = "2020-01-01T00:00:00+00:00"  # another last record, its content intact
    write_plain(home, document)
    code, out = verify()
    assert code == ExitCode.NOT_AS_RECORDED, out


@pytest.mark.parametrize("schema", [1, 2])
def test_the_schema_set_back_is_reported(
    home: Path, tmp_path: Path, plain: None, schema: int
) -> None:
    add_entries(tmp_path, 2)
    document = plain_document(home)
    document["schema"] = schema
    write_plain(home, document)
    code, out = verify()
    assert code in (ExitCode.NOT_AS_RECORDED, ExitCode.BAD_STATE), out
    assert code != ExitCode.OK


@pytest.mark.parametrize("bad", [b"", b"garbage", b"SAFECHECK\x00\x01\x00\x00\x00\x00\x02{}"])
def test_a_head_that_is_not_one_is_reported(home: Path, tmp_path: Path, bad: bytes) -> None:
    add_entries(tmp_path, 1)
    (home / "state.head").write_bytes(bad)
    code, out = verify()
    assert code == ExitCode.NOT_AS_RECORDED, out


def test_a_head_that_is_a_folder_or_fifo_is_reported_without_waiting(
    home: Path, tmp_path: Path
) -> None:
    add_entries(tmp_path, 1)
    (home / "state.head").unlink()
    os.mkfifo(home / "state.head")
    code, out = verify()
    assert code == ExitCode.NOT_AS_RECORDED, out


@pytest.mark.parametrize("bad_id", [[1], {"a": 1}, "1", None, True, 1.5])
def test_a_record_whose_id_is_not_a_number_ends_calmly(
    home: Path, tmp_path: Path, plain: None, bad_id: object
) -> None:
    add_entries(tmp_path, 2)
    assert runner.invoke(app, ["evidence", "remove", "2", "--yes"]).exit_code == 0
    document = plain_document(home)
    document["evidence"][-1]["id"] = bad_id
    write_plain(home, document)
    code, out = verify()
    assert code == ExitCode.NOT_AS_RECORDED, out
    for args in (["evidence", "list"], ["evidence", "add", "--account", "z.z"], ["status"]):
        result = runner.invoke(app, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), args
        assert result.exit_code in (ExitCode.OK, ExitCode.BAD_STATE), result.output
