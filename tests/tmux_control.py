"""One tmux client per terminal test, in control mode, that every tmux command goes through.

A terminal test asks tmux what is on the screen twenty times a second while it waits. As a
program of its own, each `tmux capture-pane` costs about 2.5 ms of CPU (a process started,
a connection made, the answer read), some 3,500 times in a run of the suite. A control-mode
client (`tmux -C`) stays connected and takes one command per line on its stdin; tmux answers
each between a `%begin` and an `%end` (or `%error`) line that carry the same time and number.
With `-f no-output`, tmux does not also send it everything the program writes.

A control client is given no size, so tmux sizes the window as before (80x24, or what
`resize-window` sets). When the session has ended (its program exited) or an argument cannot
be quoted for tmux's command parser, the command runs as a program of its own, as before.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import subprocess
import time
from collections.abc import Callable

# What tmux's parser reads back unchanged inside single quotes: anything but a quote and the
# control characters (a line ends a command).
QUOTABLE = re.compile(r"[^'\x00-\x1f\x7f]*")


def quoted(arg: str) -> str | None:
    """`arg` as one word of a tmux command line, or None when it cannot be written so."""
    return f"'{arg}'" if QUOTABLE.fullmatch(arg) else None


class Control:
    """A control-mode client of the tmux server `name`, attached to its session `name`."""

    def __init__(self, name: str, timeout: float) -> None:
        self.timeout = timeout
        self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
            ["tmux", "-L", name, "-C", "attach-session", "-f", "no-output", "-t", name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.buffer = b""
        if self._reply() is None:  # the answer to attaching; None: the session has ended
            self.close()

    def run(self, args: tuple[str, ...]) -> str | None:
        """The command's output, as `tmux args` prints it; None when it cannot be sent here
        (then the caller runs it as a program). A command tmux refuses returns ""."""
        words = [quoted(arg) for arg in args]
        process = self.process
        if process is None or process.poll() is not None or None in words:
            return None
        assert process.stdin is not None
        try:
            process.stdin.write((" ".join(w for w in words if w) + "\n").encode())
            process.stdin.flush()
        except BrokenPipeError:  # the server ended with its session
            self.close()
            return None
        return self._reply()

    def _reply(self) -> str | None:
        """Lines between the next %begin and its %end; notifications outside are skipped."""
        begun: list[bytes] | None = None
        lines: list[bytes] = []
        while True:
            line = self._line()
            if line is None:  # the client ended before the answer: ask tmux directly
                self.close()
                return None
            if begun is None:
                if line.startswith(b"%begin "):
                    begun = line.split(b" ")[1:3]
                continue
            if line.startswith((b"%end ", b"%error ")) and line.split(b" ")[1:3] == begun:
                if line.startswith(b"%error "):
                    return ""  # as a program, tmux would say why on stderr and print nothing
                return "".join(f"{part.decode('utf-8', 'replace')}\n" for part in lines)
            lines.append(line)

    def _line(self) -> bytes | None:
        process = self.process
        assert process is not None
        assert process.stdout is not None
        deadline = time.monotonic() + self.timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise subprocess.TimeoutExpired(process.args, self.timeout)
            ready, _, _ = select.select([process.stdout], [], [], left)
            if ready:
                chunk = os.read(process.stdout.fileno(), 65536)
                if not chunk:
                    return None
                self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line

    def close(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        for stream in (process.stdin, process.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()
        try:
            process.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def through(control: Control | None, args: tuple[str, ...], direct: Callable[[], str]) -> str:
    """`args` through `control` when it can take them, else `direct()`."""
    if control is not None:
        answer = control.run(args)
        if answer is not None:
            return answer
    return direct()
