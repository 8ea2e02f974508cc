"""Where and how state is kept: one file, written atomically, under a lock.

The `Store` is the one small interface the rest of safecheck uses. How the bytes
are protected at rest is the `Codec`'s business (safecheck.storage.sealing), so it can be
swapped; `open_store()` is the one place that decides it for the commands.

Files in the state folder (all made private: folder 0700, files 0600):
- `state`: the saved state (see safecheck.storage.sealing for its format);
- `state.head`: where the evidence chain ended at the last save (its record count and last
  hash, `storage.chain.Head`), sealed like the state: `evidence verify` reports a state
  file put back from earlier, or records cut off the chain's end;
- `settings.toml`: the settings that reveal nothing, readable without a key
  (safecheck.storage.settings);
- `state.lock`: the lock two running copies of safecheck take turns on;
- `state.unreadable-YYYYMMDDTHHMMSS`: a state file that could not be read, kept aside;
- `.state.*.tmp`: a save in progress (left behind only by a crash; cleaned up);
- `files/<sha256>`: kept copies of evidence files, sealed with the same codec
  (safecheck.storage.copies), and `files/.copy.*.tmp`, a copy in progress.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from safecheck.core.errors import DamagedStateError, ExitCode, SafecheckError, StateError
from safecheck.core.i18n import N_, Message, msg
from safecheck.storage import settings as plain_settings
from safecheck.storage.chain import Head, head_of
from safecheck.storage.copies import COPY_TEMP_PATTERN, FILES_DIR, reseal_copies
from safecheck.storage.files import (
    ensure_private_dir,
    fsync_dir,
    shared_with_others,
    write_atomic,
)
from safecheck.storage.intent import Intent
from safecheck.storage.safefile import STATE_LIMIT, Refused, read_bytes
from safecheck.storage.settings import SETTINGS_FILE, default_home
from safecheck.storage.state import State, decode, encode

if TYPE_CHECKING:
    from safecheck.storage.sealing import PassphraseAsker

STATE_FILE = "state"
HEAD_FILE = "state.head"
HEAD_LIMIT = 4096
LOCK_FILE = "state.lock"
ASIDE_PREFIX = "state.unreadable-"
TEMP_PATTERN = f".{STATE_FILE}.*.tmp"
LOCK_TIMEOUT_SECONDS = 30.0


class LockedError(SafecheckError):
    exit_code = ExitCode.LOCKED


class Codec(Protocol):
    """Turns plain state bytes into what is stored on disk, and back."""

    def seal(self, plain: bytes) -> bytes: ...

    def open(self, sealed: bytes) -> bytes: ...


class PlainCodec:
    """Bytes as they are: for tests of the store itself."""

    def seal(self, plain: bytes) -> bytes:
        return plain

    def open(self, sealed: bytes) -> bytes:
        return sealed


def open_store(
    home: Path | None = None,
    *,
    encryption: bool | None = None,
    asker: PassphraseAsker | None = None,
    warn: Callable[[Message], None] | None = None,
    intent: Intent = Intent.WRITE,
) -> Store:
    """The store the commands use: the one place that decides how state is protected.

    `encryption` is False for --no-encryption, True for --encryption, and None to
    keep what the state file already has (encrypted when there is none yet).
    `asker` asks for a passphrase when one is needed (None: never ask). The rest
    is done by `settle` (which a command may call again on the same store).
    """
    from safecheck.storage.sealing import Keys, Sealer, Source, peek

    home = home or default_home()
    say = warn or (lambda text: None)
    current = _peek_file(home / STATE_FILE, peek)
    plain = encryption is False or (encryption is None and current is Source.PLAIN)
    keys = Keys(home, asker=asker, warn=say)
    store = Store(home, Sealer(keys, encrypt=not plain))
    store.opening = Opening(warn=say, plain=plain, switch=encryption is not None)
    store.quarantine = False
    settle(store, intent)
    return store


@dataclass
class Opening:
    """How `open_store` opened a store, so `settle` does each thing once."""

    warn: Callable[[Message], None]
    plain: bool
    switch: bool = False  # --encryption or --no-encryption was given
    switched: bool = False
    warned: bool = False
    checked: bool = False


def settle(store: Store, intent: Intent, *, asker: PassphraseAsker | None = None) -> None:
    """Finish opening a store made by `open_store` for `intent`; again does only what is new.

    PEEK and CRISIS only read (the crisis screens switch the file's form when --encryption
    or --no-encryption was given); a damaged file is then reported and left where it is.
    Otherwise the folder's permissions are checked once and a damaged file is moved aside.
    With `asker`, passphrases can be asked from now on. A state file in the other form
    (plain or encrypted) than asked is re-saved at once, except to REPAIR. To WRITE, the key
    for saving is found now (a passphrase asked, or `NoKeyError`), before any question. A
    plain state is warned about, once.
    """
    from safecheck.storage.sealing import Sealer, Source, peek

    opening, codec = store.opening, store.codec
    if opening is None or not isinstance(codec, Sealer):
        return
    if asker is not None:
        store.allow_asking(asker)
    if intent is Intent.PEEK or (intent is Intent.CRISIS and not opening.switch):
        return
    store.quarantine = intent is not Intent.CRISIS
    if not opening.checked:
        opening.checked = True
        check_private(store.home, opening.warn)
    current = _peek_file(store.path, peek)
    if intent is not Intent.REPAIR and not opening.switched and current is not None:
        opening.switched = True
        if (current is Source.PLAIN) != opening.plain:
            store._anchor(store.update(lambda state: state))  # the head follows the state's form
            _reseal_copies(store)
            opening.warn(
                msg(
                    N_("Your saved answers are now stored without encryption.")
                    if opening.plain
                    else N_("Your saved answers are now encrypted."),
                )
            )
            current = _peek_file(store.path, peek)
    prepare = intent is Intent.WRITE
    if prepare and not store.path.exists():
        store.prepare()
    if not opening.warned and (current is Source.PLAIN or (prepare and opening.plain)):
        opening.warned = True
        opening.warn(
            msg(
                "Encryption is off (--no-encryption): your answers are saved as plain text in "
                "{folder}, and anyone who can read your files can read them. Run `safecheck "
                "--encryption` to turn encryption back on.",
                folder=store.home,
            )
        )


def _reseal_copies(store: Store) -> None:
    """Kept copies of evidence files follow the state into its new form (plain or encrypted)."""
    if any((store.home / FILES_DIR).glob("*")):
        reseal_copies(store)


def _peek_file(path: Path, peek: Callable[[bytes], Any]) -> Any:
    try:
        return peek(read_bytes(path, STATE_LIMIT))
    except (OSError, Refused):
        return None


class Store:
    def __init__(
        self,
        home: Path,
        codec: Codec | None = None,
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.home = home
        self.codec: Codec = codec or _default_codec(home)
        self.path = home / STATE_FILE
        self.clock = clock
        self.opening: Opening | None = None
        self.quarantine = True  # move a damaged file aside when it is read
        self._lock: Any = None
        self._damage: DamagedStateError | None = None  # what the last move aside was for
        self._key_noted: Any = None  # the key source last written to the settings file
        self._aside_told = False  # whether folders a restore set aside were looked for

    def load(self) -> State:
        """The saved state, or an empty one if nothing was saved yet.

        A damaged file, or one whose key is gone for good, is moved aside (kept,
        never written over) and reported as `DamagedStateError`; one that cannot
        be opened for now (wrong passphrase, keyring locked, newer safecheck) is
        left in place and reported. Either way the message names the way on:
        `safecheck reset`.
        """
        if os.path.lexists(self.home) and not self.home.is_dir():
            raise _home_error(self.home, FileExistsError(errno.EEXIST, "", str(self.home)))
        for _ in range(3):
            try:
                sealed = read_bytes(self.path, STATE_LIMIT)  # never a FIFO, device or 1 GB
            except Refused as refused:
                if not refused.missing:
                    raise StateError(
                        N_("the saved state cannot be read ({reason})"),
                        reason=refused.problem,
                        path=self.path,
                    ) from None
                kept = self.kept_aside()
                if kept and self._damage is not None and self._damage.values["kept"] == kept[-1]:
                    raise self._damage from None  # moved aside by this run: say why, again
                if kept:
                    raise StateError(
                        N_(
                            "Your earlier saved state could not be read and is kept as {kept}. Run "
                            "`safecheck reset` to start again with empty answers."
                        ),
                        kept=kept[-1],
                    ) from None
                return self._told_aside(self._with_plain_settings(State()))
            except OSError as error:
                raise StateError(
                    N_("the saved state cannot be read ({reason})"),
                    reason=error.strerror,
                    path=self.path,
                ) from None
            try:
                return self._told_aside(self._with_plain_settings(decode(self.codec.open(sealed))))
            except DamagedStateError as error:
                if not self.quarantine:
                    raise
                aside = self._move_aside(sealed)
                if aside is None:
                    continue  # another safecheck changed the file meanwhile: read it again
                self._damage = DamagedStateError(
                    N_(
                        "Your saved state cannot be read: {reason}. It was moved to {kept}, so nothing "
                        "is lost and nothing will be written over it. Run `safecheck reset` to start "
                        "again with empty answers."
                    ),
                    reason=error,
                    kept=aside,
                )
                raise self._damage from None
            except StateError as error:
                raise StateError(
                    N_(
                        "Your saved state cannot be opened: {reason}. The file was left as it is. Run "
                        "`safecheck reset` to move it aside and start again with empty answers."
                    ),
                    reason=error,
                    path=self.path,
                ) from None
        raise StateError(
            N_("the saved state cannot be read ({reason})"),
            reason="it keeps changing",
            path=self.path,
        )

    def _told_aside(self, state: State) -> State:
        """An empty log while a restore has set an earlier folder aside: the folder is named."""
        if not self._aside_told and not state.evidence and self.opening is not None:
            self._aside_told = True
            from safecheck.storage.swap import tell_aside

            tell_aside(self.home, self.opening.warn)
        return state

    def update(self, change: Callable[[State], State]) -> State:
        """Apply `change` to the newest saved state and save it, under the lock.

        Two copies of safecheck running at once each see the other's answers,
        because the state is read again after the lock is taken.
        """
        with self.locked():
            old = self.load()
            new = change(old)
            self._write(self.codec.seal(encode(_without_plain_settings(new))))
            if new.evidence != old.evidence or not (self.home / HEAD_FILE).exists():
                self._anchor(new)  # only when the chain changed: answers save as fast as before
            self._plain_settings_follow(new)
            return new

    def _anchor(self, state: State) -> None:
        """Keep the chain's head beside the state (after it: a crash leaves it behind, never
        ahead, and a head behind the chain still holds)."""
        try:
            write_atomic(self.home / HEAD_FILE, self.codec.seal(head_of(state.evidence).to_bytes()))
        except OSError:
            pass  # the state is saved; the head catches up at the next save

    def head(self) -> Head | None:
        """The head kept at the last save; None when none was kept yet (an older safecheck).

        A head that is there but cannot be read or opened is a `StateError`.
        """
        path = self.home / HEAD_FILE
        try:
            sealed = read_bytes(path, HEAD_LIMIT)
        except Refused as refused:
            if refused.missing:
                return None
            raise StateError(
                N_("the saved state cannot be read ({reason})"), reason=refused.problem, path=path
            ) from None
        head = Head.from_bytes(self.codec.open(sealed))
        if head is None:
            raise StateError(N_("it is not the head of an evidence chain"), path=path)
        return head

    def _with_plain_settings(self, state: State) -> State:
        """The state with the settings of the plain file (moved there on first open)."""
        plain_settings.from_state(self.home, state.settings)
        current = plain_settings.read(self.home)
        kept = _without_plain_settings(state).settings
        overlay: dict[str, Any] = {"discreet": current.discreet} if current.discreet else {}
        if current.region is not None:
            overlay["region"] = current.region
        return replace(state, settings={**kept, **overlay})

    def _plain_settings_follow(self, state: State) -> None:
        """A setting of the plain file changed through `update` is saved there."""
        region, discreet = state.settings.get("region"), state.settings.get("discreet")
        if region is None and discreet is None:
            return
        current = plain_settings.read(self.home)
        changes: dict[str, Any] = {}
        if isinstance(region, str) and region != current.region:
            changes["region"] = region
        if isinstance(discreet, bool) and discreet != current.discreet:
            changes["discreet"] = discreet
        if changes:
            plain_settings.update(self.home, **changes)

    def allow_asking(self, asker: PassphraseAsker) -> bool:
        """From now on a passphrase may be asked with `asker`. True when that is new and one
        would be asked (none is given in SAFECHECK_PASSPHRASE)."""
        from safecheck.storage.sealing import PASSPHRASE_ENV

        keys = getattr(self.codec, "keys", None)
        if keys is None or keys.asker is not None:
            return False
        keys.asker = asker
        return not keys.environ.get(PASSPHRASE_ENV)

    def prepare(self) -> None:
        """Have the key for saving ready now; under the lock, so two first starts share one key."""
        ready = getattr(self.codec, "ready", None)
        if ready is not None:
            with self.locked():
                ready()

    def start_fresh(self) -> None:
        """Save an empty state without reading the old one (`safecheck reset`)."""
        with self.locked():
            self._write(self.codec.seal(encode(State())))
            self._anchor(State())

    def move_aside(self) -> Path | None:
        """Keep the state file aside as `state.unreadable-<time>`; None when there is none."""
        with self.locked():
            if not self.path.exists():
                return None
            return self._rename_aside()

    def kept_aside(self) -> list[Path]:
        """State files moved aside, oldest first."""
        return sorted(self.home.glob(f"{ASIDE_PREFIX}*"))

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the state lock (re-entrant within this store)."""
        if self._lock is None:
            from filelock import FileLock

            refuse_shared(self.home)
            try:
                ensure_private_dir(self.home)
            except OSError as error:
                raise _home_error(self.home, error) from None
            self._lock = FileLock(
                str(self.home / LOCK_FILE), timeout=LOCK_TIMEOUT_SECONDS, mode=0o600
            )
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout:
            raise LockedError(
                N_("another safecheck is still saving; close it and try again"),
                path=self.home / LOCK_FILE,
            ) from None
        except OSError as error:  # a link or a folder in its place, no free inode, ...
            raise StateError(
                N_(
                    "the lock file cannot be made or opened ({reason}). If something other than "
                    "a file is at its place (a link, a folder), move it away: safecheck makes "
                    "the lock file again"
                ),
                reason=error.strerror or error,
                path=self.home / LOCK_FILE,
            ) from None
        try:
            if self._lock.lock_counter == 1:
                self._remove_leftovers()
            yield
        finally:
            self._lock.release()

    def _move_aside(self, sealed: bytes) -> Path | None:
        with self.locked():
            try:
                current = read_bytes(self.path, STATE_LIMIT)
            except Refused:  # gone, or no longer a regular file: nothing of ours to move
                return None
            if current != sealed:
                return None
            return self._rename_aside()

    def _rename_aside(self) -> Path:
        stamp = self.clock().strftime("%Y%m%dT%H%M%S")
        for number in count():
            aside = self.home / f"{ASIDE_PREFIX}{stamp}{f'-{number}' if number else ''}"
            if not aside.exists():  # under the lock: nothing else names files here
                break
        self.path.rename(aside)
        fsync_dir(self.home)
        return aside

    def _remove_leftovers(self) -> None:
        """A temporary file seen while holding the lock is from a save that crashed."""
        leftovers = [*self.home.glob(TEMP_PATTERN), *self.home.glob(f".{HEAD_FILE}.*.tmp")]
        leftovers += (self.home / FILES_DIR).glob(COPY_TEMP_PATTERN)
        for temp in leftovers:
            if temp.is_file() and not temp.is_symlink():  # only what a save of safecheck's made
                with contextlib.suppress(OSError):
                    temp.unlink()

    def _write(self, data: bytes) -> None:
        try:
            write_atomic(self.path, data)
        except OSError as error:
            raise StateError(
                N_(
                    "your last answer could not be saved ({reason}); everything saved before it is "
                    "kept"
                ),
                reason=error.strerror,
                path=self.path,
            ) from None
        self._note_key(data)

    def _note_key(self, data: bytes) -> None:
        """The plain settings say what protects the state (read without opening it)."""
        from safecheck.storage.sealing import Source, peek

        try:
            source = peek(data)
        except SafecheckError:
            return
        if source is None or source is self._key_noted:
            return
        self._key_noted = source
        name = {Source.PLAIN: "plain", Source.KEYRING: "keyring", Source.PASSPHRASE: "passphrase"}
        if plain_settings.read(self.home).key != name[source]:
            plain_settings.update(self.home, key=name[source])


