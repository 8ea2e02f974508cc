"""Hostile input and hard stops (issue 15): bounded, calm, and private under attack.

Every hostile file goes through every reader as a real program (`python -m safecheck`),
under a 400 MB address-space limit and a 5 s timeout: each ends with exit code 3 and
one calm message naming the file (and its line where it has one), never a traceback.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import answers, checklist, helplines, workshop, yamlfile
from safecheck.core.errors import DamagedStateError, ExitCode, InputFileError
from safecheck.core.hardening import disable_core_dumps
from safecheck.core.text import CONTROL, safe_text
from safecheck.evidence import files as evidence_files
from safecheck.evidence import importer, model
from safecheck.storage import crypto, sealing
from safecheck.storage.sealing import Key, Keys, Source
from safecheck.storage.state import State
from safecheck.storage.store import STATE_FILE
from safecheck.ui.display import Display, PlainDisplay, plain_console, rich_console
from tests import forked, keys
from tests import hostile_corpus as corpus
from tests.conftest import (
    SMALL_CHECKLIST,
    TEST_PASSPHRASE,
    Tmux,
    child_env,
    default_sigint,
    spawn,
)

MEMORY_LIMIT = 400 * 1024 * 1024
# What one hostile file may cost: 5 s of CPU (the kernel stops the run after that, however
# loaded the machine is), and a hang guard in wall time for a run that waits on something.
CPU_LIMIT = 5
TIMEOUT = 60.0
CORPUS_HANG_GUARD = 600  # seconds for a whole corpus: about 50 programs, two at a time
QUESTION = "Where are you with this?"


# In the child: at most 400 MB of address space and 5 s of CPU.
LIMITS = {"RLIMIT_AS": (MEMORY_LIMIT, MEMORY_LIMIT), "RLIMIT_CPU": (CPU_LIMIT, CPU_LIMIT + 1)}


@dataclass(frozen=True)
class Run:
    name: str
    code: int | None
    out: str
    seconds: float


def run(home: Path, name: str, *args: str) -> Run:
    """safecheck as a program of its own (a fork, see tests/forked.py), within LIMITS."""
    started = time.monotonic()
    try:
        done = forked.run(
            args,
            child_env(home, SAFECHECK_PASSPHRASE=TEST_PASSPHRASE),
            timeout=TIMEOUT,
            limits=LIMITS,
        )
    except subprocess.TimeoutExpired:
        return Run(name, None, "timed out", TIMEOUT)
    out = (done.stdout + done.stderr).decode("utf-8", "replace")
    return Run(name, done.returncode, out, time.monotonic() - started)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus: small files, files over the limits, and special files."""
    folder = tmp_path_factory.mktemp("hostile")
    corpus.write(folder)
    corpus.make_large(folder)
    for name in corpus.SPECIAL:
        corpus.make_special(folder, name)
    return folder


NAMES = sorted(corpus.FILES) + sorted(corpus.LARGE) + corpus.SPECIAL
WITH_LINES = set(corpus.FILES)  # the content of these is read: their messages say a line


def test_the_corpus_has_at_least_40_files() -> None:
    assert len(NAMES) >= 40


def as_checklist(hostile: Path, name: str, root: Path) -> Path:
    """A folder holding the hostile file as `hostile.yaml`, for `check hostile --checklists`."""
    folder = root / name.removesuffix(".yaml")
    folder.mkdir(parents=True)
    if name in corpus.SPECIAL:
        corpus.make_special(folder, "hostile.yaml", name.removesuffix(".yaml"))
    else:
        (folder / "hostile.yaml").hardlink_to(hostile / name)  # the 1 TiB one too, at no cost
    return folder


def problems(result: Run, shown_name: str, *, line: bool, every: bool = False) -> list[str]:
    """What is wrong with how one run ended; empty when it ended calmly.

    A run says what is wrong in one line that names the file; `lint` (`every`) says every
    problem of the file, each on a line of its own, all of them short.
    """
    found = []
    if result.code is None:
        return [f"{result.name}: did not end within {TIMEOUT} s"]
    if result.code == -signal.SIGXCPU:
        return [f"{result.name}: used more than {CPU_LIMIT} s of CPU"]
    if result.code != ExitCode.BAD_INPUT:
        found.append(f"exit code {result.code}, not 3")
    if "Traceback" in result.out or "Error:" in result.out:
        found.append("a traceback")
    if CONTROL.search(result.out):
        found.append("a raw control character in the output")
    naming = [text for text in result.out.splitlines() if shown_name in text]
    if len(result.out) > 1000 * max(1, len(naming) if every else 1):
        found.append(f"{len(result.out)} characters of output")
    if not naming or (len(naming) != 1 and not every):
        found.append(f"{len(naming)} lines name the file, not 1")
    elif line and not all(re.search(re.escape(shown_name) + r":\d+: ", one) for one in naming):
        found.append("no line number")
    return [f"{result.name}: {problem}\n{result.out}" for problem in found]


