"""Open a file that someone else may have made: regular files only, and never more than a limit.

A checklist, an answers file, an evidence import or the state file could be a FIFO
(reading it waits for ever), a device such as /dev/zero (it never ends), a folder, a
dangling link or a link loop. `read_bytes` refuses all of these with a reason a person
understands, and reads at most `limit + 1` bytes, so a huge file costs no memory.

The limits are documented in the README ("Limits on files").
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any, BinaryIO

from safecheck.core.errors import SafecheckError
from safecheck.core.i18n import N_

MiB = 1 << 20
CHECKLIST_LIMIT = 1 * MiB  # a checklist, plan, workshop, quiz or help-line file
ANSWERS_LIMIT = 1 * MiB  # an answers file (`check --answers`)
EVIDENCE_IMPORT_LIMIT = 16 * MiB  # an evidence file (`evidence add --from`)
STATE_LIMIT = 256 * MiB  # the saved state (evidence notes are small; files are kept apart)


class Refused(Exception):
    """The file cannot be read safely; `problem` says why, for a person, in any language."""

    def __init__(self, reason: str, *, missing: bool = False, **values: Any) -> None:
        self.problem = SafecheckError(reason, **values)  # an English message id and its values
        super().__init__(self.problem.message)
        self.missing = missing  # nothing at all is there (not even a link)

    @property
    def reason(self) -> str:
        """Why, in English."""
        return self.problem.message


def _size(limit: int) -> str:
    return f"{limit // MiB} MiB" if limit >= MiB else f"{limit} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return N_("a folder")
    if stat.S_ISFIFO(mode):
        return N_("a pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("a device")
    if stat.S_ISSOCK(mode):
        return N_("a socket")
    return "not a regular file"


def _not_regular(mode: int) -> Refused:
    kind = _kind(mode)
    if kind == "not a regular file":
        return Refused(N_("this is not a regular file"))
    return Refused(N_("this is {kind}, not a regular file"), kind=SafecheckError(kind))


def _open_error(path: Path, error: OSError) -> Refused:
    if error.errno == errno.ENOENT:
        if path.is_symlink():
            return Refused(N_("this is a link to a file that does not exist"))
        return Refused(N_("there is no such file"), missing=True)
    if error.errno == errno.ELOOP:
        return Refused(N_("this link points in a loop (a link to itself)"))
    if error.errno == errno.EISDIR:
        return Refused(N_("this is a folder, not a regular file"))
    if error.errno in (errno.EACCES, errno.EPERM):
        return Refused(N_("you may not read this file"))
    if error.errno == errno.ENAMETOOLONG:
        return Refused(N_("the file name is too long"))
    return Refused(N_("the file cannot be read ({strerror})"), strerror=error.strerror or error)


def real_path(path: Path) -> Path:
    """`path` with its links resolved, as far as they go (`Path.resolve` raises on a loop)."""
    return Path(os.path.realpath(path))


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading when it is a regular file (never waits on a FIFO).

    Anything else raises `OSError`: `IsADirectoryError` for a folder, EINVAL otherwise.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "this is a folder", str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, _not_regular(mode).reason, str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`; `Refused` for anything else or over `limit`.

    Opened without blocking (a FIFO is not waited on), checked with fstat on the open
    file (no swap between check and read), and read up to `limit + 1` bytes.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _open_error(path, error) from None
    except ValueError:  # a NUL byte in the name
        raise Refused(N_("there is no such file")) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(info.st_mode)
        if info.st_size > limit:
            raise Refused(
                N_("the file is larger than {limit}, the limit for this kind of file"),
                limit=_size(limit),
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, MiB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise _open_error(path, error) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # it grew while being read
        raise Refused(
            N_("the file is larger than {limit}, the limit for this kind of file"),
            limit=_size(limit),
        )
    return data
