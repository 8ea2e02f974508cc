"""The evidence log: parsing, the saved log, fingerprints and kept copies, and its commands."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar, cast

import jsonschema
import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core import jsonout
from safecheck.core.errors import ExitCode, InputFileError
from safecheck.core.i18n import t
from safecheck.core.questions import Checkbox, Confirm, Question, Text
from safecheck.evidence import files as evidence_files
from safecheck.evidence import importer, log, model
from safecheck.evidence.model import Attachment, Demand, Entry, EvidenceError, FileStatus
from safecheck.storage import copies
from safecheck.storage.copies import CopyStatus
from safecheck.storage.state import State, decode, encode
from safecheck.storage.store import Store
from safecheck.ui.display import make_display
from tests import keys

FILES_WARNING = "Before you add files: don't add the intimate image itself. Screenshot the messages, the profile, the username and the payment demand. Where the image is in view, leave it out and write down the link, the site and the date. Don't forward the image to anyone, not even as evidence."  # evidence_form's warning before files
T = TypeVar("T")

runner = CliRunner()
NOW = datetime(2026, 3, 3, 12, 0, tzinfo=timezone(timedelta(hours=1)))
CTRL_U = "\x15"  # clears the line: the prompt starts with the saved answer filled in
SPACE = " "


def clock() -> datetime:
    return NOW


def entry(**values: Any) -> Entry:
    defaults: dict[str, Any] = {
        "id": 1,
        "when": datetime(2026, 3, 2, 21, 15, tzinfo=timezone(timedelta(hours=1))),
        "recorded": NOW,
    }
    return Entry(**{**defaults, **values})


def saved(home: Path) -> tuple[Entry, ...]:
    return log.entries(Store(home).load())


@pytest.fixture
def brussels(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The local time zone is Brussels (CET in winter, CEST in summer)."""
    monkeypatch.setenv("TZ", "Europe/Brussels")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def shot(tmp_path: Path) -> Path:
    path = tmp_path / "chat screenshot.png"
    path.write_bytes(b"\x89PNG fake screenshot bytes " * 10)
    return path


# -- what a person types -----------------------------------------------------------------


def test_a_local_time_keeps_the_utc_offset_of_its_date(brussels: None) -> None:
    winter = model.parse_when("2026-03-02 21:15", clock)
    summer = model.parse_when("2025-07-01 10:00", clock)
    assert winter.isoformat() == "2026-03-02T21:15:00+01:00"
    assert summer.isoformat() == "2025-07-01T10:00:00+02:00"
    given = model.parse_when("2026-03-02T21:15-05:00", clock)
    assert given.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("yesterday", "not a date and time"),
        ("2026-03-02", "no time"),
        ("2026-03-04 10:00+01:00", "in the future"),
        ("0001-01-01 00:00", "not a date and time"),
    ],
)
def test_a_wrong_time_is_refused_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(EvidenceError, match=message):
        model.parse_when(typed, clock)


def test_dutch_messages_for_dutch_people() -> None:
    """The parser refuses with a message value; it is shown in the reader's language."""
    with pytest.raises(EvidenceError) as refused:
        model.parse_when("2026-03-02", clock)
    assert "geen tijd" in refused.value.text("nl")


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("250", "250"),
        ("250,50", "250.50"),
        (" 1 250.5 ", "1250.5"),
        ("1 000", "1000"),
        ("250.50", "250.50"),
    ],
)
def test_amounts_are_exact_decimals(typed: str, amount: str) -> None:
    parsed = model.parse_amount(typed)
    assert parsed == Decimal(amount)
    assert str(parsed) == amount


@pytest.mark.parametrize("typed", ["-5", "1.000,50", "12,3,4", "abc", "nan", "Infinity", "0.12345"])
def test_wrong_amounts_are_refused(typed: str) -> None:
    with pytest.raises(EvidenceError):
        model.parse_amount(typed)


def test_currencies_are_iso_4217_codes() -> None:
    assert model.parse_currency("eur") == "EUR"
    assert model.parse_currency("€") == "EUR"
    assert model.parse_currency("") is None
    for wrong in ("EURO", "E1R", "$"):
        with pytest.raises(EvidenceError, match="ISO 4217"):
            model.parse_currency(wrong)


