"""Saved state: written atomically, private, versioned, and read back intact."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from safecheck.core.errors import StateError
from safecheck.storage.state import SCHEMA_VERSION, Answer, Record, State, decode, encode
from safecheck.storage.store import Store


def test_state_round_trips_through_bytes() -> None:
    state = State().with_answer(
        "prevention", "webcam", Record(Answer.DONE, "2026-01-02T03:04:05+01:00")
    )
    state = state.with_setting("lang", "nl")
    assert decode(encode(state)) == state


def test_a_newer_schema_asks_for_an_update() -> None:
    data = encode(State()).replace(
        f'"schema": {SCHEMA_VERSION}'.encode(), f'"schema": {SCHEMA_VERSION + 1}'.encode()
    )
    with pytest.raises(StateError, match="newer safecheck"):
        decode(data)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"{",
        b"[]",
        b'{"answers": {}}',
        b'{"schema": 1, "answers": {"p": {"x": {}}}}',
        b"\xff\xfe",
    ],
)
def test_unreadable_state_is_a_state_error(data: bytes) -> None:
    with pytest.raises(StateError):
        decode(data)


def test_the_store_is_private_and_leaves_no_temporary_files(home: Path) -> None:
    store = Store(home)
    store.update(lambda s: s.with_setting("lang", "en"))
    store.update(lambda s: s.with_setting("lang", "nl"))

    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for path in home.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert sorted(p.name for p in home.iterdir()) == [
        "settings.toml",
        "state",
        "state.head",
        "state.lock",
    ]
    assert store.load().settings == {"lang": "nl"}


def test_a_failed_write_keeps_the_old_state(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(home)
    store.update(lambda s: s.with_setting("lang", "en"))

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    with pytest.raises(StateError, match="No space left on device"):
        store.update(lambda s: s.with_setting("lang", "nl"))
    monkeypatch.undo()

    assert store.load().settings == {"lang": "en"}
    assert sorted(p.name for p in home.iterdir()) == [
        "settings.toml",
        "state",
        "state.head",
        "state.lock",
    ]


def test_schema_1_migrates_to_3_with_an_empty_evidence_log() -> None:
    """A state file written before the evidence log (schema 1) loads, and saves as schema 2."""
    version_1 = (
        b'{"schema": 1, "answers": {"prevention": {"webcam": '
        b'{"answer": "done", "at": "2026-01-02T03:04:05+01:00"}}}, "settings": {"lang": "nl"}}'
    )
    state = decode(version_1)
    assert state.evidence == ()
    assert state.answers_for("prevention")["webcam"] == Record(
        Answer.DONE, "2026-01-02T03:04:05+01:00"
    )
    assert state.settings == {"lang": "nl"}
    assert SCHEMA_VERSION == 3
    again = json.loads(encode(state))
    assert again["schema"] == 3
    assert again["evidence"] == []


def test_a_saved_schema_1_file_keeps_its_answers_after_an_evidence_entry(home: Path) -> None:
    from safecheck.evidence import importer, log

    version_1 = (
        b'{"schema": 1, "answers": {"p": {"x": {"answer": "not_yet", "at": "t"}}}, "settings": {}}'
    )
    store = Store(home)
    home.mkdir(mode=0o700)
    (home / "state").write_bytes(store.codec.seal(version_1))  # encrypted, as saved then
    log.add(store, [importer.from_options({"account": "someone"})])
    state = Store(home).load()
    assert state.answers_for("p")["x"].answer is Answer.NOT_YET
    assert [entry.account for entry in log.entries(state)] == ["someone"]
    assert json.loads(store.codec.open((home / "state").read_bytes()))["schema"] == 3
