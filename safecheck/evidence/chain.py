"""The evidence log as a tamper-evident chain: every entry, edit and removal is a record.

The records live in `State.evidence` (their shape: `safecheck.storage.chain`). The current
log is the chain folded: `add` and `edit` set an entry, `remove` takes it out. An edit keeps
the earlier version in its own record; a removal drops the content of the entry's earlier
records (each keeps the SHA-256 of what it held) and adds a record that says which entry was
removed, and when. `verify` walks the chain and re-hashes every file, and says what holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from safecheck.core import labels
from safecheck.core.errors import SafecheckError, StateError
from safecheck.core.i18n import N_, Message, Phrase, msg, msgn
from safecheck.evidence.model import Entry, FileStatus, from_dict, now, to_dict
from safecheck.storage.chain import (
    ADD,
    CONTENT_KEY,
    EDIT,
    GENESIS,
    REMOVE,
    Head,
    digest,
    last_hash,
    make_record,
    record_hash,
)
from safecheck.storage.chain import (
    entry_id as id_of,
)
from safecheck.storage.copies import CopyStatus

if TYPE_CHECKING:
    from safecheck.storage.store import Store

Record = Mapping[str, Any]


def _unreadable() -> StateError:
    return StateError(N_("a saved evidence entry is not readable"))


def current(records: Sequence[Record]) -> list[Entry]:
    """The entries as they are now, in the order they were first added."""
    documents: dict[int, Mapping[str, Any] | None] = {}
    for record in records:
        try:
            action, number = record["action"], id_of(record)
            if number is None:
                raise _unreadable()
            if action == REMOVE:
                documents.pop(number, None)
            elif action in (ADD, EDIT):  # without content: removed by a later record
                documents[number] = record.get(CONTENT_KEY)
            else:
                raise _unreadable()
        except (KeyError, TypeError):
            raise _unreadable() from None
    return [from_dict(document) for document in documents.values()]


def highest_id(records: Sequence[Record]) -> int:
    """The highest entry number the chain ever used (a removed entry's number is not reused)."""
    ids = [id_of(record) for record in records]
    return max((i for i in ids if i is not None), default=0)


def changed(
    records: Sequence[Record], new: Sequence[Entry], at: datetime | None = None
) -> tuple[Record, ...]:
    """The chain with the records that make its log equal to `new`, appended."""
    moment = (at or now()).isoformat()
    was: dict[int, Mapping[str, Any]] = {}
    for record in records:
        number = id_of(record)
        if number is None:
            raise _unreadable()
        if record.get("action") == REMOVE:
            was.pop(number, None)
        elif CONTENT_KEY in record:
            was[number] = record[CONTENT_KEY]
    wanted = {entry.id: to_dict(entry) for entry in new}
    gone = [entry_id for entry_id in was if entry_id not in wanted]
    out: list[Record] = list(records)
    if gone:  # the removed entries' content leaves every earlier record
        out = [
            {k: v for k, v in record.items() if k != CONTENT_KEY}
            if id_of(record) in gone and CONTENT_KEY in record
            else record
            for record in out
        ]
    prev = last_hash(out)
    seq = len(out)

    def append(action: str, entry_id: int, document: Mapping[str, Any] | None) -> None:
        nonlocal prev, seq
        seq += 1
        record = make_record(prev, seq, action, entry_id, moment, document)
        out.append(record)
        prev = record_hash(record)

    for entry_id in gone:
        append(REMOVE, entry_id, None)
    for entry_id, document in wanted.items():
        if entry_id not in was:
            append(ADD, entry_id, document)
        elif was[entry_id] != document:
            append(EDIT, entry_id, document)
    return tuple(out)


# --- verifying -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Finding:
    holds: bool
    message: Message


@dataclass(frozen=True, slots=True)
class Verification:
    findings: tuple[Finding, ...]
    records: int
    last_hash: str

    @property
    def holds(self) -> bool:
        return all(finding.holds for finding in self.findings)

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if not finding.holds)


def _describe(record: Record) -> Message:
    action = record.get("action")
    what = Phrase(labels.CHAIN_ACTION[action]) if action in (ADD, EDIT, REMOVE) else str(action)
    return msg(
        "record {seq} (entry {id}, {action})",
        seq=record.get("seq") if isinstance(record.get("seq"), int) else "?",
        id=id_of(record) if id_of(record) is not None else "?",
        action=what,
    )


def _record_findings(records: Sequence[Record], index: int, expected_prev: str) -> list[Message]:
    """What no longer holds of where one record (read as a mapping) stands in the chain."""
    record = records[index]
    changed: list[Message] = []
    if id_of(record) is None:
        changed.append(
            msg(
                "CHANGED: record {number} has no entry number (it was changed after it was "
                "written).",
                number=index + 1,
            )
        )
    if record.get("seq") != index + 1:
        changed.append(
            msg(
                "CHANGED: record {number} is not where it was written (a record was taken out "
                "or moved).",
                number=index + 1,
            )
        )
    if record.get("prev") != expected_prev:
        if index == 0:
            changed.append(msg("CHANGED: the first record does not start the chain."))
        else:
            changed.append(
                msg(
                    "CHANGED: {record} was changed after it was written (the next record no "
                    "longer matches it).",
                    record=_describe(records[index - 1]),
                )
            )
    return changed