def _without_plain_settings(state: State) -> State:
    moved = plain_settings.MOVED_FROM_STATE
    if not any(key in state.settings for key in moved):
        return state
    return replace(state, settings={k: v for k, v in state.settings.items() if k not in moved})


def _default_codec(home: Path) -> Codec:
    """Opens any state file with the keys at hand; saves encrypted (never plain)."""
    from safecheck.storage.sealing import Keys, Sealer

    return Sealer(Keys(home))


def own_files(home: Path) -> list[Path]:
    """Every file safecheck makes in its folder, that is there now."""
    if not home.is_dir():
        return []
    names = [home / STATE_FILE, home / HEAD_FILE, home / SETTINGS_FILE, home / LOCK_FILE]
    found = names + sorted(home.glob(f"{ASIDE_PREFIX}*")) + sorted(home.glob(TEMP_PATTERN))
    found += sorted(home.glob(f".{SETTINGS_FILE}.*.tmp")) + sorted(home.glob(f".{HEAD_FILE}.*.tmp"))
    files = home / FILES_DIR
    if files.is_dir() and not files.is_symlink():
        found += sorted(files.iterdir())
    return [path for path in found if path.is_symlink() or path.is_file()]  # never a folder


def _home_error(home: Path, error: OSError) -> StateError:
    if isinstance(error, FileExistsError | NotADirectoryError):
        return StateError(
            N_(
                "this is not a folder, so safecheck cannot keep its files here. Set "
                "SAFECHECK_HOME to a folder (safecheck makes it), or move this file away"
            ),
            path=Path(error.filename) if error.filename else home,
        )
    return StateError(
        N_("the folder cannot be made ({reason})"), reason=error.strerror or error, path=home
    )


