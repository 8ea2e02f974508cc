"""Putting a new state folder in the place of the old one, and finding folders set aside.

A restore over a saved state (`storage.backup.restore`) unpacks into `.<home>.restoring-<time>`
beside the home, then swaps the two folders in one step (Linux: `renameat2` with
`RENAME_EXCHANGE`; elsewhere two renames, the first undone if the second fails), and the old
home gets the name `<home>.before-restore-<time>`. A restore cut short (the program killed)
can leave either folder beside the home: `aside_folders` finds them, so that every screen
that could show an empty log names them, and `safecheck wipe` removes them too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safecheck.core.i18n import Message

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

from safecheck.storage.files import fsync_dir

ASIDE_SUFFIX = ".before-restore-"
RESTORING_SUFFIX = ".restoring-"
PARKED_SUFFIX = ".parked"


def free_name(path: Path) -> Path:
    """`path`, or `path-1`, `path-2`... whichever is not there yet."""
    for number in range(10_000):
        candidate = path.with_name(f"{path.name}-{number}") if number else path
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(errno.EEXIST, "no free name", str(path))


def exchange(fresh: Path, home: Path) -> None:
    """Swap two folders in one step (Linux's renameat2 RENAME_EXCHANGE); elsewhere, the home
    moves to `fresh`'s name and back if the second rename fails."""
    if _rename_exchange(fresh, home):
        fsync_dir(home.parent)
        return
    parked = free_name(home.with_name(f".{home.name}{PARKED_SUFFIX}"))
    home.rename(parked)
    try:
        fresh.rename(home)
    except BaseException:
        parked.rename(home)
        raise
    parked.rename(fresh)
    fsync_dir(home.parent)


def _rename_exchange(first: Path, second: Path) -> bool:
    """True when the two were swapped; False when the system cannot swap (then nothing moved)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    if done == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # a kernel or file system that cannot swap
    raise OSError(number, os.strerror(number), str(second))


def aside_folders(home: Path) -> list[Path]:
    """Folders a restore set aside beside `home`: earlier homes, and restores cut short."""
    prefixes = (
        f"{home.name}{ASIDE_SUFFIX}",
        f".{home.name}{RESTORING_SUFFIX}",
        f".{home.name}{PARKED_SUFFIX}",
    )
    try:
        found = [path for path in home.parent.iterdir() if path.name.startswith(prefixes)]
    except OSError:
        return []
    return sorted(path for path in found if path.is_dir() and not path.is_symlink())


def tell_aside(home: Path, warn: Callable[[Message], None]) -> None:
    """Name every folder a restore set aside beside `home` (for a screen with an empty log)."""
    from safecheck.core.i18n import msg

    for folder in aside_folders(home):
        warn(
            msg(
                "An earlier safecheck folder is kept aside in {path}: what was saved before a "
                "restore (evidence too) may be there. `safecheck where` lists it, and "
                "`safecheck wipe` removes it too.",
                path=folder,
            )
        )
