"""Hostile input, second round (issue 26): the settings file, names, encodings, the chain's
head, restore, shared and odd homes. Each case ends calmly: a documented exit code, no
traceback, no hang, nothing lost, nothing private left behind.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, cast

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.core.text import CONTROL
from safecheck.storage import backup, sealing
from safecheck.storage import settings as plain_settings
from safecheck.storage import store as store_module
from safecheck.storage.keystore import Keystore, KeystoreUnavailable
from tests import forked
from tests.conftest import SMALL_CHECKLIST, TEST_PASSPHRASE, Tmux, child_env, default_sigint

runner = CliRunner()
TIMEOUT = 20.0  # a loaded machine; a hang is what is caught, not slowness


def run(
    home: Path, *args: str, encoding: str = "utf-8", **env: str
) -> subprocess.CompletedProcess[str]:
    """safecheck as a program of its own, never waiting for ever; its output read as `encoding`.
    A fork of one that has loaded safecheck (tests/forked.py); a new interpreter where the
    output encoding is chosen (PYTHONIOENCODING), as that is the interpreter's start-up."""
    environment = child_env(home, SAFECHECK_PASSPHRASE=TEST_PASSPHRASE, **env)
    if "PYTHONIOENCODING" in env:
        done = subprocess.run(
            [sys.executable, "-m", "safecheck", *args],
            env=environment,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
            preexec_fn=default_sigint,
        )
    else:
        done = forked.run(args, environment, timeout=TIMEOUT)
    errors = "strict" if encoding != "utf-8" else "replace"
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode(encoding, errors),
        done.stderr.decode(encoding, errors),
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
    out = calm(run(home, *args, encoding=encoding, PYTHONIOENCODING=encoding), ExitCode.OK)
    if args[-1] == "helplines":
        assert "112" in out


def test_a_json_document_survives_a_legacy_encoding(home: Path) -> None:
    done = run(
        home, "--lang", "fr", "helplines", "--json", encoding="latin-1", PYTHONIOENCODING="latin-1"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)


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


# --- 1. a restore that cannot lose; 11. crafted backups ------------------------------------

BACKUP_PASSPHRASE = "a long backup passphrase"


@pytest.fixture
def backup_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(backup.PASSPHRASE_ENV, BACKUP_PASSPHRASE)


# The cheapest scrypt cost a backup's header may name (`sealing.Cost.reasonable`). The backups
# restored here are inputs, written with it: restoring derives the key twice (a check, then the
# unpacking), which at the default cost is most of a second of CPU per restore. The scrypt and
# AES-GCM are the real ones; tests/test_backup.py makes and restores backups at the default cost.
TEST_COST = sealing.Cost(log2_n=10, r=1, p=1)
SALT = b"\x01" * backup.SALT_BYTES
_MADE: dict[int, bytes] = {}  # entries -> the plain bytes inside a backup made by safecheck


@functools.cache
def backup_key(cost: sealing.Cost) -> bytes:
    return backup._derive(BACKUP_PASSPHRASE, SALT, cost)


def sealed_backup(path: Path, plain: list[bytes], cost: sealing.Cost = TEST_COST) -> Path:
    """A backup at `path` of the `plain` bytes, sealed as `backup create` seals them."""
    from safecheck.storage import crypto

    key = backup_key(cost)
    header = (
        backup.MAGIC + bytes([backup.BACKUP_VERSION, cost.log2_n, cost.r, cost.p]) + SALT
        + crypto.key_check(key)
    )  # fmt: skip
    with path.open("wb") as out:
        out.write(header)
        for number, (chunk, last) in enumerate(backup._rechunk(iter(plain))):
            sealed = crypto.encrypt(key, chunk, backup._associated(header, number, last))
            out.write(backup._LENGTH.pack(len(sealed)) + sealed)
    return path


def made_backup(tmp_path: Path, entries: int = 2) -> Path:
    """A backup of `entries` entries (a kept copy with the first): what `backup create` put in
    it, made in another home the first time (in this worker), sealed at TEST_COST."""
    if entries not in _MADE:
        other = tmp_path / "other-home"
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SAFECHECK_HOME", str(other))
            add_entries(tmp_path, entries)
            file = tmp_path / f"made-by-safecheck-{entries}.backup"
            result = runner.invoke(app, ["backup", "create", str(file)])
            assert result.exit_code == 0, result.output
            with contextlib.suppress(KeystoreUnavailable):  # leave no entry in the test keyring
                Keystore(other).delete()
        _MADE[entries] = b"".join(backup._Reader(file, BACKUP_PASSPHRASE).chunks())
    return sealed_backup(tmp_path / f"made-{entries}.backup", [_MADE[entries]])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "state.lock"
    }


