"""The police bundle: one new folder (or one zip file) to hand to the police (never to a bank:
it needs only the payment details).

    report.html     the printable report: timeline, emergency plan, help lines
    report.md       the same in Markdown
    evidence.json   the evidence log in the documented export schema (schemas/export-v1.json)
    evidence.csv    one row per entry, for a spreadsheet
    files/          the kept copies, under their original names (a clash gets " (2)"); a copy
                    that is damaged or missing is replaced by its original file when that still
                    has the recorded SHA-256, and is left out otherwise (named in the report, in
                    manifest.json and on screen: the bundle is still made)
    manifest.json   every file above with its size and SHA-256, the evidence chain's last hash,
                    the export time and safecheck's version (schemas/bundle-manifest-v1.json)
    SHA256SUMS      every file, manifest.json too, as `sha256sum -c SHA256SUMS` reads it

The folder is written under a temporary name next to it and renamed when complete, so it is
new or not there at all: never merged into a folder that exists. Folders 0700, files 0600,
every file through `storage.files.atomic_writer`. Like every export, it is not encrypted.
A temporary folder left by an earlier bundle that was killed (`kill -9`, a power cut) holds
plain copies: the next bundle next to it removes it and says so (`leftovers`).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import re
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from safecheck import __version__
from safecheck.core.errors import StateError
from safecheck.core.i18n import msg
from safecheck.evidence import model
from safecheck.evidence.export import ExportError, Format, render
from safecheck.evidence.model import Attachment, Entry
from safecheck.evidence.report import CopyProblem, Report
from safecheck.storage.chain import last_hash
from safecheck.storage.copies import CopyStatus, Source, find_source, source_chunks
from safecheck.storage.files import atomic_writer, ensure_private_dir, fsync_dir, writing

if TYPE_CHECKING:
    from safecheck.storage.state import State
    from safecheck.storage.store import Store

MANIFEST_FORMAT = "safecheck-bundle"
MANIFEST_VERSION = 1
MANIFEST_SCHEMA_FILE = (
    Path(__file__).resolve().parent.parent / "schemas" / "bundle-manifest-v1.json"
)
CSV_COLUMNS = (
    "id", "when", "recorded", "platform", "account", "profile_url", "url", "phone", "demands",
    "amount", "currency", "paid", "payment_method", "payment_reference", "note", "files",
    "sha256",
)  # fmt: skip
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\\/]")  # C0 and C1 controls, DEL, slashes
# A file name stays at most this many bytes, so that the temporary name beside it
# (".NAME.XXXXXXXX.tmp", 14 bytes more) and a clash's " (99)" still fit in 255 bytes.
NAME_BYTES = 235
_FORMULA = re.compile(r"^[=+\-@\t\r]")  # what a spreadsheet could take as a formula
_NUMBER = re.compile(r"^\+?[0-9][0-9 ]*([.,][0-9]+)?$")  # a phone number or an amount only


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    entries: int
    files: int  # kept copies in files/
    problems: tuple[CopyProblem, ...] = ()  # copies damaged or missing (see CopyProblem)
    leftovers: tuple[Path, ...] = ()  # temporary folders of killed bundles, removed now


@dataclass(frozen=True, slots=True)
class _Planned:
    attachment: Attachment
    name: str  # in files/
    source: Source


@dataclass(frozen=True, slots=True)
class _Listed:
    path: str  # relative, with /
    size: int
    sha256: str


class _Sink:
    """Where the bundle's files go: a folder or a zip file. Hashes everything it writes."""

    def __init__(self) -> None:
        self.listed: list[_Listed] = []

    def write(self, name: str, chunks: Iterable[bytes]) -> _Listed:
        digest = hashlib.sha256()
        size = 0
        with self._open(name) as out:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        listed = _Listed(name, size, digest.hexdigest())
        self.listed.append(listed)
        return listed

    def _open(self, name: str) -> contextlib.AbstractContextManager[IO[bytes]]:
        raise NotImplementedError


class _FolderSink(_Sink):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def _open(self, name: str) -> contextlib.AbstractContextManager[IO[bytes]]:
        path = self.folder / name
        ensure_private_dir(path.parent)
        return atomic_writer(path, replace=False)


class _ZipSink(_Sink):
    def __init__(self, archive: zipfile.ZipFile, top: str) -> None:
        super().__init__()
        self.archive = archive
        self.top = top

    def _open(self, name: str) -> contextlib.AbstractContextManager[IO[bytes]]:
        info = zipfile.ZipInfo(f"{self.top}/{name}", date_time=_zip_time())
        info.external_attr = 0o100600 << 16  # a regular file, readable by its owner only
        info.compress_type = zipfile.ZIP_DEFLATED
        return self.archive.open(info, "w", force_zip64=True)


def _zip_time() -> tuple[int, int, int, int, int, int]:
    now = datetime.now()
    return (max(now.year, 1980), now.month, now.day, now.hour, now.minute, now.second)


