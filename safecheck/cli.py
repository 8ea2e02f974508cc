"""The command line. Thin: parse options, call the core, map errors to exit codes."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.audience import AgeGroup, Region
from safecheck.errors import ExitCode, Interrupted, QuickExit, SafecheckError

if TYPE_CHECKING:
    from safecheck.prompts import Prompter

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


RegionOption = Annotated[
    Region | None,
    typer.Option(
        "--region",
        case_sensitive=False,
        help="Whose help lines: BE, NL or OTHER (default: as chosen before, else your locale).",
    ),
]
AgeGroupOption = Annotated[
    AgeGroup | None,
    typer.Option(
        "--age-group",
        case_sensitive=False,
        help="minor (under 18) or adult (18 or older); asked when left out.",
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
    except QuickExit:
        raise typer.Exit(ExitCode.OK) from None
    except Interrupted:
        from safecheck.i18n import t

        typer.echo(t(lang, "interrupted"), err=True)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except SafecheckError as error:
        typer.echo(f"safecheck: {error}", err=True)
        raise typer.Exit(error.exit_code) from None


# Whether this run is discreet; the top-level callback sets it before any command runs.
_discreet = {"on": False}


def _prompter(language: str) -> Prompter:
    from safecheck.i18n import t
    from safecheck.prompts import Prompter

    return Prompter(t(language, "not_interactive"), quick_exit=_discreet["on"])


@app.callback(invoke_without_command=True)
def start(
    ctx: typer.Context,
    lang: LangOption = None,
    region: RegionOption = None,
    discreet: Annotated[
        bool | None,
        typer.Option(
            "--discreet/--no-discreet",
            help="Discreet mode, remembered: a neutral window title, the screen cleared at "
            "the end, and Esc twice or q quits at once.",
        ),
    ] = None,
) -> None:
    """Start safecheck. With no command, a menu opens; its first choice is the emergency plan."""
    language = _lang(lang)
    with reporting(language):
        from safecheck.display import Display
        from safecheck.start import NEUTRAL_TITLE, discreet_mode, run_start
        from safecheck.store import open_store

        store = open_store()
        _discreet["on"] = discreet_mode(store, discreet)
        if _discreet["on"]:
            display = Display()
            display.set_title(NEUTRAL_TITLE)
            ctx.call_on_close(display.wipe)
        if ctx.invoked_subcommand is None:
            run_start(store, _prompter(language), Display(), language, region=region)


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
        from safecheck.start import run_checklist
        from safecheck.store import open_store

        loaded = checklists.load(checklists.find(checklist, [checklists.builtin_dir()]))
        run_checklist(
            loaded, open_store(), _prompter(language), Display(), language, restart=restart
        )


@app.command()
def plan(
    lang: LangOption = None,
    region: RegionOption = None,
    age_group: AgeGroupOption = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Forget which steps you ticked and start again.")
    ] = False,
) -> None:
    """The emergency plan: what to do when someone threatens you now, step by step.

    It asks first whether you are in danger, and shows the help lines of your region.

    Example: safecheck plan --region BE --age-group minor
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import checklist as checklists
        from safecheck import helplines as helpline_data
        from safecheck.display import Display
        from safecheck.emergency import run_plan
        from safecheck.start import EMERGENCY_PLAN, remembered_region, saved_settings
        from safecheck.store import open_store

        store = open_store()
        run_plan(
            checklists.load(checklists.find(EMERGENCY_PLAN, [checklists.builtin_dir()])),
            helpline_data.load(),
            store,
            _prompter(language),
            Display(),
            language,
            region=region,
            default_region=remembered_region(saved_settings(store)),
            age_group=age_group,
            restart=restart,
        )


@app.command()
def helplines(
    lang: LangOption = None, region: RegionOption = None, age_group: AgeGroupOption = None
) -> None:
    """List the help lines of your region and the removal services, each with its source.

    Example: safecheck helplines --region NL
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import helplines as helpline_data
        from safecheck.display import Display
        from safecheck.emergency import show_helplines
        from safecheck.start import remembered_region, saved_settings
        from safecheck.store import open_store

        chosen = region or remembered_region(saved_settings(open_store()))
        show_helplines(Display(), helpline_data.load(), language, chosen, age_group)


def main() -> None:
    app(prog_name="safecheck")
    sys.exit(0)
