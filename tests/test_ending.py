"""How safecheck ends once a command is done (`core.hardening.finish`): at once, with nothing
lost. What Python's own end would still do is done: the exit code, the atexit functions, all
of the output, a thread that is still working. The time it saves is `make bench`'s."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
