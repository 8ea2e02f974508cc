"""Sealed copies of files in the state folder: `files/<sha256>`, sealed chunk by chunk.

A kept copy of an evidence file gets the same protection as the rest of the state (it is
encrypted whenever the state is). Its format: `COPY_MAGIC`, then for every chunk of at
most `CHUNK_BYTES` plain bytes a 4-byte big-endian length and the sealed chunk. What a
copy means (which entry it belongs to) is the evidence log's business, not this module's.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from safecheck.core.errors import SafecheckError, StateError
from safecheck.core.i18n import N_
from safecheck.storage.files import atomic_writer, ensure_private_dir
from safecheck.storage.safefile import open_regular

if TYPE_CHECKING:
    from hashlib import _Hash

    from safecheck.storage.store import Store

FILES_DIR = "files"
COPY_TEMP_PATTERN = ".copy.*.tmp"
CHUNK_BYTES = 1024 * 1024
COPY_MAGIC = b"safecheck-copy\x00\x01"
SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")
_LENGTH = struct.Struct(">I")


class CopyStatus(StrEnum):
    NONE = "none"  # no copy was kept
    INTACT = "intact"
    DAMAGED = "damaged"
    MISSING = "missing"


def _sha256() -> _Hash:
    """A SHA-256 to feed. hashlib loads only where a copy is hashed: reading the state
    hashes nothing, and loading OpenSSL's library for it is ~3 ms of each start."""
    import hashlib

    return hashlib.sha256()


def chunks(handle: BinaryIO) -> Iterator[bytes]:
    """A file's bytes in chunks (a video is never read into memory whole)."""
    while chunk := handle.read(CHUNK_BYTES):
        yield chunk


def files_dir(store: Store) -> Path:
    return store.home / FILES_DIR


def copy_path(store: Store, sha256: str) -> Path:
    if not SHA256_PATTERN.match(sha256):
        raise ValueError("not a SHA-256")
    return files_dir(store) / sha256


def write_copy(
    store: Store,
    sha256: str,
    plain: Iterable[bytes],
    changed: Callable[[], SafecheckError],
) -> None:
    """Seal `plain` into `files/<sha256>` atomically; raise `changed()` if it hashes otherwise."""
    target = copy_path(store, sha256)
    ensure_private_dir(target.parent)
    digest = _sha256()
    prefix = COPY_TEMP_PATTERN.partition("*")[0]
    with atomic_writer(target, temp_prefix=prefix) as out:
        out.write(COPY_MAGIC)
        for chunk in plain:
            digest.update(chunk)
            sealed = store.codec.seal(chunk)
            out.write(_LENGTH.pack(len(sealed)))
            out.write(sealed)
        if digest.hexdigest() != sha256:
            raise changed()


def read_copy(store: Store, sha256: str) -> Iterator[bytes]:
    """The plain bytes of a kept copy, chunk by chunk. Raises `StateError` if it is damaged."""
    path = copy_path(store, sha256)
    with open_regular(path) as handle:  # a copy replaced by a FIFO is never waited on
        if handle.read(len(COPY_MAGIC)) != COPY_MAGIC:
            raise StateError(N_("a kept copy is damaged"), path=path)
        while header := handle.read(_LENGTH.size):
            if len(header) < _LENGTH.size:
                raise StateError(N_("a kept copy is cut off"), path=path)
            (length,) = _LENGTH.unpack(header)
            sealed = handle.read(length)
            if len(sealed) < length:
                raise StateError(N_("a kept copy is cut off"), path=path)
            yield store.codec.open(sealed)


def check_copy(store: Store, sha256: str) -> CopyStatus:
    """Whether the kept copy opens and still has the recorded SHA-256 (read in chunks)."""
    digest = _sha256()
    try:
        for chunk in read_copy(store, sha256):
            digest.update(chunk)
    except FileNotFoundError:
        return CopyStatus.MISSING
    except (OSError, ValueError, SafecheckError):  # unreadable, or the codec refused it
        return CopyStatus.DAMAGED
    return CopyStatus.INTACT if digest.hexdigest() == sha256 else CopyStatus.DAMAGED


class Source(NamedTuple):
    """Where the plain bytes of a kept file can be had, when a bundle or backup needs them."""

    sha256: str
    copy: CopyStatus  # INTACT, DAMAGED or MISSING
    original: Path | None = None  # the original file, still with the recorded SHA-256

    @property
    def usable(self) -> bool:
        return self.copy is CopyStatus.INTACT or self.original is not None


def _matches(path: Path, sha256: str) -> bool:
    digest = _sha256()
    try:
        with open_regular(path) as handle:
            for chunk in chunks(handle):
                digest.update(chunk)
    except (OSError, ValueError):
        return False
    return digest.hexdigest() == sha256


def find_source(store: Store, sha256: str, originals: Iterable[Path] = ()) -> Source:
    """The kept copy when it is intact, else an original that still has its SHA-256, if any."""
    status = check_copy(store, sha256)
    if status is CopyStatus.INTACT:
        return Source(sha256, status)
    for path in originals:
        if _matches(path, sha256):
            return Source(sha256, status, path)
    return Source(sha256, status)


def source_chunks(store: Store, source: Source) -> Iterator[bytes]:
    """The plain bytes of a usable `source`, chunk by chunk."""
    if source.copy is CopyStatus.INTACT:
        yield from read_copy(store, source.sha256)
        return
    if source.original is None:
        raise StateError(N_("a kept copy is damaged"), path=copy_path(store, source.sha256))
    with open_regular(source.original) as handle:
        yield from chunks(handle)


def reseal_copies(store: Store) -> None:
    """Seal every kept copy again with the store's codec (after encryption was turned on or off).

    Under the lock; a copy that cannot be opened is left as it is (`show` reports it).
    """
    with store.locked():
        for path in sorted(files_dir(store).glob("*")):
            if not SHA256_PATTERN.match(path.name):
                continue
            try:
                write_copy(store, path.name, read_copy(store, path.name), _damaged(path))
            except (OSError, ValueError, SafecheckError):
                continue


def _damaged(path: Path) -> Callable[[], SafecheckError]:
    return lambda: StateError(N_("a kept copy is damaged"), path=path)


def remove_copies_except(store: Store, wanted: set[str]) -> int:
    """Remove the copies whose SHA-256 is not in `wanted` (call under the lock); how many."""
    folder = files_dir(store)
    if not folder.is_dir():
        return 0
    removed = 0
    for path in folder.iterdir():  # only copies safecheck made: a file of its own name, no folder
        if SHA256_PATTERN.match(path.name) and path.name not in wanted and not path.is_dir():
            path.unlink(missing_ok=True)
            removed += 1
    return removed
