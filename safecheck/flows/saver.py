"""The state as a plan needs it: unlocked only when a tick is saved, never in the way of help.

The emergency plan and the checks walk their steps through a `Saver`. Reading the
answers saved before asks for nothing: when that would need a passphrase, the walk
starts from the first step and the passphrase is asked when the first tick is saved.
When the state cannot be unlocked at all (a forgotten passphrase, a locked keyring, a
damaged file) the walk goes on: the person is told once, calmly, that this time's ticks
are not saved and why, and the state file is left exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from safecheck.core.errors import (
    Interrupted,
    NoKeyError,
    QuickExit,
    SafecheckError,
    note_not_saved,
)
from safecheck.core.i18n import t
from safecheck.core.questions import Select
from safecheck.storage.keystore import KeystoreUnavailable
from safecheck.storage.sealing import PASSPHRASE_ENV, PassphraseAsker, Source, peek
from safecheck.storage.state import State
from safecheck.storage.store import Store

Change = Callable[[State], State]


class Saver:
    def __init__(
        self, store: Store, asker: PassphraseAsker | None = None, *, lang: str = "en"
    ) -> None:
        self.store = store
        self.asker = asker
        self.lang = lang
        self.say: Callable[[str], None] = lambda text: None
        self.reason: str | None = None  # why ticks are not saved this time; None: they are
        self._memory = State()  # this run's answers, when they cannot be saved
        self._later: list[Change] = []  # saved with the first tick (the age group)
        self._locked = False  # reading needs a key not at hand yet: asked at the first save

    @property
    def home(self) -> Path:
        return self.store.home

    @property
    def saving(self) -> bool:
        return self.reason is None

    def load(self) -> State:
        """What was saved, when it can be read without asking; else this run's answers."""
        if self.reason is not None:
            return self._memory
        try:
            return self.store.load()
        except (Interrupted, QuickExit):  # leaving is never a reason not to save
            raise
        except NoKeyError:
            self._locked = True  # a passphrase or the keyring: tried when something is saved
            return self._memory
        except SafecheckError as error:
            self._fail(error)
            return self._memory

    @property
    def can_try_again(self) -> bool:
        """Answers saved before could not be opened, and a passphrase could be asked again."""
        keys = getattr(self.store.codec, "keys", None)
        return (
            self.reason is not None
            and keys is not None
            and self.store.path.exists()
            and self._passphrase_file()
            and self.asker is not None
            and self.asker.can_ask()
        )

    def try_again(self) -> None:
        """Try the passphrase once more (the person asked): the next read or save asks it."""
        keys = getattr(self.store.codec, "keys", None)
        if keys is None:
            return
        keys.try_again()
        if self.asker is not None:
            self.store.allow_asking(self.asker)
        self.reason = None
        self._locked = False
        note_not_saved(False)

    def later(self, change: Change) -> None:
        """Save `change` with the next save (a setting that alone is no reason to unlock)."""
        self._later.append(change)

    def soon(self, change: Change) -> None:
        """Save `change` now when the state opens without asking anything, else with the
        first tick (what the plan narrows by: its count and `status`'s must agree)."""
        if self.reason is None and not self._locked and self.store.path.exists():
            try:
                self.store.update(change)  # no passphrase asker yet: it never asks
            except (Interrupted, QuickExit):  # leaving is never a reason not to save
                raise
            except SafecheckError:
                pass  # a key that must be asked for: kept for the first tick
            else:
                return
        self.later(change)

    def update(self, change: Change) -> State:
        """Save `change`, unlocking the state now if needed; kept for this run if it cannot."""
        if self.reason is None and self._without_saving():
            self.reason = t(self.lang, "you chose to go on without saving.")
            note_not_saved()
        if self.reason is None:
            self._allow_asking()
            later = list(self._later)

            def everything(state: State) -> State:
                for each in later:
                    state = each(state)
                return change(state)

            try:
                new = self.store.update(everything)
            except (Interrupted, QuickExit):  # leaving is never a reason not to save
                raise
            except SafecheckError as error:
                self._fail(error)
            else:
                self._later.clear()
                self._locked = False
                return new
        self._memory = change(self._memory)
        return self._memory

    def closing(self) -> None:
        """At the end: when ticks were not saved, say how to start saving again."""
        if self.reason is not None:
            self.say(
                t(
                    self.lang,
                    "This time's ticks were not saved; your saved file is unchanged. If the "
                    "passphrase is gone or the file is damaged, safecheck reset keeps the old file "
                    "aside and starts a new one.",
                )
            )

    def _without_saving(self) -> bool:
        """Before the first save on a computer with no keyring: say in plain words why a
        passphrase is needed, and let the person go on without saving instead."""
        keys = getattr(self.store.codec, "keys", None)
        ask = getattr(self.asker, "ask", None)
        if keys is None or ask is None or self.store.path.exists():
            return False
        if keys.environ.get(PASSPHRASE_ENV) or not self.asker or not self.asker.can_ask():
            return False
        try:
            keys.keystore.get()
        except KeystoreUnavailable:
            pass  # no keyring: a passphrase would be asked now
        else:
            return False
        self.say(
            t(
                self.lang,
                "To keep your ticks, safecheck needs a passphrase: this computer has no safe "
                "place to keep a key for you. You type the passphrase each time you open "
                "safecheck; if you forget it, your saved ticks are lost. You can also go on "
                "without saving: the plan is the same, and nothing is kept.",
            )
        )
        keep: bool = ask(
            Select(
                t(self.lang, "Keep your ticks?"),
                [
                    (t(self.lang, "Choose a passphrase and keep them"), True),
                    (t(self.lang, "Go on without saving"), False),
                ],
            )
        )
        return not keep

    def _allow_asking(self) -> None:
        if self.asker is None or not self.store.allow_asking(self.asker):
            return
        if self._locked and self._passphrase_file():
            self.say(
                t(
                    self.lang,
                    "To save this, type the passphrase of your saved answers. Forgotten it? Press "
                    "Enter three times: the plan goes on without saving.",
                )
            )

    def _passphrase_file(self) -> bool:
        try:
            return peek(self.store.path.read_bytes()) is Source.PASSPHRASE
        except OSError:
            return False

    def _fail(self, error: SafecheckError) -> None:
        self.reason = error.text(self.lang)
        note_not_saved()
        self.say(
            t(
                self.lang,
                "Your ticks are not saved this time: {reason} The plan goes on, and your saved "
                "file stays exactly as it is.",
                reason=self.reason,
            )
        )
