"""Evidence can always be handed over: a damaged, missing or odd kept copy never blocks the
bundle, the zip, the backup or `evidence restore`; each such file is named (on screen, in
manifest.json, in the report) and the exit code says "made, but something is missing"."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from safecheck.core.errors import ExitCode
from safecheck.evidence import bundle
from tests import forked
from tests.conftest import child_env

SAFECHECK = Path(sys.executable).with_name("safecheck")
HANG_GUARD = 60  # seconds: a read of a FIFO would wait for ever and hit this
SHA256SUM = shutil.which("sha256sum")
BACKUP_SECRET = "a long backup passphrase for tests"


def safecheck(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """safecheck as a program of its own: a fork of one that has loaded it (tests/forked.py)."""
    done = forked.run(args, child_env(home, **env), timeout=HANG_GUARD)
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def add_two_files(home: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Entry 1 with chat.png, entry 2 with pay.pdf; both kept."""
    chat, pay = tmp_path / "chat.png", tmp_path / "pay.pdf"
    chat.write_bytes(b"the chat " * 500)
    pay.write_bytes(b"the payment " * 500)
    for shot in (chat, pay):
        done = safecheck(home, "evidence", "add", "--account", "someone", "--file", str(shot))
        assert done.returncode == 0, done.stderr
    return chat, pay


def copy_of(home: Path, original: Path) -> Path:
    return home / "files" / hashlib.sha256(original.read_bytes()).hexdigest()


def flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))


def to_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "inside").write_text("x")


def cut_off(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:40])


def to_fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "a flipped byte": flip_a_byte,
    "missing": lambda path: path.unlink(),
    "a folder": to_folder,
    "a FIFO": to_fifo,
    "cut off": cut_off,
}


