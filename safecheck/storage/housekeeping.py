"""`safecheck where`, `wipe` and `reset`: showing, removing and restarting the saved state.

Each returns the lines to show; the CLI prints them. Questions (confirmations)
come in as a callable, so tests and scripts can answer them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from safecheck.core import labels
from safecheck.core.errors import DamagedStateError, NoKeyError, SafecheckError, StateError
from safecheck.core.i18n import N_, Message, msg
from safecheck.storage.copies import FILES_DIR
from safecheck.storage.keystore import Keystore, KeystoreUnavailable
from safecheck.storage.safefile import STATE_LIMIT, Refused, read_bytes
from safecheck.storage.sealing import Source, peek
from safecheck.storage.store import (
    ASIDE_PREFIX,
    LOCK_FILE,
    STATE_FILE,
    TEMP_PATTERN,
    PlainCodec,
    Store,
    own_files,
)
from safecheck.storage.swap import aside_folders

Confirm = Callable[[Message], bool]


def where(home: Path) -> list[Message]:
    """Where safecheck keeps its files and how the state is protected. Changes nothing."""
    state = home / STATE_FILE
    if not state.exists():
        how = "missing"
    else:
        try:
            source = peek(read_bytes(state, STATE_LIMIT))
        except (OSError, Refused):
            source = None
        how = {
            Source.PLAIN: "plain",
            Source.KEYRING: "keyring",
            Source.PASSPHRASE: "passphrase",
            None: "unknown",
        }[source]
    keystore = Keystore(home)
    lines = [
        msg("Folder: {path}", path=home),
        msg("Saved state: {path} ({how})", path=state, how=msg(labels.WHERE_HOW[how])),
        msg("Lock file: {path}", path=home / LOCK_FILE),
    ]
    lines += [
        msg("Kept aside (could not be read): {path}", path=path)
        for path in sorted(home.glob(f"{ASIDE_PREFIX}*"))
    ]
    lines += [
        msg("Left over from an interrupted save: {path}", path=path)
        for path in sorted(home.glob(TEMP_PATTERN))
    ]
    lines += [
        msg("Kept aside by a restore (`safecheck wipe` removes it too): {path}", path=path)
        for path in aside_folders(home)
    ]
    copies = [path for path in own_files(home) if path.parent.name == FILES_DIR]
    if copies:
        lines.append(
            msg(
                "Kept copies of evidence files: {path} ({count}), protected like the state",
                path=home / FILES_DIR,
                count=len(copies),
            )
        )
    lines.append(
        msg(
            'Key in your keyring (when one is used): service "{service}", user name "{user}"',
            service=keystore.service,
            user=keystore.user,
        )
    )
    lines.append(msg("Set SAFECHECK_HOME to keep safecheck's files in another folder."))
    return lines


@dataclass
class Outcome:
    """What a command did, as lines for a person, and the error to end with, if any."""

    lines: list[Message] = field(default_factory=list)
    error: SafecheckError | None = None


def wipe(home: Path, *, keystore: Keystore | None = None) -> Outcome:
    """Remove every file safecheck made in `home`, the folder when it is left empty, and the key.

    Files safecheck did not make are left where they are, and named.
    """
    keystore = keystore or Keystore(home)
    outcome = Outcome()
    found = own_files(home)  # before the lock, which clears left-over files by itself
    if found:
        store = Store(home, PlainCodec())
        with store.locked():  # not in the middle of another safecheck's save
            found += [path for path in own_files(home) if path not in found]
            for path in found:
                if path.name != LOCK_FILE:
                    path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # kept copies' folder, when nothing else is in it
                (home / FILES_DIR).rmdir()
        lock = home / LOCK_FILE
        lock.unlink(missing_ok=True)
        found = [path for path in found if path != lock] + [lock]
    removed = found
    outcome.lines += [msg("Removed {path}", path=path) for path in removed]
    aside = aside_folders(home)
    if not removed and not aside:
        outcome.lines.append(msg("There were no safecheck files in {folder}.", folder=home))
    outcome.lines += _remove_folder(home)
    for folder in aside:  # an earlier home a restore set aside: the same files, the same key
        gone = own_files(folder)
        for path in gone:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        outcome.lines += [msg("Removed {path}", path=path) for path in gone]
        outcome.lines += _remove_folder(folder)

    service, user = keystore.service, keystore.user
    try:
        if keystore.delete():
            outcome.lines.append(
                msg(
                    'Removed the key from your keyring (service "{service}", user name "{user}").',
                    service=service,
                    user=user,
                )
            )
        else:
            outcome.lines.append(msg("There was no safecheck key in your keyring."))
    except KeystoreUnavailable as error:
        if error.no_keyring:
            outcome.lines.append(
                msg("There is no keyring on this computer, so there was no key to remove.")
            )
        else:
            outcome.error = NoKeyError(
                N_(
                    "The key in your keyring could not be removed ({reason}). It is named service "
                    '"{service}", user name "{user}": remove it with your keyring app, or run '
                    "`safecheck wipe` again once the keyring is unlocked."
                ),
                reason=error.reason,
                service=service,
                user=user,
            )
    return outcome


def _remove_folder(folder: Path) -> list[Message]:
    """The folder removed when nothing is left in it; else what is left, named."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    with contextlib.suppress(OSError):  # kept copies' folder, when nothing else is in it
        (folder / FILES_DIR).rmdir()
    left = sorted(folder.iterdir())
    if left:
        return [
            msg("Left in place, because safecheck did not make it: {path}", path=path)
            for path in left
        ]
    try:
        folder.rmdir()
    except OSError:  # a mount point, or a folder this user may not change
        return []
    return [msg("Removed the folder {path}", path=folder)]


def reset(store: Store, confirm: Confirm) -> Outcome:
    """Start again with empty answers when the saved state cannot be read.

    A state that can be read is left alone (`check --restart` and `wipe` forget
    answers). One that cannot be opened for now is moved aside after `confirm`;
    a damaged one was already moved aside when it was read. Nothing is deleted.
    """
    if store.path.exists():
        try:
            store.load()
        except DamagedStateError:
            pass  # moved aside by load()
        except (StateError, NoKeyError) as error:
            reason = error.values.get("reason", error)
            if not confirm(
                msg(
                    "Your saved state cannot be opened ({reason}). Move it aside (it is kept) and "
                    "start again with empty answers?",
                    reason=reason,
                )
            ):
                return Outcome([msg("Nothing was changed.")])
            store.prepare()  # the key for the new state first: fail before moving anything
            store.move_aside()
        else:
            return Outcome(
                [
                    msg(
                        "Your saved state can be read, so there is nothing to reset. To forget "
                        "answers, use `safecheck check --restart` or `safecheck wipe`.",
                    )
                ]
            )
    elif not store.kept_aside():
        return Outcome([msg("There is nothing to reset: nothing is saved yet.")])
    store.prepare()
    store.start_fresh()
    kept = store.kept_aside()
    lines = [msg("You start again with empty answers.")]
    if getattr(store.codec, "encrypt", True) is False:
        lines.append(
            msg(
                "Encryption is off (--no-encryption): your answers are saved as plain text in "
                "{folder}, and anyone who can read your files can read them. Run `safecheck "
                "--encryption` to turn encryption back on.",
                folder=store.home,
            )
        )
    if kept:
        lines.append(
            msg(
                "Kept aside: {path}. Delete it once you are sure you no longer need it "
                "(`safecheck wipe` removes it too).",
                path=kept[-1],
            )
        )
    return Outcome(lines)
