"""The command line. Thin: parse options, call the core, map errors to exit codes."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.errors import ExitCode, Interrupted, SafecheckError
from safecheck.region import Region

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


ChecklistsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--checklists",
        metavar="DIR",
        help="A folder of your own checklists, read after the built-in ones "
        "(instead of the folder saved with: safecheck config checklists DIR).",
    ),
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
    checklists: ChecklistsOption = None,
) -> None:
    """Walk through a checklist item by item; answers are saved as you go.

    Example: safecheck check prevention --lang nl
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import checklist as checklist_files
        from safecheck import custom
        from safecheck.display import Display
        from safecheck.prompts import Prompter
        from safecheck.store import open_store
        from safecheck.walk import walk

        store = open_store()
        folders = custom.folders(checklists or [], store.load().settings)
        loaded = checklist_files.load(checklist_files.find(checklist, folders))
        walk(
            loaded,
            store,
            Prompter(language),
            Display(),
            language,
            restart=restart,
        )


# --- workshop mode and custom checklists (issue 7) ---

RegionOption = Annotated[
    Region | None,
    typer.Option(
        "--region",
        case_sensitive=False,
        help="Whose help lines to show: BE, NL or OTHER (default: from your locale).",
    ),
]


class Setting(StrEnum):
    checklists = "checklists"


@app.command()
def workshop(lang: LangOption = None, region: RegionOption = None) -> None:
    """Present a workshop about sextortion to a group: five parts and a quiz. Saves nothing.

    Choose a part from the menu; Enter goes on, b goes back, m returns to the menu.

    Example: safecheck workshop --lang nl --region BE
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import workshop as workshops
        from safecheck.display import PresenterDisplay
        from safecheck.i18n import t
        from safecheck.prompts import Prompter
        from safecheck.region import default_region

        content, quiz = workshops.load_builtin()
        try:
            workshops.present(
                content,
                quiz,
                Prompter(language),
                PresenterDisplay(),
                language,
                region or default_region(),
            )
        except Interrupted:
            typer.echo(t(language, "workshop.stopped"), err=True)
            raise typer.Exit(ExitCode.INTERRUPTED) from None


@app.command()
def lint(
    paths: Annotated[
        list[Path], typer.Argument(help="Checklist files, or folders of them.", show_default=False)
    ],
    lang: LangOption = None,
) -> None:
    """Check checklist files for mistakes; each problem is shown as file:line: message.

    Example: safecheck lint ~/team-checklists
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck.i18n import t
        from safecheck.lint import lint as lint_paths

        report = lint_paths(paths)
        for problem in report.problems:
            typer.echo(str(problem))
        if not report.ok:
            typer.echo(t(language, "lint.failed", failed=report.failed, count=report.checked))
            raise typer.Exit(ExitCode.BAD_INPUT)
        typer.echo(t(language, "lint.ok", count=report.checked))


@app.command("new-checklist")
def new_checklist(
    path: Annotated[
        Path, typer.Argument(help="The new file (NAME.yaml), or a folder to put it in.")
    ] = Path("my-checklist.yaml"),
    lang: LangOption = None,
) -> None:
    """Write a commented starter checklist for you to fill in; it passes lint as it is.

    Example: safecheck new-checklist ~/team-checklists/online-safety.yaml
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck.custom import write_starter
        from safecheck.i18n import t

        written = write_starter(path, language)
        typer.echo(t(language, "new_checklist.written", path=written))


@app.command()
def config(
    name: Annotated[Setting, typer.Argument(help="The setting: checklists.")],
    value: Annotated[
        Path | None,
        typer.Argument(help="checklists: the folder of your own checklists. Leave out to see it."),
    ] = None,
    unset: Annotated[bool, typer.Option("--unset", help="Forget the setting.")] = False,
    lang: LangOption = None,
) -> None:
    """See or change a remembered setting, such as the folder of your own checklists.

    Example: safecheck config checklists ~/team-checklists
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import custom
        from safecheck.i18n import t
        from safecheck.store import open_store

        store = open_store()
        if unset:
            custom.forget(store)
            typer.echo(t(language, "config.checklists.unset"))
        elif value is not None:
            folder = custom.remember(store, value)
            typer.echo(t(language, "config.checklists.set", path=folder))
        else:
            saved = custom.remembered(store.load().settings)
            if saved is None:
                typer.echo(t(language, "config.checklists.none"))
            else:
                typer.echo(t(language, "config.checklists.show", path=saved))


def main() -> None:
    app(prog_name="safecheck")
    sys.exit(0)