def run_all(jobs: list[Callable[[], list[str]]]) -> list[str]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return [problem for found in pool.map(lambda job: job(), jobs) for problem in found]


@pytest.mark.slow
@pytest.mark.timeout(CORPUS_HANG_GUARD)
def test_lint_refuses_every_hostile_file_calmly(hostile: Path, home: Path) -> None:
    def job(name: str) -> Callable[[], list[str]]:
        def one() -> list[str]:
            result = run(home, name, "lint", str(hostile / name))
            return problems(result, name, line=name in WITH_LINES, every=True)

        return one

    assert run_all([job(name) for name in NAMES]) == []


@pytest.mark.slow
@pytest.mark.timeout(CORPUS_HANG_GUARD)
def test_check_refuses_every_hostile_checklist_calmly(
    hostile: Path, home: Path, tmp_path: Path
) -> None:
    def job(name: str) -> Callable[[], list[str]]:
        folder = as_checklist(hostile, name, tmp_path / "checklists")

        def one() -> list[str]:
            result = run(home, name, "check", "hostile", "--checklists", str(folder), "--no-input")
            return problems(result, "hostile.yaml", line=name in WITH_LINES)

        return one

    assert run_all([job(name) for name in NAMES]) == []


@pytest.mark.slow
@pytest.mark.timeout(CORPUS_HANG_GUARD)
def test_answers_refuses_every_hostile_answers_file_calmly(
    hostile: Path, home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    (folder / "small.yaml").write_text(SMALL_CHECKLIST, encoding="utf-8")

    def job(name: str) -> Callable[[], list[str]]:
        def one() -> list[str]:
            args = ["check", "small", "--checklists", str(folder), "--no-input"]
            result = run(home, name, *args, "--answers", str(hostile / name))
            return problems(result, name, line=name in WITH_LINES)

        return one

    assert run_all([job(name) for name in NAMES]) == []


@pytest.mark.slow
@pytest.mark.timeout(CORPUS_HANG_GUARD)
def test_evidence_import_refuses_every_hostile_file_calmly(hostile: Path, home: Path) -> None:
    def job(name: str) -> Callable[[], list[str]]:
        def one() -> list[str]:
            result = run(home, name, "evidence", "add", "--from", str(hostile / name))
            return problems(result, name, line=name in WITH_LINES)

        return one

    assert run_all([job(name) for name in NAMES]) == []
    assert not (home / STATE_FILE).exists()  # nothing was saved


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("fifo.yaml", "a pipe (FIFO), not a regular file"),
        ("folder.yaml", "a folder, not a regular file"),
        ("dev-zero.yaml", "a device, not a regular file"),
        ("dangling-link.yaml", "a link to a file that does not exist"),
        ("link-loop.yaml", "link points in a loop"),
    ],
)
def test_check_names_a_checklist_that_is_not_a_regular_file_and_why(
    hostile: Path, home: Path, tmp_path: Path, name: str, reason: str
) -> None:
    folder = as_checklist(hostile, name, tmp_path)
    result = run(home, name, "check", "hostile", "--checklists", str(folder), "--no-input")
    assert result.code == ExitCode.BAD_INPUT
    assert f"safecheck: {folder / 'hostile.yaml'}: this " in result.out
    assert reason in result.out
    assert "Known checklists" not in result.out


@pytest.mark.parametrize("name", [*corpus.SPECIAL, "sparse-huge.yaml"])
def test_a_state_file_that_is_not_a_regular_file_or_too_big_is_refused(
    hostile: Path, home: Path, name: str
) -> None:
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    home.chmod(0o700)
    state = home / STATE_FILE
    if name in corpus.SPECIAL:
        corpus.make_special(home, STATE_FILE, name.removesuffix(".yaml"))
    else:
        with state.open("wb") as handle:
            handle.truncate(1 << 40)
        state.chmod(0o600)
    result = run(home, name, "status", "--json")
    assert result.code == ExitCode.BAD_STATE, result.out
    assert str(state) in result.out
    assert "Traceback" not in result.out
    # stdout: one JSON error document; stderr: the message, on one line
    end = result.out.index("\n}\n") + 3
    document = json.loads(result.out[:end])
    assert (document["kind"], document["code"]) == ("error", ExitCode.BAD_STATE)
    assert len(result.out[end:].splitlines()) == 1


