"""Sequences of operations, found by Hypothesis (RuleBasedStateMachine), and round trips.

The evidence log: add, edit, remove, reopen, verify; the chain always holds, and a change
to any record or to any byte of the saved file is reported. The sealed state: save, load,
switch between the keyring, a passphrase and plain, reset; nothing is lost, and nothing is
readable without the key. Answers: answer, restart, resume; the counts on every screen
agree with what was answered. Round trips: export -> JSON -> schema, backup -> restore.

Example counts are kept small so that `make test` stays fast; each run tries new sequences.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner, Result

from safecheck.cli.app import app
from safecheck.content import checklist
from safecheck.core.errors import SafecheckError
from safecheck.evidence import chain, export, log, report
from safecheck.evidence.export import Format
from safecheck.evidence.model import Entry
from safecheck.progress.summary import summarize
from safecheck.storage import backup, sealing
from safecheck.storage.crypto import new_key
from safecheck.storage.sealing import Source, peek
from safecheck.storage.state import Answer, Record, State, encode
from safecheck.storage.store import Store, open_store
from tests import keys, saver
from tests.conftest import SECRET_SERVICE, SMALL_CHECKLIST, TEST_PASSPHRASE

pytestmark = pytest.mark.slow

CET = timezone(timedelta(hours=1))
WHEN = datetime(2026, 3, 1, 10, 0, tzinfo=CET)
# Few, short sequences: enough to find a wrong order of operations, quick enough for make test.
STATEFUL = settings(
    max_examples=8,
    stateful_step_count=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

words = (
    st.text(
        alphabet=st.characters(
            min_codepoint=0x20,
            max_codepoint=0x2FF,
            exclude_characters="\x7f",
            exclude_categories=["Cc"],
        ),
        min_size=1,
        max_size=16,
    )
    .map(str.strip)
    .filter(bool)
)


def a_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="safecheck-stateful-")) / "home"


# --- the evidence log ------------------------------------------------------------------------


def changed_once(value: Any, where: int) -> Any:
    """`value` with one character (or number) changed."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str) and value:
        at = where % len(value)
        return value[:at] + ("x" if value[at] != "x" else "y") + value[at + 1 :]
    return "changed"


class EvidenceLog(RuleBasedStateMachine):
    ids = Bundle("ids")

    def __init__(self) -> None:
        super().__init__()
        self.home = a_folder()
        self.secret = new_key()
        self.store = saver.sealed_store(self.home, self.secret)
        self.expected: dict[int, Entry] = {}

    def teardown(self) -> None:
        shutil.rmtree(self.home.parent, ignore_errors=True)

    @rule(target=ids, account=words, note=st.none() | words)
    def add(self, account: str, note: str | None) -> int:
        draft = Entry(id=0, when=WHEN, recorded=WHEN, account=account, note=note)
        (added,) = log.add(self.store, [draft])
        assert added.id not in self.expected
        self.expected[added.id] = added
        return added.id

    @rule(entry_id=ids, note=words)
    def edit(self, entry_id: int, note: str) -> None:
        if entry_id not in self.expected:
            return
        changed = replace(self.expected[entry_id], note=note)
        log.update(self.store, changed)
        self.expected[entry_id] = changed

    @rule(entry_id=consumes(ids))
    def remove(self, entry_id: int) -> None:
        if entry_id in self.expected:
            log.remove(self.store, entry_id)
            del self.expected[entry_id]

    @rule()
    def reopen(self) -> None:
        self.store = saver.sealed_store(self.home, self.secret)

    @precondition(lambda self: self.home.joinpath("state").exists())
    @rule(data=st.data())
    def a_record_changed_afterwards_is_reported(self, data: st.DataObject) -> None:
        records = [dict(record) for record in self.store.load().evidence]
        index = data.draw(st.integers(0, len(records) - 1), label="record")
        record = records[index]
        # What a record is known by is only checked by the next record: the last one's own
        # fields (not its entry) have nothing after them yet.
        names = sorted(record) if index < len(records) - 1 else ["content", "entry", "prev", "seq"]
        name = data.draw(st.sampled_from([n for n in names if n in record]), label="field")
        where = data.draw(st.integers(0, 1000), label="where")
        if name == "entry":
            entry = dict(record["entry"])
            field = data.draw(st.sampled_from(sorted(entry)), label="entry field")
            entry[field] = changed_once(entry[field], where)
            record["entry"] = entry
        else:
            record[name] = changed_once(record[name], where)
        records[index] = record
        findings = chain.verify_chain(records)
        assert any(not finding.holds for finding in findings), (index, name)

    @precondition(lambda self: self.home.joinpath("state").exists())
    @rule(where=st.integers(min_value=0), bit=st.integers(0, 7))
    def any_byte_of_the_saved_file_changed_is_reported(self, where: int, bit: int) -> None:
        path = self.home / "state"
        original = path.read_bytes()
        damaged = bytearray(original)
        damaged[where % len(damaged)] ^= 1 << bit
        path.write_bytes(bytes(damaged))
        reader = saver.sealed_store(self.home, self.secret)
        reader.quarantine = False  # read only: the file is put back below
        try:
            with pytest.raises(SafecheckError):
                reader.load()
        finally:
            path.write_bytes(original)

    @invariant()
    def the_log_is_what_was_done_and_the_chain_holds(self) -> None:
        state = self.store.load()
        assert {entry.id: entry for entry in log.entries(state)} == self.expected
        verification = chain.verify(self.store, state.evidence)
        assert verification.holds, [finding.message for finding in verification.problems]


