"""The evidence log in the store: find, add, change and remove entries under the lock.

The saved state holds the log as a chain of records (`evidence.chain`); every change
appends to it, so the past stays as it was written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from safecheck.core.i18n import msg
from safecheck.evidence import chain
from safecheck.evidence.files import keep_copy
from safecheck.evidence.model import Entry, EvidenceError, next_id
from safecheck.storage.copies import remove_copies_except

if TYPE_CHECKING:
    from safecheck.storage.state import State
    from safecheck.storage.store import Store


def entries(state: State) -> tuple[Entry, ...]:
    """The evidence entries of a saved state, in the order they were added."""
    return tuple(chain.current(state.evidence))


def with_entries(state: State, new: Sequence[Entry]) -> State:
    """`state` with `new` as its evidence log: the records that make it so are appended."""
    return state.with_evidence(chain.changed(state.evidence, new))


def find(
    state: State,
    entry_id: int,
) -> Entry:
    for entry in entries(state):
        if entry.id == entry_id:
            return entry
    raise EvidenceError(
        msg("there is no entry {id}; safecheck evidence list shows the numbers.", id=entry_id)
    )


def add(
    store: Store,
    drafts: Sequence[Entry],
) -> list[Entry]:
    """Save new entries (their ids are given here); copies are kept under the same lock.

    The copies are written before the state that refers to them, so a crash leaves at
    worst a copy no entry refers to (removed by the next `collect_garbage`), never an
    entry whose copy is missing.
    """
    added: list[Entry] = []

    def change(state: State) -> State:
        added.clear()
        log = list(entries(state))
        first = max(next_id(log), chain.highest_id(state.evidence) + 1)
        for number, draft in enumerate(drafts):
            entry = replace(draft, id=first + number)
            for attachment in entry.files:
                if attachment.kept:
                    keep_copy(store, attachment)
            log.append(entry)
            added.append(entry)
        return with_entries(state, log)

    store.update(change)
    return added


def update(
    store: Store,
    entry: Entry,
) -> Entry:
    """Replace the entry with the same id (copies of newly added files are kept first)."""

    def change(state: State) -> State:
        find(state, entry.id)
        for attachment in entry.files:
            if attachment.kept:
                keep_copy(store, attachment)
        return with_entries(
            state, [entry if each.id == entry.id else each for each in entries(state)]
        )

    store.update(change)
    collect_garbage(store)
    return entry


def remove(
    store: Store,
    entry_id: int,
) -> Entry:
    removed: list[Entry] = []

    def change(state: State) -> State:
        removed[:] = [find(state, entry_id)]
        return with_entries(state, [each for each in entries(state) if each.id != entry_id])

    store.update(change)
    collect_garbage(store)
    return removed[0]


def collect_garbage(store: Store) -> int:
    """Remove kept copies no entry refers to any more; return how many. Under the lock."""
    with store.locked():
        wanted = {a.sha256 for entry in entries(store.load()) for a in entry.files if a.kept}
        return remove_copies_except(store, wanted)
