"""A small program that saves state in a loop, for the durability tests.

`save_forever` runs in a forked child that the kill test ends with SIGKILL at a
random moment. `python -m tests.saver answer WHO COUNT` (with SAFECHECK_HOME set)
opens the store as the commands do, prints "ready", waits for a line on stdin,
then saves COUNT answers of its own: two of them at once must lose none.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from typing import NoReturn

from safecheck.storage.sealing import Key, Sealer, Source
from safecheck.storage.state import Answer, Record, State
from safecheck.storage.store import Store, open_store

# Enough answers that one save writes a few kilobytes, as a real state does.
FILLER = 60


def counter(state: State) -> int:
    value = state.settings.get("counter", 0)
    assert isinstance(value, int)
    return value


def next_state(state: State) -> State:
    """The counter one up, and every answer stamped with it (old and new never mix)."""
    number = counter(state) + 1
    for item in range(FILLER):
        state = state.with_answer("kill", f"item-{item}", Record(Answer.DONE, f"save {number}"))
    return state.with_setting("counter", number)


def consistent(state: State) -> bool:
    stamps = {record.at for record in state.answers_for("kill").values()}
    return stamps <= {f"save {counter(state)}"}


def sealed_store(home: Path, secret: bytes) -> Store:
    """The real store and cipher, with a fixed key (the keyring is not what is tested here)."""
    return Store(home, Sealer(None, key=Key(Source.KEYRING, secret)))


def save_forever(home: Path, secret: bytes, committed: Synchronized[int]) -> NoReturn:
    store = sealed_store(home, secret)
    while True:
        committed.value = counter(store.update(next_state))


def with_answer(item: str, record: Record) -> Callable[[State], State]:
    def change(state: State) -> State:
        return state.with_answer("race", item, record)

    return change


def answer(who: str, count: int) -> None:
    store = open_store()
    print("ready", flush=True)
    sys.stdin.readline()
    for number in range(count):
        store.update(with_answer(f"{who}-{number}", Record(Answer.DONE, f"{who} {number}")))
    print("done", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "answer":
        answer(sys.argv[2], int(sys.argv[3]))