def test_phone_numbers_links_and_lines() -> None:
    assert model.parse_phone(" +32 (0)470 12.34-56 ") == "+32 (0)470 12.34-56"
    assert model.parse_url("instagram.com/some.one") == "instagram.com/some.one"
    assert model.parse_url("HTTPS://x.example/a?b=c") == "HTTPS://x.example/a?b=c"
    for wrong in ("javascript:alert(1)://", "file:///etc/passwd", "has space.com"):
        with pytest.raises(EvidenceError):
            model.parse_url(wrong)
    for wrong in ("call me", "12", "+31 6 1234 5678 ext. 9"):
        with pytest.raises(EvidenceError):
            model.parse_phone(wrong)
    with pytest.raises(EvidenceError, match="one line"):
        model.parse_line("two\nlines", "account")
    with pytest.raises(EvidenceError, match="control"):
        model.parse_note("bell \x07")
    assert model.parse_note("  two\r\nlines\t ok ") == "two\nlines\t ok"


def test_an_amount_needs_its_currency_and_the_reverse() -> None:
    with pytest.raises(EvidenceError, match="needs its currency"):
        importer.from_options({"amount": "250"}, clock=clock)
    with pytest.raises(EvidenceError, match="without an amount"):
        importer.from_options({"currency": "EUR"}, clock=clock)


def test_demands_are_kept_once_in_a_fixed_order() -> None:
    assert model.parse_demands(["other", "money", "MONEY"]) == (
        Demand.MONEY,
        Demand.OTHER,
    )
    with pytest.raises(EvidenceError, match="not one of money, images, meeting, other"):
        model.parse_demands(["kisses"])


# -- the saved log ------------------------------------------------------------------------


def test_entries_round_trip_through_the_state_exactly(shot: Path) -> None:
    attachment = evidence_files.fingerprint(shot, keep=True)
    original = entry(
        platform="Instagram",
        account="some.one",
        profile_url="https://instagram.com/some.one",
        phone="+32 470 00 00 00",
        demands=(Demand.MONEY, Demand.IMAGES),
        amount=Decimal("250.10"),
        currency="EUR",
        paid=True,
        payment_method="gift card",
        payment_reference="ABC-123",
        note="Two\nlines, and ünïcode.",
        files=(attachment,),
    )
    state = decode(encode(log.with_entries(State(), [original])))
    (back,) = log.entries(state)
    assert back == original
    assert str(back.amount) == "250.10"  # never a float
    assert back.when.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    "raw",
    [
        [{}],
        [{"id": 1, "when": "2026-03-02T21:15:00", "recorded": "2026-03-02T21:15:00+01:00"}],
        [{"id": "1", "when": "2026-03-02T21:15:00+01:00", "recorded": "2026-03-02T21:15+01:00"}],
        [
            {
                "id": 1,
                "when": "2026-03-02T21:15:00+01:00",
                "recorded": "2026-03-02T21:15:00+01:00",
                "amount": "lots",
            }
        ],
        [
            {
                "id": 1,
                "when": "2026-03-02T21:15:00+01:00",
                "recorded": "2026-03-02T21:15:00+01:00",
                "files": [{"path": "/x", "sha256": "../../etc", "size": 1, "mtime": "", "kept": 1}],
            }
        ],
        {"not": "a list"},
    ],
)
def test_a_damaged_saved_entry_is_a_state_error(raw: object) -> None:
    from safecheck.core.errors import StateError

    document = {"schema": 2, "answers": {}, "settings": {}, "evidence": raw}
    with pytest.raises(StateError):
        log.entries(decode(json.dumps(document).encode()))


def test_entries_get_the_next_free_number(home: Path) -> None:
    store = Store(home)
    first = log.add(store, [entry(id=0), entry(id=0)])
    assert [e.id for e in first] == [1, 2]
    log.remove(store, 1)
    (third,) = log.add(store, [entry(id=0)])
    assert third.id == 3
    with pytest.raises(EvidenceError, match="no entry 1"):
        log.remove(store, 1)


def test_the_timeline_is_oldest_first() -> None:
    late = entry(id=1, when=datetime(2026, 3, 2, 22, 0, tzinfo=UTC))
    early = entry(id=2, when=datetime(2026, 3, 2, 21, 59, tzinfo=timezone(timedelta(hours=-1))))
    # 21:59 at UTC-1 is 22:59 UTC: after 22:00 UTC, though it reads earlier.
    assert [e.id for e in model.timeline([early, late])] == [1, 2]


# -- files: fingerprints, kept copies ------------------------------------------------------