def beside(home: Path) -> list[str]:
    return sorted(path.name for path in home.parent.iterdir() if path.name != home.name)


def restore(file: Path, *extra: str) -> Any:
    result = runner.invoke(app, ["backup", "restore", str(file), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def test_a_forced_restore_swaps_the_folders_and_names_the_old_one(
    home: Path, tmp_path: Path, backup_env: None
) -> None:
    file = made_backup(tmp_path, 1)
    add_entries(tmp_path, 3)
    before = snapshot(home)
    others = beside(home)
    result = restore(file, "--force")
    assert result.exit_code == 0, result.output
    (aside,) = [name for name in beside(home) if name not in others]
    assert aside.startswith(f"{home.name}.before-restore-")
    assert snapshot(home.parent / aside) == before  # the old home, whole
    assert "kept aside" in result.output
    code, out = verify()
    assert code == ExitCode.OK, out


@pytest.mark.usefixtures("no_keyring")
def test_no_key_for_the_new_state_leaves_the_old_home(
    home: Path, tmp_path: Path, backup_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECHECK_PASSPHRASE", TEST_PASSPHRASE)
    file = made_backup(tmp_path, 1)
    add_entries(tmp_path, 2)
    before, others = snapshot(home), beside(home)
    monkeypatch.delenv("SAFECHECK_PASSPHRASE")
    result = restore(file, "--force")
    assert result.exit_code == ExitCode.NO_KEY, result.output
    assert snapshot(home) == before
    assert beside(home) == others


@pytest.mark.parametrize("where", ["copy", "state", "settings", "swap"])
@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EBUSY, errno.EXDEV, errno.EDQUOT])
def test_a_failure_while_restoring_leaves_the_old_home_and_nothing_beside_it(
    home: Path,
    tmp_path: Path,
    backup_env: None,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    number: int,
) -> None:
    file = made_backup(tmp_path, 1)
    add_entries(tmp_path, 2)
    before, others = snapshot(home), beside(home)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(number, os.strerror(number))

    target = {
        "copy": (backup, "write_copy"),
        "state": (store_module, "write_atomic"),
        "settings": (plain_settings, "write_atomic"),
        "swap": (backup, "exchange"),
    }[where]
    monkeypatch.setattr(*target, fail)
    result = restore(file, "--force")
    assert result.exit_code in (ExitCode.BAD_INPUT, ExitCode.BAD_STATE), result.output
    assert "Nothing was changed" in result.output or "saved before" in result.output
    monkeypatch.undo()
    assert snapshot(home) == before
    assert beside(home) == others
    code, out = verify()
    assert code == ExitCode.OK, out


KILLED = """
import os, sys
from safecheck.storage import backup
real = backup.{name}
def killed(*args, **kwargs):
    if {after}:
        real(*args, **kwargs)
    os.kill(os.getpid(), 9)
backup.{name} = killed
sys.argv = ["safecheck", "backup", "restore", sys.argv[1], "--force"]
from safecheck.entry import main
sys.exit(main())
"""


@pytest.mark.parametrize(("name", "after"), [("write_copy", False), ("exchange", True)])
def test_killed_while_restoring_nothing_is_lost_and_the_folder_aside_is_named_and_wiped(
    home: Path, tmp_path: Path, backup_env: None, name: str, after: bool
) -> None:
    file = made_backup(tmp_path, 1)
    add_entries(tmp_path, 2)
    before = snapshot(home)
    done = subprocess.run(
        [sys.executable, "-c", KILLED.format(name=name, after=after), str(file)],
        env=child_env(home, **{backup.PASSPHRASE_ENV: BACKUP_PASSPHRASE}),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
        preexec_fn=default_sigint,
    )
    assert done.returncode == -9, done.stderr
    (left,) = [path for path in home.parent.iterdir() if ".restoring-" in path.name]
    if after:  # swapped, not yet renamed: the old home is the folder beside
        assert snapshot(left) == before
    else:  # the old home never moved
        assert snapshot(home) == before
    where = runner.invoke(app, ["where"])
    assert str(left) in where.output
    wiped = runner.invoke(app, ["wipe", "--yes"])
    assert wiped.exit_code == 0, wiped.output
    assert not left.exists()
    assert not home.exists()


def restored_over(home: Path, tmp_path: Path, *, backed_up: int, now: int) -> Path:
    """A backup of `backed_up` entries restored with --force over a home of `now`; the folder
    the old home was set aside in."""
    file = made_backup(tmp_path, backed_up)
    add_entries(tmp_path, now)
    assert restore(file, "--force").exit_code == 0
    (aside,) = [p for p in home.parent.iterdir() if ".before-restore-" in p.name]
    return aside


def test_an_empty_log_names_the_folder_a_restore_set_aside(
    home: Path, tmp_path: Path, backup_env: None
) -> None:
    aside = restored_over(home, tmp_path, backed_up=0, now=2)
    for args in (["evidence", "list"], ["evidence", "list", "--json"], ["status"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert str(aside) in result.output, args
    assert runner.invoke(app, ["wipe", "--yes"]).exit_code == 0
    assert not aside.exists()


def crafted(tmp_path: Path, index: object, state: bytes, name: str = "crafted") -> Path:
    """A backup with the right passphrase around whatever index and state it is given."""
    head = index if isinstance(index, bytes) else json.dumps(index).encode("utf-8")
    return sealed_backup(
        tmp_path / f"{name}.backup", [backup._LENGTH.pack(len(head)) + head, state]
    )


def state_bytes(evidence: list[Any], settings: dict[str, Any] | None = None) -> bytes:
    document = {"schema": 3, "answers": {}, "settings": settings or {}, "evidence": evidence}
    return json.dumps(document).encode("utf-8")


RECORD = {"seq": 1, "action": "add", "id": 1, "at": "2026-01-01T10:00:00", "prev": "0" * 64}
DEEP = "[" * 30000 + "]" * 30000


def crafted_cases() -> dict[str, tuple[object, bytes]]:
    good = state_bytes([])
    id_list = state_bytes([{**RECORD, "id": [1]}])
    id_bool = state_bytes([{**RECORD, "id": True}])
    action = state_bytes([{**RECORD, "action": ["add"]}])
    deep_state = b'{"schema": 3, "answers": {}, "settings": {}, "evidence": ' + DEEP.encode() + b"}"
    return {
        "deep-index": ((b'{"copies": [], "state": 2, "settings": ' + DEEP.encode() + b"}"), good),
        "lang-list": ({"copies": [], "state": len(good), "settings": {"lang": ["nl"]}}, good),
        "region-table": ({"copies": [], "state": len(good), "settings": {"region": {}}}, good),
        "discreet-text": ({"copies": [], "state": len(good), "settings": {"discreet": "y"}}, good),
        "unknown-setting": ({"copies": [], "state": len(good), "settings": {"key": "x"}}, good),
        "index-list": ([], good),
        "copies-dict": ({"copies": {}, "state": len(good)}, good),
        "size-negative": ({"copies": [{"sha256": "a" * 64, "size": -1}], "state": 0}, b""),
        "size-bool": ({"copies": [{"sha256": "a" * 64, "size": True}], "state": len(good)}, good),
        "sha-number": ({"copies": [{"sha256": 5, "size": 0}], "state": len(good)}, good),
        "state-float": ({"copies": [], "state": 2.5}, good),
        "id-list": ({"copies": [], "state": len(id_list)}, id_list),
        "id-bool": ({"copies": [], "state": len(id_bool)}, id_bool),
        "action-list": ({"copies": [], "state": len(action)}, action),
        "deep-state": ({"copies": [], "state": len(deep_state)}, deep_state),
        "settings-in-state": (
            {"copies": [], "state": len(state_bytes([], {"x": [[1]]}))},
            state_bytes([], {"x": [[1]]}),
        ),
    }


CRAFTED = crafted_cases()


@pytest.mark.parametrize("name", sorted(CRAFTED))
@pytest.mark.parametrize("force", [False, True])
def test_a_crafted_backup_is_refused_before_anything_is_written(
    home: Path, tmp_path: Path, backup_env: None, name: str, force: bool
) -> None:
    index, state = CRAFTED[name]
    file = crafted(tmp_path, index, state, name)
    if force:
        add_entries(tmp_path, 1)
    before, others = (snapshot(home) if home.exists() else {}), beside(home)
    result = restore(file, *(["--force"] if force else []))
    assert result.exit_code == ExitCode.BAD_INPUT, result.output
    assert "Nothing was changed" in result.output
    assert (snapshot(home) if home.exists() else {}) == before
    assert beside(home) == others


# --- 8. a shared home; 10. odd homes and locks; 12. umask 000 ------------------------------


@pytest.mark.parametrize("mode", [0o1777, 0o777, 0o770, 0o757, 0o1733])
def test_a_home_others_can_change_is_refused_and_never_chmodded(tmp_path: Path, mode: int) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(mode)
    for args in (["status"], ["evidence", "add", "--account", "a.b"], ["check", "emergency"]):
        done = run(shared, *args, "--no-input" if args[0] == "check" else "--lang=en")
        out = calm(done, ExitCode.BAD_STATE)
        assert "other users can change this folder" in out, out
        assert oct(shared.stat().st_mode & 0o7777) == oct(mode)
    assert list(shared.iterdir()) == []  # nothing private was left there
    out = calm(run(shared, "helplines"), ExitCode.OK)
    assert "112" in out  # help is never refused
    assert list(shared.iterdir()) == []


def odd_home(tmp_path: Path, kind: str) -> Path:
    home = tmp_path / "odd"
    if kind == "home-file":
        home.write_text("mine", encoding="utf-8")
        return home
    if kind == "parent-file":
        home.write_text("mine", encoding="utf-8")
        return home / "inside"
    home.mkdir(mode=0o700)
    lock = home / "state.lock"
    if kind == "lock-folder":
        lock.mkdir()
    elif kind == "lock-dangling-link":
        lock.symlink_to(tmp_path / "nowhere" / "x")
    elif kind == "lock-link-to-a-file":
        (tmp_path / "precious").write_text("precious", encoding="utf-8")
        lock.symlink_to(tmp_path / "precious")
    elif kind == "lock-loop":
        lock.symlink_to(lock)
    elif kind == "lock-fifo":
        os.mkfifo(lock)
    return home


ODD = [
    "home-file",
    "parent-file",
    "lock-folder",
    "lock-dangling-link",
    "lock-link-to-a-file",
    "lock-loop",
    "lock-fifo",
]


@pytest.mark.parametrize("kind", ODD)
def test_odd_homes_and_locks_end_calmly(tmp_path: Path, kind: str) -> None:
    home = odd_home(tmp_path, kind)
    for args in (["evidence", "add", "--account", "a.b"], ["status"], ["evidence", "list"]):
        out = calm(run(home, *args), ExitCode.OK, ExitCode.BAD_STATE)
        assert not CONTROL.search(out)
    calm(run(home, "wipe", "--yes"), ExitCode.OK, ExitCode.BAD_STATE)
    calm(run(home, "where"), ExitCode.OK)
    if kind == "lock-link-to-a-file":
        assert (tmp_path / "precious").read_text(encoding="utf-8") == "precious"
    if kind in ("home-file", "parent-file"):
        assert (tmp_path / "odd").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("where", ["temp", "lock"])
def test_no_free_inode_ends_calmly_and_loses_nothing(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    add_entries(tmp_path, 1)
    before = snapshot(home)

    def full(*args: object, **kwargs: object) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if where == "temp":
        monkeypatch.setattr("tempfile.mkstemp", full)  # storage/files imports it to write
    else:
        monkeypatch.setattr("filelock.FileLock.acquire", full)
    result = runner.invoke(app, ["evidence", "add", "--account", "new.one"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == ExitCode.BAD_STATE, result.output
    monkeypatch.undo()
    assert snapshot(home) == before


def test_garbage_collection_removes_only_what_safecheck_made(home: Path, tmp_path: Path) -> None:
    add_entries(tmp_path, 1)
    files = home / "files"
    (files / "a folder").mkdir()
    (files / ("b" * 64)).mkdir()  # a folder with a copy's name
    (files / "my-notes.txt").write_text("mine", encoding="utf-8")
    (files / ".copy.x.tmp").mkdir()
    result = runner.invoke(app, ["evidence", "remove", "1", "--yes"])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in files.iterdir()) == sorted(
        [".copy.x.tmp", "a folder", "b" * 64, "my-notes.txt"]
    )
    assert runner.invoke(app, ["evidence", "add", "--account", "x.y"]).exit_code == 0
    assert (files / "my-notes.txt").exists()


def test_under_umask_000_every_folder_made_for_the_home_is_private(tmp_path: Path) -> None:
    home = tmp_path / "made" / "by" / "safecheck" / "home"
    done = subprocess.run(
        [
            "sh",
            "-c",
            'umask 000 && exec "$0" -m safecheck evidence add --account a.b',
            sys.executable,
        ],
        env=child_env(home, SAFECHECK_PASSPHRASE=TEST_PASSPHRASE),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stderr
    for folder in (home, home.parent, home.parent.parent, tmp_path / "made"):
        assert oct(folder.stat().st_mode & 0o777) == oct(0o700), folder


def test_under_umask_000_a_restore_target_is_private(
    tmp_path: Path, backup_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = made_backup(tmp_path, 1)
    home = tmp_path / "new" / "place" / "home"
    monkeypatch.setenv("SAFECHECK_HOME", str(home))
    old = os.umask(0)
    try:
        assert restore(file).exit_code == 0
    finally:
        os.umask(old)
    for folder in (home, home / "files", home.parent, home.parent.parent):
        assert oct(folder.stat().st_mode & 0o777) == oct(0o700), folder
    with contextlib.suppress(KeystoreUnavailable):
        Keystore(home).delete()


# --- 12. export onto the state, a hostile handout, YAML keys that are not text ------------


@pytest.mark.parametrize("name", ["state", "state.head", "settings.toml", "new.md", "files/x.md"])
@pytest.mark.parametrize("force", [False, True])
def test_export_never_writes_into_safecheck_s_own_folder(
    home: Path, tmp_path: Path, name: str, force: bool
) -> None:
    add_entries(tmp_path, 1)
    before = snapshot(home)
    target = home / name
    args = ["export", "--output", str(target), "--format", "markdown"]
    result = runner.invoke(app, [*args, *(["--force"] if force else [])])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code != 0, result.output
    assert snapshot(home) == before
    code, out = verify()
    assert code == ExitCode.OK, out


def test_export_through_a_link_into_safecheck_s_folder_is_refused(
    home: Path, tmp_path: Path
) -> None:
    add_entries(tmp_path, 1)
    before = snapshot(home)
    link = tmp_path / "report.md"
    link.symlink_to(home / "state")
    result = runner.invoke(app, ["export", "--output", str(link), "--force"])
    assert result.exit_code != 0, result.output
    assert snapshot(home) == before
    (tmp_path / "via").symlink_to(home)
    result = runner.invoke(app, ["export", "--output", str(tmp_path / "via" / "r.md")])
    assert result.exit_code != 0, result.output
    assert snapshot(home) == before


HOSTILE_MARKDOWN = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "[click]( JavaScript :alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "<javascript:alert(1)>",
    "[e](java&#115;cript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "<a href='javascript:alert(1)'>x</a>",
    "<iframe src=//example.org></iframe>",
    "<svg onload=alert(1)>",
]


def hostile_checklist(folder: Path, text: str) -> None:
    folder.mkdir(exist_ok=True)
    quoted = "{nl: " + json.dumps(text) + ", en: " + json.dumps(text) + "}"
    body = SMALL_CHECKLIST.replace("{nl: Omdat alfa telt., en: Because alpha matters.}", quoted)
    body = body.replace("{nl: Een korte lijst., en: A short list.}", quoted)
    body = body.replace("{nl: Zo doe je beta., en: This is how you do beta.}", quoted)
    (folder / "small.yaml").write_text(body, encoding="utf-8")


@pytest.mark.parametrize("text", HOSTILE_MARKDOWN)
def test_the_markdown_handout_carries_no_html_and_no_code_link(
    home: Path, tmp_path: Path, text: str
) -> None:
    import markdown_it

    folder = tmp_path / "shared"
    hostile_checklist(folder, text)
    out = tmp_path / "handout.md"
    args = ["export", "--handout", "small", "--checklists", str(folder), "-o", str(out)]
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 0, result.output
    written = out.read_text(encoding="utf-8")
    # Not every Markdown reader blocks such links itself (markdown-it does; pandoc does not).
    assert not re.search(r"\]\(\s*<?\s*(java|vb)script\s*:", written, re.I), written
    assert not re.search(r"\]\(\s*<?\s*data\s*:", written, re.I), written
    page = markdown_it.MarkdownIt("commonmark").render(written)
    tags = Tags()
    tags.feed(page)  # as a browser's parser reads the rendered page
    assert tags.names <= {"h1", "h2", "p", "ul", "li", "strong", "em", "a", "br", "code"}, page
    for name, value in tags.attributes:
        assert not name.startswith("on"), page
        if name == "href":
            assert not re.match(r"\s*(javascript|vbscript|data|file)\s*:", value, re.I), page


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


def test_the_markdown_handout_keeps_ordinary_formatting(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    hostile_checklist(folder, "**Block** first & [report](https://childfocus.be) it: a < b")
    out = tmp_path / "handout.md"
    args = ["export", "--handout", "small", "--checklists", str(folder), "-o", str(out)]
    assert runner.invoke(app, [*args, "--lang", "en"]).exit_code == 0
    import markdown_it

    page = markdown_it.MarkdownIt("commonmark").render(out.read_text(encoding="utf-8"))
    assert "<strong>Block</strong>" in page
    assert '<a href="https://childfocus.be">report</a>' in page
    assert "first &amp; " in page
    assert "a &lt; b" in page


NULL_KEYS = {
    "explicit-empty": "? : x\n",
    "flow-empty": "{ : b}\n",
    "tilde": "~: x\n",
    "null-word": "null: x\n",
    "empty-string": '"": x\n',
    "nested-null": "id: small\nsections:\n  - {id: a, ~: b}\n",
    "explicit-in-list": "items:\n  - ? \n    : value\n",
}


@pytest.mark.parametrize("name", sorted(NULL_KEYS))
def test_a_null_or_empty_mapping_key_is_refused_with_its_line(tmp_path: Path, name: str) -> None:
    from safecheck.content import yamlfile
    from safecheck.core.errors import InputFileError

    path = tmp_path / f"{name}.yaml"
    path.write_text(NULL_KEYS[name], encoding="utf-8")
    with pytest.raises(InputFileError) as raised:
        yamlfile.load(path)
    shown = raised.value.text("en")
    assert re.search(re.escape(str(path)) + r":\d+: ", shown), shown
    assert "key" in shown or "not valid YAML" in shown
    done = run(tmp_path / "home", "lint", str(path))
    out = calm(done, ExitCode.BAD_INPUT)
    assert f"{path.name}:" in out


# --- more of our own: special files where safecheck's own files belong -------------------


def make_special(path: Path, kind: str) -> None:
    """Something other than safecheck's own regular file at `path`."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        path.write_bytes(b'lang = "nl"\n' + b"#" * (1 << 20))
    else:  # a link to a device, or to itself
        path.symlink_to("/dev/zero" if kind == "dev-zero" else path)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "loop", "huge"])
def test_a_special_settings_file_never_hangs_and_never_hides_help(home: Path, kind: str) -> None:
    home.mkdir(mode=0o700, parents=True)
    make_special(home / "settings.toml", kind)
    assert plain_settings.read(home) == plain_settings.Settings()
    out = calm(run(home, "helplines"), ExitCode.OK)
    assert "112" in out


@pytest.mark.parametrize("kind", ["dev-zero", "folder", "huge", "fifo", "loop"])
def test_a_special_head_is_reported_not_read(home: Path, tmp_path: Path, kind: str) -> None:
    add_entries(tmp_path, 1)
    (home / "state.head").unlink()
    make_special(home / "state.head", kind)
    done = run(home, "evidence", "verify")
    assert calm(done, ExitCode.NOT_AS_RECORDED)


def test_wipe_leaves_a_person_s_own_file_in_a_folder_set_aside_and_names_it(
    home: Path, tmp_path: Path, backup_env: None
) -> None:
    aside = restored_over(home, tmp_path, backed_up=1, now=1)
    (aside / "my letter.txt").write_text("mine", encoding="utf-8")
    wiped = runner.invoke(app, ["wipe", "--yes"])
    assert wiped.exit_code == 0, wiped.output
    assert (aside / "my letter.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in aside.iterdir()) == ["my letter.txt"]
    assert "my letter.txt" in wiped.output


def test_a_keyring_gone_at_restore_time_leaves_the_old_home(
    home: Path, tmp_path: Path, backup_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The state's key was in a keyring that no longer answers, and no passphrase is given."""
    from tests.conftest import NO_KEYRING_BACKEND

    file = made_backup(tmp_path, 1)
    add_entries(tmp_path, 2)
    before, others = snapshot(home), beside(home)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", NO_KEYRING_BACKEND)
    monkeypatch.delenv("SAFECHECK_PASSPHRASE", raising=False)
    result = restore(file, "--force")
    assert result.exit_code == ExitCode.NO_KEY, result.output
    assert snapshot(home) == before
    assert beside(home) == others
