"""How safecheck ends once a command is done (`core.hardening.finish`): at once, with nothing
lost. What Python's own end would still do is done: the exit code, the atexit functions, all
of the output, a thread that is still working. The time it saves is `make bench`'s. And output
that cannot be written (a full disk) is one line and its own exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

import pytest

from tests.conftest import child_env

ENDS = """
import atexit, sys, threading, time
from pathlib import Path
from safecheck.core.hardening import finish
folder = Path(sys.argv[1])
atexit.register(lambda: (folder / "atexit").write_text("ran"))
if "thread" in sys.argv:
    def late():
        time.sleep(0.3)
        (folder / "thread").write_text("done")
    threading.Thread(target=late).start()
sys.stdout.write("x" * int(sys.argv[3]))  # no newline: still in the buffer
finish(int(sys.argv[2]))
"""


def buffered(home: Path) -> dict[str, str]:
    """safecheck's environment, with standard output buffered as it is for a person."""
    return {k: v for k, v in child_env(home).items() if k != "PYTHONUNBUFFERED"}


def ended(tmp_path: Path, code: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # more than any pipe holds at once
        [sys.executable, "-c", ENDS, str(tmp_path), str(code), "300000", *args],
        capture_output=True,
        timeout=60,
        env=buffered(tmp_path),
        check=False,
    )


@pytest.mark.parametrize("code", [0, 1, 2, 6, 130, 143])
def test_the_exit_code_the_atexit_functions_and_all_the_output_are_kept(
    tmp_path: Path, code: int
) -> None:
    done = ended(tmp_path, code)
    assert done.returncode == code
    assert done.stdout == b"x" * 300_000
    assert done.stderr == b""
    assert (tmp_path / "atexit").read_text() == "ran"


def test_a_thread_still_working_ends_its_work_first(tmp_path: Path) -> None:
    done = ended(tmp_path, 3, "thread")
    assert done.returncode == 3
    assert (tmp_path / "thread").read_text() == "done"
    assert (tmp_path / "atexit").read_text() == "ran"


def test_output_that_cannot_be_written_ends_as_python_ends(tmp_path: Path) -> None:
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            [sys.executable, "-c", ENDS, str(tmp_path), "0", "100"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            env=buffered(tmp_path),
            check=False,
        )
    assert done.returncode == 120  # Python's code when flushing standard output fails
    assert b"No space left on device" in done.stderr
    assert (tmp_path / "atexit").read_text() == "ran"


# -- output that cannot be written: one line and its own exit code, nothing lost ------------

OUTPUT_FAILED = 11  # ExitCode.OUTPUT_FAILED, as the reference's table says


def safecheck(
    home: Path, *args: str, stdout: int | IO[Any], stderr: int | IO[Any]
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "safecheck", *args],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=stderr,
        timeout=60,
        env=buffered(home),
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--help"], "the output cannot be written (No space left on device)"),
        (["--lang", "fr", "--help"], "la sortie ne peut pas être écrite"),
        (["--lang", "nl", "plan", "--help"], "de uitvoer kan niet worden geschreven"),
        (["--version"], "the output cannot be written"),
        (["status", "--json"], "the output cannot be written"),
        (["status"], "the output cannot be written"),
        (["helplines", "--region", "BE"], "the output cannot be written"),
        (["helplines", "--json", "--lang", "fr"], "la sortie ne peut pas être écrite"),
        (["lint", "checklists/prevention.yaml"], "the output cannot be written"),
    ],
)
def test_output_to_a_full_disk_is_one_line_and_its_own_exit_code(
    home: Path, args: list[str], said: str
) -> None:
    with Path("/dev/full").open("wb") as full:
        done = safecheck(home, *args, stdout=full, stderr=subprocess.PIPE)
    told = done.stderr.decode()
    assert done.returncode == OUTPUT_FAILED, told
    assert told.count("\n") == 1, told
    assert told.startswith("safecheck: ")
    assert said in told
    assert "Traceback" not in told


def test_when_standard_error_is_full_too_it_still_ends_with_its_code(home: Path) -> None:
    with Path("/dev/full").open("wb") as full:
        done = safecheck(home, "helplines", "--region", "NL", stdout=full, stderr=full)
    assert done.returncode == OUTPUT_FAILED


def test_a_full_standard_error_leaves_the_output_whole(home: Path) -> None:
    with Path("/dev/full").open("wb") as full:
        done = safecheck(home, "helplines", "--json", stdout=subprocess.PIPE, stderr=full)
    assert done.returncode == 0
    assert json.loads(done.stdout)["kind"] == "helplines"


def test_answers_saved_before_the_output_failed_stay_saved(home: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "checklist: prevention\nanswers:\n  accounts-two-step: done\n", encoding="utf-8"
    )
    with Path("/dev/full").open("wb") as full:
        done = safecheck(
            home,
            "check",
            "prevention",
            "--answers",
            str(answers),
            "--no-input",
            stdout=full,
            stderr=subprocess.PIPE,
        )
    assert done.returncode == OUTPUT_FAILED, done.stderr.decode()
    status = safecheck(home, "status", "--json", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert status.returncode == 0, status.stderr.decode()
    (prevention,) = [c for c in json.loads(status.stdout)["checklists"] if c["id"] == "prevention"]
    assert prevention["answered"] == 1