TestEvidenceLog = EvidenceLog.TestCase
TestEvidenceLog.settings = STATEFUL


# --- the sealed state ------------------------------------------------------------------------

ITEMS = [f"item-{number}" for number in range(6)]
KEYS = ["keyring", "passphrase", "plain"] if SECRET_SERVICE else ["passphrase", "plain"]


class SealedState(RuleBasedStateMachine):
    """The state as the commands open it (open_store), saved under each kind of key in turn."""

    def __init__(self) -> None:
        super().__init__()
        self.home = a_folder()
        self.patch = pytest.MonkeyPatch()
        self.passphrase = TEST_PASSPHRASE
        self.key = KEYS[0]
        self.use(self.key)
        self.expected: dict[str, Answer] = {}

    def teardown(self) -> None:
        if SECRET_SERVICE:
            from safecheck.storage.keystore import Keystore, KeystoreUnavailable

            self.patch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
            try:
                Keystore(self.home).delete()
            except KeystoreUnavailable:
                pass
        self.patch.undo()
        shutil.rmtree(self.home.parent, ignore_errors=True)

    def use(self, key: str) -> None:
        """The environment a new key of this kind is made in (as the tests' `home` does)."""
        if key == "keyring":
            self.patch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
            self.patch.delenv(sealing.PASSPHRASE_ENV, raising=False)
        else:
            self.patch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
            self.patch.setenv(sealing.PASSPHRASE_ENV, self.passphrase)

    def opened(self, encryption: bool | None = None) -> Store:
        return open_store(self.home, encryption=encryption)

    @rule(item=st.sampled_from(ITEMS), answer=st.sampled_from(list(Answer)))
    def save(self, item: str, answer: Answer) -> None:
        record = Record(answer, WHEN.isoformat())
        self.opened().update(lambda state: state.with_answer("sealed", item, record))
        self.expected[item] = answer

    @precondition(lambda self: self.home.joinpath("state").exists())  # else nothing to switch
    @rule(key=st.sampled_from(KEYS))
    def switch(self, key: str) -> None:
        """Plain, or encrypted with a new key of `key`'s kind (through plain, as a person does
        with --no-encryption, then --encryption where the other kind of key is)."""
        self.opened(encryption=False)
        if key != "plain":
            self.use(key)
            self.opened(encryption=True)
        self.key = key

    @rule()
    def reset_a_readable_state(self) -> None:
        """Reset leaves a state that can be read alone (it is for one that cannot)."""
        assert self.reset().exit_code == 0

    @precondition(lambda self: self.key == "passphrase" and self.home.joinpath("state").exists())
    @rule()
    def lose_the_key_and_reset(self) -> None:
        """The passphrase is another: reset starts again with empty answers, and keeps the
        file it could not open, byte for byte."""
        before = self.home.joinpath("state").read_bytes()
        self.passphrase += " again"
        self.patch.setenv(sealing.PASSPHRASE_ENV, self.passphrase)
        result = self.reset()
        assert result.exit_code == 0, result.output
        (aside,) = sorted(self.home.glob("state.unreadable-*"))[-1:]
        assert aside.read_bytes() == before
        aside.unlink()
        self.expected.clear()

    def reset(self) -> Result:
        return CliRunner().invoke(app, ["reset", "--yes"], env={"SAFECHECK_HOME": str(self.home)})

    @invariant()
    def nothing_is_lost_and_nothing_is_readable_without_the_key(self) -> None:
        if not self.home.joinpath("state").exists():
            assert not self.expected
            return
        answers = self.opened().load().answers_for("sealed")
        assert {item: record.answer for item, record in answers.items()} == self.expected
        data = self.home.joinpath("state").read_bytes()
        source = peek(data)
        assert source is {"plain": Source.PLAIN, "keyring": Source.KEYRING}.get(
            self.key, Source.PASSPHRASE
        )
        if source is not Source.PLAIN:
            for item in self.expected:
                assert item.encode() not in data
            assert b"sealed" not in data
            wrong = sealing.Key(
                source, new_key(), salt=bytes(sealing.SALT_BYTES), cost=sealing.SCRYPT_COST
            )
            other = Store(self.home, sealing.Sealer(None, key=wrong))
            other.quarantine = False  # only a look: a damaged file would be moved aside
            with pytest.raises(SafecheckError):  # another key does not open it
                other.load()


