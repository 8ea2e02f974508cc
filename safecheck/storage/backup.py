"""An encrypted backup: the whole state and every kept copy in one file, under a passphrase.

For moving to another computer, or giving to a trusted adult. The file:

    magic        17 bytes  b"SAFECHECK-BACKUP\\0"
    version       1 byte   BACKUP_VERSION
    scrypt cost   3 bytes  log2(n), r, p (as the passphrase mode of the state file)
    salt         16 bytes
    key check     8 bytes  tells a wrong passphrase apart from a damaged file
    frames                 4-byte big-endian length, then nonce + AES-256-GCM of one chunk
                           of at most CHUNK_BYTES plain bytes; the associated data of each is
                           the header above, the chunk's number (8 bytes) and 1 for the last
                           chunk, else 0: chunks cannot be dropped, swapped or cut off

The plain bytes inside: a 4-byte length and a JSON index
(`{"state": <bytes>, "copies": [{"sha256": ..., "size": ...}]}`), the state as
`state.encode` writes it, then every kept copy's bytes in the order of the index.

Restoring reads the whole backup twice: once to check every chunk, the state and every
copy's SHA-256 (nothing is written), then again to seal each copy and the state with this
computer's key. A wrong passphrase or a damaged file changes nothing. Over a saved state
(`--force`), the backup is unpacked into a new folder beside the home
(`.<home>.restoring-<time>`), which then takes the home's place in one rename; the old home
is kept aside as `<home>.before-restore-<time>`. Whatever fails before that rename (no key,
a full disk, a home that is a mount point, the program killed) leaves the old home where it
was; `aside_folders` finds every folder set aside, so each screen can name it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from safecheck.core.errors import ExitCode, NoKeyError, SafecheckError, StateError, UsageError
from safecheck.core.i18n import N_, Message, msg
from safecheck.storage import sealing
from safecheck.storage import settings as settings_file
from safecheck.storage.chain import entry_id
from safecheck.storage.copies import (
    SHA256_PATTERN,
    CopyStatus,
    Source,
    files_dir,
    find_source,
    source_chunks,
    write_copy,
)
from safecheck.storage.files import atomic_writer, fsync_dir, writing
from safecheck.storage.safefile import open_regular
from safecheck.storage.sealing import MIN_PASSPHRASE, Cost, PassphraseAsker
from safecheck.storage.state import State, decode, encode
from safecheck.storage.swap import ASIDE_SUFFIX, RESTORING_SUFFIX, exchange, free_name

if TYPE_CHECKING:
    from safecheck.storage.store import Store

MAGIC = b"SAFECHECK-BACKUP\x00"
BACKUP_VERSION = 1
SALT_BYTES = 16
CHECK_BYTES = 8
CHUNK_BYTES = 1024 * 1024
PASSPHRASE_ENV = "SAFECHECK_BACKUP_PASSPHRASE"
_LENGTH = struct.Struct(">I")
_HEADER_BYTES = len(MAGIC) + 1 + 3 + SALT_BYTES + CHECK_BYTES
_MAX_FRAME = CHUNK_BYTES + 64


class BackupError(SafecheckError):
    """A backup that cannot be written or opened; nothing was changed."""

    exit_code = ExitCode.BAD_INPUT


class StateThere(UsageError):
    """A restore over a saved state, without --force."""


@dataclass(frozen=True, slots=True)
class Summary:
    path: Path
    entries: int  # records in the evidence chain that hold an entry now (for the message)
    copies: int
    aside: Path | None = None
    problems: tuple[Source, ...] = ()  # kept copies damaged or missing (see `create`)


# --- the passphrase --------------------------------------------------------------------------


def passphrase(
    asker: PassphraseAsker | None,
    *,
    new: bool,
    environ: Mapping[str, str] | None = None,
    warn: Callable[[Message], None] = lambda message: None,
) -> str:
    """SAFECHECK_BACKUP_PASSPHRASE, else asked in the terminal (twice for a new backup)."""
    env = os.environ if environ is None else environ
    given = env.get(PASSPHRASE_ENV)
    if given:
        if new and len(given) < MIN_PASSPHRASE:
            raise BackupError(
                msg(
                    "A backup needs a passphrase: run this in a terminal, or set "
                    "SAFECHECK_BACKUP_PASSPHRASE (at least {n} characters).",
                    n=MIN_PASSPHRASE,
                )
            )
        return given
    if asker is None or not asker.can_ask():
        raise NoKeyError(
            msg(
                "A backup needs a passphrase: run this in a terminal, or set "
                "SAFECHECK_BACKUP_PASSPHRASE (at least {n} characters).",
                n=MIN_PASSPHRASE,
            )
        )
    if not new:
        return asker.password(msg("The backup's passphrase:"))

    def problem(text: str) -> Message | None:
        if len(text) < MIN_PASSPHRASE:
            return msg("At least {n} characters, please.", n=MIN_PASSPHRASE)
        return None

    while True:
        first = asker.password(
            msg(
                "Choose a passphrase for the backup (at least {n} characters):",
                n=MIN_PASSPHRASE,
            ),
            problem=problem,
        )
        if asker.password(msg("Type the backup passphrase again:")) == first:
            return first
        warn(msg("The two passphrases differ. Try again."))


# --- writing ---------------------------------------------------------------------------------


def create(
    store: Store,
    target: Path,
    secret: str,
    originals: Mapping[str, Sequence[Path]] | None = None,
) -> Summary:
    """Write the whole state and every kept copy to `target` (a new file), encrypted.

    A kept copy that is damaged or missing is taken from its original file (one of
    `originals[sha256]`) when that still has the SHA-256, and left out otherwise; either
    way it is named in `Summary.problems`, and the backup is still made.
    """
    from safecheck.storage import crypto

    target = target.expanduser()
    with store.locked():
        state = store.load()
        state_bytes = encode(state)
        copies, sources, problems = _kept_copies(store, originals or {})
        salt = os.urandom(SALT_BYTES)
        cost = sealing.SCRYPT_COST  # the state file's cost, one setting for both
        key = _derive(secret, salt, cost)
        header = (
            MAGIC + bytes([BACKUP_VERSION, cost.log2_n, cost.r, cost.p]) + salt
            + crypto.key_check(key)
        )  # fmt: skip
        plain_settings = settings_file.read(store.home)
        chosen: dict[str, object] = {  # never the key source: that is this computer's
            "region": plain_settings.region,
            "lang": plain_settings.lang,
            "discreet": plain_settings.discreet,
        }
        index = {"state": len(state_bytes), "copies": copies, "settings": chosen}

        def plain() -> Iterator[bytes]:
            head = json.dumps(index, sort_keys=True).encode("utf-8")
            yield _LENGTH.pack(len(head)) + head
            yield state_bytes
            for source in sources:
                yield from source_chunks(store, source)

        there = msg(
            "{path} is already there; a backup is never written over a file. Choose another name.",
            path=target,
        )
        with writing(target, there, BackupError), atomic_writer(target, replace=False) as out:
            out.write(header)
            for number, (chunk, last) in enumerate(_rechunk(plain())):
                sealed = crypto.encrypt(key, chunk, _associated(header, number, last))
                out.write(_LENGTH.pack(len(sealed)) + sealed)
    return Summary(target, _entry_count(state), len(copies), problems=problems)


def _kept_copies(
    store: Store, originals: Mapping[str, Sequence[Path]]
) -> tuple[list[dict[str, object]], list[Source], tuple[Source, ...]]:
    """The copies that go in (index rows and where their bytes come from), and the problems."""
    folder = files_dir(store)
    wanted = set(originals)
    if folder.is_dir():
        wanted |= {path.name for path in folder.iterdir() if SHA256_PATTERN.match(path.name)}
    found: list[dict[str, object]] = []
    sources: list[Source] = []
    problems: list[Source] = []
    for sha256 in sorted(wanted):
        source = find_source(store, sha256, originals.get(sha256, ()))
        if source.copy is CopyStatus.MISSING and sha256 not in originals:
            continue  # a name that vanished meanwhile, of no entry
        if source.copy is not CopyStatus.INTACT:
            problems.append(source)
        if source.usable:
            size = sum(len(chunk) for chunk in source_chunks(store, source))
            found.append({"sha256": sha256, "size": size})
            sources.append(source)
    return found, sources, tuple(problems)


def _rechunk(parts: Iterator[bytes]) -> Iterator[tuple[bytes, bool]]:
    """The bytes of `parts` in chunks of CHUNK_BYTES, each with whether it is the last."""
    buffer = b""
    pending: bytes | None = None
    for part in parts:
        buffer += part
        while len(buffer) >= CHUNK_BYTES:
            if pending is not None:
                yield pending, False
            pending, buffer = buffer[:CHUNK_BYTES], buffer[CHUNK_BYTES:]
    if buffer or pending is None:
        if pending is not None:
            yield pending, False
        yield buffer, True
    else:
        yield pending, True


def _associated(header: bytes, number: int, last: bool) -> bytes:
    return header + number.to_bytes(8, "big") + (b"\x01" if last else b"\x00")


def _derive(secret: str, salt: bytes, cost: Cost) -> bytes:
    from safecheck.storage import crypto

    return crypto.derive_key(secret, salt, log2_n=cost.log2_n, r=cost.r, p=cost.p)


def _entry_count(state: State) -> int:
    live: set[int | None] = set()
    for record in state.evidence:
        if record.get("action") == "remove":
            live.discard(entry_id(record))
        else:
            live.add(entry_id(record))
    return len(live)


# --- reading ---------------------------------------------------------------------------------


class _Reader:
    """The plain bytes of a backup, chunk by chunk, each checked before it is given."""

    def __init__(self, path: Path, secret: str) -> None:
        self.path = path
        try:
            with open_regular(path) as handle:  # a FIFO is never waited on
                self.header = handle.read(_HEADER_BYTES)
        except OSError as error:
            raise BackupError(
                msg(
                    "{path}: cannot be read ({reason}). Nothing was changed.",
                    path=path,
                    reason=error.strerror,
                )
            ) from None
        if not self.header.startswith(MAGIC):
            raise BackupError(
                msg("{path}: this is not a safecheck backup. Nothing was changed.", path=path)
            )
        if len(self.header) < _HEADER_BYTES:
            raise self.damaged(N_("it is cut off"))
        version = self.header[len(MAGIC)]
        if version > BACKUP_VERSION:
            raise self.damaged(N_("it was written by a newer safecheck"))
        offset = len(MAGIC) + 1
        cost = Cost(*self.header[offset : offset + 3])
        if version != BACKUP_VERSION or not cost.reasonable():
            raise self.damaged(N_("it does not pass its integrity check"))
        salt = self.header[offset + 3 : offset + 3 + SALT_BYTES]
        check = self.header[offset + 3 + SALT_BYTES :]
        from safecheck.storage import crypto

        self.key = _derive(secret, salt, cost)
        if crypto.key_check(self.key) != check:
            raise BackupError(
                msg(
                    "{path}: the passphrase does not open this backup. Nothing was changed.",
                    path=path,
                )
            )

    def damaged(self, reason: str) -> BackupError:
        return BackupError(
            msg(
                "{path}: the backup is damaged ({reason}). Nothing was changed.",
                path=self.path,
                reason=msg(reason),
            )
        )

    def chunks(self) -> Iterator[bytes]:
        from safecheck.storage import crypto

        with open_regular(self.path) as handle:
            handle.seek(_HEADER_BYTES)
            number = 0
            frame = self._frame(handle)
            while frame is not None:
                after = self._frame(handle)
                last = after is None
                try:
                    yield crypto.decrypt(self.key, frame, _associated(self.header, number, last))
                except crypto.AuthenticationFailed:
                    raise self.damaged(N_("it does not pass its integrity check")) from None
                number += 1
                frame = after
            if number == 0:
                raise self.damaged(N_("it is cut off"))

    def _frame(self, handle: BinaryIO) -> bytes | None:
        head = handle.read(_LENGTH.size)
        if not head:
            return None
        if len(head) < _LENGTH.size:
            raise self.damaged(N_("it is cut off"))
        (length,) = _LENGTH.unpack(head)
        if length > _MAX_FRAME:
            raise self.damaged(N_("it does not pass its integrity check"))
        body = handle.read(length)
        if len(body) < length:
            raise self.damaged(N_("it is cut off"))
        return body


class _Stream:
    """Exact reads over the checked chunks of a backup."""

    def __init__(self, chunks: Iterator[bytes], fail: Callable[[], BackupError]) -> None:
        self._chunks = chunks
        self._buffer = b""
        self._fail = fail

    def take(self, size: int) -> Iterator[bytes]:
        """`size` bytes, in pieces."""
        while size > 0:
            if not self._buffer:
                self._buffer = next(self._chunks, b"")
                if not self._buffer:
                    raise self._fail()
            piece, self._buffer = self._buffer[:size], self._buffer[size:]
            size -= len(piece)
            yield piece

    def read(self, size: int) -> bytes:
        return b"".join(self.take(size))

    def at_end(self) -> bool:
        return not self._buffer and next(self._chunks, b"") == b""


def _contents(
    reader: _Reader,
) -> tuple[State, list[tuple[str, int]], _Stream, dict[str, Any]]:
    stream = _Stream(reader.chunks(), lambda: reader.damaged(N_("it is cut off")))
    try:
        (length,) = _LENGTH.unpack(stream.read(_LENGTH.size))
        index = json.loads(stream.read(length).decode("utf-8"))
        if not isinstance(index, dict) or not isinstance(index.get("copies"), list):
            raise TypeError
        copies = [(_text(c["sha256"]), _count(c["size"])) for c in index["copies"]]
        state_size = _count(index["state"])
        chosen = index.get("settings", {})  # backups made before the plain settings file: none
        if not _settings_shaped(chosen):
            raise TypeError
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, struct.error, RecursionError):
        raise reader.damaged(N_("it does not pass its integrity check")) from None
    if not all(SHA256_PATTERN.match(sha) for sha, _ in copies):
        raise reader.damaged(N_("it does not pass its integrity check"))
    try:
        state = decode(stream.read(state_size))
        _check_shape(state)
    except StateError:
        raise reader.damaged(N_("the saved state in it cannot be read")) from None
    return state, copies, stream, chosen


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError
    return value


def _settings_shaped(chosen: object) -> bool:
    """The index's settings: text or nothing for region and lang, true or false for discreet."""
    if not isinstance(chosen, dict):
        return False
    kinds: dict[str, tuple[type, ...]] = {
        "region": (str, type(None)),
        "lang": (str, type(None)),
        "discreet": (bool,),
    }
    return all(key in kinds and isinstance(chosen[key], kinds[key]) for key in chosen)


