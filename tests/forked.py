"""safecheck as a program, forked from one that has loaded it already.

Each `python -m safecheck` a test starts costs a third of a second of CPU before safecheck does
anything: the interpreter and the imports. A test that only reads what a run prints and how it
ends (hundreds of hostile files, odd homes, shared folders) needs a program of its own for
each run (its own exit code, environment, folder and limits, and a hang or a crash that stays
its own), not a new interpreter. So one server per test worker imports safecheck once, and each
run is a fork of it that starts where `python -m safecheck` starts (`safecheck/__main__.py`),
with the run's environment, folder, resource limits and SIGINT handling, stdin from /dev/null
and its output in files, and ends with an exit code as Python's would be (a traceback and 1
for an uncaught exception, the signal's negative number when killed).

What a fork does not show is the start-up itself: tests of start-up, imports, terminals,
signals, output encodings and the installed program start a real one (conftest.child_env,
conftest.spawn). The server runs this file as `python -m tests.forked`.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import json
import os
import pkgutil
import queue
import resource
import runpy
import select
import signal
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

# Loaded once, in the server: every module of safecheck (with typer, rich, prompt_toolkit,
# cryptography), the two keyring backends the tests choose from, and what safecheck imports
# only when a run needs it (PyYAML, 30 ms of each run that reads a YAML file; ctypes, for
# the hardening every run does; rich's emoji table; click's decorators).
PRELOAD = (
    "keyring.backends.SecretService",
    "keyring.backends.fail",
    "yaml",
    "ctypes",
    "rich._emoji_codes",
    "typer._click.decorators",
)


# -- the server: `python -m tests.forked` ---------------------------------------------------


def serve() -> None:
    """Read one run per line on stdin (JSON), fork it, answer with how it ended."""
    import safecheck

    for module in pkgutil.walk_packages(safecheck.__path__, "safecheck."):
        if module.name != "safecheck.__main__":
            importlib.import_module(module.name)
    for name in PRELOAD:
        importlib.import_module(name)
    from rich.cells import cell_len

    cell_len("\u00e9\u4e00")  # rich loads its table of character widths on first use
    gc.freeze()  # a fork's collections then leave the server's objects (and pages) alone
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)  # nothing was read from stdin yet: sys.stdin now reads /dev/null
    os.dup2(2, 1)
    os.close(null)
    for line in requests:
        run = json.loads(line)
        pid = os.fork()
        if pid == 0:
            requests.close()
            replies.close()
            _child(run)
        replies.write(json.dumps(_wait(pid, run["timeout"])) + "\n")
        replies.flush()


def _wait(pid: int, timeout: float) -> dict[str, Any]:
    handle = os.pidfd_open(pid)
    try:
        ended, _, _ = select.select([handle], [], [], timeout)
    finally:
        os.close(handle)
    if not ended:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return {"code": os.waitstatus_to_exitcode(status), "timed_out": not ended}


def _child(run: dict[str, Any]) -> None:
    """In the fork: become the run, start safecheck's __main__, and end as Python would."""
    code: int = 1
    try:
        for name, limits in run["limits"].items():
            resource.setrlimit(getattr(resource, name), tuple(limits))
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for fd, path in ((1, run["stdout"]), (2, run["stderr"])):
            opened = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(opened, fd)
            os.close(opened)
        os.chdir(run["cwd"])
        os.environ.clear()
        os.environ.update(run["env"])
        sys.argv = ["safecheck", *run["args"]]
        runpy.run_module("safecheck", run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as stop:
        code = _exit_code(stop.code)
    except KeyboardInterrupt:
        _flush()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    except BaseException:  # as Python ends on an uncaught exception
        traceback.print_exc()
        code = 1
    try:
        atexit._run_exitfuncs()
    finally:
        _flush()
        os._exit(code)


def _exit_code(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, int):
        return value & 0xFF
    print(value, file=sys.stderr)
    return 1


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()


# -- the test side --------------------------------------------------------------------------


class _Server:
    def __init__(self, env: Mapping[str, str]) -> None:
        root = Path(__file__).resolve().parent.parent
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.forked"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=dict(env),
            cwd=root,
            text=True,
            encoding="utf-8",
        )
        self.folder = Path(tempfile.mkdtemp(prefix="safecheck-forked-"))

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        stdin: IO[str] | None = self.process.stdin
        stdout: IO[str] | None = self.process.stdout
        assert stdin is not None
        assert stdout is not None
        stdin.write(json.dumps(request) + "\n")
        stdin.flush()
        reply = stdout.readline()
        if not reply:
            raise RuntimeError("the fork server of tests/forked.py ended")
        answer: dict[str, Any] = json.loads(reply)
        return answer

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        for path in self.folder.iterdir():
            path.unlink()
        self.folder.rmdir()


class Programs:
    """Runs of safecheck, each a fork of a server that has loaded it; safe from threads."""

    def __init__(self) -> None:
        self._idle: queue.SimpleQueue[_Server] = queue.SimpleQueue()
        self._all: list[_Server] = []

    def run(
        self,
        args: Sequence[str],
        env: Mapping[str, str],
        *,
        timeout: float,
        cwd: Path | None = None,
        limits: Mapping[str, tuple[int, int]] | None = None,
    ) -> subprocess.CompletedProcess[bytes]:
        """As subprocess.run([python, "-m", "safecheck", *args], env=env, cwd=cwd,
        stdin=DEVNULL, capture_output=True, timeout=timeout) with `limits` (resource names,
        such as RLIMIT_AS) set in the child; raises subprocess.TimeoutExpired likewise."""
        assert "PYTHONIOENCODING" not in env, "an output encoding is start-up: run a program"
        with self._server(env) as server:
            out, err = server.folder / "out", server.folder / "err"
            ended = server.run(
                {
                    "args": list(args),
                    "env": dict(env),
                    "cwd": str(cwd or Path.cwd()),
                    "limits": dict(limits or {}),
                    "timeout": timeout,
                    "stdout": str(out),
                    "stderr": str(err),
                }
            )
            stdout, stderr = out.read_bytes(), err.read_bytes()
        command = [sys.executable, "-m", "safecheck", *args]
        if ended["timed_out"]:
            raise subprocess.TimeoutExpired(command, timeout, stdout, stderr)
        return subprocess.CompletedProcess(command, ended["code"], stdout, stderr)

    @contextlib.contextmanager
    def _server(self, env: Mapping[str, str]) -> Iterator[_Server]:
        try:
            server = self._idle.get_nowait()
        except queue.Empty:
            # The network guard comes with env's PYTHONPATH; every server derives keys at the
            # tests' cheap scrypt cost (tests/netguard/cheap_scrypt.py), whichever test starts it.
            server = _Server({**env, "SAFECHECK_TEST_SCRYPT": "1"})
            self._all.append(server)
        try:
            yield server
        finally:
            self._idle.put(server)

    def close(self) -> None:
        for server in self._all:
            server.close()
        self._all.clear()


PROGRAMS = Programs()  # this test process's servers; conftest closes them at the end
run = PROGRAMS.run


if __name__ == "__main__":
    serve()