def write_bundle(
    store: Store,
    state: State,
    report: Report,
    target: Path,
    *,
    as_zip: bool = False,
) -> Written:
    """Write the bundle to `target`, a folder (or zip file) that must not exist yet."""
    target = target.expanduser()
    there = msg(
        "{path} is already there. A bundle goes into a new folder: choose another name.",
        path=target,
    )
    if target.exists() or target.is_symlink():
        raise ExportError(there)
    if not target.parent.is_dir():
        raise ExportError(msg("The folder {path} does not exist.", path=target.parent))
    leftovers = remove_leftovers(target)
    with writing(target, there, ExportError):
        if as_zip:
            written = _write_zip(store, state, report, target)
        else:
            written = _write_folder(store, state, report, target)
    return replace(written, leftovers=leftovers)


_TEMP_SUFFIX = ".tmp"
_TEMP_MARK = ".safecheck-bundle"  # inside every temporary bundle folder: it is ours


def remove_leftovers(target: Path) -> tuple[Path, ...]:
    """Remove the temporary folders of earlier bundles to `target` that were killed midway.

    Only a folder named `.NAME.XXXXXXXX.tmp` that holds safecheck's mark file is removed:
    never a folder someone else made. Returns the folders removed.
    """
    removed: list[Path] = []
    pattern = re.compile(
        re.escape(f".{target.name}.") + r"[A-Za-z0-9_]{8}" + re.escape(_TEMP_SUFFIX)
    )
    with contextlib.suppress(OSError):
        for path in target.parent.iterdir():
            if not pattern.fullmatch(path.name) or path.is_symlink():
                continue
            if path.is_dir() and (path / _TEMP_MARK).is_file():
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
            elif path.is_file() and _our_zip(path, _zip_top(target)):
                path.unlink()
                removed.append(path)
    return tuple(removed)


def _our_zip(path: Path, top: str) -> bool:
    """Whether `path` is an unfinished zip bundle: its first entry is `top/report.html`."""
    expected = f"{top}/report.html".encode()
    with contextlib.suppress(OSError), path.open("rb") as handle:
        head = handle.read(30 + len(expected))
        return (
            head[:4] == b"PK\x03\x04"
            and int.from_bytes(head[26:28], "little") == len(expected)
            and head[30:] == expected
        )
    return False


def _zip_top(target: Path) -> str:
    """The one folder a zip bundle's entries are in: never "..", so no entry leaves it."""
    return safe_name(target.stem).strip(".") or "safecheck-bundle"


def _write_folder(store: Store, state: State, report: Report, target: Path) -> Written:
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=_TEMP_SUFFIX, dir=target.parent))
    try:
        temp.chmod(0o700)
        (temp / _TEMP_MARK).touch(mode=0o600)
        copies, problems = _fill(_FolderSink(temp), store, state, report)
        (temp / _TEMP_MARK).unlink()
        temp.rename(target)  # fails when a folder with anything in it appeared meanwhile
    except OSError as error:
        shutil.rmtree(temp, ignore_errors=True)
        if target.exists():
            raise FileExistsError(str(target)) from error
        raise
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    fsync_dir(target.parent)
    return Written(target, len(report.entries), copies, problems)


