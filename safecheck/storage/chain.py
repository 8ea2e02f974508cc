"""The format of the evidence chain: records linked by the SHA-256 of the one before.

Each record in `State.evidence` is a plain document:

    {"seq": 3, "action": "add" | "edit" | "remove", "id": 2, "at": "2026-03-03T09:12:40+01:00",
     "content": "<SHA-256 of the entry>" (add and edit only), "prev": "<SHA-256 of record 2>",
     "entry": {...} (add and edit, until the entry is removed)}

A record's hash is the SHA-256 of its canonical JSON (sorted keys, no spaces, UTF-8)
without `entry`; the entry is tied to the record by `content`, the SHA-256 of the entry's
canonical JSON. So a removal can drop the content of an entry's earlier records and the
chain still holds. What the records mean is `safecheck.evidence.chain`'s business;
this module knows only their shape, so that `state.migrate` can build a chain.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

GENESIS = "0" * 64  # the `prev` of the first record
HEAD_KIND = "safecheck-chain-head"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
ADD, EDIT, REMOVE = "add", "edit", "remove"
CONTENT_KEY = "entry"


def canonical(document: object) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def digest(document: object) -> str:
    import hashlib  # only where a record is hashed: reading the state hashes nothing

    return hashlib.sha256(canonical(document)).hexdigest()


def record_hash(record: Mapping[str, Any]) -> str:
    """The SHA-256 a record is known by: of everything in it but the entry itself."""
    return digest({key: value for key, value in record.items() if key != CONTENT_KEY})


def last_hash(records: tuple[Mapping[str, Any], ...] | list[Mapping[str, Any]]) -> str:
    return record_hash(records[-1]) if records else GENESIS


def make_record(
    prev: str,
    seq: int,
    action: str,
    entry_id: int,
    at: str,
    entry: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A new record after the one whose hash is `prev`."""
    record: dict[str, Any] = {"seq": seq, "action": action, "id": entry_id, "at": at, "prev": prev}
    if entry is not None:
        record["content"] = digest(entry)
        record[CONTENT_KEY] = dict(entry)
    return record


def chain_of(entries: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A chain of `add` records for entries saved before there was a chain (schema 2)."""
    records: list[dict[str, Any]] = []
    prev = GENESIS
    for seq, entry in enumerate(entries, start=1):
        at = entry.get("recorded")
        record = make_record(prev, seq, ADD, entry.get("id"), at, entry)  # type: ignore[arg-type]
        records.append(record)
        prev = record_hash(record)
    return records


class Head(NamedTuple):
    """Where the chain ended when it was last saved: its record count and last record's hash.

    Kept beside the state, sealed like it (`state.head`), so that a state file put back
    from earlier, or one with records cut off its end, no longer matches.
    """

    records: int
    last: str

    def to_bytes(self) -> bytes:
        return canonical({"kind": HEAD_KIND, "records": self.records, "last": self.last})

    @classmethod
    def from_bytes(cls, data: bytes) -> Head | None:
        """The head in `data`, or None when it is not one."""
        try:
            document = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None
        if not isinstance(document, dict) or document.get("kind") != HEAD_KIND:
            return None
        records, last = document.get("records"), document.get("last")
        if not isinstance(records, int) or isinstance(records, bool) or records < 0:
            return None
        if not isinstance(last, str) or not _SHA256.match(last):
            return None
        return cls(records, last)


def head_of(records: Sequence[Mapping[str, Any]]) -> Head:
    return Head(len(records), last_hash(list(records)))


def entry_id(record: object) -> int | None:
    """A record's entry number, or None when it has none that is a number."""
    value = record.get("id") if isinstance(record, Mapping) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
