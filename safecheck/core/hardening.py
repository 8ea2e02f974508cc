"""Keep secrets in memory out of core files, and end calmly when the system stops us.

Called first thing in `main()`, before any passphrase, key or evidence is in memory:

- core dumps off: `RLIMIT_CORE` 0, and on Linux `prctl(PR_SET_DUMPABLE, 0)`, so a crash
  or SIGQUIT writes no core file holding the passphrase or decrypted evidence (and
  other programs of the same user cannot attach a debugger);
- SIGTERM and SIGHUP put the terminal back as it was at the start (echo and line
  editing on, even when a question had it in raw mode), say so in one line and end
  with 128 + the signal's number (143, 129). Every answer is saved the moment it is
  given, so nothing answered is lost. Should the unwinding not end within `GRACE`
  seconds (the prompt library's event loop, told to stop while its terminal is gone, has
  waited forever for a task that never ends), the process ends then, with the same code:
  never a safecheck left running, with its lock held, after its terminal closed;
- a closed pipe (`safecheck helplines | head -1`) ends safecheck quietly, as it ends
  `cat`: by SIGPIPE, with no message and no traceback;
- output in any encoding: where standard output or error cannot encode a character
  (`PYTHONIOENCODING=latin-1`, an old terminal), it is replaced, so the help lines are
  still printed.

While safecheck starts, Python's cycle collector rests (`pause_collector`), and when a
command has ended, `finish` ends the process at once (see both).
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from types import FrameType
from typing import Any, NoReturn

PR_SET_DUMPABLE = 4  # <linux/prctl.h>

GRACE = 10  # seconds from SIGTERM or SIGHUP to the end, at most (see the module)

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stopped(SystemExit):
    """Raised by the signal handler: unwinds like `sys.exit` (locks released, temporary
    files removed), passing through the prompt library's event loop, which would swallow
    any ordinary exception."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)  # ExitCode.HANGUP (129), ExitCode.TERMINATED (143)
        self.signum = signum


def disable_core_dumps() -> bool:
    """No core file, and not dumpable; True when both held (best effort where they do not)."""
    done = True
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, OSError, ValueError):
        done = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                done = False
        except (OSError, AttributeError):
            done = False
    return done


def _terminal_attributes() -> tuple[int, Any] | None:
    try:
        import termios

        fd = sys.stdin.fileno()
        if not os.isatty(fd):
            return None
        return fd, termios.tcgetattr(fd)
    except Exception:  # termios.error, or no stdin at all: nothing to restore later
        return None


def restore_terminal(saved: tuple[int, Any] | None) -> None:
    if saved is None:
        return
    # termios.error is no OSError; a hung-up terminal raises it. Nothing may stop the exit.
    with contextlib.suppress(Exception):
        import termios

        termios.tcsetattr(saved[0], termios.TCSANOW, saved[1])


def stop_message(signum: int) -> str:
    name = signal.Signals(signum).name
    return (
        f"\nsafecheck: stopped ({name}). Everything you answered is saved; "
        "run the same command again to go on.\n"
    )


def install_stop_handlers() -> None:
    """SIGTERM/SIGHUP: restore the terminal, say so, and exit 128 + signal (see module)."""
    saved = _terminal_attributes()

    def stop(signum: int, frame: FrameType | None) -> None:
        for stop_signal in STOP_SIGNALS:  # once is enough
            signal.signal(stop_signal, signal.SIG_IGN)
        restore_terminal(saved)
        with contextlib.suppress(OSError):
            os.write(2, stop_message(signum).encode())
        end_within(GRACE, 128 + signum)
        raise Stopped(signum)

    for stop_signal in STOP_SIGNALS:
        with contextlib.suppress(OSError, ValueError):  # ValueError: not the main thread
            signal.signal(stop_signal, stop)
    if hasattr(signal, "SIGPIPE"):
        with contextlib.suppress(OSError, ValueError):
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def end_within(seconds: int, code: int) -> None:
    """End the process with `code` after `seconds`, if it has not ended by then."""
    if not hasattr(signal, "SIGALRM"):
        return

    def now(signum: int, frame: FrameType | None) -> None:
        os._exit(code)  # the terminal is back as it was and the message is out

    with contextlib.suppress(OSError, ValueError):
        signal.signal(signal.SIGALRM, now)
        signal.alarm(seconds)


def tolerant_output() -> None:
    """A character the output's encoding lacks is replaced (`?`), never an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):  # a stream that cannot change stays as it is
                reconfigure(errors="replace")


def harden() -> None:
    """Everything above; the first call of `main()`."""
    disable_core_dumps()
    install_stop_handlers()
    tolerant_output()


_paused = False  # the collector was turned off by `pause_collector`, not by someone else


def pause_collector() -> None:
    """Turn Python's cycle collector off while safecheck starts (the console script's first
    step, `entry.run`), until the first question (`resume_collector`).

    Starting means loading some 500 modules, whose objects live until the end: the
    collector would only walk them again and again, about 115 times before the first
    question, some 15 ms in all (counted with `gc.callbacks`). Garbage without cycles is
    still freed at once, and what a command does without asking anything (`status`, an
    export) ends soon.
    """
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """Turn the collector back on once safecheck waits for a person, who may stay for
    hours. What is loaded by then is frozen (`gc.freeze`): kept out of every collection,
    as it lives until the end anyway. Does nothing unless `pause_collector` turned the
    collector off."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def finish(code: int) -> NoReturn:
    """End the process with `code` once the command has ended, skipping Python's teardown.

    The teardown frees every object of some 400 modules and runs OpenSSL's clean-up (for
    cryptography and hashlib): about 20 ms of each command (`make bench`), for nothing
    safecheck needs. Every file is written, synced and closed inside the command, and the
    kernel releases the state lock, as it does when a run is killed. mypy ends the same way
    (`util.hard_exit`). What Python's end would still do is done first: the atexit functions,
    then the output flushed. When another thread still runs, or the output cannot be
    flushed (a full disk, a closed pipe), the end is Python's own, as before.
    """
    import atexit

    threading = sys.modules.get("threading")
    if threading is None or threading.active_count() == 1:
        atexit._run_exitfuncs()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):  # Python reports it as it ends, with its exit code
            pass
        else:
            os._exit(code & 0xFF)
    sys.exit(code)