def check_sums(folder: Path) -> None:
    assert SHA256SUM is not None
    checked = subprocess.run(
        [SHA256SUM, "-c", "--strict", "SHA256SUMS"], cwd=folder, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.skipif(SHA256SUM is None, reason="needs coreutils' sha256sum")
@pytest.mark.parametrize("damage", list(DAMAGE))
@pytest.mark.parametrize("original_there", [True, False], ids=["original", "no-original"])
def test_a_damaged_copy_never_blocks_the_bundle(
    home: Path, tmp_path: Path, damage: str, original_there: bool
) -> None:
    chat, pay = add_two_files(home, tmp_path)
    DAMAGE[damage](copy_of(home, chat))
    chat_bytes = b"the chat " * 500
    if not original_there:
        chat.unlink()
    target = tmp_path / "for-the-police"
    done = safecheck(home, "export", "--bundle", str(target))

    assert done.returncode == ExitCode.INCOMPLETE, done.stderr
    assert "chat.png" in done.stderr
    assert "safecheck evidence verify" in done.stderr
    assert "reset" not in done.stderr
    assert "Traceback" not in done.stderr
    check_sums(target)
    files = sorted(p.name for p in (target / "files").iterdir())
    assert files == (["chat.png", "pay.pdf"] if original_there else ["pay.pdf"])
    if original_there:
        assert (target / "files" / "chat.png").read_bytes() == chat_bytes
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    jsonschema.validate(manifest, json.loads(bundle.MANIFEST_SCHEMA_FILE.read_text()))
    (problem,) = manifest["copy_problems"]
    assert problem["name"] == "chat.png"
    assert problem["sha256"] == hashlib.sha256(chat_bytes).hexdigest()
    assert problem["copy"] == ("missing" if damage == "missing" else "damaged")
    assert problem["instead"] == ("original" if original_there else "left out")
    report = (target / "report.html").read_text(encoding="utf-8")
    assert "Files not as they were kept" in report
    assert "chat.png" in report
    assert "Files not as they were kept" in (target / "report.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", ["a flipped byte", "a FIFO", "a folder"])
def test_the_zip_and_the_backup_are_made_around_a_damaged_copy(
    home: Path, tmp_path: Path, damage: str
) -> None:
    chat, pay = add_two_files(home, tmp_path)
    DAMAGE[damage](copy_of(home, pay))
    pay.unlink()
    target = tmp_path / "bundle.zip"
    done = safecheck(home, "export", "--bundle", str(target), "--zip")
    assert done.returncode == ExitCode.INCOMPLETE, done.stderr
    assert "pay.pdf" in done.stderr
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert "bundle/files/chat.png" in names
        assert not any(name.endswith("pay.pdf") for name in names)
        manifest = json.loads(archive.read("bundle/manifest.json"))
    assert manifest["copy_problems"][0]["name"] == "pay.pdf"

    backup = tmp_path / "safecheck.backup"
    made = safecheck(
        home, "backup", "create", str(backup), SAFECHECK_BACKUP_PASSPHRASE=BACKUP_SECRET
    )
    assert made.returncode == ExitCode.INCOMPLETE, made.stderr
    assert "pay.pdf" in made.stderr
    assert "safecheck evidence verify" in made.stderr
    assert "reset" not in made.stderr
    assert backup.stat().st_size > 0


def test_evidence_show_and_verify_never_hang_on_a_fifo_or_a_folder(
    home: Path, tmp_path: Path
) -> None:
    chat, pay = add_two_files(home, tmp_path)
    to_fifo(copy_of(home, chat))
    to_folder(copy_of(home, pay))
    for command in (["evidence", "show", "1"], ["evidence", "show", "2"], ["evidence", "verify"]):
        done = safecheck(home, *command)
        assert "Traceback" not in done.stderr, command
        assert done.returncode in (ExitCode.OK, ExitCode.NOT_AS_RECORDED), done.stderr
    verified = safecheck(home, "evidence", "verify")
    assert verified.returncode == ExitCode.NOT_AS_RECORDED
    assert "chat.png" in verified.stdout
    assert "pay.pdf" in verified.stdout


def test_backup_restore_of_a_fifo_does_not_hang(home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "safecheck.backup"
    os.mkfifo(fifo)
    done = safecheck(
        home, "backup", "restore", str(fifo), SAFECHECK_BACKUP_PASSPHRASE=BACKUP_SECRET
    )
    assert done.returncode not in (ExitCode.OK, ExitCode.ERROR), done.stderr
    assert "Traceback" not in done.stderr
    assert "pipe" in done.stderr.lower() or "regular file" in done.stderr


def test_evidence_restore_uses_the_original_and_never_leaves_an_empty_folder(
    home: Path, tmp_path: Path
) -> None:
    chat, _ = add_two_files(home, tmp_path)
    flip_a_byte(copy_of(home, chat))
    out = tmp_path / "back"
    done = safecheck(home, "evidence", "restore", "1", "--output", str(out))
    assert done.returncode == ExitCode.INCOMPLETE, done.stderr
    assert (out / "chat.png").read_bytes() == chat.read_bytes()  # from the original

    chat.unlink()
    empty = tmp_path / "empty"
    gone = safecheck(home, "evidence", "restore", "1", "--output", str(empty))
    assert gone.returncode == ExitCode.INCOMPLETE, gone.stderr
    assert "chat.png" in gone.stderr
    assert "safecheck evidence verify" in gone.stderr
    assert not empty.exists()


def test_a_bundle_killed_with_kill_9_leaves_plain_copies_only_until_the_next_run(
    home: Path, tmp_path: Path
) -> None:
    video = tmp_path / "call.mp4"
    with video.open("wb") as out:
        for _ in range(96):
            out.write(os.urandom(1 << 20))
    added = safecheck(home, "evidence", "add", "--account", "someone", "--file", str(video))
    assert added.returncode == 0, added.stderr
    target = tmp_path / "for-the-police"
    child = subprocess.Popen(
        [str(SAFECHECK), "export", "--bundle", str(target)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=child_env(home),
    )
    try:
        for _ in range(6000):  # until the plain report is written in the temporary folder
            partial = [
                p for p in tmp_path.glob(".for-the-police.*.tmp") if (p / "report.html").exists()
            ]
            if partial or child.poll() is not None:
                break
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=HANG_GUARD)
    if not partial:
        pytest.skip("the bundle was done before it could be killed")
    assert partial[0].exists()  # what kill -9 leaves: plain copies under a dot name

    again = safecheck(home, "export", "--bundle", str(target))
    assert again.returncode == 0, again.stderr
    assert str(partial[0]) in again.stderr
    assert not partial[0].exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".for-the-police")] == []
