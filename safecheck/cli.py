"""The command line. Thin: parse options, call the core, map errors to exit codes."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer

from safecheck.errors import ExitCode, Interrupted, SafecheckError

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
        typer.echo(f"safecheck: {error}", err=True)
        raise typer.Exit(error.exit_code) from None


@app.callback(invoke_without_command=True)
def start(ctx: typer.Context) -> None:
    """Start safecheck. With no command, the prevention check starts."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(check, checklist="prevention", lang=None, restart=False)


@app.command()
def check(
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
        from safecheck.prompts import Prompter
        from safecheck.store import open_store
        from safecheck.walk import walk

        loaded = checklists.load(checklists.find(checklist, [checklists.builtin_dir()]))
        walk(
            loaded,
            open_store(),
            Prompter(language),
            Display(),
            language,
            restart=restart,
        )


def main() -> None:
    app(prog_name="safecheck")
    sys.exit(0)
