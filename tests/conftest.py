from __future__ import annotations

import contextlib
import importlib.util
import itertools
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TypeVar

import pexpect
import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from tests import forked, tmux_control

ROOT = Path(__file__).resolve().parent.parent
NETGUARD = Path(__file__).resolve().parent / "netguard"

# The keyring: a real Secret Service when tests/run-with-keyring.sh started one
# (`make test` does), chosen by name so the tests cannot silently use another
# backend. Without it, tests run as on a machine with no keyring, with a passphrase.
SECRET_SERVICE = os.environ.get("SAFECHECK_TEST_SECRET_SERVICE") == "1"
SECRET_SERVICE_BACKEND = "keyring.backends.SecretService.Keyring"
NO_KEYRING_BACKEND = "keyring.backends.fail.Keyring"
TEST_PASSPHRASE = "correct horse battery staple"

needs_secret_service = pytest.mark.skipif(
    not SECRET_SERVICE,
    reason="needs a real Secret Service: run under tests/run-with-keyring.sh (make test does), "
    "which starts gnome-keyring in a private D-Bus session",
)


def _load_beside_netguard(name: str, file: str) -> ModuleType:
    """A module of tests/netguard/ (on the PYTHONPATH of the programs the tests start)."""
    spec = importlib.util.spec_from_file_location(name, NETGUARD / file)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


netguard = _load_beside_netguard("netguard", "sitecustomize.py")
cheap_scrypt_module = _load_beside_netguard("cheap_scrypt", "cheap_scrypt.py")
NETWORK_ATTEMPTS: list[str] = []
netguard.install(NETWORK_ATTEMPTS.append)

SMALL_CHECKLIST = """\
id: small
title: {nl: Klein, en: Small}
intro: {nl: Een korte lijst., en: A short list.}
sections:
  - id: first
    title: {nl: Eerste deel, en: First part}
    items:
      - id: alpha
        priority: essential
        title: {nl: Alfa doen, en: Do alpha}
        why: {nl: Omdat alfa telt., en: Because alpha matters.}
        how: {nl: Zo doe je alfa., en: This is how you do alpha.}
        platforms:
          instagram: {nl: Alfa op Instagram., en: Alpha on Instagram.}
        source: test
      - id: beta
        priority: recommended
        title: {nl: Beta doen, en: Do beta}
        why: {nl: Omdat beta telt., en: Because beta matters.}
        how: {nl: Zo doe je beta., en: This is how you do beta.}
        source: test
  - id: second
    title: {nl: Tweede deel, en: Second part}
    items:
      - id: gamma
        priority: advanced
        title: {nl: Gamma doen, en: Do gamma}
        why: {nl: Omdat gamma telt., en: Because gamma matters.}
        how: {nl: Zo doe je gamma., en: This is how you do gamma.}
        source: test
      - id: delta
        priority: essential
        title: {nl: Delta doen, en: Do delta}
        why: {nl: Omdat delta telt., en: Because delta matters.}
        how: {nl: Zo doe je delta., en: This is how you do delta.}
        source: test
"""


@pytest.fixture(autouse=True)
def no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Fail any test in which safecheck (here, or as a program it starts) used the network."""
    log = tmp_path / "network-attempts.log"
    monkeypatch.setenv(netguard.LOG_ENV, str(log))
    NETWORK_ATTEMPTS.clear()
    yield log
    attempts = NETWORK_ATTEMPTS + (log.read_text().splitlines() if log.exists() else [])
    NETWORK_ATTEMPTS.clear()
    assert not attempts, f"safecheck tried to use the network: {attempts}"


@pytest.fixture(autouse=True)
def cheap_scrypt(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys from a passphrase at the tests' cheap cost, here and in the programs a test starts
    (tests/netguard/cheap_scrypt.py); a test marked `real_scrypt` keeps safecheck's own."""
    if request.node.get_closest_marker("real_scrypt") is not None:
        monkeypatch.delenv(cheap_scrypt_module.ENV, raising=False)
        return
    monkeypatch.setenv(cheap_scrypt_module.ENV, "1")
    holder = importlib.import_module(cheap_scrypt_module.HOLDER)
    monkeypatch.setattr(holder, "SCRYPT_COST", cheap_scrypt_module.cost())


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own state folder, its own keyring entry, and an English locale."""
    folder = tmp_path / "home"
    monkeypatch.setenv("SAFECHECK_HOME", str(folder))
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    for name in ("SAFECHECK_PASSPHRASE", "SAFECHECK_NO_ENCRYPTION"):
        monkeypatch.delenv(name, raising=False)
    if SECRET_SERVICE:
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", SECRET_SERVICE_BACKEND)
    else:
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", NO_KEYRING_BACKEND)
        monkeypatch.setenv("SAFECHECK_PASSPHRASE", TEST_PASSPHRASE)
    yield folder
    if SECRET_SERVICE:  # leave no entry behind in the test keyring
        from safecheck.storage.keystore import Keystore, KeystoreUnavailable

        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", SECRET_SERVICE_BACKEND)
        with contextlib.suppress(KeystoreUnavailable):
            Keystore(folder).delete()


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without any keyring, and without SAFECHECK_PASSPHRASE."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", NO_KEYRING_BACKEND)
    monkeypatch.delenv("SAFECHECK_PASSPHRASE", raising=False)


@pytest.fixture
def small_checklist(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_CHECKLIST, encoding="utf-8")
    return path


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    """A pipe that real questionary prompts read keys from, as from a terminal."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