# -- the reader in-process: bounded messages, no escapes ----------------------------------


def test_messages_quote_a_short_cut_excerpt() -> None:
    assert yamlfile.quote("x" * 1000) == '"' + "x" * yamlfile.MAX_QUOTE + '…"'
    assert yamlfile.quote("\x1b]0;pwned\x07") == '"\\x1b]0;pwned\\x07"'
    assert yamlfile.quote([[1] * 10] * 10) == "a list"
    assert yamlfile.quote({"a": 1}) == "a mapping"
    assert yamlfile.quote(10**400) == "a very large number"


def test_an_alias_stands_for_the_same_value_not_a_copy() -> None:
    doc = yamlfile.load(Path("a.yaml"), "a: &x [1, 2]\nb: *x\nc: *x\n")
    assert doc.data["a"] is doc.data["b"] is doc.data["c"]
    assert doc.line(("c",)) == 3


def test_a_bomb_just_under_the_limit_is_read_and_quoted_as_a_list() -> None:
    text = corpus.FILES["small-bomb-priority.yaml"].decode()
    with pytest.raises(InputFileError) as raised:
        checklist.load(Path("hostile.yaml"), text)
    assert "not a list" in str(raised.value)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("source: 2024-02-30\n", '"2024-02-30" cannot be read as a date'),
        ("x: !!bool maybe\n", '"maybe" cannot be read as true or false'),
        ("x: !!int essential\n", '"essential" cannot be read as a whole number'),
        ("x: !!timestamp soon\n", '"soon" cannot be read as a date'),
        ("x: !!python/object:os.system {}\n", "the tag !!python/object:os.system is not"),
        ("x: !shout loud\n", "the tag !shout is not supported"),
        ('x: "\\e[2J"\n', "a text holds a control character (\\x1b)"),
        ("x: &a [*a]\n", "the alias *a is used inside its own anchor"),
        ("x:\n  y: 1\n---\nz: 2\n", "one YAML document"),
    ],
)
def test_constructor_errors_are_file_line_messages(text: str, words: str) -> None:
    with pytest.raises(InputFileError) as raised:
        yamlfile.load(Path("f.yaml"), text)
    assert str(raised.value).startswith("f.yaml:")
    assert words in str(raised.value)


# -- Hypothesis: YAML with anchors, tags and control characters, for every reader ------

FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ANCHORS = ["a", "b", "c"]
TAGS = ["!!str", "!!int", "!!bool", "!!float", "!!timestamp", "!!binary", "!!null", "!!set"]
TAGS += ["!!omap", "!!python/object", "!!python/name:os.system", "!x", "!"]
texts = st.text(
    alphabet=st.sampled_from(["a", " ", "1", "-", ":", "\x1b", "\x07", "\x9b", "\x7f", "\r"]),
    max_size=8,
)


def scalar_text(value: str) -> str:
    escaped = "".join(f"\\x{ord(c):02x}" if CONTROL.match(c) else c for c in value)
    return '"' + escaped.replace('"', '\\"') + '"'


@st.composite
def nodes(draw: st.DrawFn, depth: int = 0) -> str:
    """One YAML node in flow style, with anchors, aliases and tags mixed in."""
    kind = draw(st.integers(0, 5 if depth < 3 else 2))
    prefix = ""
    if draw(st.booleans()):
        prefix += f"&{draw(st.sampled_from(ANCHORS))} "
    if draw(st.integers(0, 3)) == 0:
        prefix += f"{draw(st.sampled_from(TAGS))} "
    if kind == 0:
        return prefix + scalar_text(draw(texts))
    if kind == 1:
        return prefix + draw(st.sampled_from(["2024-02-30", "2026-03-02 21:15", "yes", "12"]))
    if kind == 2:
        return f"*{draw(st.sampled_from(ANCHORS))}"
    if kind == 3:
        children = draw(st.lists(nodes(depth + 1), max_size=4))
        return prefix + "[" + ", ".join(children) + "]"
    keys = ["id", "checklist", "answers", "entries", "when", "priority", "title", "en"]
    pairs = draw(st.lists(st.tuples(st.sampled_from(keys), nodes(depth + 1)), max_size=4))
    return prefix + "{" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"


