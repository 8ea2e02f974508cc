"""Nothing is ever lost: SIGKILL in the middle of saving, two copies saving at once,
left-over files, and private permissions."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import stat
import subprocess
import sys
import time
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.storage.crypto import new_key
from safecheck.storage.store import TEMP_PATTERN, open_store
from tests import keys, saver
from tests.conftest import PATIENCE, ROOT, child_env

KILL_RUNS = 200


def saves_made(
    child: multiprocessing.process.BaseProcess, committed: Synchronized[int], count: int
) -> None:
    """Wait until the saver has finished `count` saves in all (a hang guard, not a timer)."""
    deadline = time.monotonic() + PATIENCE
    while committed.value < count:
        assert child.is_alive(), "the saver stopped by itself"
        assert time.monotonic() < deadline, f"the saver made {committed.value} of {count} saves"
        time.sleep(0.0005)


@pytest.mark.slow
def test_sigkill_while_saving_leaves_the_old_or_the_new_state(home: Path) -> None:
    """200 times: a program saving in a tight loop is killed at a random moment, after it
    finished one to three saves of this run (counted, so a loaded machine changes nothing).

    After each kill the state must load, be whole (all answers from one save), and
    be either the last save the program finished or the one it was making.
    """
    secret = new_key()
    store = saver.sealed_store(home, secret)
    fork = multiprocessing.get_context("fork")
    chance = random.Random()
    last = 0
    killed_mid_write = 0
    for run in range(KILL_RUNS):
        committed = fork.Value("q", last, lock=False)
        child = fork.Process(target=saver.save_forever, args=(home, secret, committed))
        child.start()
        saves_made(child, committed, last + chance.randint(1, 3))
        time.sleep(chance.uniform(0, 0.005))  # somewhere in the next save; nothing is timed
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        assert child.exitcode == -signal.SIGKILL, f"run {run}: the saver stopped by itself"
        if any(home.glob(TEMP_PATTERN)):
            killed_mid_write += 1  # the kill came between writing and renaming

        state = store.load()  # a damaged file would raise (and be moved aside)
        number = saver.counter(state)
        assert number in (committed.value, committed.value + 1), (run, number, committed.value)
        assert number > last, f"run {run}: a finished save was lost"
        assert saver.consistent(state), f"run {run}: answers from two saves are mixed"
        last = number

    assert killed_mid_write > 0, "no kill landed in the middle of a save"
    assert not list(home.glob("state.unreadable-*"))
    store.update(lambda state: state)  # the next save cleans up what the kills left
    assert not list(home.glob(TEMP_PATTERN))


@pytest.mark.slow
def test_two_processes_answering_at_once_lose_no_answer(home: Path) -> None:
    count = 60
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.saver", "answer", who, str(count)],
            cwd=ROOT,
            env=child_env(home),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for who in ("first", "second")
    ]
    for child in children:  # both have their key (the first start creates it)
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
    for child in children:  # then they go at the same moment
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        out, _ = child.communicate(timeout=120)
        assert child.returncode == 0
        assert out == "done\n"

    answers = open_store(home).load().answers_for("race")
    expected = {f"{who}-{n}" for who in ("first", "second") for n in range(count)}
    assert set(answers) == expected


def test_a_left_over_temporary_file_is_removed_by_the_next_save(home: Path) -> None:
    store = open_store(home)
    store.update(lambda state: state.with_setting("lang", "en"))
    leftover = home / ".state.crashed.tmp"
    leftover.write_bytes(b"half a save")
    store.update(lambda state: state.with_setting("lang", "nl"))
    assert not leftover.exists()
    assert store.load().settings == {"lang": "nl"}


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_loose_permissions_are_reported_and_fixed(
    home: Path, pipe: PipeInput, small_checklist: Path
) -> None:
    open_store(home).update(lambda state: state.with_setting("lang", "en"))
    aside = home / "state.unreadable-20260101T000000"
    aside.write_bytes(b"kept")
    home.chmod(0o755)
    (home / "state").chmod(0o644)
    aside.chmod(0o640)

    pipe.send_text(keys.CTRL_C)
    result = CliRunner().invoke(app, ["check", str(small_checklist)])

    assert f"The folder {home} could be opened by other users (mode 755)" in result.output
    assert f"The file {home / 'state'} could be read by other users (mode 644)" in result.output
    assert f"The file {aside} could be read by other users (mode 640)" in result.output
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for path in home.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path

    pipe.send_text(keys.CTRL_C)
    again = CliRunner().invoke(app, ["check", str(small_checklist)])
    assert "could be" not in again.output  # fixed once, quiet after
