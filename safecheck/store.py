"""Where and how state is kept: one file, written atomically, under a lock.

The `Store` is the one small interface the rest of safecheck uses. How the bytes
are protected at rest is the `Codec`'s business, so it can be swapped.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from safecheck.errors import ExitCode, SafecheckError, StateError
from safecheck.state import State, decode, encode

STATE_FILE = "state"
LOCK_FILE = "state.lock"
LOCK_TIMEOUT_SECONDS = 30.0


class LockedError(SafecheckError):
    exit_code = ExitCode.LOCKED


class Codec(Protocol):
    """Turns plain state bytes into what is stored on disk, and back."""

    def seal(self, plain: bytes) -> bytes: ...

    def open(self, sealed: bytes) -> bytes: ...


class PlainCodec:
    def seal(self, plain: bytes) -> bytes:
        return plain

    def open(self, sealed: bytes) -> bytes:
        return sealed


def default_home() -> Path:
    """`SAFECHECK_HOME` if set, else the platform's user data folder."""
    override = os.environ.get("SAFECHECK_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path("safecheck", appauthor=False)


def open_store(home: Path | None = None) -> Store:
    """The store the commands use: the one place that decides how state is protected."""
    return Store(home or default_home())


class Store:
    def __init__(self, home: Path, codec: Codec | None = None) -> None:
        self.home = home
        self.codec: Codec = codec or PlainCodec()
        self.path = home / STATE_FILE

    def load(self) -> State:
        """The saved state, or an empty one if nothing was saved yet."""
        try:
            sealed = self.path.read_bytes()
        except FileNotFoundError:
            return State()
        except OSError as error:
            raise StateError(
                f"the saved state cannot be read ({error.strerror})", path=self.path
            ) from None
        try:
            return decode(self.codec.open(sealed))
        except StateError as error:
            raise StateError(error.message, path=self.path) from None

    def update(self, change: Callable[[State], State]) -> State:
        """Apply `change` to the newest saved state and save it, under the lock.

        Two copies of safecheck running at once each see the other's answers,
        because the state is read again after the lock is taken.
        """
        with self.locked():
            new = change(self.load())
            self._write(self.codec.seal(encode(new)))
            return new

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        ensure_private_dir(self.home)
        lock = FileLock(str(self.home / LOCK_FILE), timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        try:
            with lock:
                yield
        except Timeout:
            raise LockedError(
                "another safecheck is still saving; close it and try again",
                path=self.home / LOCK_FILE,
            ) from None

    def _write(self, data: bytes) -> None:
        try:
            atomic_write(self.path, data)
        except OSError as error:
            raise StateError(
                f"your last answer could not be saved ({error.strerror}); "
                "everything saved before it is kept",
                path=self.path,
            ) from None


def ensure_private_dir(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so a crash leaves either the old or the new file.

    Write a temporary file in the same folder (mode 0600), fsync it, rename it
    over the old one, then fsync the folder so the rename itself is durable.
    """
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