def test_a_fingerprint_is_read_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "video.mp4"
    data = os.urandom(3 * 64 * 1024 + 17)
    big.write_bytes(data)
    monkeypatch.setattr(copies, "CHUNK_BYTES", 64 * 1024)
    reads: list[int] = []
    real_open = evidence_files.open_regular  # how evidence opens a file it hashes

    class Spy:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def read(self, size: int = -1) -> bytes:
            reads.append(size)
            data: bytes = self.handle.read(size)
            return data

        def __enter__(self) -> Spy:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

    def spying_open(path: Path) -> Any:
        return Spy(real_open(path))

    monkeypatch.setattr(evidence_files, "open_regular", spying_open)
    attachment = evidence_files.fingerprint(big)
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert attachment.size == len(data)
    assert reads
    assert all(0 < size <= 64 * 1024 for size in reads)


def test_a_fingerprint_records_path_size_and_mtime(shot: Path) -> None:
    os.utime(shot, (1_700_000_000, 1_700_000_000))
    attachment = evidence_files.fingerprint(shot)
    assert attachment.path == str(shot.resolve())
    assert attachment.mtime.timestamp() == 1_700_000_000
    assert attachment.mtime.tzinfo is not None
    assert attachment.name == "chat screenshot.png"
    with pytest.raises(EvidenceError, match="no file"):
        evidence_files.fingerprint(shot.parent / "gone.png")
    with pytest.raises(EvidenceError, match="folder"):
        evidence_files.fingerprint(shot.parent)


class MarkingCodec:
    """A stand-in for the encrypting codec: reversible, and visibly not the plain bytes."""

    def seal(self, plain: bytes) -> bytes:
        return b"SEALED" + plain[::-1]

    def open(self, sealed: bytes) -> bytes:
        if not sealed.startswith(b"SEALED"):
            raise ValueError("not sealed")
        return sealed[len(b"SEALED") :][::-1]


