"""safecheck opens no network socket, ever.

conftest.py installs a guard (tests/netguard) in the test process and in every
program a test starts; any attempt to open a network socket or look up a host
fails loudly and fails that test. These tests show the guard works, and run the
main commands as separate programs under it.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from safecheck.core.errors import ExitCode
from tests import keys
from tests.conftest import NETWORK_ATTEMPTS, ROOT, child_env, spawn, until_ended


def test_the_guard_stops_a_network_socket_in_this_process() -> None:
    with pytest.raises(RuntimeError, match="tried to use the network"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(RuntimeError, match="tried to use the network"):
        socket.getaddrinfo("example.org", 443)
    assert len(NETWORK_ATTEMPTS) == 2
    NETWORK_ATTEMPTS.clear()  # seen: this test wanted them
    socket.socketpair()[0].close()  # local Unix sockets (D-Bus, asyncio) stay allowed


def test_the_guard_stops_a_network_socket_in_a_started_program(
    home: Path, no_network: Path
) -> None:
    attempt = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        env=child_env(home),
        capture_output=True,
        text=True,
    )
    assert attempt.returncode != 0
    assert "tried to use the network" in attempt.stderr
    assert "socket.getaddrinfo" in no_network.read_text()
    no_network.unlink()  # seen: this test wanted it


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safecheck", *args],
        cwd=ROOT,
        env=child_env(home),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.terminal
def test_the_main_commands_use_no_network(home: Path, no_network: Path) -> None:
    assert run(home, "--help").returncode == 0

    child = spawn(
        ["-m", "safecheck", "check", "prevention", "--lang", "en"], child_env(home), columns=100
    )
    for reply in (keys.DONE, keys.TELL_ME_HOW, keys.NOT_YET):
        child.expect_exact(keys.ASKING)
        child.send(reply)
    child.expect_exact(keys.ASKING)
    until_ended(child, keys.CTRL_C)
    child.close()
    assert child.exitstatus == ExitCode.INTERRUPTED

    assert run(home, "status").returncode == 0
    assert run(home, "verify", "--min-score", "0").returncode == 0
    assert run(home, "check", "prevention", "--no-input", "--json").returncode == 0
    assert run(home, "where").returncode == 0
    assert run(home, "reset", "--yes").returncode == 0
    (home / "state").write_bytes(b"damaged")
    assert run(home, "status").returncode == ExitCode.BAD_STATE
    assert run(home, "reset", "--yes").returncode == 0
    wiped = run(home, "wipe", "--yes")
    assert wiped.returncode == 0, wiped.stderr
    assert not home.exists()

    assert not no_network.exists(), no_network.read_text()