SMALL = checklist.load(Path("small.yaml"), SMALL_CHECKLIST)
READERS: dict[str, Callable[[str], object]] = {
    "checklist": lambda text: checklist.load(Path("fuzz.yaml"), text),
    "answers": lambda text: answers.load(Path("fuzz.yaml"), SMALL, text),
    "evidence": lambda text: importer.load_file(
        Path("fuzz.yaml"), text=text, fingerprint_files=False
    ),
    "workshop": lambda text: workshop.load_workshop(Path("fuzz.yaml"), text),
    "quiz": lambda text: workshop.load_quiz(Path("fuzz.yaml"), text),
    "helplines": lambda text: helplines.load(Path("fuzz.yaml"), text),
}


@pytest.mark.slow
@pytest.mark.parametrize("reader", sorted(READERS))
@FUZZ
@given(document=nodes())
def test_any_yaml_with_anchors_tags_and_controls_is_read_or_refused_calmly(
    reader: str, document: str
) -> None:
    try:
        READERS[reader](document)
    except InputFileError as error:
        message = str(error)
        assert message.startswith("fuzz.yaml")
        assert len(message) < 600
        assert CONTROL.search(message) is None


# -- secrets: no core dumps -------------------------------------------------------------


@pytest.mark.terminal
def test_core_dumps_are_off_while_safecheck_waits_at_a_question(home: Path) -> None:
    child = spawn(
        ["-m", "safecheck", "check", "prevention", "--lang", "en"],
        child_env(home, SAFECHECK_PASSPHRASE=TEST_PASSPHRASE),
    )
    try:
        child.expect_exact(QUESTION)
        limits = Path(f"/proc/{child.pid}/limits").read_text()
        core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
        assert core.split()[4:6] == ["0", "0"], core
        if sys.platform.startswith("linux"):
            status = Path(f"/proc/{child.pid}/status").read_text()
            assert "Name:" in status
            assert Path(f"/proc/{child.pid}").stat().st_uid == 0  # not dumpable: root owns it
    finally:
        child.terminate(force=True)


def test_disable_core_dumps_sets_the_limit_to_zero() -> None:
    before = resource.getrlimit(resource.RLIMIT_CORE)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        ok = disable_core_dumps() and resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert resource.getrlimit(resource.RLIMIT_CORE) == before


# -- hard stops --------------------------------------------------------------------------


@pytest.mark.terminal
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_stop_signal_at_a_question_keeps_the_answers_and_exits_calmly(
    home: Path, signum: int, code: int
) -> None:
    child = spawn(
        ["-m", "safecheck", "check", "prevention", "--lang", "en"],
        child_env(home, SAFECHECK_PASSPHRASE=TEST_PASSPHRASE),
    )
    child.expect_exact(QUESTION)
    child.send(keys.DONE)
    child.expect_exact(QUESTION)
    time.sleep(0.3)
    child.kill(signum)
    child.expect_exact(f"stopped ({signal.Signals(signum).name})")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code
    assert "Traceback" not in (child.before or "")
    from safecheck.storage.store import Store

    os.environ["SAFECHECK_PASSPHRASE"] = TEST_PASSPHRASE
    try:
        state: State = Store(home).load()
    finally:
        del os.environ["SAFECHECK_PASSPHRASE"]
    assert len(state.answers_for("prevention")) == 1