def test_copies_are_sealed_with_the_stores_codec_and_private(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(copies, "CHUNK_BYTES", 1000)
    data = b"the secret screenshot " * 200  # several chunks
    original = tmp_path / "shot.png"
    original.write_bytes(data)
    store = Store(home, codec=MarkingCodec())
    attachment = evidence_files.fingerprint(original, keep=True)
    log.add(store, [entry(id=0, files=(attachment,))])

    copy = home / "files" / attachment.sha256
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert b"the secret screenshot" not in copy.read_bytes()  # it went through the codec
    assert b"".join(copies.read_copy(store, attachment.sha256)) == data
    assert copies.check_copy(store, attachment.sha256) is CopyStatus.INTACT
    assert [p.name for p in copy.parent.iterdir()] == [attachment.sha256]  # no temporary files

    damaged = bytearray(copy.read_bytes())
    damaged[-3] ^= 0xFF
    copy.write_bytes(bytes(damaged))
    assert copies.check_copy(store, attachment.sha256) is CopyStatus.DAMAGED
    copy.write_bytes(copy.read_bytes()[:-500])
    assert copies.check_copy(store, attachment.sha256) is CopyStatus.DAMAGED
    copy.unlink()
    assert copies.check_copy(store, attachment.sha256) is CopyStatus.MISSING


def test_a_file_that_changes_while_it_is_copied_is_not_kept(home: Path, shot: Path) -> None:
    attachment = evidence_files.fingerprint(shot, keep=True)
    shot.write_bytes(b"something else")
    with pytest.raises(EvidenceError, match="changed while safecheck was copying"):
        log.add(Store(home), [entry(id=0, files=(attachment,))])
    assert saved(home) == ()
    assert list((home / "files").iterdir()) == []


def test_removing_an_entry_removes_only_copies_no_other_entry_uses(
    home: Path, tmp_path: Path
) -> None:
    store = Store(home)
    shared, own = tmp_path / "shared.png", tmp_path / "own.png"
    shared.write_bytes(b"shared")
    own.write_bytes(b"own")
    a = evidence_files.fingerprint(shared, keep=True)
    b = evidence_files.fingerprint(own, keep=True)
    log.add(store, [entry(id=0, files=(a, b)), entry(id=0, files=(a,))])
    assert {p.name for p in (home / "files").iterdir()} == {a.sha256, b.sha256}
    log.remove(store, 1)
    assert {p.name for p in (home / "files").iterdir()} == {a.sha256}
    log.remove(store, 2)
    assert list((home / "files").iterdir()) == []


# -- the commands -------------------------------------------------------------------------


def add_with_options(shot: Path, *extra: str) -> None:
    result = runner.invoke(
        app,
        [
            "evidence", "add", "--when", "2026-03-02 21:15", "--platform", "Instagram",
            "--account", "some.one", "--demand", "money", "--amount", "250,50",
            "--currency", "eur", "--paid", "--payment-method", "gift card",
            "--payment-reference", "ABC-123", "--note", "He wrote to my brother.",
            "--file", str(shot), "--lang", "en", *extra,
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def test_add_with_options_for_scripts(home: Path, shot: Path) -> None:
    add_with_options(shot)
    (saved_entry,) = saved(home)
    assert saved_entry.account == "some.one"
    assert saved_entry.amount == Decimal("250.50")
    assert saved_entry.currency == "EUR"
    assert saved_entry.paid is True
    assert saved_entry.demands == (Demand.MONEY,)
    (attachment,) = saved_entry.files
    assert attachment.sha256 == hashlib.sha256(shot.read_bytes()).hexdigest()
    assert attachment.kept
    assert (home / "files" / attachment.sha256).is_file()


def test_a_file_changed_on_disk_is_reported_as_changed_by_show(home: Path, shot: Path) -> None:
    add_with_options(shot)
    before = runner.invoke(app, ["evidence", "show", "1", "--lang", "en"])
    assert before.exit_code == 0
    assert "Unchanged" in before.output
    assert "CHANGED" not in before.output

    shot.write_bytes(shot.read_bytes() + b"edited")
    after = runner.invoke(app, ["evidence", "show", "1", "--lang", "en"])
    assert after.exit_code == 0
    assert "CHANGED" in after.output
    assert hashlib.sha256(shot.read_bytes()).hexdigest() in after.output  # what it is now
    assert "A copy is kept safely" in after.output

    shot.unlink()
    gone = runner.invoke(app, ["evidence", "show", "1", "--lang", "nl"])
    assert "ONTBREEKT" in gone.output


def test_the_kept_copy_brings_a_deleted_file_back(home: Path, shot: Path, tmp_path: Path) -> None:
    data = shot.read_bytes()
    add_with_options(shot)
    shot.unlink()
    out = tmp_path / "back"
    out.mkdir()
    result = runner.invoke(app, ["evidence", "restore", "1", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / shot.name).read_bytes() == data
    assert "NOT encrypted" in result.stderr
    again = runner.invoke(app, ["evidence", "restore", "1", "--output", str(out)])
    assert again.exit_code == ExitCode.USAGE
    assert "already there" in again.stderr
    assert (out / shot.name).read_bytes() == data


def test_no_copy_is_kept_when_asked_not_to(home: Path, shot: Path) -> None:
    add_with_options(shot, "--no-keep-copy")
    (saved_entry,) = saved(home)
    assert not saved_entry.files[0].kept
    assert not (home / "files").exists() or not any((home / "files").iterdir())
    result = runner.invoke(app, ["evidence", "show", "1"])
    assert "A copy is kept" not in result.output


def test_list_is_a_table_with_the_newest_last(home: Path) -> None:
    for when, account in (("2026-03-02 21:15", "second.one"), ("2026-03-01 09:00", "first.one")):
        result = runner.invoke(app, ["evidence", "add", "--when", when, "--account", account])
        assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["evidence", "list", "--lang", "en"])
    assert listed.exit_code == 0
    assert "Your evidence log" in listed.output
    assert listed.output.index("first.one") < listed.output.index("second.one")
    assert "┃" in listed.output  # a Rich table

    plain = runner.invoke(app, ["evidence", "list", "--plain"])
    assert "┃" not in plain.output
    assert plain.output.index("first.one") < plain.output.index("second.one")


def test_list_json_is_the_documented_shape(home: Path, shot: Path) -> None:
    add_with_options(shot)
    result = runner.invoke(app, ["evidence", "list", "--json"])
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(jsonout.SCHEMA_FILE.read_text(encoding="utf-8")))
    assert document["kind"] == "evidence"
    assert document["entries"][0]["account"] == "some.one"
    assert document["entries"][0]["amount"] == "250.50"


def test_an_empty_log_says_how_to_start(home: Path) -> None:
    result = runner.invoke(app, ["evidence", "list", "--lang", "nl"])
    assert "safecheck evidence add" in result.output


def test_edit_with_options_changes_only_what_is_given(home: Path, shot: Path) -> None:
    add_with_options(shot)
    result = runner.invoke(
        app, ["evidence", "edit", "1", "--payment-reference", "XYZ-9", "--note", ""]
    )
    assert result.exit_code == 0, result.output
    (changed,) = saved(home)
    assert changed.payment_reference == "XYZ-9"
    assert changed.note is None
    assert changed.account == "some.one"
    dropped = runner.invoke(app, ["evidence", "edit", "1", "--drop-file", "1"])
    assert dropped.exit_code == 0, dropped.output
    assert saved(home)[0].files == ()
    assert not any((home / "files").iterdir())  # its copy went with it
    wrong = runner.invoke(app, ["evidence", "edit", "1", "--drop-file", "4"])
    assert wrong.exit_code == ExitCode.USAGE


def test_wrong_options_say_what_is_wrong(home: Path) -> None:
    result = runner.invoke(app, ["evidence", "add", "--amount", "250", "--lang", "en"])
    assert result.exit_code == ExitCode.USAGE
    assert "an amount needs its currency" in result.stderr
    missing = runner.invoke(app, ["evidence", "show", "7"])
    assert missing.exit_code == ExitCode.USAGE
    assert "no entry 7" in missing.stderr
    assert saved(home) == ()


def test_remove_asks_first(pipe: PipeInput, home: Path, shot: Path) -> None:
    add_with_options(shot)
    pipe.send_text(keys.ENTER)  # the default answer is No
    kept = runner.invoke(app, ["evidence", "remove", "1", "--lang", "en"])
    assert kept.exit_code == 0, kept.output
    assert "Nothing removed" in kept.output
    assert len(saved(home)) == 1

    pipe.send_text("y" + keys.ENTER)
    removed = runner.invoke(app, ["evidence", "remove", "1", "--lang", "en"])
    assert removed.exit_code == 0, removed.output
    assert saved(home) == ()


def test_remove_without_a_terminal_needs_yes(home: Path, shot: Path) -> None:
    add_with_options(shot)
    refused = runner.invoke(app, ["evidence", "remove", "1"])
    assert refused.exit_code == ExitCode.NOT_INTERACTIVE
    assert len(saved(home)) == 1
    done = runner.invoke(app, ["evidence", "remove", "1", "--yes"])
    assert done.exit_code == 0
    assert saved(home) == ()


@pytest.mark.slow
def test_add_asks_one_question_at_a_time(pipe: PipeInput, home: Path, shot: Path) -> None:
    pipe.send_text(
        CTRL_U + "2026-03-02 21:15" + keys.ENTER  # when (now, filled in, is cleared)
        + "Snapchat" + keys.ENTER  # platform
        + "some.one" + keys.ENTER  # account
        + keys.ENTER  # profile link: don't know
        + "https://www.snapchat.com/add/some.one" + keys.ENTER  # where it was seen
        + "12" + keys.ENTER  # phone: too short, asked again
        + CTRL_U + "+32 470 00 00 00" + keys.ENTER
        + SPACE + keys.DOWN + SPACE + keys.ENTER  # demands: money and images
        + "veel" + keys.ENTER  # amount: not a number, asked again
        + CTRL_U + "300" + keys.ENTER
        + keys.ENTER  # currency: EUR, filled in
        + "y" + keys.ENTER  # paid? (y or n; Enter alone is no)
        + "bank transfer" + keys.ENTER
        + "NL00BANK0123456789" + keys.ENTER
        + "He said he would send it to my class." + keys.ENTER
        + str(shot) + keys.ENTER  # a file
        + keys.ENTER  # keep a copy: yes
        + keys.ENTER  # no more files
    )  # fmt: skip
    result = runner.invoke(app, ["evidence", "add", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Saved as entry 1" in result.output
    assert "it is not your fault" in " ".join(result.output.split())
    (added,) = saved(home)
    assert added.when.replace(tzinfo=None) == datetime(2026, 3, 2, 21, 15)
    assert added.platform == "Snapchat"
    assert added.profile_url is None
    assert added.url == "https://www.snapchat.com/add/some.one"
    assert added.phone == "+32 470 00 00 00"
    assert added.demands == (Demand.MONEY, Demand.IMAGES)
    assert (added.amount, added.currency, added.paid) == (Decimal("300"), "EUR", True)
    assert added.payment_reference == "NL00BANK0123456789"
    assert added.files[0].kept


@pytest.mark.slow
def test_edit_asks_again_with_the_saved_answers_filled_in(
    pipe: PipeInput, home: Path, shot: Path
) -> None:
    add_with_options(shot)
    pipe.send_text(
        keys.ENTER * 6  # when, platform, account, profile link, url, phone: as they were
        + keys.ENTER  # demands: money stays ticked
        + keys.ENTER + keys.ENTER  # amount, currency
        + keys.ENTER  # paid: yes, as saved (the saved answer comes first)
        + keys.ENTER + CTRL_U + "NEW-REF" + keys.ENTER  # method; new reference
        + keys.ENTER  # note
        + keys.ENTER  # no more files
    )  # fmt: skip
    result = runner.invoke(app, ["evidence", "edit", "1", "--lang", "en"])
    assert result.exit_code == 0, result.output
    (edited,) = saved(home)
    assert edited.payment_reference == "NEW-REF"
    assert edited.amount == Decimal("250.50")
    assert edited.paid
    assert edited.note == "He wrote to my brother."
    assert len(edited.files) == 1


def test_ctrl_c_while_adding_saves_nothing(pipe: PipeInput, home: Path) -> None:
    pipe.send_text(keys.ENTER + "Instagram" + keys.CTRL_C)
    result = runner.invoke(app, ["evidence", "add"])
    assert result.exit_code == ExitCode.INTERRUPTED
    assert saved(home) == ()


def test_add_without_a_terminal_and_without_options_says_so(home: Path) -> None:
    result = runner.invoke(app, ["evidence", "add"])
    assert result.exit_code == ExitCode.NOT_INTERACTIVE


def test_the_displays_show_an_entry_in_80_columns_and_plain(shot: Path) -> None:
    attachment = evidence_files.fingerprint(shot, keep=True)
    shown = entry(account="[bold]not markup[/bold]", note="a note", files=(attachment,))
    check = model.FileCheck(attachment, FileStatus.CHANGED, "0" * 64, CopyStatus.INTACT)
    for plain in (False, True):
        out = io.StringIO()
        display = make_display(plain=plain, file=out)
        display.evidence_entry(shown, [check], "en")
        display.evidence_table([shown], "en")
        text = out.getvalue()
        assert "[bold]not markup[/bold]" in text  # a value is never read as Rich markup
        assert attachment.sha256 in text
        assert "CHANGED" in text
        if plain:
            assert "│" not in text


# -- the importer -------------------------------------------------------------------------


IMPORT = """\
entries:
  - when: "2026-03-02 21:15"
    platform: Instagram
    account: some.one
    phone: "+32 470 00 00 00"
    demands: [money, images]
    amount: "250.50"
    currency: EUR
    paid: true
    note: |
      First line.
      Second line.
    files:
      - shot.png
      - path: other.png
        keep_copy: false
  - when: 2026-03-01 08:00:00+01:00
    account: 12345
    demands: meeting
"""


def test_the_importer_adds_every_entry(tmp_path: Path, home: Path) -> None:
    (tmp_path / "shot.png").write_bytes(b"one")
    (tmp_path / "other.png").write_bytes(b"two")
    source = tmp_path / "evidence.yaml"
    source.write_text(IMPORT, encoding="utf-8")
    result = runner.invoke(app, ["evidence", "add", "--from", str(source)])
    assert result.exit_code == 0, result.output
    first, second = saved(home)
    assert first.amount == Decimal("250.50")
    assert first.note == "First line.\nSecond line."
    assert [a.kept for a in first.files] == [True, False]
    assert first.files[0].path == str((tmp_path / "shot.png").resolve())
    assert second.when.isoformat() == "2026-03-01T08:00:00+01:00"
    assert second.account == "12345"
    assert second.demands == (Demand.MEETING,)


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("currency: EUR", "currency: euros"), 8, "ISO 4217"),
        (("paid: true", "paid: yes please"), 9, "true or false"),
        (('    phone: "+32 470 00 00 00"', "    phone: 0470000000"), 5, "in quotes"),
        (("      - shot.png", "      - gone.png"), 14, "no file"),
        (("  - when: 2026-03-01 08:00:00+01:00", "  - when: 2026-03-01"), 17, "no time"),
        (("    demands: meeting", "    demands: money\n    colour: red"), 20, "unknown key"),
        (("    currency: EUR\n", ""), 2, "needs its currency"),
    ],
)
def test_the_importer_names_file_and_line(
    tmp_path: Path, change: tuple[str, str], line: int, message: str
) -> None:
    (tmp_path / "shot.png").write_bytes(b"one")
    (tmp_path / "other.png").write_bytes(b"two")
    source = tmp_path / "evidence.yaml"
    text = IMPORT.replace(*change)
    assert text != IMPORT
    source.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError, match=message) as caught:
        importer.load_file(source, clock=clock)
    assert caught.value.path == source
    assert caught.value.line == line