@pytest.fixture(autouse=True, scope="session")
def _close_forked() -> Iterator[None]:
    """The servers of tests/forked.py end with the tests."""
    yield
    forked.PROGRAMS.close()


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for running safecheck as a separate program.

    It carries the test's keyring choice and passphrase, and the network guard.
    """
    keep = ("SAFECHECK_PASSPHRASE", netguard.LOG_ENV, cheap_scrypt_module.ENV)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAFECHECK_") or k in keep}
    env.update(SAFECHECK_HOME=str(home), LANG="en_GB.UTF-8", TERM="xterm-256color")
    # pexpect is no terminal emulator: it never answers prompt_toolkit's cursor
    # position request, so every prompt would wait for that request to time out.
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(
        [str(NETGUARD), str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    env.update(extra)
    return env


# -- safecheck in a terminal: a pseudo-terminal (pexpect) or a real one (tmux) --------------

T = TypeVar("T")

# Every terminal waits at most this long for what it expects: a hang guard on a loaded
# machine, never a measure of speed.
PATIENCE = 60.0
POLL = 0.05
# A key pressed while a question is still being set up can be lost; it is pressed again only
# after the screen has not changed at all for this long, so nothing is answered twice.
LOST_KEY = 10.0


def poll(look: Callable[[], T | None], what: Callable[[], str]) -> T:
    """Call `look` until it returns something; fail with `what()` after PATIENCE seconds."""
    deadline = time.monotonic() + PATIENCE
    while True:
        found = look()
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(what())
        time.sleep(POLL)


def press_until(
    press: Callable[[], None], look: Callable[[], str], answered: Callable[[str], bool]
) -> str:
    """Press a key until `answered(look())`; press it again only when what `look` shows has
    not changed for LOST_KEY seconds (the key was lost, the question still waits)."""
    press()
    last, since = look(), time.monotonic()
    deadline = since + PATIENCE
    while True:
        now = look()
        if answered(now):
            return now
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since > LOST_KEY:
            press()
            since = time.monotonic()
        if time.monotonic() > deadline:
            raise AssertionError(f"never answered:\n{now}")
        time.sleep(POLL)


def until_ended(child: pexpect.spawn, key: str) -> str:
    """Press `key` (Ctrl-C, q + Enter) until the program ends; what it showed meanwhile. It is pressed again only when
    nothing at all has been shown for LOST_KEY seconds: a Ctrl-C that comes while a question
    is set up or taken down can be lost (more often on a loaded machine), and a program that
    still writes is never pressed twice."""
    child.send(key)
    shown = ""
    deadline = time.monotonic() + PATIENCE
    while (found := child.expect([pexpect.EOF, ".+", pexpect.TIMEOUT], timeout=LOST_KEY)) != 0:
        if time.monotonic() > deadline:
            raise AssertionError(f"never ended after {key!r}:\n{shown}")
        if found == 1:
            shown += child.after
        else:
            child.send(key)
    return shown + str(child.before)


def default_sigint() -> None:
    """For a child's preexec_fn: Ctrl-C interrupts it even when the suite runs in the
    background (a shell starts background jobs with SIGINT ignored, and children inherit it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


_SPAWNED: list[pexpect.spawn] = []
_RUNNING: list[pytest.Item] = []  # the test now running in this worker


def spawn(
    args: list[str],
    env: dict[str, str],
    *,
    program: str = sys.executable,
    columns: int = 80,
    cwd: Path | None = None,
) -> pexpect.spawn:
    """`program` (Python, so `-m safecheck ...` by default) in a pseudo-terminal of 24 rows,
    with Ctrl-C handled as in a shell's foreground (see default_sigint), waiting at most
    PATIENCE seconds for what a test expects. The test's end closes it if the test did not."""
    test = _RUNNING[-1]
    assert test.get_closest_marker("terminal"), f"mark {test.name} @pytest.mark.terminal"
    child = pexpect.spawn(
        program,
        args,
        env=env,
        cwd=None if cwd is None else str(cwd),
        preexec_fn=default_sigint,
        dimensions=(24, columns),
        encoding="utf-8",
        timeout=PATIENCE,
    )
    _SPAWNED.append(child)
    return child


@pytest.fixture(autouse=True)
def _close_spawned(request: pytest.FixtureRequest) -> Iterator[None]:
    """No child outlives its test (a failed expect leaves it waiting at a question)."""
    _RUNNING.append(request.node)
    yield
    _RUNNING.pop()
    while _SPAWNED:
        child = _SPAWNED.pop()
        if child.isalive():
            child.close(force=True)


def pytest_configure(config: pytest.Config) -> None:
    """Whole files go to the workers in FIRST's order (pytest-xdist's loadfile): xdist would
    otherwise send the files with the most tests first, and the longest waits would start
    late (pytest took 119-133 s so on 2 cores, 104 s in this order)."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test with a tmux terminal is a terminal test (one spawned with pexpect says so), and
    every terminal test is a slow one: a program started and waited for takes half a second
    at least. Other tests are marked slow where they take half a second or more of a core
    (measured with the CPU time of the test and its children)."""
    for item in items:
        if "tmux" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.terminal)
        if item.get_closest_marker("terminal"):
            item.add_marker(pytest.mark.slow)
    # The files of the longest tests first, each whole (its module fixtures are made once):
    # one started last would keep a worker busy after the others are done.
    items.sort(
        key=lambda item: FIRST.index(item.path.name) if item.path.name in FIRST else len(FIRST)
    )


