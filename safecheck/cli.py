"""The command line. Thin: parse options, call the core, map errors to exit codes."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.errors import ExitCode, Interrupted, SafecheckError

if TYPE_CHECKING:
    from safecheck.store import Store

app = typer.Typer(
    name="safecheck",
    help="Protect yourself against sextortion, and act well when it happens.",
    no_args_is_help=False,
    pretty_exceptions_enable=False,  # never print local variables (answers) in a traceback
    rich_markup_mode=None,
)


class Lang(StrEnum):
    nl = "nl"
    en = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="Language: nl or en (default: from your locale)."),
]


def _lang(lang: Lang | None) -> str:
    from safecheck.i18n import default_lang

    return lang.value if lang is not None else default_lang()


@contextlib.contextmanager
def reporting(lang: str) -> Iterator[None]:
    """Turn safecheck's own errors into one calm paragraph and a documented exit code."""
    try:
        yield
    except Interrupted:
        from safecheck.i18n import t

        typer.echo(t(lang, "interrupted"), err=True)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except SafecheckError as error:
        typer.echo(f"safecheck: {error.text(lang)}", err=True)
        raise typer.Exit(error.exit_code) from None


def _warn(text: str) -> None:
    typer.echo(f"safecheck: {text}", err=True)


YesOption = Annotated[
    bool, typer.Option("--yes", help="Do not ask for confirmation (for scripts).")
]


@app.callback(invoke_without_command=True)
def start(
    ctx: typer.Context,
    no_encryption: Annotated[
        bool | None,
        typer.Option(
            "--no-encryption/--encryption",
            envvar="SAFECHECK_NO_ENCRYPTION",
            help="Save without encryption (plain files anyone who can read your files can read), "
            "or turn encryption back on. Remembered until changed. See the README.",
        ),
    ] = None,
) -> None:
    """Start safecheck. With no command, the prevention check starts."""
    ctx.obj = None if no_encryption is None else not no_encryption
    if ctx.invoked_subcommand is None:
        ctx.invoke(check, ctx=ctx, checklist="prevention", lang=None, restart=False)


def _open_store(ctx: typer.Context, language: str, *, prepare: bool = True) -> Store:
    """The state store, protected as the global options and the saved state say."""
    from safecheck.i18n import t
    from safecheck.prompts import Prompter
    from safecheck.store import open_store

    encryption = ctx.find_root().obj
    return open_store(
        lang=language,
        encryption=encryption if isinstance(encryption, bool) else None,
        asker=Prompter(t(language, "not_interactive")),
        warn=_warn,
        prepare=prepare,
    )


@app.command()
def check(
    ctx: typer.Context,
    checklist: Annotated[
        str, typer.Argument(help="A checklist id (prevention) or the path of a checklist file.")
    ] = "prevention",
    lang: LangOption = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Forget earlier answers and start from the top.")
    ] = False,
) -> None:
    """Walk through a checklist item by item; answers are saved as you go.

    Example: safecheck check prevention --lang nl
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import checklist as checklists
        from safecheck.display import Display
        from safecheck.i18n import t
        from safecheck.prompts import Prompter
        from safecheck.walk import walk

        loaded = checklists.load(checklists.find(checklist, [checklists.builtin_dir()]))
        walk(
            loaded,
            _open_store(ctx, language),
            Prompter(t(language, "not_interactive")),
            Display(),
            language,
            restart=restart,
        )


@app.command()
def where(lang: LangOption = None) -> None:
    """Show where safecheck keeps its files, and how your answers are protected.

    Example: safecheck where
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck.housekeeping import where as where_lines
        from safecheck.store import default_home

        for line in where_lines(default_home(), language):
            typer.echo(line)


@app.command()
def wipe(yes: YesOption = False, lang: LangOption = None) -> None:
    """Remove every file safecheck saved, and its key in your keyring.

    Asks first; --yes does not ask. Says what it removed.

    Example: safecheck wipe --yes
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck.housekeeping import wipe as wipe_all
        from safecheck.i18n import t
        from safecheck.prompts import Prompter
        from safecheck.store import default_home

        home = default_home()
        if not yes:
            prompter = Prompter(t(language, "wipe.not_interactive"))
            if not prompter.confirm(t(language, "wipe.confirm", folder=home)):
                typer.echo(t(language, "wipe.cancelled"))
                return
        outcome = wipe_all(home, language)
        for line in outcome.lines:
            typer.echo(line)
        if outcome.error is not None:
            raise outcome.error


@app.command()
def reset(ctx: typer.Context, yes: YesOption = False, lang: LangOption = None) -> None:
    """Start again with empty answers when your saved state cannot be read.

    The unreadable file is moved aside (kept, never deleted). Asks first; --yes
    does not ask.

    Example: safecheck reset
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck.housekeeping import reset as reset_state
        from safecheck.i18n import t
        from safecheck.prompts import Prompter

        prompter = Prompter(t(language, "reset.not_interactive"))
        outcome = reset_state(
            _open_store(ctx, language, prepare=False),
            language,
            confirm=(lambda message: True) if yes else prompter.confirm,
        )
        for line in outcome.lines:
            typer.echo(line)


def main() -> None:
    app(prog_name="safecheck")
    sys.exit(0)