def _write_zip(store: Store, state: State, report: Report, target: Path) -> Written:
    top = _zip_top(target)
    with (
        atomic_writer(target, replace=False) as handle,
        zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        copies, problems = _fill(_ZipSink(archive, top), store, state, report)
    return Written(target, len(report.entries), copies, problems)


def plan_copies(store: Store, entries: Sequence[Entry]) -> list[_Planned]:
    """Every kept file once (by SHA-256), its name in files/, and where its bytes come from."""
    originals: dict[str, list[Path]] = {}
    for entry in entries:
        for attachment in entry.files:
            originals.setdefault(attachment.sha256, []).append(Path(attachment.path))
    planned: list[_Planned] = []
    seen: set[str] = set()
    taken: set[str] = set()
    for entry in entries:
        for attachment in entry.files:
            if not attachment.kept or attachment.sha256 in seen:
                continue
            seen.add(attachment.sha256)
            source = find_source(store, attachment.sha256, originals[attachment.sha256])
            name = unique_name(safe_name(attachment.name), taken)
            if source.usable:
                taken.add(name.lower())
            planned.append(_Planned(attachment, name, source))
    return planned


def planned_names(store: Store, entries: Sequence[Entry]) -> list[str]:
    """The names in files/ of the kept files a bundle of `entries` will hold."""
    return [item.name for item in plan_copies(store, entries) if item.source.usable]


def problems_of(planned: Sequence[_Planned]) -> tuple[CopyProblem, ...]:
    """The kept copies that are not intact: replaced by their original, or left out."""
    return tuple(
        CopyProblem(
            name=item.attachment.name,
            sha256=item.attachment.sha256,
            copy="missing" if item.source.copy is CopyStatus.MISSING else "damaged",
            original_used=item.source.original is not None,
        )
        for item in planned
        if item.source.copy is not CopyStatus.INTACT
    )


def _fill(
    sink: _Sink, store: Store, state: State, report: Report
) -> tuple[int, tuple[CopyProblem, ...]]:
    """Write every file of the bundle to `sink`; how many kept files went in, and the problems."""

    def text(value: str) -> list[bytes]:
        return [value.encode("utf-8")]

    planned = plan_copies(store, report.entries)
    problems = problems_of(planned)
    report = replace(report, copy_problems=problems)
    sink.write("report.html", text(render(report, Format.html)))
    sink.write("report.md", text(render(report, Format.markdown)))
    sink.write("evidence.json", text(render(report, Format.json)))
    sink.write("evidence.csv", [CSV_BOM, *text(to_csv(report.entries))])
    copies = _write_copies(sink, store, planned)
    records = list(state.evidence)
    manifest = manifest_document(sink.listed, report, last_hash(records), len(records))
    sink.write("manifest.json", text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"))
    sums = "".join(f"{item.sha256}  {item.path}\n" for item in sink.listed)
    sink.write("SHA256SUMS", text(sums))
    return copies, problems


def _write_copies(
    sink: _Sink,
    store: Store,
    planned: Sequence[_Planned],
) -> int:
    written = 0
    for item in planned:
        if not item.source.usable:
            continue
        listed = sink.write(f"files/{item.name}", source_chunks(store, item.source))
        if listed.sha256 != item.attachment.sha256:  # changed while it was being written
            raise StateError(
                msg(
                    "the kept copy of {name} is damaged: it no longer has its SHA-256.",
                    name=item.attachment.name,
                )
            )
        written += 1
    return written


def safe_name(name: str) -> str:
    """A file name that is one plain name in any folder (and one line in SHA256SUMS).

    NFC (one form on every system), no control characters (C0, DEL, C1) or slashes, and
    at most `NAME_BYTES` bytes in UTF-8: a long name is cut in its stem, never in its
    extension, and never inside a character.
    """
    cleaned = _UNSAFE_NAME.sub("_", unicodedata.normalize("NFC", name)).strip()
    if cleaned in ("", ".", ".."):
        return "file"
    return shorten(cleaned)


def shorten(name: str, limit: int = NAME_BYTES) -> str:
    """`name` cut to at most `limit` UTF-8 bytes, keeping a short extension (".jpg")."""
    if len(name.encode("utf-8")) <= limit:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not stem or len(suffix.encode("utf-8")) > 16:
        stem, dot, suffix = name, "", ""
    room = limit - len(f"{dot}{suffix}".encode())
    cut = stem.encode("utf-8")[:room].decode("utf-8", errors="ignore").rstrip()
    return f"{cut or 'file'}{dot}{suffix}"


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or `name (2).ext`, `name (3).ext`, ... when it is taken (case-insensitively)."""
    if name.lower() not in taken:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not stem:
        stem, dot, suffix = name, "", ""
    number = 2
    while True:
        candidate = f"{stem} ({number}){dot}{suffix}"
        if candidate.lower() not in taken:
            return candidate
        number += 1


CSV_BOM = "\ufeff".encode()  # so a spreadsheet in any locale reads the file as UTF-8


def _cell(value: str) -> str:
    """Text a spreadsheet shows as text: a leading quote where it could start a formula.

    Any cell starting with =, +, -, @, tab or CR gets it, except a value that is only a
    phone number or an amount (digits, spaces, one leading + and one decimal mark).
    """
    if _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def paid_text(paid: bool | None) -> str:
    """yes, no, or empty when it is not known."""
    return "" if paid is None else ("yes" if paid else "no")


def to_csv(entries: Sequence[Entry]) -> str:
    """One row per entry, under a header row of `CSV_COLUMNS` (RFC 4180; the file that holds
    it starts with a UTF-8 byte-order mark, `CSV_BOM`)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        document = model.to_dict(entry)
        row: list[str] = []
        for column in CSV_COLUMNS:
            if column == "files":
                value: Any = "; ".join(a.name for a in entry.files)
            elif column == "sha256":
                value = "; ".join(a.sha256 for a in entry.files)
            elif column == "demands":
                value = "; ".join(document["demands"])
            elif column == "paid":
                value = paid_text(entry.paid)
            else:
                value = document[column]
            row.append(_cell("" if value is None else str(value)))
        writer.writerow(row)
    return out.getvalue()


def manifest_document(
    listed: Sequence[_Listed], report: Report, chain_hash: str, records: int
) -> dict[str, Any]:
    """The manifest, in the shape of `schemas/bundle-manifest-v1.json`."""
    return {
        "format": MANIFEST_FORMAT,
        "version": MANIFEST_VERSION,
        "generated": report.generated.isoformat(),
        "safecheck_version": __version__,
        "lang": report.lang,
        "entries": len(report.entries),
        "chain": {"records": records, "last_hash": chain_hash},
        "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in listed],
        "copy_problems": [
            {
                "name": p.name,
                "sha256": p.sha256,
                "copy": p.copy,
                "instead": "original" if p.original_used else "left out",
            }
            for p in report.copy_problems
        ],
    }