def refuse_shared(home: Path) -> None:
    """A home other users may change is never used, nor changed (a shared folder like /tmp)."""
    mode = shared_with_others(home)
    if mode is not None:
        raise StateError(
            N_(
                "other users can change this folder (mode {mode}), so safecheck keeps nothing "
                "private here and leaves it as it is. Set SAFECHECK_HOME to a new folder of your "
                "own: safecheck makes it, private"
            ),
            mode=mode,
            path=home,
        )


def check_private(home: Path, warn: Callable[[Message], None]) -> None:
    """Folder 0700 and files 0600: anything looser is fixed, and the person is told.

    A home other users can change is refused (`refuse_shared`) and never changed.
    """
    if os.name != "posix" or not home.is_dir():
        return

    refuse_shared(home)
    for folder in (home, home / FILES_DIR):
        if not folder.is_dir() or folder.is_symlink():
            continue
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            folder.chmod(0o700)
            warn(
                msg(
                    "The folder {path} could be opened by other users (mode {mode}); safecheck "
                    "made it private (700).",
                    path=folder,
                    mode=f"{mode:o}",
                )
            )
    for path in own_files(home):
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode):
            continue
        mode = stat.S_IMODE(info.st_mode)
        if mode & 0o077:
            path.chmod(0o600)
            warn(
                msg(
                    "The file {path} could be read by other users (mode {mode}); safecheck made it "
                    "private (600).",
                    path=path,
                    mode=f"{mode:o}",
                )
            )