def verify_chain(records: Sequence[Record]) -> list[Finding]:
    """Each record still has the hash the next one carries, and its entry its `content`."""
    problems: list[Message] = []
    removed = {id_of(r) for r in records if isinstance(r, Mapping) and r.get("action") == REMOVE}
    expected_prev = GENESIS
    for index, record in enumerate(records):
        if not isinstance(record, Mapping):
            problems.append(
                msg("CHANGED: record {number} is not a record any more.", number=index + 1)
            )
            expected_prev = ""
            continue
        problems += _record_findings(records, index, expected_prev)
        if CONTENT_KEY in record:
            if digest(record[CONTENT_KEY]) != record.get("content"):
                problems.append(
                    msg(
                        "CHANGED: the content of {record} was changed after it was written.",
                        record=_describe(record),
                    )
                )
        elif record.get("action") in (ADD, EDIT) and id_of(record) not in removed:
            problems.append(
                msg(
                    "MISSING: the content of {record} is gone, but the entry was never removed.",
                    record=_describe(record),
                )
            )
        expected_prev = record_hash(record)
    if problems:
        return [Finding(False, problem) for problem in problems]
    holds = msgn(
        "HOLDS: the log's {count} record is there, unchanged.",
        "HOLDS: the log's {count} records are each linked to the one before, unchanged.",
        len(records),
    )
    return [Finding(True, holds)]


def anchored(store: Store, records: Sequence[Record]) -> list[Finding]:
    """The chain still reaches the head kept beside the state at the last save.

    A chain longer than its head holds (a save can end before its head is written); one that
    is shorter, or whose record at the head is another, was cut off or put back from earlier.
    """
    try:
        head = store.head()
    except (SafecheckError, ValueError):  # damaged, changed, or its key is not at hand
        unread = msg(
            "CHANGED: the head of the chain kept beside the state cannot be read, so a "
            "state put back from earlier could not be told."
        )
        return [Finding(False, unread)]
    if head is None:
        later = msg(
            "not checked: no head of the chain was kept yet; it is kept from the next "
            "change to your answers or the log."
        )
        return [Finding(True, later)]
    if head.records > len(records):
        cut = msg(
            "CUT OFF: the log had {expected} records when it was last saved, and has "
            "{count} now: records were taken off its end, or an older state was put back.",
            expected=head.records,
            count=len(records),
        )
        return [Finding(False, cut)]
    if not _reaches(records, head):
        other = msg(
            "CHANGED: the log is not the one last saved (its record {number} is another): "
            "an older state may have been put back.",
            number=head.records,
        )
        return [Finding(False, other)]
    return []


def _reaches(records: Sequence[Record], head: Head) -> bool:
    if head.records == 0:
        return True
    record = records[head.records - 1]
    return isinstance(record, Mapping) and record_hash(record) == head.last


# What a file check finds, by the state of the original and of its kept copy.
FILE_FINDINGS: dict[FileStatus, tuple[bool, str]] = {
    FileStatus.UNCHANGED: (True, N_("HOLDS: entry {id}: {path} is unchanged.")),
    FileStatus.MISSING: (True, N_("not checked: entry {id}: {path} is no longer there.")),
    FileStatus.CHANGED: (False, N_("CHANGED: entry {id}: {path} has changed since it was added.")),
    FileStatus.UNREADABLE: (False, N_("UNREADABLE: entry {id}: {path} cannot be read.")),
}
COPY_FINDINGS: dict[CopyStatus, tuple[bool, str]] = {
    CopyStatus.INTACT: (True, N_("HOLDS: entry {id}: the kept copy of {name} is intact.")),
    CopyStatus.DAMAGED: (
        False,
        N_("CHANGED: entry {id}: the kept copy of {name} is damaged or changed."),
    ),
    CopyStatus.MISSING: (False, N_("MISSING: entry {id}: the kept copy of {name} is gone.")),
}


def verify(store: Store, records: Sequence[Record]) -> Verification:
    """The chain, then every file of every entry: the original (if still there) and its copy."""
    from safecheck.evidence.files import check_file

    findings = verify_chain(records) + anchored(store, records)
    try:
        entries = current(records)
    except StateError:
        unread = msg("The entries cannot be read from the chain, so their files were not checked.")
        findings.append(Finding(False, unread))
        entries = []
    for entry in entries:
        for attachment in entry.files:
            result = check_file(store, attachment)
            values = {"id": entry.id, "name": attachment.name, "path": attachment.path}
            for found in (FILE_FINDINGS.get(result.status), COPY_FINDINGS.get(result.copy)):
                if found is not None:
                    findings.append(Finding(found[0], Message(found[1], values)))
    head = last_hash(list(records)) if all(isinstance(r, Mapping) for r in records) else ""
    return Verification(tuple(findings), len(records), head)
