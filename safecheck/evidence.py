"""The evidence log: what happened, when, who, what they asked for, and the files that show it.

An `Entry` is a frozen, validated value. Everything a person types goes through the
`parse_*` functions, so the prompts, the command-line options and the YAML importer
(`load_file`) all accept and refuse exactly the same things, with the same messages.

Files are fingerprinted (SHA-256, size, modification time) by reading them in
chunks, never whole. On request a copy is kept in the state folder under
`files/<sha256>`, sealed chunk by chunk with the store's codec: the same protection
as the rest of the state, so it is encrypted whenever the state is.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import struct
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safecheck.errors import ExitCode, SafecheckError, StateError
from safecheck.i18n import t
from safecheck.safefile import EVIDENCE_IMPORT_LIMIT
from safecheck.safefile import open_regular as open_regular  # tests spy on it here
from safecheck.yamlfile import Loc, Located

if TYPE_CHECKING:
    from safecheck.state import State
    from safecheck.store import Store

CHUNK_BYTES = 1024 * 1024
COPY_MAGIC = b"safecheck-copy\x00\x01"
_LENGTH = struct.Struct(">I")

MAX_LINE = 300  # platform, account name, payment method, ...
MAX_URL = 2000
MAX_NOTE = 20_000
MAX_AMOUNT = Decimal("1e12")
MAX_DECIMALS = 4  # ISO 4217 currencies have at most four minor digits
FUTURE_TOLERANCE = timedelta(minutes=5)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class EvidenceError(SafecheckError):
    """A value for the evidence log that safecheck cannot accept, or an unknown entry."""

    exit_code = ExitCode.USAGE


class Demand(StrEnum):
    MONEY = "money"
    IMAGES = "images"
    MEETING = "meeting"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file that shows what happened, as it was when it was added."""

    path: str  # absolute
    sha256: str
    size: int
    mtime: datetime  # aware, in the local time zone of the moment it was read
    kept: bool  # a sealed copy is in the state folder: files/<sha256>

    @property
    def name(self) -> str:
        return self.path.rpartition(os.sep)[2]


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    when: datetime  # aware: the person's local time with its UTC offset
    recorded: datetime  # when this entry was written down (aware)
    platform: str | None = None
    account: str | None = None  # the perpetrator's account name
    profile_url: str | None = None
    phone: str | None = None
    demands: tuple[Demand, ...] = ()
    amount: Decimal | None = None
    currency: str | None = None  # ISO 4217
    paid: bool = False
    payment_method: str | None = None
    payment_reference: str | None = None
    note: str | None = None
    files: tuple[Attachment, ...] = ()

    def __post_init__(self) -> None:
        if self.when.tzinfo is None or self.recorded.tzinfo is None:
            raise ValueError("evidence times must carry their UTC offset")


# Fields a person can set, in the order they are asked and shown.
FIELDS = (
    "when",
    "platform",
    "account",
    "profile_url",
    "phone",
    "demands",
    "amount",
    "currency",
    "paid",
    "payment_method",
    "payment_reference",
    "note",
)