TestSealedState = SealedState.TestCase
TestSealedState.settings = STATEFUL


# --- answers: answer, restart, resume --------------------------------------------------------

REPLIES = {
    Answer.DONE: keys.DONE,
    Answer.NOT_YET: keys.NOT_YET,
    Answer.NOT_FOR_ME: keys.NOT_FOR_ME,
    Answer.SKIPPED: keys.SKIP,
}
PRIORITY = {"essential": 0, "recommended": 1, "advanced": 2}


class Answering(RuleBasedStateMachine):
    """The real questions (prompt_toolkit widgets fed keys) of a checklist of four items."""

    def __init__(self) -> None:
        super().__init__()
        self.home = a_folder()
        self.home.parent.joinpath("small.yaml").write_text(SMALL_CHECKLIST, encoding="utf-8")
        self.checklist = checklist.load(self.home.parent / "small.yaml")
        self.items = [item for _, item in self.checklist.items()]
        self.expected: dict[str, Answer] = {}
        self.env = {"SAFECHECK_HOME": str(self.home), "SAFECHECK_NO_ENCRYPTION": "1"}

    def teardown(self) -> None:
        shutil.rmtree(self.home.parent, ignore_errors=True)

    def invoke(self, *args: str) -> str:
        result = CliRunner().invoke(app, [*args, "--lang", "en"], env=self.env)
        return result.output

    def status(self) -> dict[str, Any]:
        document = json.loads(
            CliRunner()
            .invoke(app, ["status", "--json", str(self.home.parent / "small.yaml")], env=self.env)
            .stdout  # the warning that encryption is off goes to standard error
        )
        (summary,) = document["checklists"]
        return summary  # type: ignore[no-any-return]

    def walk(self, answers: list[Answer], *options: str) -> str:
        keys_sent = "".join(REPLIES[answer] for answer in answers) + keys.CTRL_C
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            pipe.send_text(keys_sent)
            return self.invoke("check", str(self.home.parent / "small.yaml"), *options)

    def order(self) -> list[str]:
        """The items a walk asks, in order: every item on a first walk; else the open ones
        (not answered, not yet, skipped), the most important first."""
        if not self.expected:
            return [item.id for item in self.items]
        still = [
            item
            for item in self.items
            if item.id not in self.expected or self.expected[item.id].is_open
        ]
        return [item.id for item in sorted(still, key=lambda item: PRIORITY[item.priority])]

    def apply(self, answers: list[Answer]) -> None:
        for item, answer in zip(self.order(), answers, strict=False):
            self.expected[item] = answer

    @rule(answers=st.lists(st.sampled_from(list(REPLIES)), max_size=4))
    def answer_and_stop(self, answers: list[Answer]) -> None:
        before = self.status()
        order = self.order()
        shown = self.walk(answers)
        flat = " ".join(shown.split())
        if self.expected and order:
            had = re.search(r"You had done (\d+) of (\d+)", flat)
            assert had is not None, flat
            # "done" on this screen is what the summary and status count: "not for me" is not.
            assert (int(had[1]), int(had[2])) == (before["done"], before["total"])
        self.apply(answers[: len(order)])

    @rule(answers=st.lists(st.sampled_from(list(REPLIES)), max_size=4))
    def restart(self, answers: list[Answer]) -> None:
        shown = self.walk(answers, "--restart")
        assert "0 of 4 answered" in " ".join(shown.split())
        self.expected.clear()
        self.apply(answers)

    @invariant()
    def every_count_agrees_with_what_was_answered(self) -> None:
        status = self.status()
        saved = self.expected
        assert status["answered"] == len(saved)
        assert status["done"] == sum(answer is Answer.DONE for answer in saved.values())
        assert status["not_for_me"] == sum(a is Answer.NOT_FOR_ME for a in saved.values())
        assert status["open"] == 4 - status["done"] - status["not_for_me"]
        answers = {item["id"]: item["answer"] for item in status["items"]}
        assert answers == {item.id: saved.get(item.id) for item in self.items}
        summary = summarize(self.checklist, Store(self.home).load().answers_for("small"))
        assert (summary.done, summary.total) == (status["done"], status["total"])


