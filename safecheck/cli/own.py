"""For youth workers: the workshop, and checklists of your own (lint, new-checklist, config)."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import reporting, run_of
from safecheck.cli.options import LangOption, PlainOption
from safecheck.core.errors import ExitCode
from safecheck.core.region import Region

# --- workshop mode and custom checklists (issue 7) ---

WorkshopRegionOption = Annotated[
    Region | None,
    typer.Option(
        "--region",
        case_sensitive=False,
        help="Whose help lines to show: BE, NL or OTHER (default: from your locale).",
    ),
]


class Setting(StrEnum):
    checklists = "checklists"


def workshop(
    ctx: typer.Context,
    lang: LangOption = None,
    region: WorkshopRegionOption = None,
    plain: PlainOption = False,
) -> None:
    """Present a workshop about sextortion to a group: five parts and a quiz. Saves nothing.

    Choose a part from the menu; Enter goes on, b goes back, m returns to the menu.
    With --plain (or SAFECHECK_PLAIN=1, TERM=dumb): plain lines, choices by number.

    Example: safecheck workshop --lang nl --region BE
    """
    run = run_of(ctx, lang, plain)
    with reporting(run.lang, stopped="workshop.stopped"):  # nothing was saved, so say so
        from safecheck.content.workshop import load_builtin
        from safecheck.core.errors import NotInteractiveError
        from safecheck.core.i18n import t
        from safecheck.core.region import default_region
        from safecheck.flows.workshop import present
        from safecheck.ui.presenter import PlainPresenterDisplay, PresenterDisplay

        if not run.interactive:
            raise NotInteractiveError(t(run.lang, "workshop.not_interactive"))
        content, quiz = load_builtin()
        stage = PlainPresenterDisplay() if run.plain else PresenterDisplay()
        chosen = region or default_region()
        present(content, quiz, run.prompter(quick_exit=False), stage, run.lang, chosen)


def lint(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help="Checklist files, or folders of them.", show_default=False)
    ],
    lang: LangOption = None,
) -> None:
    """Check checklist files for mistakes; each problem is shown as file:line: message.

    Example: safecheck lint ~/team-checklists
    """
    run = run_of(ctx, lang)
    with reporting(run.lang):
        from safecheck.content.lint import lint as lint_paths
        from safecheck.core.i18n import t

        report = lint_paths(paths)
        for problem in report.problems:
            typer.echo(str(problem))
        if not report.ok:
            typer.echo(t(run.lang, "lint.failed", failed=report.failed, count=report.checked))
            raise typer.Exit(ExitCode.BAD_INPUT)
        typer.echo(t(run.lang, "lint.ok", count=report.checked))


def new_checklist(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help="The new file (NAME.yaml), or a folder to put it in.")
    ] = Path("my-checklist.yaml"),
    lang: LangOption = None,
) -> None:
    """Write a commented starter checklist for you to fill in; it passes lint as it is.

    Example: safecheck new-checklist ~/team-checklists/online-safety.yaml
    """
    run = run_of(ctx, lang)
    with reporting(run.lang):
        from safecheck.content.custom import write_starter
        from safecheck.core.i18n import t

        written = write_starter(path, run.lang)
        typer.echo(t(run.lang, "new_checklist.written", path=written))


def config(
    ctx: typer.Context,
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
    run = run_of(ctx, lang)
    with reporting(run.lang):
        from safecheck.content import custom
        from safecheck.core.i18n import t

        asker = run.prompter(quick_exit=False) if run.interactive else None
        store = run.store(asker=asker, prepare=unset or value is not None)
        if unset:
            custom.forget(store)
            typer.echo(t(run.lang, "config.checklists.unset"))
        elif value is not None:
            folder = custom.remember(store, value)
            typer.echo(t(run.lang, "config.checklists.set", path=folder))
        else:
            saved = custom.remembered(store.load().settings)
            if saved is None:
                typer.echo(t(run.lang, "config.checklists.none"))
            else:
                typer.echo(t(run.lang, "config.checklists.show", path=saved))
