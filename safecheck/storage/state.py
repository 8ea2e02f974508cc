"""What safecheck remembers: answers per checklist, the evidence log, and a few settings.

`State` is an immutable value; `encode`/`decode` turn it into bytes and back,
with a schema version so older files can be migrated.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from safecheck.core.errors import DamagedStateError, StateError
from safecheck.core.i18n import N_
from safecheck.storage.chain import chain_of

SCHEMA_VERSION = 3  # 2: the evidence log; 3: the evidence log as a chain of records


class Answer(StrEnum):
    DONE = "done"
    NOT_YET = "not_yet"
    NOT_FOR_ME = "not_for_me"
    SKIPPED = "skipped"

    @property
    def is_open(self) -> bool:
        """Still something to do (skipped counts as open)."""
        return self in (Answer.NOT_YET, Answer.SKIPPED)


@dataclass(frozen=True, slots=True)
class Record:
    answer: Answer
    at: str  # ISO 8601 with the local UTC offset


@dataclass(frozen=True, slots=True)
class State:
    answers: Mapping[str, Mapping[str, Record]] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    evidence: tuple[Mapping[str, Any], ...] = ()  # chain records (storage.chain); see evidence

    def answers_for(self, checklist_id: str) -> Mapping[str, Record]:
        return self.answers.get(checklist_id, {})

    def with_answer(self, checklist_id: str, item_id: str, record: Record) -> State:
        checklist = {**self.answers_for(checklist_id), item_id: record}
        return replace(self, answers={**self.answers, checklist_id: checklist})

    def without_checklist(self, checklist_id: str) -> State:
        return replace(self, answers={k: v for k, v in self.answers.items() if k != checklist_id})

    def with_setting(self, key: str, value: Any) -> State:
        return replace(self, settings={**self.settings, key: value})

    def with_evidence(self, entries: tuple[Mapping[str, Any], ...]) -> State:
        return replace(self, evidence=entries)


def encode(state: State) -> bytes:
    document = {
        "schema": SCHEMA_VERSION,
        "answers": {
            checklist: {
                item: {"answer": record.answer.value, "at": record.at}
                for item, record in items.items()
            }
            for checklist, items in state.answers.items()
        },
        "settings": dict(state.settings),
        "evidence": [dict(document) for document in state.evidence],
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8")


def decode(data: bytes) -> State:
    """Bytes back into a `State`.

    A newer schema is a `StateError` (the file is fine; safecheck is too old);
    anything else unexpected is a `DamagedStateError`.
    """
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise DamagedStateError(
            N_("the saved answers are not readable (damaged or cut off)")
        ) from None
    if not isinstance(document, dict):
        raise DamagedStateError(N_("the saved answers have an unexpected shape"))
    version = document.get("schema")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DamagedStateError(N_("the saved answers have no schema version"))
    if version > SCHEMA_VERSION:
        raise StateError(
            N_("it was written by a newer safecheck (schema {version}); please update safecheck"),
            version=version,
        )
    document = migrate(document, version)
    return _from_document(document)


def migrate(document: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring an older document up to `SCHEMA_VERSION`, one step at a time."""
    if version < 1:
        raise DamagedStateError(
            N_("the saved answers have an unknown schema version ({version})"), version=version
        )
    if version == 1:  # 1 -> 2: the evidence log starts empty
        document = {**document, "schema": 2, "evidence": []}
        version = 2
    if version == 2:  # 2 -> 3: each saved entry becomes an `add` record of the chain
        entries = document.get("evidence", [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise DamagedStateError(N_("the saved answers have an unexpected shape"))
        document = {**document, "schema": 3, "evidence": chain_of(entries)}
        version = 3
    return document


def _from_document(document: Mapping[str, Any]) -> State:
    raw_answers = document.get("answers", {})
    raw_settings = document.get("settings", {})
    raw_evidence = document.get("evidence", [])
    if (
        not isinstance(raw_answers, dict)
        or not isinstance(raw_settings, dict)
        or not isinstance(raw_evidence, list)
    ):
        raise DamagedStateError(N_("the saved answers have an unexpected shape"))
    answers: dict[str, dict[str, Record]] = {}
    for checklist, items in raw_answers.items():
        if not isinstance(items, dict):
            raise DamagedStateError(N_("the saved answers have an unexpected shape"))
        answers[checklist] = {}
        for item, raw in items.items():
            try:
                answers[checklist][item] = Record(Answer(raw["answer"]), str(raw["at"]))
            except (TypeError, KeyError, ValueError):
                raise DamagedStateError(
                    N_('the saved answer for "{item}" is not readable'), item=item
                ) from None
    if not all(isinstance(document, dict) for document in raw_evidence):
        raise DamagedStateError(N_("the saved answers have an unexpected shape"))
    return State(answers=answers, settings=raw_settings, evidence=tuple(raw_evidence))