TestAnswering = Answering.TestCase
# Each step runs the real command in-process (a few tenths of a second): fewer, shorter runs.
TestAnswering.settings = settings(STATEFUL, max_examples=4, stateful_step_count=6)


def answered(store: Store, answers: dict[str, Answer]) -> None:
    def change(state: State) -> State:
        for item, answer in answers.items():
            state = state.with_answer("x", item, Record(answer, WHEN.isoformat()))
        return state

    store.update(change)


# --- round trips ------------------------------------------------------------------------------

entries = st.lists(
    st.builds(
        Entry,
        id=st.just(0),
        when=st.just(WHEN),
        recorded=st.just(WHEN),
        platform=st.none() | words,
        account=st.none() | words,
        note=st.none() | words,
        paid=st.booleans(),
    ),
    max_size=4,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    drafts=entries, answers=st.dictionaries(st.sampled_from(ITEMS), st.sampled_from(list(Answer)))
)
def test_an_export_in_json_is_valid_and_holds_every_entry(
    drafts: list[Entry], answers: dict[str, Answer]
) -> None:
    home = a_folder()
    try:
        store = saver.sealed_store(home, new_key())
        added = log.add(store, drafts) if drafts else []
        answered(store, answers)
        document = json.loads(export.render(report.build_report(store.load(), "en"), Format.json))
        jsonschema.validate(document, json.loads(report.SCHEMA_FILE.read_text(encoding="utf-8")))
        shown = {item["id"]: item for item in document["evidence"]}
        assert sorted(shown) == sorted(entry.id for entry in added)
        for entry in added:
            assert shown[entry.id]["account"] == entry.account
            assert shown[entry.id]["note"] == entry.note
            assert shown[entry.id]["paid"] == entry.paid
    finally:
        shutil.rmtree(home.parent, ignore_errors=True)


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    drafts=entries, answers=st.dictionaries(st.sampled_from(ITEMS), st.sampled_from(list(Answer)))
)
def test_a_backup_restores_the_same_state(drafts: list[Entry], answers: dict[str, Answer]) -> None:
    home, elsewhere = a_folder(), a_folder()
    try:
        store = saver.sealed_store(home, new_key())
        if drafts:
            log.add(store, drafts)
        answered(store, answers)
        before = store.load()
        file = home.parent / "backup.safecheck"
        backup.create(store, file, "a long backup passphrase")
        target = saver.sealed_store(elsewhere, new_key())
        backup.restore(target, file, "a long backup passphrase")
        after = target.load()
        assert encode(after) == encode(before)
        assert file.read_bytes().find(b"item-") < 0  # the backup itself is sealed
    finally:
        shutil.rmtree(home.parent, ignore_errors=True)
        shutil.rmtree(elsewhere.parent, ignore_errors=True)