def _check_shape(state: State) -> None:
    """Everything a restore writes can be read back: each record an entry number and an
    action, the whole state encodable (a crafted state is refused before anything is written)."""
    from safecheck.storage.chain import ADD, EDIT, REMOVE

    for record in state.evidence:
        if entry_id(record) is None or record.get("action") not in (ADD, EDIT, REMOVE):
            raise StateError(N_("the saved answers have an unexpected shape"))
    if not all(isinstance(value, str | bool | int | None) for value in state.settings.values()):
        raise StateError(N_("the saved answers have an unexpected shape"))
    try:
        encode(state)
    except (ValueError, TypeError, RecursionError):
        raise StateError(N_("the saved answers have an unexpected shape")) from None


def check(path: Path, secret: str) -> tuple[State, int]:
    """Read the whole backup and check everything in it; write nothing."""
    reader = _Reader(path.expanduser(), secret)
    state, copies, stream, _ = _contents(reader)
    for sha, size in copies:
        digest = hashlib.sha256()
        for piece in stream.take(size):
            digest.update(piece)
        if digest.hexdigest() != sha:
            raise reader.damaged(N_("a kept copy in it does not match its SHA-256"))
    if not stream.at_end():
        raise reader.damaged(N_("it does not pass its integrity check"))
    return state, len(copies)


