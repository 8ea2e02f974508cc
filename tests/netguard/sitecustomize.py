"""The network guard: any attempt to open a network socket or look up a host fails loudly.

The test process installs it from tests/conftest.py; every safecheck the tests
start as a separate program gets it through PYTHONPATH (this file is then that
program's `sitecustomize`) and writes each attempt to the file named by
SAFECHECK_TEST_NETGUARD_LOG, which the test that started it reads.

Local Unix sockets stay allowed: that is how the keyring (D-Bus) and asyncio's
self-pipe work, and neither leaves the computer.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable

LOG_ENV = "SAFECHECK_TEST_NETGUARD_LOG"
LOOKUPS = {
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyname_ex",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
}
LOCAL = {getattr(socket, "AF_UNIX", -1)}


class NetworkUsed(RuntimeError):
    """safecheck must never use the network."""


def violation(event: str, args: tuple[object, ...]) -> str | None:
    """What was attempted, when `event` is a use of the network; else None."""
    if not event.startswith(("socket.", "urllib.", "http.", "ftplib.", "smtplib.")):
        return None
    if event in LOOKUPS or event.startswith(("urllib.", "http.", "ftplib.", "smtplib.")):
        return f"{event}{args!r}"
    if event == "socket.__new__" and args[1] not in LOCAL:
        return f"socket of family {args[1]!r}"
    if event in ("socket.connect", "socket.bind", "socket.sendto"):
        sock = args[0]
        if isinstance(sock, socket.socket) and sock.family not in LOCAL:
            return f"{event} to {args[1]!r}"
    return None


def install(report: Callable[[str], None]) -> None:
    def hook(event: str, args: tuple[object, ...]) -> None:
        what = violation(event, args)
        if what is not None:
            report(what)
            raise NetworkUsed(f"safecheck tried to use the network: {what}")

    sys.addaudithook(hook)


def _append_to_log(what: str) -> None:
    with open(os.environ[LOG_ENV], "a", encoding="utf-8") as log:  # noqa: PTH123
        log.write(f"{os.getpid()} {what}\n")


if os.environ.get(LOG_ENV):
    install(_append_to_log)

# Not the guard: the tests' cheap scrypt cost (cheap_scrypt.py, beside this file).
if os.environ.get("SAFECHECK_TEST_SCRYPT"):
    import cheap_scrypt  # type: ignore[import-not-found]

    cheap_scrypt.install()
