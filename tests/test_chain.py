"""The evidence log as a chain: `evidence verify` names exactly what changed, and exits 9."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.evidence import chain, log
from safecheck.storage.chain import GENESIS, canonical, record_hash
from safecheck.storage.state import decode
from safecheck.storage.store import Store

runner = CliRunner()


@pytest.fixture
def plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain state file, so a test can change one byte of it as an attacker would."""
    monkeypatch.setenv("SAFECHECK_NO_ENCRYPTION", "1")


def add(*options: str) -> None:
    result = runner.invoke(app, ["evidence", "add", *options])
    assert result.exit_code == 0, result.output


def verify() -> tuple[int, str]:
    result = runner.invoke(app, ["evidence", "verify"])
    return result.exit_code, result.output


def three_entries(tmp_path: Path) -> Path:
    shot = tmp_path / "chat.png"
    shot.write_bytes(b"a screenshot of the chat" * 50)
    add("--when", "2026-03-01 10:00", "--account", "first.acc", "--file", str(shot))
    add("--when", "2026-03-02 10:00", "--account", "second.acc")
    add("--when", "2026-03-03 10:00", "--account", "third.acc")
    return shot


def flip(path: Path, find: bytes, offset: int = 0) -> None:
    """Change one byte of `path`, at `offset` after the first `find`."""
    data = bytearray(path.read_bytes())
    at = data.index(find) + offset
    data[at] = ord("3") if data[at] != ord("3") else ord("4")
    path.write_bytes(bytes(data))


def test_an_untouched_log_holds(home: Path, tmp_path: Path) -> None:
    three_entries(tmp_path)
    code, out = verify()
    assert code == ExitCode.OK, out
    assert "HOLDS: the log's 3 records" in out
    assert "the kept copy of chat.png is intact" in out
    assert "Everything holds" in out


def test_edits_and_removals_keep_the_chain_valid_and_the_earlier_version(
    home: Path, tmp_path: Path
) -> None:
    three_entries(tmp_path)
    assert runner.invoke(app, ["evidence", "edit", "2", "--note", "he wrote again"]).exit_code == 0
    assert runner.invoke(app, ["evidence", "remove", "3", "--yes"]).exit_code == 0
    code, out = verify()
    assert code == ExitCode.OK, out
    records = Store(home).load().evidence
    assert [(r["action"], r["id"]) for r in records] == [
        ("add", 1), ("add", 2), ("add", 3), ("edit", 2), ("remove", 3)
    ]  # fmt: skip
    assert records[1]["entry"]["note"] is None  # the earlier version of entry 2 is kept
    assert records[3]["entry"]["note"] == "he wrote again"
    assert "entry" not in records[2]  # the removed entry's content is gone ...
    assert "third.acc" not in json.dumps(list(records))
    assert records[4]["at"]  # ... but not that it was removed, and when
    assert [e.id for e in log.entries(Store(home).load())] == [1, 2]
    add("--account", "fourth.acc")  # a removed entry's number is never given again
    assert [e.id for e in log.entries(Store(home).load())] == [1, 2, 4]


def test_every_record_carries_the_hash_of_the_one_before(home: Path, tmp_path: Path) -> None:
    three_entries(tmp_path)
    records = Store(home).load().evidence
    assert records[0]["prev"] == GENESIS
    for before, record in zip(records, records[1:], strict=False):
        hashed = {k: v for k, v in before.items() if k != "entry"}
        assert canonical(hashed) == json.dumps(
            hashed, sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode("utf-8")
        assert record["prev"] == record_hash(before)


def test_one_byte_of_an_earlier_record_is_named(home: Path, tmp_path: Path, plain: None) -> None:
    three_entries(tmp_path)
    state = home / "state"
    flip(state, b'"at": "', offset=len('"at": "') + 3)  # record 1's time: 2026 -> 2023
    code, out = verify()
    assert code == ExitCode.NOT_AS_RECORDED
    assert int(ExitCode.NOT_AS_RECORDED) == 9
    assert "CHANGED: record 1 (entry 1, added) was changed after it was written" in out
    assert "record 2 (" not in out
    assert "record 3 (" not in out


def test_one_byte_of_an_entry_in_the_chain_is_named(
    home: Path, tmp_path: Path, plain: None
) -> None:
    three_entries(tmp_path)
    flip(home / "state", b"second.acc")  # the content of record 2
    code, out = verify()
    assert code == ExitCode.NOT_AS_RECORDED
    assert "CHANGED: the content of record 2 (entry 2, added) was changed" in out
    assert "record 1 (" not in out
    assert "record 3 (" not in out


def test_one_byte_of_a_kept_copy_is_named(home: Path, tmp_path: Path) -> None:
    shot = three_entries(tmp_path)
    (copy,) = (home / "files").iterdir()
    data = bytearray(copy.read_bytes())
    data[-1] ^= 1
    copy.write_bytes(bytes(data))
    code, out = verify()
    assert code == ExitCode.NOT_AS_RECORDED
    assert "CHANGED: entry 1: the kept copy of chat.png is damaged or changed." in out
    assert f"HOLDS: entry 1: {shot} is unchanged." in out  # the original still holds
    assert "HOLDS: the log's 3 records" in out


def test_one_byte_of_an_original_file_is_named(home: Path, tmp_path: Path) -> None:
    shot = three_entries(tmp_path)
    data = bytearray(shot.read_bytes())
    data[0] ^= 1
    shot.write_bytes(bytes(data))
    code, out = verify()
    assert code == ExitCode.NOT_AS_RECORDED
    assert f"CHANGED: entry 1: {shot} has changed since it was added." in out
    assert "the kept copy of chat.png is intact" in out


def test_an_original_that_is_gone_is_no_problem_when_its_copy_holds(
    home: Path, tmp_path: Path
) -> None:
    three_entries(tmp_path).unlink()
    code, out = verify()
    assert code == ExitCode.OK, out
    assert "is no longer there" in out


def test_a_schema_2_log_becomes_a_chain_on_first_open() -> None:
    entry = {
        "id": 1, "when": "2026-03-02T21:15:00+01:00", "recorded": "2026-03-03T09:00:00+01:00",
        "platform": None, "account": "old.one", "profile_url": None, "phone": None,
        "demands": [], "amount": None, "currency": None, "paid": False, "payment_method": None,
        "payment_reference": None, "note": None, "files": [],
    }  # fmt: skip
    old = {"schema": 2, "answers": {}, "settings": {}, "evidence": [entry]}
    state = decode(json.dumps(old).encode())
    (record,) = state.evidence
    assert (record["action"], record["id"], record["prev"]) == ("add", 1, GENESIS)
    assert record["at"] == entry["recorded"]
    assert [e.account for e in chain.current(state.evidence)] == ["old.one"]
    assert chain.verify_chain(state.evidence)[0].holds