# An event loop that never ends once told to stop, as prompt_toolkit's did at a question
# when its terminal closed (SIGHUP): asyncio.run then waits for every task it cancelled.
STUCK_LOOP = """
import asyncio, sys
from safecheck.core import hardening
hardening.GRACE = 1
hardening.install_stop_handlers()

def ready():
    print("ready", flush=True)

async def deaf():
    # Said from the loop itself once this task waits, deaf to being cancelled: a stop
    # signal then comes while the loop waits or runs this callback, as at a question.
    asyncio.get_running_loop().call_later(0.1, ready)
    while True:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            continue

async def main():
    asyncio.get_running_loop().create_task(deaf())
    await asyncio.Event().wait()

asyncio.run(main())
"""


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_stop_signal_ends_safecheck_even_when_the_prompt_library_does_not_end(
    signum: int, code: int
) -> None:
    """A safecheck left waiting after its terminal closed holds its lock: the next run would
    say one is running already. A stop signal ends it within GRACE seconds, whatever a
    library does meanwhile, with the signal's code and the one-line message."""
    process = subprocess.Popen(
        [sys.executable, "-c", STUCK_LOOP],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "ready\n"
    process.send_signal(signum)
    try:
        _, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise AssertionError("still running 30 s after the stop signal") from None
    assert process.returncode == code, stderr
    assert f"stopped ({signal.Signals(signum).name})" in stderr
    assert "Traceback" not in stderr


def test_sigterm_at_a_question_under_sh_leaves_echo_and_icanon_on(
    home: Path, tmux: type[Tmux], tmp_path: Path
) -> None:
    os.environ["SAFECHECK_PASSPHRASE"] = TEST_PASSPHRASE  # the tmux server inherits it
    try:
        session = tmux(f"sc15-{tmp_path.name}", ["sh"])
    finally:
        del os.environ["SAFECHECK_PASSPHRASE"]
    command = (
        f"{sys.executable} -m safecheck check prevention --lang en; echo EXIT=$?; "
        "stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon "
        "| sed 's/^/MODE:/'"
    )
    session.keys(command, "Enter")
    session.wait_for(QUESTION)
    shell = int(session.tmux("list-panes", "-F", "#{pane_pid}").split()[0])
    children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
    assert len(children) == 1
    os.kill(int(children[0]), signal.SIGTERM)
    screen = "\n".join(session.wait_for("EXIT=143", "MODE:icanon", "MODE:echo"))
    assert "MODE:-echo" not in screen
    assert "MODE:-icanon" not in screen
    assert "Traceback" not in screen


def test_a_closed_pipe_ends_quietly(home: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "safecheck", "helplines", "--region", "BE", "--lang", "en"],
        env=child_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.read(1)
    child.stdout.close()
    errors = child.stderr.read()
    code = child.wait(timeout=30)
    assert code in (-signal.SIGPIPE, 0)  # 0: everything was written before it closed
    assert errors == b""


def test_helplines_into_head_exits_quietly_in_a_shell(home: Path) -> None:
    done = subprocess.run(
        ["sh", "-c", f"{sys.executable} -m safecheck helplines | head -1; echo $? >&2"],
        env=child_env(home),
        capture_output=True,
        timeout=30,
    )
    assert done.stderr.decode().strip() == "0"
    assert len(done.stdout.decode().splitlines()) == 1


# -- exact messages ------------------------------------------------------------------------


class StubKeystore:
    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    def get(self) -> bytes:
        return self.secret


@pytest.mark.parametrize("offset", range(12, 12 + sealing.CHECK_BYTES))
def test_a_flipped_bit_in_the_key_check_fails_the_integrity_check(
    tmp_path: Path, offset: int
) -> None:
    secret = crypto.new_key()
    sealed = bytearray(Key(Source.KEYRING, secret).seal(b'{"schema": 1}'))
    sealed[offset] ^= 0x10
    keystore = StubKeystore(secret)
    opener = sealing.Sealer(Keys(tmp_path, keystore=keystore))  # type: ignore[arg-type]
    with pytest.raises(DamagedStateError) as raised:
        opener.open(bytes(sealed))
    assert raised.value.msgid == (
        "the file does not pass its integrity check (it was damaged or changed after it was saved)"
    )
    assert "does not pass its integrity check" in str(raised.value)


def test_another_key_is_still_named_as_another_key(tmp_path: Path) -> None:
    sealed = Key(Source.KEYRING, crypto.new_key()).seal(b'{"schema": 1}')
    opener = sealing.Sealer(Keys(tmp_path, keystore=StubKeystore(crypto.new_key())))  # type: ignore[arg-type]
    with pytest.raises(DamagedStateError) as raised:
        opener.open(sealed)
    assert raised.value.msgid == "the key in your keyring is not the key it was saved with"


def test_a_full_disk_while_keeping_an_evidence_copy_is_a_saving_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"not really a png")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(evidence_files, "write_copy", full)
    monkeypatch.setenv("SAFECHECK_PASSPHRASE", TEST_PASSPHRASE)
    result = CliRunner().invoke(
        app, ["evidence", "add", "--platform", "X", "--file", str(shot), "--lang", "en"]
    )
    assert result.exit_code == ExitCode.BAD_STATE, result.output
    assert "No space left on device" in result.output


# -- text from files or the state never reaches the terminal raw ------------------------


HOSTILE_TEXT = "Title \x1b]0;pwned\x07\x1b[2J\x9b31m\r\x7f end"