class FileStatus(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"  # the file at its path no longer has the recorded SHA-256
    MISSING = "missing"
    UNREADABLE = "unreadable"


class CopyStatus(StrEnum):
    NONE = "none"  # no copy was asked for
    INTACT = "intact"
    MISSING = "missing"
    DAMAGED = "damaged"


@dataclass(frozen=True, slots=True)
class FileCheck:
    attachment: Attachment
    status: FileStatus
    sha256_now: str | None  # what the file hashes to now, when it is there
    copy: CopyStatus


# --- parsing what a person types -----------------------------------------------------


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def local(moment: datetime) -> datetime:
    """An aware datetime; a naive one is taken as local time, with the offset of that date."""
    return moment.astimezone() if moment.tzinfo is None else moment


def parse_when(value: str | datetime, lang: str, clock: Callable[[], datetime] = now) -> datetime:
    """`2026-03-02 21:15` (local time) or ISO 8601 with an offset; never in the future."""
    if isinstance(value, datetime):
        moment = value
    else:
        text = value.strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise EvidenceError(t(lang, "evidence.error.when", value=text)) from None
        if len(text) <= len("2026-03-02"):  # a date alone: the time is not known
            raise EvidenceError(t(lang, "evidence.error.when_time", value=text))
    try:
        moment = local(moment).replace(microsecond=0)
    except (OverflowError, ValueError, OSError):
        raise EvidenceError(t(lang, "evidence.error.when", value=value)) from None
    if moment > clock() + FUTURE_TOLERANCE:
        raise EvidenceError(t(lang, "evidence.error.future", value=format_when(moment)))
    return moment


def format_when(moment: datetime) -> str:
    """How a time is shown, and can be typed back: `2026-03-02 21:15+01:00`."""
    return moment.isoformat(sep=" ", timespec="minutes" if moment.second == 0 else "seconds")


def parse_line(value: str | None, lang: str, field: str) -> str | None:
    """One line of text (empty means none)."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if _CONTROL_OR_NEWLINE.search(text):
        raise EvidenceError(t(lang, "evidence.error.one_line", field=field_label(lang, field)))
    if len(text) > MAX_LINE:
        raise EvidenceError(
            t(lang, "evidence.error.too_long", field=field_label(lang, field), limit=MAX_LINE)
        )
    return text


def parse_note(value: str | None, lang: str) -> str | None:
    if value is None:
        return None
    text = value.replace("\r\n", "\n").strip()
    if not text:
        return None
    if _CONTROL.search(text):
        raise EvidenceError(t(lang, "evidence.error.control", field=field_label(lang, "note")))
    if len(text) > MAX_NOTE:
        raise EvidenceError(
            t(lang, "evidence.error.too_long", field=field_label(lang, "note"), limit=MAX_NOTE)
        )
    return text


def parse_url(value: str | None, lang: str) -> str | None:
    """A profile link as the person copied it; `http(s)://` when it names a scheme."""
    text = parse_line(value, lang, "profile_url")
    if text is None:
        return None
    if any(char.isspace() for char in text) or len(text) > MAX_URL:
        raise EvidenceError(t(lang, "evidence.error.url", value=text))
    scheme, sep, _ = text.partition("://")
    if sep and scheme.lower() not in ("http", "https"):
        raise EvidenceError(t(lang, "evidence.error.url", value=text))
    return text


def parse_phone(value: str | None, lang: str) -> str | None:
    text = parse_line(value, lang, "phone")
    if text is None:
        return None
    if not _PHONE.match(text) or sum(char.isdigit() for char in text) < 3:
        raise EvidenceError(t(lang, "evidence.error.phone", value=text))
    return text


def parse_demands(values: Iterable[str | Demand], lang: str) -> tuple[Demand, ...]:
    """Each demand once, in the order of `Demand`."""
    chosen: set[Demand] = set()
    for value in values:
        try:
            chosen.add(Demand(str(value).strip().lower()))
        except ValueError:
            known = ", ".join(d.value for d in Demand)
            raise EvidenceError(
                t(lang, "evidence.error.demand", value=value, known=known)
            ) from None
    return tuple(demand for demand in Demand if demand in chosen)


def parse_amount(value: str | int | Decimal | None, lang: str) -> Decimal | None:
    """`250`, `250.50` or `250,50`; not negative, at most four decimals."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise EvidenceError(t(lang, "evidence.error.amount", value=value))
    text = str(value).strip().replace(" ", "")
    if not text:
        return None
    if "," in text:
        if "." in text or text.count(",") > 1:
            raise EvidenceError(t(lang, "evidence.error.amount_separators", value=text))
        text = text.replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise EvidenceError(t(lang, "evidence.error.amount", value=value)) from None
    exponent = amount.as_tuple().exponent
    if (
        not amount.is_finite()
        or amount < 0
        or amount >= MAX_AMOUNT
        or not isinstance(exponent, int)
        or exponent < -MAX_DECIMALS
    ):
        raise EvidenceError(t(lang, "evidence.error.amount", value=value))
    return Decimal(format(amount.copy_abs() if amount == 0 else amount, "f"))  # 1E+3 -> 1000


def parse_currency(value: str | None, lang: str) -> str | None:
    """An ISO 4217 code such as EUR or USD (the sign € is taken as EUR)."""
    if value is None:
        return None
    text = value.strip().upper()
    if not text:
        return None
    if text == "€":
        return "EUR"
    if not _CURRENCY.match(text):
        raise EvidenceError(t(lang, "evidence.error.currency", value=value.strip()))
    return text


def check(entry: Entry, lang: str) -> Entry:
    """Rules across fields: an amount needs its currency, and the reverse."""
    if entry.amount is not None and entry.currency is None:
        raise EvidenceError(t(lang, "evidence.error.amount_without_currency"))
    if entry.currency is not None and entry.amount is None:
        raise EvidenceError(t(lang, "evidence.error.currency_without_amount"))
    return entry


@functools.cache
def field_label(lang: str, field: str) -> str:
    return t(lang, f"evidence.field.{field}")


# --- files: fingerprints, kept copies --------------------------------------------------


def _chunks(handle: Any) -> Iterator[bytes]:
    while chunk := handle.read(CHUNK_BYTES):
        yield chunk


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in chunks (a video is never read into memory whole)."""
    digest = hashlib.sha256()
    with open_regular(path) as handle:  # a file replaced by a FIFO is never waited on
        for chunk in _chunks(handle):
            digest.update(chunk)
    return digest.hexdigest()


def fingerprint(path: Path, lang: str, *, keep: bool = False) -> Attachment:
    """Path, SHA-256, size and modification time of a file a person names."""
    where = path.expanduser()
    try:
        where = where.resolve(strict=True)
        if not where.is_file():
            raise EvidenceError(t(lang, "evidence.error.not_a_file", path=path))
        info = where.stat()
        digest = sha256_of(where)
    except FileNotFoundError:
        raise EvidenceError(t(lang, "evidence.error.no_file", path=path)) from None
    except RuntimeError:  # Path.resolve on a link loop
        raise EvidenceError(
            t(lang, "evidence.error.unreadable", path=path, reason="a link loop")
        ) from None
    except OSError as error:
        raise EvidenceError(
            t(lang, "evidence.error.unreadable", path=path, reason=error.strerror)
        ) from None
    mtime = datetime.fromtimestamp(int(info.st_mtime)).astimezone()
    return Attachment(str(where), digest, info.st_size, mtime, keep)


def check_file(store: Store | None, attachment: Attachment) -> FileCheck:
    """Is the file still at its path, with the same SHA-256? And is the kept copy intact?"""
    path = Path(attachment.path)
    sha_now: str | None = None
    try:
        sha_now = sha256_of(path)
        status = FileStatus.UNCHANGED if sha_now == attachment.sha256 else FileStatus.CHANGED
    except FileNotFoundError:
        status = FileStatus.MISSING
    except IsADirectoryError:
        status = FileStatus.CHANGED
    except OSError:
        status = FileStatus.UNREADABLE
    copy = CopyStatus.NONE
    if attachment.kept and store is not None:
        copy = check_copy(store, attachment.sha256)
    return FileCheck(attachment, status, sha_now, copy)


def files_dir(store: Store) -> Path:
    from safecheck.store import FILES_DIR

    return store.home / FILES_DIR


def copy_path(store: Store, sha256: str) -> Path:
    if not _SHA256.match(sha256):
        raise ValueError("not a SHA-256")
    return files_dir(store) / sha256


def keep_copy(store: Store, attachment: Attachment, lang: str) -> None:
    """Seal the file into `files/<sha256>` (atomically, mode 0600), unless it is there.

    The file is read once more, chunk by chunk; if it no longer hashes to what was
    recorded (changed in between), nothing is kept and the person is told.
    """
    if copy_path(store, attachment.sha256).exists():
        return
    try:
        with open_regular(Path(attachment.path)) as source:
            _write_copy(store, attachment.sha256, _chunks(source), lang, attachment.path)
    except OSError as error:  # a full disk, mostly: a saving error (exit 4), not a usage one
        raise StateError(
            t(lang, "evidence.error.copy_failed", path=attachment.path, reason=error.strerror)
        ) from None


def reseal_copies(store: Store) -> None:
    """Seal every kept copy again with the store's codec (after encryption was turned on or off).

    Under the lock; a copy that cannot be opened is left as it is (`show` reports it).
    """
    with store.locked():
        for path in sorted(files_dir(store).glob("*")):
            if not _SHA256.match(path.name):
                continue
            try:
                _write_copy(store, path.name, read_copy(store, path.name), store.lang, str(path))
            except (OSError, ValueError, SafecheckError):
                continue


def _write_copy(store: Store, sha256: str, chunks: Iterable[bytes], lang: str, source: str) -> None:
    """Write `chunks` sealed to `files/<sha256>` through a temporary file; check the hash."""
    from safecheck.store import COPY_TEMP_PATTERN, ensure_private_dir

    target = copy_path(store, sha256)
    folder = target.parent
    ensure_private_dir(folder)
    prefix, _, suffix = COPY_TEMP_PATTERN.partition("*")
    digest = hashlib.sha256()
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(COPY_MAGIC)
            for chunk in chunks:
                digest.update(chunk)
                sealed = store.codec.seal(chunk)
                out.write(_LENGTH.pack(len(sealed)))
                out.write(sealed)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != sha256:
            raise EvidenceError(t(lang, "evidence.error.changed_while_reading", path=source))
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(folder)


def read_copy(store: Store, sha256: str) -> Iterator[bytes]:
    """The plain bytes of a kept copy, chunk by chunk. Raises `StateError` if it is damaged."""
    path = copy_path(store, sha256)
    with path.open("rb") as handle:
        if handle.read(len(COPY_MAGIC)) != COPY_MAGIC:
            raise StateError("a kept copy is damaged", path=path)
        while header := handle.read(_LENGTH.size):
            if len(header) < _LENGTH.size:
                raise StateError("a kept copy is cut off", path=path)
            (length,) = _LENGTH.unpack(header)
            sealed = handle.read(length)
            if len(sealed) < length:
                raise StateError("a kept copy is cut off", path=path)
            yield store.codec.open(sealed)


def check_copy(store: Store, sha256: str) -> CopyStatus:
    """Whether the kept copy opens and still has the recorded SHA-256 (read in chunks)."""
    digest = hashlib.sha256()
    try:
        for chunk in read_copy(store, sha256):
            digest.update(chunk)
    except FileNotFoundError:
        return CopyStatus.MISSING
    except (OSError, ValueError, SafecheckError):  # unreadable, or the codec refused it
        return CopyStatus.DAMAGED
    return CopyStatus.INTACT if digest.hexdigest() == sha256 else CopyStatus.DAMAGED


def restore_copy(store: Store, attachment: Attachment, target: Path, lang: str) -> None:
    """Write the kept copy of `attachment` to `target` (a new file), checked against its hash."""
    digest = hashlib.sha256()
    folder = target.parent
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise EvidenceError(
            t(lang, "evidence.error.cannot_write", path=target, reason=error.strerror)
        ) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in read_copy(store, attachment.sha256):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != attachment.sha256:
            raise StateError(t(lang, "evidence.error.copy_damaged", name=attachment.name))
        try:
            os.link(temp, target)  # never replaces a file that is there
        except FileExistsError:
            raise EvidenceError(t(lang, "export.error.exists", path=target)) from None
    except FileNotFoundError:
        raise StateError(t(lang, "evidence.error.copy_missing", name=attachment.name)) from None
    finally:
        temp.unlink(missing_ok=True)


def collect_garbage(store: Store) -> int:
    """Remove kept copies no entry refers to any more; return how many. Under the lock."""
    folder = files_dir(store)
    if not folder.is_dir():
        return 0
    removed = 0
    with store.locked():
        wanted = {a.sha256 for entry in store.load().evidence for a in entry.files if a.kept}
        for path in folder.iterdir():
            if path.name not in wanted:
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def _fsync_dir(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


# --- the log in the store ----------------------------------------------------------------


def next_id(entries: Sequence[Entry]) -> int:
    return max((entry.id for entry in entries), default=0) + 1


def timeline(entries: Iterable[Entry]) -> list[Entry]:
    """Oldest first, newest last; entries at the same moment in the order they were added."""
    return sorted(entries, key=lambda entry: (entry.when, entry.id))


def find(state: State, entry_id: int, lang: str) -> Entry:
    for entry in state.evidence:
        if entry.id == entry_id:
            return entry
    raise EvidenceError(t(lang, "evidence.error.unknown_id", id=entry_id))


def add(store: Store, drafts: Sequence[Entry], lang: str) -> list[Entry]:
    """Save new entries (their ids are given here); copies are kept under the same lock.

    The copies are written before the state that refers to them, so a crash leaves at
    worst a copy no entry refers to (removed by the next `collect_garbage`), never an
    entry whose copy is missing.
    """
    added: list[Entry] = []

    def change(state: State) -> State:
        added.clear()
        entries = list(state.evidence)
        first = next_id(entries)
        for number, draft in enumerate(drafts):
            entry = replace(draft, id=first + number)
            for attachment in entry.files:
                if attachment.kept:
                    keep_copy(store, attachment, lang)
            entries.append(entry)
            added.append(entry)
        return state.with_evidence(tuple(entries))

    store.update(change)
    return added


def update(store: Store, entry: Entry, lang: str) -> Entry:
    """Replace the entry with the same id (copies of newly added files are kept first)."""

    def change(state: State) -> State:
        find(state, entry.id, lang)
        for attachment in entry.files:
            if attachment.kept:
                keep_copy(store, attachment, lang)
        return state.with_evidence(
            tuple(entry if each.id == entry.id else each for each in state.evidence)
        )

    store.update(change)
    collect_garbage(store)
    return entry


def remove(store: Store, entry_id: int, lang: str) -> Entry:
    removed: list[Entry] = []

    def change(state: State) -> State:
        removed[:] = [find(state, entry_id, lang)]
        return state.with_evidence(tuple(e for e in state.evidence if e.id != entry_id))

    store.update(change)
    collect_garbage(store)
    return removed[0]


# --- (de)serialising: the state file and the JSON export share this shape ---------------


def to_dict(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "when": entry.when.isoformat(),
        "recorded": entry.recorded.isoformat(),
        "platform": entry.platform,
        "account": entry.account,
        "profile_url": entry.profile_url,
        "phone": entry.phone,
        "demands": [demand.value for demand in entry.demands],
        "amount": None if entry.amount is None else str(entry.amount),
        "currency": entry.currency,
        "paid": entry.paid,
        "payment_method": entry.payment_method,
        "payment_reference": entry.payment_reference,
        "note": entry.note,
        "files": [
            {
                "path": a.path,
                "name": a.name,
                "sha256": a.sha256,
                "size": a.size,
                "mtime": a.mtime.isoformat(),
                "kept": a.kept,
            }
            for a in entry.files
        ],
    }


def from_dict(raw: object) -> Entry:
    """An entry from the saved state; anything unexpected is a `StateError`."""
    try:
        if not isinstance(raw, Mapping):
            raise TypeError
        files = raw.get("files", [])
        if not isinstance(files, list):
            raise TypeError
        return Entry(
            id=_int(raw["id"]),
            when=_aware(raw["when"]),
            recorded=_aware(raw["recorded"]),
            platform=_optional_str(raw.get("platform")),
            account=_optional_str(raw.get("account")),
            profile_url=_optional_str(raw.get("profile_url")),
            phone=_optional_str(raw.get("phone")),
            demands=tuple(Demand(_str(value)) for value in _list(raw.get("demands", []))),
            amount=None if raw.get("amount") is None else Decimal(_str(raw["amount"])),
            currency=_optional_str(raw.get("currency")),
            paid=_bool(raw.get("paid", False)),
            payment_method=_optional_str(raw.get("payment_method")),
            payment_reference=_optional_str(raw.get("payment_reference")),
            note=_optional_str(raw.get("note")),
            files=tuple(_attachment(value) for value in files),
        )
    except (TypeError, KeyError, ValueError, InvalidOperation, AttributeError):
        raise StateError("a saved evidence entry is not readable") from None


def _attachment(raw: object) -> Attachment:
    if not isinstance(raw, Mapping):
        raise TypeError
    sha = _str(raw["sha256"])
    if not _SHA256.match(sha):
        raise ValueError
    return Attachment(
        path=_str(raw["path"]),
        sha256=sha,
        size=_int(raw["size"]),
        mtime=_aware(raw["mtime"]),
        kept=_bool(raw["kept"]),
    )


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value


def _optional_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError
    return value


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError
    return value


def _aware(value: object) -> datetime:
    moment = datetime.fromisoformat(_str(value))
    if moment.tzinfo is None:
        raise ValueError
    return moment


# --- the importer: `safecheck evidence add --from FILE.yaml` ------------------------------

IMPORT_KEYS = {*FIELDS, "files"}
FILE_KEYS = {"path", "keep_copy"}


def load_file(
    path: Path,
    lang: str,
    *,
    text: str | None = None,
    clock: Callable[[], datetime] = now,
    fingerprint_files: bool = True,
) -> list[Entry]:
    """Entries from a YAML file (format in the README); every error says file:line.

    Relative file paths are taken from the YAML file's own folder. The entries have
    id 0; `add` gives them theirs. `fingerprint_files=False` checks the file names
    only (for fuzzing the parser without touching the disk).
    """
    from safecheck import yamlfile

    doc = yamlfile.load(path, text, limit=EVIDENCE_IMPORT_LIMIT)
    top = yamlfile.mapping(doc, doc.data, (), "the evidence file")
    yamlfile.no_unknown_keys(doc, top, {"entries"}, (), "the evidence file")
    if "entries" not in top:
        doc.fail((), 'the evidence file: "entries" is missing')
    raw_entries = yamlfile.sequence(doc, top["entries"], ("entries",), "entries")
    if not raw_entries:
        doc.fail(("entries",), "the evidence file needs at least one entry")
    importer = _Importer(doc, path, lang, clock, fingerprint_files)
    return [importer.entry(raw, ("entries", index)) for index, raw in enumerate(raw_entries)]


def _bounded(value: Any, key: str, lang: str, *, listed: bool = False) -> Any:
    """A value short enough to quote in a message: one value, not a list (unless `listed`)."""
    if value is None or listed and isinstance(value, list):
        return value
    if isinstance(value, list | dict | bytes):
        raise EvidenceError(t(lang, "evidence.error.one_value", field=field_label(lang, key)))
    if isinstance(value, str) and key != "note" and len(value) > MAX_LINE:
        raise EvidenceError(
            t(lang, "evidence.error.too_long", field=field_label(lang, key), limit=MAX_LINE)
        )
    return value if isinstance(value, str | bool | int | float | date) else str(value)


class _Importer:
    """Turns one YAML mapping into an `Entry`, with the line of any wrong value."""

    def __init__(
        self,
        doc: Located,
        source: Path,
        lang: str,
        clock: Callable[[], datetime],
        real_files: bool,
    ) -> None:
        self.doc = doc
        self.source = source
        self.lang = lang
        self.clock = clock
        self.real_files = real_files
        self.recorded = clock()

    def entry(self, raw: object, loc: Loc) -> Entry:
        from safecheck import yamlfile

        what = f"entry {int(loc[-1]) + 1}"
        item = yamlfile.mapping(self.doc, raw, loc, what)
        yamlfile.no_unknown_keys(self.doc, item, IMPORT_KEYS, loc, what)
        lang = self.lang

        def get(key: str, parse: Callable[[Any], Any]) -> Any:
            try:
                value = _bounded(item.get(key), key, lang, listed=key == "demands")
                return parse(value)  # never quote a bomb
            except EvidenceError as error:
                self.doc.fail((*loc, key), error.message)

        entry = Entry(
            id=0,
            when=get("when", self.when),
            recorded=self.recorded,
            platform=get("platform", self.line("platform")),
            account=get("account", self.line("account")),
            profile_url=get("profile_url", lambda v: parse_url(self.text(v), lang)),
            phone=get("phone", lambda v: parse_phone(self.phone(v), lang)),
            demands=get("demands", self.demands),
            amount=get("amount", self.amount),
            currency=get("currency", lambda v: parse_currency(self.text(v), lang)),
            paid=get("paid", self.paid),
            payment_method=get("payment_method", self.line("payment_method")),
            payment_reference=get("payment_reference", self.line("payment_reference")),
            note=get("note", lambda v: parse_note(self.text(v), lang)),
            files=self.files(item, loc),
        )
        try:
            return check(entry, lang)
        except EvidenceError as error:
            self.doc.fail(loc, error.message)

    def when(self, value: Any) -> datetime:
        if value is None:
            raise EvidenceError(t(self.lang, "evidence.error.when_missing"))
        if isinstance(value, date) and not isinstance(value, datetime):
            raise EvidenceError(t(self.lang, "evidence.error.when_time", value=value))
        if not isinstance(value, str | datetime):
            raise EvidenceError(t(self.lang, "evidence.error.when", value=value))
        return parse_when(value, self.lang, self.clock)

    def line(self, key: str) -> Callable[[Any], str | None]:
        def parse(value: Any) -> str | None:
            if isinstance(value, int) and not isinstance(value, bool):
                value = str(value)  # an account name of digits only
            return parse_line(self.text(value, key), self.lang, key)

        return parse

    def text(self, value: Any, key: str = "note") -> str | None:
        if value is not None and not isinstance(value, str):
            raise EvidenceError(t(self.lang, "evidence.error.not_text"))
        return value

    def phone(self, value: Any) -> str | None:
        if value is not None and not isinstance(value, str):
            raise EvidenceError(t(self.lang, "evidence.error.phone_quotes"))
        return value

    def demands(self, value: Any) -> tuple[Demand, ...]:
        if value is None:
            return ()
        values = value if isinstance(value, list) else [value]
        return parse_demands([_bounded(v, "demands", self.lang) for v in values], self.lang)

    def amount(self, value: Any) -> Decimal | None:
        if isinstance(value, float):
            value = repr(value)
        if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
            raise EvidenceError(t(self.lang, "evidence.error.amount", value=value))
        return parse_amount(value, self.lang)

    def paid(self, value: Any) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            raise EvidenceError(
                t(self.lang, "evidence.error.yes_no", field=field_label(self.lang, "paid"))
            )
        return value

    def files(self, item: Mapping[str, Any], loc: Loc) -> tuple[Attachment, ...]:
        from safecheck import yamlfile

        doc = self.doc
        if item.get("files") is None:
            return ()
        raw_files = yamlfile.sequence(doc, item["files"], (*loc, "files"), "files")
        attachments: list[Attachment] = []
        for index, raw in enumerate(raw_files):
            file_loc = (*loc, "files", index)
            spec = yamlfile.mapping(
                doc, {"path": raw} if isinstance(raw, str) else raw, file_loc, "a file"
            )
            yamlfile.no_unknown_keys(doc, spec, FILE_KEYS, file_loc, "a file")
            name = yamlfile.string(doc, spec.get("path"), (*file_loc, "path"), "a file: path")
            keep = spec.get("keep_copy", True)
            if not isinstance(keep, bool):
                doc.fail((*file_loc, "keep_copy"), "keep_copy must be true or false")
            if "\x00" in name:
                doc.fail((*file_loc, "path"), t(self.lang, "evidence.error.no_file", path=name))
            path = Path(name).expanduser()
            if not path.is_absolute():
                path = self.source.parent / path
            if not self.real_files:
                continue
            try:
                attachment = fingerprint(path, self.lang, keep=keep)
            except EvidenceError as error:
                doc.fail((*file_loc, "path"), error.message)
            if all(a.sha256 != attachment.sha256 for a in attachments):
                attachments.append(attachment)
        return tuple(attachments)


# --- from command-line options ------------------------------------------------------------


def from_options(
    lang: str,
    values: Mapping[str, Any],
    *,
    base: Entry | None = None,
    add_files: Sequence[Path] = (),
    drop_files: Sequence[int] = (),
    keep: bool = True,
    clock: Callable[[], datetime] = now,
) -> Entry:
    """A new entry (or `base` changed) from option values; a value of None leaves a field as is.

    An empty text clears a field. `drop_files` are 1-based numbers as `show` lists them.
    """
    entry = base or Entry(id=0, when=clock(), recorded=clock())
    parsers: dict[str, Callable[[Any], Any]] = {
        "when": lambda v: parse_when(v, lang, clock),
        "platform": lambda v: parse_line(v, lang, "platform"),
        "account": lambda v: parse_line(v, lang, "account"),
        "profile_url": lambda v: parse_url(v, lang),
        "phone": lambda v: parse_phone(v, lang),
        "demands": lambda v: parse_demands(v, lang),
        "amount": lambda v: parse_amount(v, lang),
        "currency": lambda v: parse_currency(v, lang),
        "paid": bool,
        "payment_method": lambda v: parse_line(v, lang, "payment_method"),
        "payment_reference": lambda v: parse_line(v, lang, "payment_reference"),
        "note": lambda v: parse_note(v, lang),
    }
    changes = {key: parsers[key](value) for key, value in values.items() if value is not None}
    files = list(entry.files)
    for number in sorted(set(drop_files), reverse=True):
        if not 1 <= number <= len(files):
            raise EvidenceError(t(lang, "evidence.error.file_number", number=number))
        del files[number - 1]
    for path in add_files:
        attachment = fingerprint(path, lang, keep=keep)
        if all(a.sha256 != attachment.sha256 for a in files):
            files.append(attachment)
    return check(replace(entry, **changes, files=tuple(files)), lang)


def has_values(values: Mapping[str, Any]) -> bool:
    return any(value not in (None, (), []) for value in values.values())
