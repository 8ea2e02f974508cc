"""The one way safecheck writes a file: whole or not at all, durable, private.

Every save of the state, every kept copy of an evidence file and every export goes
through `atomic_writer`: a temporary file in the same folder (mode 0600), fsync,
then either a rename over the old file or an exclusive create that never replaces
a file that is there, and an fsync of the folder where the platform allows it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from safecheck.core.errors import SafecheckError
    from safecheck.core.i18n import Message

# Where a hard link cannot be made (FAT and exFAT USB sticks, some network shares).
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}


def ensure_private_dir(folder: Path) -> None:
    """The folder and its parents; each one made here is 0700, whatever the umask.

    Folders that are there already are left as they are (only what safecheck makes is
    made private). A file where a folder belongs is a `FileExistsError`, or
    `NotADirectoryError` when it sits higher up.
    """
    missing: list[Path] = []
    current = folder
    while not current.is_dir():
        if os.path.lexists(current) or current.parent == current:
            if current != folder or missing:
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(current))
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(current))
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            if not path.is_dir():
                raise
            continue  # made meanwhile by another safecheck
        if os.name == "posix":
            path.chmod(0o700)  # made here: private, whatever the umask said


def shared_with_others(folder: Path) -> str | None:
    """The mode of a folder that other users may change (group or world writable, sticky like
    /tmp, or owned by someone else), as octal text; None for a folder of this user's own."""
    if os.name != "posix":
        return None
    try:
        info = folder.stat()
    except OSError:
        return None
    import stat

    mode = stat.S_IMODE(info.st_mode)
    if mode & (0o022 | stat.S_ISVTX) or info.st_uid != os.getuid():
        return f"{mode:o}"
    return None


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (where the platform allows it)."""
    if sys.platform == "win32":
        return
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


@contextlib.contextmanager
def atomic_writer(
    path: Path, *, replace: bool = True, temp_prefix: str | None = None
) -> Iterator[BinaryIO]:
    """A handle to write `path` through: a crash leaves the old file or the new one, never half.

    With `replace=False` the file is created only if nothing is at `path` yet
    (`FileExistsError` otherwise, and nothing is written). An exception inside the
    block leaves `path` as it was and removes the temporary file.
    """
    import tempfile  # only when writing: not for reading the settings (--help, the first lines)

    prefix = temp_prefix if temp_prefix is not None else f".{path.name}."
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            temp.replace(path)
        else:
            _create_exclusively(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    fsync_dir(path.parent)


def write_atomic(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write `data` to `path` with `atomic_writer`."""
    with atomic_writer(path, replace=replace) as handle:
        handle.write(data)


def _create_exclusively(temp: Path, path: Path) -> None:
    """Give `temp` the name `path`, failing with `FileExistsError` if that name is taken."""
    try:
        os.link(temp, path)  # atomic, and never replaces a file that is there
        return
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
    # No hard links here: claim the name first, then move the finished file onto the claim.
    claim = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(claim)
    try:
        temp.replace(path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def writing(
    path: Path, there: Message, error: type[SafecheckError] | None = None
) -> Iterator[None]:
    """What goes wrong writing `path`, as one `error`: `there` when a file is in the way (one
    is never replaced), else that it cannot be written and why."""
    from safecheck.core.errors import UsageError
    from safecheck.core.i18n import msg

    kind = error or UsageError
    try:
        yield
    except FileExistsError:
        raise kind(there) from None
    except OSError as problem:
        reason = problem.strerror
        raise kind(msg("{path} cannot be written ({reason}).", path=path, reason=reason)) from None