@pytest.mark.parametrize("plain", [False, True])
def test_the_display_escapes_control_characters(plain: bool) -> None:
    buffer = io.StringIO()
    if plain:
        display: Display = PlainDisplay(plain_console(buffer))
    else:
        display = Display(Console(file=buffer, force_terminal=True, width=80, highlight=False))
    display.message(HOSTILE_TEXT)
    shown = buffer.getvalue()
    assert "\x1b]" not in shown
    assert "\x07" not in shown
    assert "\x9b" not in shown
    assert "\\x1b]0;pwned" in shown  # rich drops BEL and CR itself; the rest is escaped
    assert "\\x9b31m" in shown


def test_status_of_a_checklist_with_escapes_in_the_state_never_writes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The loader refuses such a file; if text got past it, the display still escapes it."""
    loaded = checklist.load(Path("small.yaml"), SMALL_CHECKLIST)
    from dataclasses import replace

    hostile_list = replace(loaded, title=checklist.Text(nl=HOSTILE_TEXT, en=HOSTILE_TEXT))
    from safecheck.progress.summary import summarize

    buffer = io.StringIO()
    Display(Console(file=buffer, force_terminal=True, width=100)).status(
        [summarize(hostile_list, {})], "en"
    )
    assert "\x1b]0;" not in buffer.getvalue()
    assert "\\x1b]0;pwned" in buffer.getvalue()


# Square brackets and colons in a checklist are words, not rich's markup or emoji codes.
MARKUP_LIKE = "Foto's [/] en [red]video[/red] :smile: [link=https://x.example]klik[/link]"


def test_a_checklist_with_markup_like_titles_is_shown_as_written() -> None:
    """A custom checklist's "[/]" ended the walk in a traceback (rich's MarkupError), and
    "[red]" coloured the words: every screen of the walk now shows the text as written."""
    quoted = json.dumps(MARKUP_LIKE)
    text = SMALL_CHECKLIST
    for shown in ("Small", "First part", "Do alpha", "This is how you do alpha."):
        text = text.replace(f"en: {shown}", f"en: {quoted}")
    loaded = checklist.load(Path("small.yaml"), text)
    from safecheck.progress.summary import summarize

    buffer = io.StringIO()
    display = Display(rich_console(buffer))
    display.checklist_intro(loaded, "en")
    display.section(loaded.sections[0], "en")
    item = loaded.sections[0].items[0]
    display.item(item, "en", answered=0, total=3)
    display.how(item, "en")
    display.status([summarize(loaded, {})], "en")
    shown = re.sub(r"[\s│┃║|]+", " ", buffer.getvalue())
    assert shown.count(MARKUP_LIKE) >= 5, buffer.getvalue()


def test_safe_text_keeps_newlines_and_tabs() -> None:
    assert safe_text("a\nb\tc") == "a\nb\tc"
    assert safe_text("\x00\x1b\x7f\x85\x9f") == "\\x00\\x1b\\x7f\\x85\\x9f"


def test_lint_of_a_file_named_with_escapes_shows_them_escaped(tmp_path: Path) -> None:
    name = tmp_path / "bad\x1b]0;x\x07.yaml"
    name.write_text("id: [\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(name)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "\x1b" not in result.output
    assert "bad\\x1b]0;x\\x07.yaml" in result.output


@pytest.fixture(autouse=True)
def _no_stray_passphrase() -> Iterator[None]:
    yield
    os.environ.pop("SAFECHECK_PASSPHRASE", None)


@pytest.mark.parametrize("kind", ["fifo", "link-loop", "dev-zero", "folder"])
def test_an_evidence_file_option_that_is_not_a_regular_file_is_refused_at_once(
    tmp_path: Path, home: Path, kind: str
) -> None:
    path = corpus.make_special(tmp_path, f"{kind}.png", kind)
    result = run(home, kind, "evidence", "add", "--platform", "X", "--file", str(path))
    assert result.code == ExitCode.USAGE, result.out  # a wrong option value, as for a typo
    assert str(path) in result.out
    assert "Traceback" not in result.out


def test_a_kept_file_replaced_by_a_fifo_is_reported_not_waited_on(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"picture")
    attachment = evidence_files.fingerprint(shot)
    shot.unlink()
    os.mkfifo(shot)
    assert evidence_files.check_file(None, attachment).status is model.FileStatus.UNREADABLE


def test_json_output_never_holds_a_raw_control_character() -> None:
    import json

    from safecheck.core import jsonout

    text = jsonout.dumps("status", {"title": HOSTILE_TEXT})
    assert CONTROL.search(text) is None
    assert json.loads(text)["title"] == HOSTILE_TEXT  # the same string, escaped
