"""The installed safecheck in scripts: it never waits for input that cannot come.

These run the `safecheck` program that `pip install` put beside this Python, as a
separate process, the way a lab script or CI job runs it. The subprocess timeouts
are hang guards only; no test measures time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from safecheck.content import checklist
from safecheck.core.errors import ExitCode
from safecheck.core.i18n import t
from safecheck.core.jsonout import SCHEMA_FILE
from tests import forked
from tests.conftest import ROOT, child_env

SAFECHECK = Path(sys.executable).with_name("safecheck")
HANG_GUARD = 60  # seconds; a prompt waiting for input would hit this and fail the test
PREVENTION = checklist.load(ROOT / "checklists" / "prevention.yaml")
ITEMS = [item for _, item in PREVENTION.items()]
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))

# What check and the start screen say without a terminal (English message ids).
CHECK_NOT_INTERACTIVE = "safecheck asks its questions in a terminal, and standard input is not one. Run it in a terminal, give your answers in a file with --answers FILE, or add --no-input to see your progress without questions (see the README)."
START_NOT_INTERACTIVE = "The start screen asks its questions in a terminal, and standard input is not one. Run safecheck in a terminal. Without one, these work: safecheck helplines (--json), safecheck status, safecheck verify, safecheck check ID --answers FILE --no-input, safecheck evidence list and safecheck export --output FILE."


def close_stdin() -> None:
    os.close(0)


def run(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """safecheck with stdin from /dev/null, as a program of its own: a fork of one that has
    loaded it (tests/forked.py). The other kinds of stdin below start a real program."""
    done = forked.run(args, child_env(home, **extra), timeout=HANG_GUARD)
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def run_with_closed_stdin(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SAFECHECK), *args],
        stdin=subprocess.DEVNULL,
        preexec_fn=close_stdin,  # the child starts with no file descriptor 0 at all
        capture_output=True,
        text=True,
        env=child_env(home),
        timeout=HANG_GUARD,
        check=False,
    )


def run_with_silent_pipe(
    home: Path, tmp_path: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    """stdin is a pipe that stays open and is never written to: a read would block forever."""
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("w") as stdout, err.open("w") as stderr:
        child = subprocess.Popen(
            [str(SAFECHECK), *args],
            stdin=subprocess.PIPE,
            stdout=stdout,
            stderr=stderr,
            env=child_env(home),
        )
        try:
            returncode = child.wait(timeout=HANG_GUARD)
        finally:
            child.kill()
            assert child.stdin is not None
            child.stdin.close()
            child.wait()
    return subprocess.CompletedProcess(
        child.args, returncode, out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8")
    )


Runner = Callable[[Path, Path, tuple[str, ...]], subprocess.CompletedProcess[str]]
STDINS: dict[str, Runner] = {
    "closed": lambda home, tmp, args: run_with_closed_stdin(home, *args),
    "devnull": lambda home, tmp, args: run(home, *args),
    "silent-pipe": lambda home, tmp, args: run_with_silent_pipe(home, tmp, *args),
}


def test_the_installed_program_is_tested() -> None:
    assert SAFECHECK.is_file()
    assert os.access(SAFECHECK, os.X_OK)


@pytest.mark.parametrize("stdin", STDINS)
@pytest.mark.parametrize(
    "args",
    [(), ("check", "prevention"), ("check", "prevention", "--plain")],
    ids=["bare", "check", "check-plain"],
)
def test_without_a_terminal_or_answers_it_stops_at_once_with_code_5(
    home: Path, tmp_path: Path, stdin: str, args: tuple[str, ...]
) -> None:
    result = STDINS[stdin](home, tmp_path, args)

    assert result.returncode == ExitCode.NOT_INTERACTIVE
    if args:  # check: what it accepts instead of a terminal
        assert result.stderr == f"safecheck: {t('en', CHECK_NOT_INTERACTIVE)}\n"
        assert result.stdout == ""
    else:  # the start screen: crisis help first, then what works without a terminal
        assert result.stderr == f"safecheck: {t('en', START_NOT_INTERACTIVE)}\n"
        assert "112" in result.stdout
    assert "--answers" in result.stderr
    assert "--no-input" in result.stderr
    assert not home.exists()  # it stopped before the saved state was even opened


def test_the_message_is_in_the_persons_language(home: Path) -> None:
    result = run_with_closed_stdin(home, "check", "prevention", "--lang", "nl")
    assert result.returncode == ExitCode.NOT_INTERACTIVE
    assert (
        t(
            "nl",
            "safecheck asks its questions in a terminal, and standard input is not one. "
            "Run it in a terminal, give your answers in a file with --answers FILE, or add "
            "--no-input to see your progress without questions (see the README).",
        )
        in result.stderr
    )


@pytest.mark.parametrize("stdin", STDINS)
def test_no_input_without_answers_shows_progress_and_asks_nothing(
    home: Path, tmp_path: Path, stdin: str
) -> None:
    result = STDINS[stdin](home, tmp_path, ("check", "prevention", "--no-input", "--plain"))
    assert result.returncode == 0, result.stderr
    assert f"Overall: 0 of {len(ITEMS)} done" in result.stdout


def answers_file(path: Path, answers: dict[str, str]) -> Path:
    path.write_text(
        yaml.safe_dump({"checklist": "prevention", "answers": answers}, sort_keys=False),
        encoding="utf-8",
    )
    return path


@pytest.mark.slow
def test_a_training_lab_from_answers_file_to_grade(home: Path, tmp_path: Path) -> None:
    # A student's answers: all but the last three items done, those three not yet.
    answers = {item.id: "done" for item in ITEMS}
    for item in ITEMS[-3:]:
        answers[item.id] = "not_yet"
    student = answers_file(tmp_path / "student.yaml", answers)
    score = round(100 * (len(ITEMS) - 3) / len(ITEMS))
    assert score >= 80

    checked = run(home, "check", "prevention", "--answers", str(student), "--no-input", "--json")
    assert checked.returncode == 0, checked.stderr
    document = json.loads(checked.stdout)  # stdout holds the JSON document and nothing else
    jsonschema.validate(document, SCHEMA)
    assert document["kind"] == "check"
    assert document["checklist"]["score"] == score
    assert document["checklist"]["answered"] == len(ITEMS)
    assert f"Saved {len(ITEMS)} answers" in checked.stderr

    graded = run(home, "verify", "--checklist", "prevention", "--min-score", "80")
    assert graded.returncode == 0, graded.stdout + graded.stderr
    assert "the requirement is met" in graded.stdout

    # The next student left one answer out: the score drops below 80.
    removed = ITEMS[0]
    del answers[removed.id]
    answers_file(student, answers)
    fresh = tmp_path / "home-2"
    checked = run(fresh, "check", "prevention", "--answers", str(student), "--no-input", "--json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["checklist"]["answered"] == len(ITEMS) - 1

    graded = run(fresh, "verify", "--checklist", "prevention", "--min-score", "80")
    assert graded.returncode == ExitCode.CHECK_FAILED
    assert f"- {removed.id}: {removed.title['en']} (Essential, not answered)" in graded.stdout
    for item in ITEMS[-3:]:
        assert f"- {item.id}: {item.title['en']}" in graded.stdout

    graded = run(fresh, "verify", "--checklist", "prevention", "--min-score", "80", "--json")
    assert graded.returncode == ExitCode.CHECK_FAILED
    document = json.loads(graded.stdout)
    jsonschema.validate(document, SCHEMA)
    assert document["ok"] is False
    assert document["missing"][0]["id"] == removed.id
    assert document["missing"][0]["answer"] is None


@pytest.mark.slow
def test_rerunning_with_restart_replaces_the_earlier_answers(home: Path, tmp_path: Path) -> None:
    every = answers_file(tmp_path / "every.yaml", {item.id: "done" for item in ITEMS})
    assert run(home, "check", "prevention", "--answers", str(every), "--no-input").returncode == 0
    assert run(home, "verify", "--min-score", "100").returncode == 0

    fewer = answers_file(tmp_path / "fewer.yaml", {item.id: "done" for item in ITEMS[1:]})
    run(home, "check", "prevention", "--answers", str(fewer), "--no-input", "--restart")
    graded = run(home, "verify", "--min-score", "100")
    assert graded.returncode == ExitCode.CHECK_FAILED
    assert ITEMS[0].id in graded.stdout


def test_answers_without_a_terminal_are_saved_without_asking(home: Path, tmp_path: Path) -> None:
    # No --no-input: the script gave answers, so nothing is asked and nothing hangs.
    some = answers_file(tmp_path / "some.yaml", {ITEMS[0].id: "done"})
    result = run_with_closed_stdin(home, "check", "prevention", "--answers", str(some))
    assert result.returncode == 0, result.stderr
    assert "Saved 1 answer from" in result.stdout  # one answer, not "1 answers"


def test_exit_codes_keep_their_numbers() -> None:
    """Scripts test these numbers; changing one breaks them, so it must be deliberate."""
    assert {code.name: code.value for code in ExitCode} == {
        "OK": 0,
        "ERROR": 1,
        "USAGE": 2,
        "BAD_INPUT": 3,
        "BAD_STATE": 4,
        "NOT_INTERACTIVE": 5,
        "CHECK_FAILED": 6,
        "NO_KEY": 7,
        "LOCKED": 8,
        "NOT_AS_RECORDED": 9,
        "INCOMPLETE": 10,
        "OUTPUT_FAILED": 11,
        "HANGUP": 129,
        "INTERRUPTED": 130,
        "BROKEN_PIPE": 141,
        "TERMINATED": 143,
    }