# The files that take longest (measured one test at a time), longest first: those that
# mostly wait (for a screen to settle, a fresh clone's install, a walk in a real terminal)
# lead, so their waiting overlaps the others' work.
FIRST = (
    "test_typeahead.py",
    "test_one_key.py",
    "test_quickstart.py",
    "test_hostile_state.py",
    "test_french_terminal.py",
    "test_hostile.py",
    "test_e2e_emergency.py",
    "test_wheel.py",
    "test_emergency.py",
    "test_prompts_keys.py",
    "test_export_pdf.py",
    "test_plain.py",
)


class Tmux:
    """safecheck in a real terminal emulator of 80 columns (or `columns`) and 24 rows, on its
    own server."""

    _opened = itertools.count()

    def __init__(self, name: str, command: list[str], columns: int = 80) -> None:
        # Its own server socket, unique per test, per xdist worker (its own process) and per
        # run: tests at once in two workers, or two checkouts on one machine, never share one.
        self.name = f"{name}-{os.getpid()}-{next(self._opened)}"
        # The server inherits this test's environment (SAFECHECK_HOME, LANG) and sets TERM;
        # with no command, the session runs a shell.
        self.control: tmux_control.Control | None = None
        # The last screen stays when the program has ended (a dead pane, with no message of
        # tmux's on it): safecheck ends the moment it is done, and a test still reads it.
        self.tmux(
            *("new-session", "-d", "-s", self.name, "-x", str(columns), "-y", "24", *command),
            *(";", "set-option", "-g", "remain-on-exit", "on"),
            *(";", "set-option", "-g", "remain-on-exit-format", ""),
        )
        # Every later command goes through one client in control mode (tests/tmux_control.py).
        self.control = tmux_control.Control(self.name, timeout=30)

    def tmux(self, *args: str) -> str:
        return tmux_control.through(self.control, args, lambda: self._program(*args))

    def _program(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.name, *args],
            capture_output=True,
            text=True,
            timeout=30,
            # The command that starts the server hands its signal handling on to safecheck
            # (default_sigint); the others are clients only, and without a preexec_fn Python
            # starts them with vfork instead of copying this whole process: 2 ms, not 17.
            preexec_fn=default_sigint if args[0] == "new-session" else None,
        )
        return result.stdout

    def screen(self) -> list[str]:
        return self.tmux("capture-pane", "-p", "-t", self.name).splitlines()

    def wait_for(self, *texts: str) -> list[str]:
        """Poll the screen until every text shows on it at once; a hang guard, not a timer."""

        def look() -> list[str] | None:
            screen = self.screen()
            return screen if all(text in "\n".join(screen) for text in texts) else None

        return poll(look, lambda: f"{texts!r} never all appeared:\n" + "\n".join(self.screen()))

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def answer(self, key: str, *answered: str) -> list[str]:
        """Press `key` at a question until one of `answered` shows (see press_until)."""
        shown = press_until(
            lambda: self.keys(key),
            lambda: "\n".join(self.screen()),
            lambda now: any(text in now for text in answered),
        )
        return shown.split("\n")

    def close(self) -> None:
        if self.control is not None:
            self.control.close()
        self._program("kill-server")


@pytest.fixture
def tmux(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[type[Tmux]]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (.ci/run installs it)")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    opened: list[Tmux] = []

    class Opened(Tmux):
        def __init__(self, name: str, command: list[str]) -> None:
            super().__init__(name, command)
            opened.append(self)

    yield Opened
    for session in opened:
        session.close()
