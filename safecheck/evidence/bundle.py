"""The police bundle: one new folder (or one zip file) to hand to the police, a bank or a lawyer.

    report.html     the printable report: timeline, emergency plan, help lines
    report.md       the same in Markdown
    evidence.json   the evidence log in the documented export schema (schemas/export-v1.json)
    evidence.csv    one row per entry, for a spreadsheet
    files/          the kept copies, under their original names (a clash gets " (2)")
    manifest.json   every file above with its size and SHA-256, the evidence chain's last hash,
                    the export time and safecheck's version (schemas/bundle-manifest-v1.json)
    SHA256SUMS      every file, manifest.json too, as `sha256sum -c SHA256SUMS` reads it

The folder is written under a temporary name next to it and renamed when complete, so it is
new or not there at all: never merged into a folder that exists. Folders 0700, files 0600,
every file through `storage.files.atomic_writer`. Like every export, it is not encrypted.
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
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from safecheck import __version__
from safecheck.core.errors import StateError
from safecheck.core.i18n import msg
from safecheck.evidence import model
from safecheck.evidence.export import ExportError, Format, render
from safecheck.evidence.model import Attachment, Entry
from safecheck.evidence.report import Report
from safecheck.storage.chain import last_hash
from safecheck.storage.copies import read_copy
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
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f\\/]")
_FORMULA = re.compile(r"^[=@\t\r]|^[+-][^0-9 ]")  # what a spreadsheet would take as a formula


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    entries: int
    files: int  # kept copies in files/


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
    with writing(target, there, ExportError):
        if as_zip:
            return _write_zip(store, state, report, target)
        return _write_folder(store, state, report, target)


def _write_folder(store: Store, state: State, report: Report, target: Path) -> Written:
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        temp.chmod(0o700)
        copies = _fill(_FolderSink(temp), store, state, report)
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
    return Written(target, len(report.entries), copies)


def _write_zip(store: Store, state: State, report: Report, target: Path) -> Written:
    top = target.stem or "safecheck-bundle"
    with (
        atomic_writer(target, replace=False) as handle,
        zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        copies = _fill(_ZipSink(archive, top), store, state, report)
    return Written(target, len(report.entries), copies)


def _fill(sink: _Sink, store: Store, state: State, report: Report) -> int:
    """Write every file of the bundle to `sink`; return how many kept copies went in."""

    def text(value: str) -> list[bytes]:
        return [value.encode("utf-8")]

    sink.write("report.html", text(render(report, Format.html)))
    sink.write("report.md", text(render(report, Format.markdown)))
    sink.write("evidence.json", text(render(report, Format.json)))
    sink.write("evidence.csv", text(to_csv(report.entries)))
    copies = _write_copies(sink, store, report.entries)
    records = list(state.evidence)
    manifest = manifest_document(sink.listed, report, last_hash(records), len(records))
    sink.write("manifest.json", text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"))
    sums = "".join(f"{item.sha256}  {item.path}\n" for item in sink.listed)
    sink.write("SHA256SUMS", text(sums))
    return copies


def _write_copies(
    sink: _Sink,
    store: Store,
    entries: Sequence[Entry],
) -> int:
    written: dict[str, str] = {}  # sha256 -> name in files/
    taken: set[str] = set()
    for entry in entries:
        for attachment in entry.files:
            if not attachment.kept or attachment.sha256 in written:
                continue
            name = unique_name(safe_name(attachment.name), taken)
            taken.add(name.lower())
            listed = sink.write(f"files/{name}", _copy_chunks(store, attachment))
            if listed.sha256 != attachment.sha256:
                raise StateError(
                    msg(
                        "the kept copy of {name} is damaged: it no longer has its SHA-256.",
                        name=attachment.name,
                    )
                )
            written[attachment.sha256] = name
    return len(written)


def _copy_chunks(
    store: Store,
    attachment: Attachment,
) -> Iterator[bytes]:
    try:
        yield from read_copy(store, attachment.sha256)
    except FileNotFoundError:
        raise StateError(msg("the kept copy of {name} is missing.", name=attachment.name)) from None


def safe_name(name: str) -> str:
    """A file name that is one plain name in any folder (and one line in SHA256SUMS)."""
    cleaned = _UNSAFE_NAME.sub("_", name).strip()
    return cleaned if cleaned not in ("", ".", "..") else "file"


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


def _cell(value: str) -> str:
    """Text a spreadsheet shows as text: a leading quote where it would start a formula."""
    return "'" + value if _FORMULA.match(value) else value


def to_csv(entries: Sequence[Entry]) -> str:
    """One row per entry, under a header row of `CSV_COLUMNS` (RFC 4180, UTF-8)."""
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
                value = "yes" if entry.paid else "no"
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
    }
