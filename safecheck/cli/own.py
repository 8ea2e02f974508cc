"""For youth workers: the workshop, and checklists of your own (lint, new-checklist, config)."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import finish, run_of
from safecheck.cli.options import LangOption, PlainOption, choice_option
from safecheck.core.i18n import N_
from safecheck.core.region import Region

# --- workshop mode and custom checklists (issue 7) ---

WorkshopRegionOption = Annotated[
    Region | None,
    choice_option(
        "--region", N_("Whose help lines to show: BE, NL or OTHER (default: from your locale).")
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
    from safecheck.app.own import workshop as use_case

    run = run_of(ctx, lang, plain)
    finish(run, use_case(run, region))


def lint(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(help=N_("Checklist files, or folders of them."), show_default=False),
    ],
    lang: LangOption = None,
) -> None:
    """Check checklist files for mistakes; each problem is shown as file:line: message.

    Example: safecheck lint ~/team-checklists
    """
    from safecheck.app.own import lint as use_case

    run = run_of(ctx, lang)
    finish(run, use_case(run, paths))


def new_checklist(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help=N_("The new file (NAME.yaml), or a folder to put it in."))
    ] = Path("my-checklist.yaml"),
    lang: LangOption = None,
) -> None:
    """Write a commented starter checklist for you to fill in; it passes lint as it is.

    Example: safecheck new-checklist ~/team-checklists/online-safety.yaml
    """
    from safecheck.app.own import new_checklist as use_case

    run = run_of(ctx, lang)
    finish(run, use_case(run, path))


def config(
    ctx: typer.Context,
    name: Annotated[Setting, typer.Argument(help=N_("The setting: checklists."))],
    value: Annotated[
        Path | None,
        typer.Argument(
            help=N_("checklists: the folder of your own checklists. Leave out to see it.")
        ),
    ] = None,
    unset: Annotated[bool, typer.Option("--unset", help=N_("Forget the setting."))] = False,
    lang: LangOption = None,
) -> None:
    """See or change a remembered setting, such as the folder of your own checklists.

    Example: safecheck config checklists ~/team-checklists
    """
    from safecheck.app.own import ConfigRequest
    from safecheck.app.own import config as use_case

    run = run_of(ctx, lang)
    finish(run, use_case(run, ConfigRequest(name.value, value, unset)))
