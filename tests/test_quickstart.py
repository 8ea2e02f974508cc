"""The README's quick start, followed word for word in a fresh clone, in a real terminal.

WHAT THIS TEST DOES: it clones this repository (its last commit) into a temporary folder,
opens a shell in tmux (80x24) there, and types the commands of the README's first code block,
in order, exactly as written. `make run` must create `.venv`, install safecheck and reach the
start screen's first question; the lines after it must then give a working `safecheck`
(the README says how to get it on the PATH), and `safecheck helplines --json` must print the
help lines as JSON.

The one line it does not type is `make test`: that is the command running this very test.
`make run` installs with pip, which fetches the packages through its usual index and reuses
pip's cache in your home folder (so a second run is quick); that is pip's network, never
safecheck's (the other tests guard safecheck's).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from safecheck.core import jsonout
from safecheck.core.i18n import t
from tests.conftest import ROOT, Tmux

README = (ROOT / "README.md").read_text(encoding="utf-8")
SCHEMA = json.loads(jsonout.SCHEMA_FILE.read_text(encoding="utf-8"))
NOT_TYPED = "make test"  # runs this test: typing it here would start the suite again


def quick_start() -> list[str]:
    """The commands of the README's first code block, without their comments."""
    block = README.split("```")[1]
    assert block.startswith("sh\n"), "the quick start is a shell block"
    lines = [line.split(" #")[0].strip() for line in block.splitlines()[1:]]
    return [line for line in lines if line]


def test_the_quick_start_says_how_to_reach_safecheck_after_make_run() -> None:
    commands = quick_start()
    assert commands[:2] == ["make run", "make test"]
    assert ". .venv/bin/activate" in commands
    assert commands.index(". .venv/bin/activate") < commands.index("safecheck helplines --json")
    after = README.split("```")[2]  # the text right after the block
    for way in ("`. .venv/bin/activate`", 'make run ARGS="', "`pipx install .`"):
        assert way in after


def wait(session: Tmux, pattern: str, seconds: float) -> str:
    """The screen once `pattern` (a regex) shows on it; pip may take minutes on a cold cache."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        screen = "\n".join(session.screen())
        if re.search(pattern, screen, re.MULTILINE):
            return screen
        time.sleep(0.25)
    raise AssertionError(f"{pattern!r} never appeared:\n" + "\n".join(session.screen()))


def idle(session: Tmux, seconds: float = 60) -> str:
    """The screen once the shell waits for the next command (nothing runs in front of it)."""
    time.sleep(0.5)  # the command has been read by the shell
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        running = session.tmux(
            "display-message", "-p", "-t", session.name, "#{pane_current_command}"
        )
        if running.strip() == "sh":
            return "\n".join(session.screen())
        time.sleep(0.25)
    raise AssertionError("the shell never became idle:\n" + "\n".join(session.screen()))


def test_the_readme_quick_start_in_a_fresh_clone(
    tmux: type[Tmux], tmp_path: Path, home: Path
) -> None:
    if shutil.which("git") is None or shutil.which("make") is None:
        pytest.skip("needs git and make")
    clone = tmp_path / "clone"
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", head], check=True)

    # A shell as a newcomer has it: no safecheck on the PATH, no virtual environment active.
    path = os.pathsep.join(
        folder
        for folder in os.environ.get("PATH", "").split(os.pathsep)
        if folder and not (Path(folder) / "safecheck").exists()
    )
    shell = shlex.join(["env", "-u", "VIRTUAL_ENV", f"PATH={path}", "PS1=$ ", "sh"])
    session = tmux(
        f"sc18s-{tmp_path.name}", ["sh", "-c", f"cd {shlex.quote(str(clone))} && exec {shell}"]
    )
    wait(session, r"^\$", 30)

    question = t("en", "What do you need?")
    for command in quick_start():
        if command == NOT_TYPED:
            continue
        session.keys("-l", command)
        session.keys("Enter")
        if command == "make run":
            wait(session, re.escape(question), 900)  # the first question
            session.keys("q", "Enter")  # every question can be left with q and Enter
        screen = idle(session)
        assert "not found" not in screen, screen
        if command == "safecheck helplines --json":
            assert '"source": "https://' in screen  # the end of the JSON is on the screen

    # The test's own check, not a README step: the same command's output is the documented JSON.
    out = tmp_path / "helplines.json"
    session.keys("-l", f"safecheck helplines --json > {out}; echo exit-$?")
    session.keys("Enter")
    wait(session, r"exit-0", 60)
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, SCHEMA)
    assert document["kind"] == "helplines"
    assert (clone / ".venv" / "bin" / "safecheck").exists()


def make_run(home: Path, args: str) -> subprocess.CompletedProcess[str]:
    """`make run ARGS=...` in this repository, with the virtual environment running the tests."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "SAFECHECK_HOME": str(home)}
    return subprocess.run(
        [
            "make",
            "-C",
            str(ROOT),
            "run",
            f"BIN={bin_dir}",
            "-o",
            f"{bin_dir}/.installed",
            f"ARGS={args}",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_passes_a_failing_exit_code_on(home: Path) -> None:
    failed = make_run(home, "verify --min-score 80")
    assert failed.returncode != 0  # make can only exit 2, and says safecheck's code:
    assert "Error 6" in failed.stderr
    assert "the requirement is not met" in failed.stdout
    passed = make_run(home, "verify --min-score 0")
    assert passed.returncode == 0, passed.stderr
