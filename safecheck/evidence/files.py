"""The files behind evidence entries: fingerprints, kept copies, and getting a copy back.

Files are fingerprinted (SHA-256, size, modification time) by reading them in chunks,
never whole. On request a copy is kept in the state folder (`storage.copies`), with the
same protection as the rest of the state.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from safecheck.core.errors import StateError
from safecheck.core.i18n import msg
from safecheck.evidence.model import Attachment, EvidenceError, FileCheck, FileStatus
from safecheck.storage.copies import (
    CopyStatus,
    Source,
    check_copy,
    chunks,
    copy_path,
    read_copy,
    source_chunks,
    write_copy,
)
from safecheck.storage.files import atomic_writer, ensure_private_dir
from safecheck.storage.safefile import open_regular as open_regular  # tests spy on it here

if TYPE_CHECKING:
    from safecheck.storage.store import Store


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in chunks (a video is never read into memory whole)."""
    digest = hashlib.sha256()
    with open_regular(path) as handle:  # a file replaced by a FIFO is never waited on
        for chunk in chunks(handle):
            digest.update(chunk)
    return digest.hexdigest()


def fingerprint(path: Path, *, keep: bool = False) -> Attachment:
    """Path, SHA-256, size and modification time of a file a person names."""
    where = path.expanduser()
    try:
        where = where.resolve(strict=True)
        if not where.is_file():
            raise EvidenceError(
                msg("{path} is not a regular file (a folder, pipe or device).", path=path)
            )
        info = where.stat()
        digest = sha256_of(where)
    except FileNotFoundError:
        raise EvidenceError(msg("there is no file {path}.", path=path)) from None
    except RuntimeError:  # Path.resolve on a link loop
        raise EvidenceError(
            msg("{path} cannot be read ({reason}).", path=path, reason="a link loop")
        ) from None
    except OSError as error:
        raise EvidenceError(
            msg("{path} cannot be read ({reason}).", path=path, reason=error.strerror)
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


def keep_copy(
    store: Store,
    attachment: Attachment,
) -> None:
    """Seal the file into `files/<sha256>` (atomically, mode 0600), unless it is there.

    The file is read once more, chunk by chunk; if it no longer hashes to what was
    recorded (changed in between), nothing is kept and the person is told.
    """
    if copy_path(store, attachment.sha256).exists():
        return

    def changed() -> EvidenceError:
        return EvidenceError(
            msg(
                "{path} changed while safecheck was copying it; nothing was saved. Try again.",
                path=attachment.path,
            )
        )

    try:
        with open_regular(Path(attachment.path)) as source:
            write_copy(store, attachment.sha256, chunks(source), changed)
    except OSError as error:  # a full disk, mostly: a saving error (exit 4), not a usage one
        raise StateError(
            msg(
                "no copy of {path} could be kept ({reason}); nothing was saved.",
                path=attachment.path,
                reason=error.strerror,
            )
        ) from None


def restore_copy(
    store: Store, attachment: Attachment, target: Path, source: Source | None = None
) -> None:
    """Write the kept copy of `attachment` to `target` (a new file), checked against its hash.

    With a usable `source` (`storage.copies.find_source`), its bytes: the kept copy, or the
    original when the copy is damaged. A folder that does not exist yet is made, private to
    this user (0700).
    """
    digest = hashlib.sha256()
    plain = read_copy(store, attachment.sha256) if source is None else source_chunks(store, source)
    try:
        ensure_private_dir(target.parent)
        with atomic_writer(target, replace=False) as out:
            for chunk in plain:
                digest.update(chunk)
                out.write(chunk)
            if digest.hexdigest() != attachment.sha256:
                raise StateError(
                    msg(
                        "the kept copy of {name} is damaged: it no longer has its SHA-256.",
                        name=attachment.name,
                    )
                )
    except FileExistsError:
        raise EvidenceError(
            msg(
                "{path} is already there; choose another name, or add --force to replace it.",
                path=target,
            )
        ) from None
    except FileNotFoundError as error:
        if Path(error.filename or "") == copy_path(store, attachment.sha256):
            raise StateError(
                msg("the kept copy of {name} is missing.", name=attachment.name)
            ) from None
        raise EvidenceError(
            msg("{path} cannot be written ({reason}).", path=target, reason=error.strerror)
        ) from None
    except OSError as error:
        raise EvidenceError(
            msg("{path} cannot be written ({reason}).", path=target, reason=error.strerror)
        ) from None
