"""One run of safecheck: its settings, made once, and the one place errors become exit codes.

The top-level callback builds a `Run` from the options every command shares; a command
adds its own `--lang` and `--plain` with `run_of`. Rich, questionary and the store load
only when a command asks for them, so `--json` and `--help` never wait for them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import IO, TYPE_CHECKING, Any

import typer

from safecheck.core.errors import (
    ExitCode,
    Interrupted,
    NotInteractiveError,
    QuickExit,
    SafecheckError,
)
from safecheck.core.i18n import N_

STOPPED = N_("Stopped. Your answers so far are saved; run the same command to go on.")

if TYPE_CHECKING:
    from safecheck.storage.sealing import PassphraseAsker
    from safecheck.storage.store import Store
    from safecheck.ui.display import Display
    from safecheck.ui.prompts import PlainPrompter, Prompter


@dataclass
class _Opened:
    """What a run has opened so far (shared by the callback and the command)."""

    store: Store | None = None
    discreet: bool = False


@dataclass(frozen=True)
class Run:
    """What one run of safecheck knows before it does anything: as httpie's `Environment`."""

    lang: str
    plain: bool = False
    encryption: bool | None = None  # --encryption / --no-encryption; None: as saved
    region: str | None = None  # --region before the command: a country code
    crisis_shown: str | None = None  # the crisis lines already printed by the entry point
    opened: _Opened = field(default_factory=_Opened, compare=False)

    @property
    def interactive(self) -> bool:
        from safecheck.ui.prompts import input_is_interactive

        return input_is_interactive()

    @property
    def discreet(self) -> bool:
        return self.opened.discreet

    def with_options(self, lang: str | None, plain: bool = False) -> Run:
        """This run with a command's own --lang and --plain (SAFECHECK_PLAIN, TERM=dumb too)."""
        from safecheck.core.i18n import default_lang
        from safecheck.ui.terminal import plain_wanted

        return replace(
            self, lang=lang or self.lang or default_lang(), plain=plain_wanted(plain or self.plain)
        )

    def store(
        self,
        *,
        asker: PassphraseAsker | None = None,
        prepare: bool = False,
        switch: bool = True,
        readonly: bool = False,
    ) -> Store:
        """The one state store of this run; later calls add what they need (`store.settle`)."""
        from safecheck.storage.store import open_store, settle

        if self.opened.store is None:
            self.opened.store = open_store(
                lang=self.lang,
                encryption=self.encryption,
                asker=asker,
                warn=warn,
                prepare=prepare,
                switch=switch,
                readonly=readonly,
            )
        else:
            settle(
                self.opened.store, asker=asker, prepare=prepare, switch=switch, readonly=readonly
            )
        return self.opened.store

    def asking_store(self, *, saving: bool) -> Store:
        """The store, asking for a passphrase in a terminal (first, when something is saved)."""
        asker = self.prompter(quick_exit=False) if self.interactive else None
        return self.store(asker=asker, prepare=saving)

    def display(self, file: IO[str] | None = None) -> Display:
        """The display of this run. Rich loads only here."""
        from safecheck.ui.display import make_display

        return make_display(plain=self.plain, file=file)

    def prompter(self, *, quick_exit: bool | None = None) -> Prompter | PlainPrompter:
        """The prompter of this run; in discreet mode Esc twice or q leaves at once."""
        from safecheck.ui.prompts import make_prompter

        leave = self.discreet if quick_exit is None else quick_exit
        return make_prompter(self.lang, plain=self.plain, quick_exit=leave)

    def confirmer(self, not_interactive: str) -> Callable[[str], bool]:
        """A yes/no question in a terminal; without one, a message that says what to add."""
        from safecheck.core.i18n import t

        prompter = self.prompter(quick_exit=False)

        def confirm(message: str) -> bool:
            if not prompter.can_ask():
                raise NotInteractiveError(t(self.lang, not_interactive))
            return prompter.confirm(message)

        return confirm

    def go_discreet(self, ctx: typer.Context, flag: bool | None = None) -> None:
        """Discreet mode from the flag or as remembered: a neutral title, wiped at the end."""
        from safecheck.flows.discreet import NEUTRAL_TITLE, discreet_mode
        from safecheck.storage.settings import default_home

        if self.opened.discreet:
            return
        if discreet_mode(default_home(), flag):
            self.opened.discreet = True
            screen = self.display()
            screen.set_title(NEUTRAL_TITLE)
            ctx.call_on_close(screen.wipe)


def warn(text: str) -> None:
    typer.echo(f"safecheck: {text}", err=True)


def run_of(ctx: typer.Context, lang: Any = None, plain: bool = False) -> Run:
    """The run made by the top-level callback, with this command's --lang and --plain."""
    root = ctx.find_root()
    base = root.obj if isinstance(root.obj, Run) else Run(lang="")
    if root.obj is None:
        root.obj = base
    return base.with_options(getattr(lang, "value", lang), plain)


@contextlib.contextmanager
def reporting(lang: str, stopped: str = STOPPED, *, json_output: bool = False) -> Iterator[None]:
    """The one interrupt boundary: safecheck's own errors, Ctrl-C and quick exit become
    one calm paragraph and a documented exit code. `stopped` is the message for Ctrl-C.

    Under `--json` (`json_output`) an error is also one JSON document on stdout (kind
    `error`), so a script that reads stdout always gets a document; the exit code is the same.
    """
    try:
        yield
    except QuickExit:  # left on purpose (q, Esc twice), at once and without a word:
        raise typer.Exit(ExitCode.OK) from None  # every answer given is saved already
    except Interrupted as error:
        from safecheck.core.i18n import t

        typer.echo(t(lang, stopped), err=True)
        if json_output:
            _emit_error(error, lang, stopped)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except SafecheckError as error:
        typer.echo(f"safecheck: {error.text(lang)}", err=True)
        if json_output:
            _emit_error(error, lang)
        raise typer.Exit(error.exit_code) from None


def _emit_error(error: SafecheckError, lang: str, msgid: str | None = None) -> None:
    """The `error` document of the README: the code, the message id, the text and details."""
    from safecheck.core import jsonout
    from safecheck.core.i18n import t

    problems = getattr(error, "problems", ()) or ((error,) if error.path is not None else ())
    jsonout.emit(
        "error",
        {
            "lang": lang,
            "code": int(error.exit_code),
            "error": msgid or error.msgid,
            "message": t(lang, msgid) if msgid else error.text(lang),
            "details": [
                {
                    "file": None if problem.path is None else str(problem.path),
                    "line": problem.line,
                    "error": problem.msgid,
                    "message": problem.text(lang),
                }
                for problem in problems
            ],
        },
    )


def remember_choices(lang: str | None, region: str | None) -> None:
    """--lang and --region given to the menu or the plan are remembered (in the plain file)."""
    from safecheck.storage import settings as plain_settings

    changes = {name: value for name, value in (("lang", lang), ("region", region)) if value}
    if changes:
        plain_settings.update(plain_settings.default_home(), **changes)