def has_state(home: Path) -> bool:
    """Whether `home` holds a saved state or kept copies (a restore would replace them)."""
    folder = home / "files"
    return (home / "state").exists() or (folder.is_dir() and any(folder.iterdir()))


def restore(
    store: Store,
    source: Path,
    secret: str,
    *,
    force: bool = False,
    clock: Callable[[], datetime] = datetime.now,
) -> Summary:
    """Restore `source` into the store's folder, sealed with the store's (this computer's) key.

    The backup is checked whole first, and the key for the new state is at hand before
    anything is written. An existing state needs `force`: the backup is then unpacked into a
    new folder beside the home, which takes the home's place in one rename, and the old home
    is kept aside as `<folder>.before-restore-<time>`. On any failure before that, the old home
    stays where it was and the new folder is removed.
    """
    source = source.expanduser()
    home = store.home
    if has_state(home) and not force:
        raise StateThere(
            msg(
                "There is already a saved state in {path}. To replace it with the backup, add "
                "--force: the current state is then kept aside first.",
                path=home,
            )
        )
    state, count = check(source, secret)
    store.prepare()  # this computer's key, before anything is written
    if not has_state(home):
        with store.locked():
            _unpack(store, source, secret, state)
        return Summary(source, _entry_count(state), count)
    from safecheck.storage.store import Store

    stamp = clock().strftime("%Y%m%dT%H%M%S")
    fresh = free_name(home.with_name(f".{home.name}{RESTORING_SUFFIX}{stamp}"))
    old_home = home.stat().st_ino
    try:
        fresh.mkdir(mode=0o700)
        with store.locked():  # no other safecheck saves into the home meanwhile
            _unpack(Store(fresh, store.codec), source, secret, state)
            exchange(fresh, home)
    except BaseException as error:
        if _inode(fresh) == old_home:  # swapped already: `fresh` is the old home, never removed
            raise
        shutil.rmtree(fresh, ignore_errors=True)
        if isinstance(error, OSError):
            raise BackupError(
                msg(
                    "The backup could not be restored into {path} ({reason}). Nothing was "
                    "changed: your saved state is where it was.",
                    path=home,
                    reason=error.strerror or error,
                )
            ) from None
        raise
    aside = free_name(home.with_name(f"{home.name}{ASIDE_SUFFIX}{stamp}"))
    try:
        fresh.rename(aside)  # it holds the old home now
        fsync_dir(home.parent)
    except OSError:
        aside = fresh  # kept under the name it has: named all the same (swap.aside_folders)
    return Summary(source, _entry_count(state), count, aside)


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


def _unpack(store: Store, source: Path, secret: str, state: State) -> None:
    """Seal every copy and the state of the (checked) backup into the store's folder."""
    reader = _Reader(source, secret)
    _, copies, stream, chosen = _contents(reader)
    for sha, size in copies:
        write_copy(
            store,
            sha,
            stream.take(size),
            lambda: reader.damaged(N_("a kept copy in it does not match its SHA-256")),
        )
    store.update(lambda _old: state)
    kept = settings_file.from_mapping(chosen)  # the key source stays this computer's
    now = settings_file.read(store.home)
    settings_file.write(
        store.home, now.changed(region=kept.region, lang=kept.lang, discreet=kept.discreet)
    )
