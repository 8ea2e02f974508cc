"""One run of safecheck: what it knows before it does anything, made once (httpie's Environment).

The home folder, the plain settings (read once), one display, the prompter, the store opened
for what a command means to do with it, and the one translator of messages. Rich,
questionary and the store load only when a use case asks for them, so `--json` and `--help`
never wait for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from safecheck.core.errors import NotInteractiveError
from safecheck.core.i18n import Message, translate

T = TypeVar("T")

if TYPE_CHECKING:
    from safecheck.core.questions import Question
    from safecheck.storage.intent import Intent
    from safecheck.storage.sealing import PassphraseAsker
    from safecheck.storage.settings import Settings
    from safecheck.storage.store import Store
    from safecheck.ui.display import Display
    from safecheck.ui.prompts import PlainPrompter, Prompter


@dataclass(eq=False)
class Run:
    """Made once by the entry point (or the top-level callback); commands add --lang, --plain."""

    lang: str = ""
    plain: bool = False
    encryption: bool | None = None  # --encryption / --no-encryption; None: as saved
    region: str | None = None  # --region before the command: a country code
    crisis_shown: str | None = None  # the crisis lines already printed by the entry point
    saved: Settings | None = None  # the plain settings file, once read
    home_folder: Path | None = None
    discreet: bool = False
    stopped: str | None = None  # the message for Ctrl-C, when not the usual one
    json: bool = False  # --json: an error is a JSON document on stdout too
    closing: list[Callable[[], None]] = field(default_factory=list)
    _store: Store | None = None
    _display: Display | None = None
    _prompters: dict[bool, Prompter | PlainPrompter] = field(default_factory=dict)

    @property
    def home(self) -> Path:
        """The state folder (SAFECHECK_HOME, else the platform's), found once."""
        if self.home_folder is None:
            from safecheck.storage.settings import default_home

            self.home_folder = default_home()
        return self.home_folder

    @property
    def settings(self) -> Settings:
        """The plain settings file (no key needed), read once."""
        if self.saved is None:
            from safecheck.storage import settings as plain_settings

            self.saved = plain_settings.read(self.home)
        return self.saved

    def remember(self, **changes: Any) -> None:
        """Change the plain settings file (the values that are not None), and this run's copy."""
        from safecheck.storage import settings as plain_settings

        changes = {name: value for name, value in changes.items() if value is not None}
        if changes:
            self.saved = plain_settings.update(self.home, **changes)

    @property
    def interactive(self) -> bool:
        from safecheck.ui.prompts import input_is_interactive

        return input_is_interactive()

    def with_options(self, lang: str | None, plain: bool = False) -> Run:
        """This run with a command's own --lang and --plain (SAFECHECK_PLAIN, TERM=dumb too)."""
        from safecheck.core.i18n import default_lang
        from safecheck.ui.terminal import plain_wanted

        self.lang = lang or self.lang or self.settings.lang or default_lang()
        self.plain = plain_wanted(plain or self.plain)
        return self

    def text(self, message: Message | str, /, **values: object) -> str:
        """The one translator of this run: a message (or an id with values) in its language."""
        return translate(self.lang, message, **values)

    def warn(self, message: Message | str) -> None:
        """A warning on stderr, in this run's language."""
        import sys

        print(f"safecheck: {self.text(message)}", file=sys.stderr, flush=True)

    def store(self, intent: Intent, *, ask: bool = False) -> Store:
        """The one state store of this run, opened for `intent`; `ask`: a passphrase may be
        asked (in a terminal). Later calls settle it for what is new."""
        from safecheck.storage.store import open_store, settle

        asker = self.unlocker() if ask else None
        if self._store is None:
            self._store = open_store(
                self.home,
                encryption=self.encryption,
                asker=asker,
                warn=self.warn,
                intent=intent,
            )
        else:
            settle(self._store, intent, asker=asker)
        return self._store

    def asking_store(self, intent: Intent) -> Store:
        """The store, asking for a passphrase when there is a terminal to ask in."""
        return self.store(intent, ask=self.interactive)

    def display(self) -> Display:
        """The one display of this run. Rich loads only here."""
        if self._display is None:
            import sys

            from safecheck.ui.display import make_display

            # with --json, stdout holds the document alone
            self._display = make_display(plain=self.plain, file=sys.stderr if self.json else None)
        return self._display

    def prompter(self, *, quick_exit: bool | None = None) -> Prompter | PlainPrompter:
        """The prompter of this run; in discreet mode Esc twice or q leaves at once."""
        leave = self.discreet if quick_exit is None else quick_exit
        if leave not in self._prompters:
            from safecheck.ui.prompts import make_prompter

            self._prompters[leave] = make_prompter(self.lang, plain=self.plain, quick_exit=leave)
        return self._prompters[leave]

    def unlocker(self) -> PassphraseAsker:
        """What storage asks a passphrase with: the prompter, given message values."""
        return _Asker(self.prompter(quick_exit=False), self.text)

    def confirmer(self, not_interactive: str) -> Callable[[Message | str], bool]:
        """A yes/no question in a terminal; without one, a message that says what to add."""
        prompter = self.prompter(quick_exit=False)

        def confirm(question: Message | str) -> bool:
            if not prompter.can_ask():
                raise NotInteractiveError(not_interactive)
            return prompter.confirm(self.text(question))

        return confirm

    def go_discreet(self, flag: bool | None = None) -> None:
        """Discreet mode from the flag or as remembered: a neutral title, wiped at the end."""
        from safecheck.flows.discreet import NEUTRAL_TITLE

        if self.discreet:
            return
        if flag is not None:
            self.remember(discreet=flag)
        if self.settings.discreet if flag is None else flag:
            self.discreet = True
            screen = self.display()
            screen.set_title(NEUTRAL_TITLE)
            self.closing.append(screen.wipe)

    def close(self) -> None:
        """What the run leaves behind when it ends (the screen wiped in discreet mode)."""
        while self.closing:
            self.closing.pop()()


class _Asker:
    """The prompter as storage's PassphraseAsker: questions and problems come as messages."""

    __slots__ = ("prompter", "text")

    def __init__(self, prompter: Prompter | PlainPrompter, text: Callable[[Message], str]) -> None:
        self.prompter = prompter
        self.text = text

    def can_ask(self) -> bool:
        return self.prompter.can_ask()

    def ask(self, question: Question[T]) -> T:
        """A choice before a passphrase is asked (go on without saving, flows/saver.py)."""
        return self.prompter.ask(question)

    def password(
        self, message: Message, *, problem: Callable[[str], Message | None] | None = None
    ) -> str:
        def check(typed: str) -> str | None:
            found = problem(typed) if problem is not None else None
            return None if found is None else self.text(found)

        return self.prompter.password(self.text(message), problem=check)