def test_from_is_not_mixed_with_other_options(tmp_path: Path, home: Path) -> None:
    source = tmp_path / "evidence.yaml"
    source.write_text("entries:\n  - when: '2026-03-02 21:15'\n", encoding="utf-8")
    result = runner.invoke(app, ["evidence", "add", "--from", str(source), "--account", "x"])
    assert result.exit_code == ExitCode.USAGE
    assert "--from" in result.stderr
    assert saved(home) == ()


def test_an_importer_error_saves_nothing_and_exits_3(tmp_path: Path, home: Path) -> None:
    source = tmp_path / "evidence.yaml"
    source.write_text("entries:\n  - when: '2026-03-02 21:15'\n    amount: 5\n", encoding="utf-8")
    result = runner.invoke(app, ["evidence", "add", "--from", str(source)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert f"{source}:2" in result.stderr
    assert saved(home) == ()


# -- stored like the rest of the state ----------------------------------------------------


def test_evidence_is_stored_encrypted(home: Path, tmp_path: Path) -> None:
    username = "zebra.unicorn.4711"
    marker = b"UNMISTAKABLE-SCREENSHOT-CONTENT"
    shot = tmp_path / "shot.png"
    shot.write_bytes(marker * 50)
    result = runner.invoke(
        app, ["evidence", "add", "--account", username, "--file", str(shot), "--keep-copy"]
    )
    assert result.exit_code == 0, result.output
    stored = [path for path in home.rglob("*") if path.is_file()]
    assert any(path.parent.name == "files" for path in stored)  # the copy is there
    for path in stored:
        data = path.read_bytes()
        assert username.encode() not in data, path
        assert marker not in data, path


def test_attachment_and_entry_reject_naive_times() -> None:
    with pytest.raises(ValueError, match="UTC offset"):
        Entry(id=1, when=datetime(2026, 3, 2, 21, 15), recorded=NOW)
    assert Attachment("/x", "0" * 64, 1, NOW, False).name == "x"


# -- plain questions (screen readers) and a real terminal ----------------------------------


class TypedLines(io.StringIO):
    """Lines as typed at a terminal: a text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_plain_questions_for_the_evidence_form() -> None:
    from safecheck.ui.prompts import PlainPrompter

    out = io.StringIO()
    typed = TypedLines("\nbad\nok\n1 9\n3, 1\n\n")
    prompter = PlainPrompter("en", stdin=typed, stdout=out)

    def check(text: str) -> str | None:
        return None if text == "ok" else "Type ok."

    assert prompter.text("Platform?", default="Instagram") == "Instagram"  # Enter keeps it
    assert prompter.text("Word?", check=check) == "ok"
    choices = [("Money", Demand.MONEY), ("Images", Demand.IMAGES), ("Meeting", Demand.MEETING)]
    assert prompter.checkbox("What?", choices) == [Demand.MONEY, Demand.MEETING]
    assert prompter.checkbox("Again?", choices, checked=[Demand.IMAGES]) == [Demand.IMAGES]
    text = out.getvalue()
    assert "Platform? [Instagram]" in text
    assert "Type ok." in text
    assert "  3. Meeting" in text
    assert "  2. Images *" in text  # ticked before
    assert "That is not one of the choices" in text  # 9 was refused


@pytest.mark.terminal
def test_add_in_a_real_terminal(home: Path, shot: Path) -> None:

    import pexpect

    from tests.conftest import child_env, spawn

    child = spawn(
        ["-m", "safecheck", "evidence", "add", "--lang", "en"],
        child_env(home, PROMPT_TOOLKIT_NO_CPR="1"),
    )
    child.expect_exact("When did it happen?")
    child.send(keys.ENTER)  # now
    for question in ("platform", "account name", "profile", "where you saw", "phone number"):
        child.expect_exact(question)
        child.send("WhatsApp" + keys.ENTER if question == "platform" else keys.ENTER)
    child.expect_exact("What did they ask you for?")
    child.send(keys.DOWN + keys.DOWN + SPACE + keys.ENTER)  # a meeting
    child.expect_exact("Anything else")
    child.send(keys.ENTER)
    # The warning comes first, on screen, right before the question for files.
    child.expect(r"don't\s+add\s+the\s+intimate\s+image\s+itself")
    child.expect(r"write\s+down\s+the\s+link,\s+the\s+site\s+and\s+the\s+date")
    child.expect(r"not\s+even\s+as\s+evidence")
    assert "screenshot or other file" not in child.before
    child.expect_exact("screenshot or other file")
    child.send(str(shot) + keys.ENTER)
    child.expect_exact("Keep a copy")
    child.send(keys.ENTER)
    child.expect_exact("Another file?")
    child.send(keys.ENTER)
    child.expect_exact("Saved as entry 1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    (added,) = saved(home)
    assert added.platform == "WhatsApp"
    assert added.demands == (Demand.MEETING,)
    assert added.files[0].sha256 == hashlib.sha256(shot.read_bytes()).hexdigest()


def test_wipe_removes_the_kept_copies_too(home: Path, shot: Path) -> None:
    add_with_options(shot)
    copy = home / "files" / hashlib.sha256(shot.read_bytes()).hexdigest()
    assert copy.is_file()
    where = runner.invoke(app, ["where", "--lang", "en"])
    assert f"Kept copies of evidence files: {home / 'files'} (1)" in where.output

    result = runner.invoke(app, ["wipe", "--yes", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert str(copy) in result.output  # named among the removed files
    assert not home.exists()  # nothing left behind, the copies' folder included
    assert shot.exists()  # the original is not safecheck's to remove


def test_copies_follow_the_state_when_encryption_is_switched(home: Path, tmp_path: Path) -> None:
    marker = b"UNMISTAKABLE-SCREENSHOT-CONTENT"
    shot = tmp_path / "shot.png"
    shot.write_bytes(marker * 50)
    copy = home / "files" / hashlib.sha256(shot.read_bytes()).hexdigest()

    plain = runner.invoke(app, ["--no-encryption", "evidence", "add", "--file", str(shot)])
    assert plain.exit_code == 0, plain.output
    assert marker in copy.read_bytes()  # asked for no encryption: a plain copy

    switched = runner.invoke(app, ["--encryption", "evidence", "show", "1"])
    assert switched.exit_code == 0, switched.output
    assert marker not in copy.read_bytes()  # sealed again together with the state
    assert marker not in (home / "state").read_bytes()
    assert "A copy is kept safely" in switched.output  # and it still opens, intact
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600


@pytest.mark.terminal
def test_add_in_plain_text_warns_before_the_file_question(home: Path) -> None:

    import pexpect

    from tests.conftest import child_env, spawn

    child = spawn(
        ["-m", "safecheck", "evidence", "add", "--plain", "--lang", "en"], child_env(home)
    )
    child.expect_exact("When did it happen?")
    child.sendline("")
    for question in ("platform", "account name", "profile", "where you saw", "phone number"):
        child.expect_exact(question)
        child.sendline("")
    child.expect_exact("What did they ask you for?")
    child.sendline("")
    child.expect_exact("Anything else")
    child.sendline("")
    child.expect_exact("Before you add files: don't add the intimate image itself.")
    warning = child.after
    child.expect_exact("screenshot or other file")
    assert "write down the link, the site and the date" in child.before
    assert "\x1b" not in warning + child.before  # plain: no escape sequences
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "intimate image itself"), ("nl", "intieme beeld zelf")]
)
def test_the_form_says_the_warning_right_before_it_asks_for_files(lang: str, words: str) -> None:
    from safecheck.flows.evidence_form import ask_entry

    said: list[str] = []

    class Recorder:
        """Answers a text with its default (as Enter does), anything else with no, and
        notes each question."""

        def can_ask(self) -> bool:
            return True

        def ask(self, question: Question[T]) -> T:
            assert isinstance(question, Text | Confirm | Checkbox)
            said.append(f"asked: {question.message}")
            answer: Any = question.default if isinstance(question, Text) else []
            return cast("T", answer if not isinstance(question, Confirm) else False)

    ask_entry(Recorder(), lang, say=said.append)
    warning = next(n for n, line in enumerate(said) if words in line)
    assert not said[warning].startswith("asked:")
    files = t(
        lang,
        "A screenshot or other file that shows it? Type its path (Tab completes), or leave empty.",
    )
    assert said[warning + 1] == f"asked: {files}"  # nothing in between
    # Without a place to say it, the warning opens the question itself.
    said.clear()
    ask_entry(Recorder(), lang)
    assert said[-1].startswith(f"asked: {t(lang, FILES_WARNING)}\n")
    assert said[-1].endswith(files)
