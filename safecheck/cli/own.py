"""For youth workers: the workshop, and checklists of your own (lint, new-checklist, config)."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import reporting, run_of
from safecheck.cli.options import LangOption, PlainOption
from safecheck.core.errors import ExitCode
from safecheck.core.i18n import N_
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
    with reporting(
        run.lang, stopped=N_("Workshop stopped. Nothing was saved on this computer.")
    ):  # nothing was saved, so say so
        from safecheck.content.workshop import load_builtin
        from safecheck.core.errors import NotInteractiveError
        from safecheck.core.i18n import t
        from safecheck.core.region import default_region
        from safecheck.flows.workshop import present
        from safecheck.ui.presenter import PlainPresenterDisplay, PresenterDisplay

        if not run.interactive:
            raise NotInteractiveError(
                t(
                    run.lang,
                    "The workshop is presented in a terminal, and standard input is not one. Start "
                    "safecheck workshop in a terminal (with --lang, --region BE, NL or OTHER, and "
                    "--plain for a screen reader).",
                )
            )
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
        from safecheck.core.i18n import tn

        report = lint_paths(paths)
        for problem in report.problems:
            typer.echo(problem.text(run.lang))
        if not report.ok:
            typer.echo(
                tn(
                    run.lang,
                    "{failed} of {checked} files has a problem (see above).",
                    "{failed} of {checked} files have a problem (see above).",
                    report.failed,
                    failed=report.failed,
                    checked=report.checked,
                )
            )
            raise typer.Exit(ExitCode.BAD_INPUT)
        typer.echo(
            tn(
                run.lang,
                "OK: {count} file checked, no problems found.",
                "OK: {count} files checked, no problems found.",
                report.checked,
            )
        )


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
        typer.echo(
            t(
                run.lang,
                "Wrote {path}. Edit it, then check it with:  safecheck lint {path}",
                path=written,
            )
        )


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
            typer.echo(t(run.lang, "safecheck reads only its built-in checklists again."))
        elif value is not None:
            folder = custom.remember(store, value)
            typer.echo(
                t(
                    run.lang,
                    "safecheck now also reads your own checklists from {path}.",
                    path=folder,
                )
            )
        else:
            saved = custom.remembered(store.load().settings)
            if saved is None:
                typer.echo(
                    t(
                        run.lang,
                        "No folder of your own checklists is set. Set one with:  safecheck config "
                        "checklists FOLDER",
                    )
                )
            else:
                typer.echo(t(run.lang, "Your own checklists are read from {path}.", path=saved))
