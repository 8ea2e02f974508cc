"""Python's cycle collector rests while safecheck starts and runs again once a question is on
screen (`core.hardening.pause_collector`, `resume_collector`). The time it saves is
`make bench`'s; here: a question that waits for hours does not grow, and the switch undoes
only what it did."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from safecheck.core import hardening
from tests.conftest import child_env, spawn, until_ended

KEYS = 600  # arrows pressed at one question; each draws it again
MIB = 1024 * 1024


def resident(pid: int) -> int:
    """The process's resident memory, in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def drawn(child: pexpect.spawn) -> None:
    """Read what the question draws until it has drawn nothing for a moment."""
    while child.expect([pexpect.TIMEOUT, ".+"], timeout=0.2) == 1:
        pass


@pytest.mark.terminal
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_question_that_waits_while_keys_are_pressed_does_not_grow(home: Path) -> None:
    child = spawn(["-m", "safecheck", "check", "prevention"], child_env(home))
    child.delaybeforesend = None
    child.expect("Where are you with this")
    drawn(child)
    before = resident(child.pid)
    for pressed in range(KEYS):  # one at a time, each drawn, as a person's keys come
        child.send("\x1b[B" if pressed % 2 else "\x1b[A")
        child.expect(".+")
    drawn(child)
    grown = resident(child.pid) - before
    until_ended(child, "\x03")
    # Without the collector, each drawing leaves its garbage: about 19 MiB over the keys here.
    assert grown < 6 * MIB, f"grew by {grown / MIB:.1f} MiB over {KEYS} keys"


@pytest.fixture
def collector() -> Iterator[None]:
    """The test process's collector as it was, whatever the test does to it."""
    yield
    hardening._paused = False
    gc.unfreeze()
    gc.enable()


@pytest.mark.usefixtures("collector")
def test_the_collector_rests_then_runs_again_with_the_start_frozen() -> None:
    hardening.pause_collector()
    assert not gc.isenabled()
    hardening.resume_collector()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


@pytest.mark.usefixtures("collector")
def test_a_collector_turned_off_by_someone_else_stays_off() -> None:
    gc.disable()
    hardening.pause_collector()
    hardening.resume_collector()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


@pytest.mark.usefixtures("collector")
def test_resuming_twice_or_without_a_pause_changes_nothing() -> None:
    hardening.resume_collector()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    hardening.pause_collector()
    hardening.resume_collector()
    frozen = gc.get_freeze_count()
    hardening.resume_collector()
    assert gc.get_freeze_count() == frozen
