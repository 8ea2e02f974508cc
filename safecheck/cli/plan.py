"""The emergency plan and the help lines."""

from typing import Annotated

import typer

from safecheck.cli.context import finish, run_of
from safecheck.cli.options import (
    AgeGroupOption,
    ImagesOption,
    JsonOption,
    LangOption,
    PlainOption,
    RegionOption,
)
from safecheck.core.i18n import N_


def plan(
    ctx: typer.Context,
    lang: LangOption = None,
    region: RegionOption = None,
    age_group: AgeGroupOption = None,
    images: ImagesOption = None,
    restart: Annotated[
        bool, typer.Option("--restart", help=N_("Forget which steps you ticked and start again."))
    ] = False,
    plain: PlainOption = False,
) -> None:
    """The emergency plan: what to do when someone threatens you now, step by step.

    It asks first whether you are in danger, and shows the help lines of your region.

    Example: safecheck plan --region BE --age-group minor

    Example: safecheck plan --region NL --age-group adult --images under-18
    """
    from safecheck.app.plan import PlanRequest
    from safecheck.app.plan import plan as use_case

    run = run_of(ctx, lang, plain)
    given = lang.value if lang else None
    finish(run, use_case(run, PlanRequest(given, region, age_group, images, restart)))


def helplines(
    ctx: typer.Context,
    lang: LangOption = None,
    region: RegionOption = None,
    age_group: AgeGroupOption = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help=N_("Every line in full, with its source, at once (without a question).")
        ),
    ] = False,
    plain: PlainOption = False,
    json_output: JsonOption = False,
) -> None:
    """List the help lines of your region and the removal services, each with its source.

    The crisis lines come first, on one screen; every line in full follows.

    Example: safecheck helplines --region NL
    """
    from safecheck.app.plan import HelplinesRequest
    from safecheck.app.plan import helplines as use_case

    run = run_of(ctx, lang, plain, json_output)
    request = HelplinesRequest(region, age_group, show_all, json_output)
    finish(run, use_case(run, request), json=json_output)
