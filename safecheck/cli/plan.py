"""The emergency plan and the help lines."""

import sys
from typing import Annotated

import typer

from safecheck.cli.context import remember_choices, reporting, run_of
from safecheck.cli.options import (
    AgeGroupOption,
    ImagesOption,
    JsonOption,
    LangOption,
    PlainOption,
    RegionOption,
)


def plan(
    ctx: typer.Context,
    lang: LangOption = None,
    region: RegionOption = None,
    age_group: AgeGroupOption = None,
    images: ImagesOption = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Forget which steps you ticked and start again.")
    ] = False,
    plain: PlainOption = False,
) -> None:
    """The emergency plan: what to do when someone threatens you now, step by step.

    It asks first whether you are in danger, and shows the help lines of your region.

    Example: safecheck plan --region BE --age-group minor

    Example: safecheck plan --region NL --age-group adult --images under-18
    """
    run = run_of(ctx, lang, plain)
    with reporting(run.lang):
        from safecheck.content import checklist as checklists
        from safecheck.content import helplines as helpline_data
        from safecheck.core.errors import NotInteractiveError
        from safecheck.core.i18n import t
        from safecheck.core.region import region_of
        from safecheck.flows.emergency import run_plan
        from safecheck.flows.start import EMERGENCY_PLAN

        if not run.interactive:
            raise NotInteractiveError(
                t(
                    run.lang,
                    "The emergency plan asks its questions in a terminal, and standard input is "
                    "not one. Run it in a terminal, or see the help lines without questions: "
                    "safecheck helplines --region BE, NL or OTHER.",
                )
            )
        region = region or run.region
        remember_choices(getattr(lang, "value", None), region)
        # Crisis first: the crisis screen and every step are shown without unlocking the
        # state; the key is asked when a tick is saved, and a state that cannot be opened
        # is left exactly as it is (the plan goes on without saving).
        store = run.store(asker=None, prepare=False, readonly=True)
        store.quarantine = False
        run_plan(
            checklists.load(checklists.find(EMERGENCY_PLAN, [checklists.builtin_dir()])),
            helpline_data.load(),
            store,
            run.prompter(),
            run.display(),
            run.lang,
            region=region_of(region) if region else None,
            age_group=age_group,
            images=images,
            restart=restart,
            unlock=run.prompter(quick_exit=False),
        )


def helplines(
    ctx: typer.Context,
    lang: LangOption = None,
    region: RegionOption = None,
    age_group: AgeGroupOption = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help="Every line in full, with its source, at once (without a question)."
        ),
    ] = False,
    plain: PlainOption = False,
    json_output: JsonOption = False,
) -> None:
    """List the help lines of your region and the removal services, each with its source.

    The crisis lines come first, on one screen; every line in full follows.

    Example: safecheck helplines --region NL
    """
    run = run_of(ctx, lang, plain)
    with reporting(run.lang, json_output=json_output):
        from safecheck.content import helplines as helpline_data
        from safecheck.core.region import region_of
        from safecheck.flows.crisis import known_region
        from safecheck.flows.helplines import helplines_data, show
        from safecheck.storage import settings as plain_settings

        # Never opens the state: the region is the one given, or the plain settings'.
        region = region or run.region
        chosen = region_of(region) if region else known_region(plain_settings.read())
        lines = helpline_data.load()
        if json_output:
            from safecheck.core import jsonout

            jsonout.emit("helplines", helplines_data(lines, run.lang, chosen, age_group))
            return
        # In a terminal the first screen stays in view until Enter; elsewhere all follows.
        ask = not show_all and run.interactive and sys.stdout.isatty()
        more = (lambda question: run.prompter().confirm(question, default=True)) if ask else None
        show(run.display(), lines, run.lang, chosen, age_group, everything=not ask, more=more)
