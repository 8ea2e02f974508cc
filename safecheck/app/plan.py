"""Crisis first: the emergency plan and the help lines (the start screen is `start.py`)."""

from __future__ import annotations

from typing import NamedTuple

from safecheck.app.result import Result
from safecheck.app.run import Run
from safecheck.core.audience import AgeGroup, ImageAge
from safecheck.core.errors import NotInteractiveError
from safecheck.core.i18n import N_
from safecheck.storage.intent import Intent


class PlanRequest(NamedTuple):
    lang: str | None = None
    region: str | None = None
    age_group: AgeGroup | None = None
    images: ImageAge | None = None
    restart: bool = False


def plan(run: Run, request: PlanRequest) -> Result:
    """The emergency plan, step by step, in a terminal."""
    from safecheck.content import checklist as checklists
    from safecheck.content import helplines as helpline_data
    from safecheck.core.region import region_of
    from safecheck.flows.emergency import run_plan
    from safecheck.flows.start import EMERGENCY_PLAN

    if not run.interactive:
        raise NotInteractiveError(
            N_(
                "The emergency plan asks its questions in a terminal, and standard input is "
                "not one. Run it in a terminal, or see the help lines without questions: "
                "safecheck helplines --region BE, NL or OTHER."
            )
        )
    region = request.region or run.region
    run.remember(lang=request.lang, region=region)
    # Crisis first: the crisis screen and every step are shown without unlocking the
    # state; the key is asked when a tick is saved, and a state that cannot be opened
    # is left exactly as it is (the plan goes on without saving).
    run_plan(
        checklists.load(checklists.find(EMERGENCY_PLAN, [checklists.builtin_dir()])),
        helpline_data.load(),
        run.store(Intent.CRISIS),
        run.prompter(),
        run.display(),
        run.lang,
        region=region_of(region) if region else None,
        age_group=request.age_group,
        images=request.images,
        restart=request.restart,
        unlock=run.unlocker(),
    )
    return Result("plan")


class HelplinesRequest(NamedTuple):
    region: str | None = None
    age_group: AgeGroup | None = None
    show_all: bool = False
    json: bool = False


def helplines(run: Run, request: HelplinesRequest) -> Result:
    """The help lines of the region; never opens the state."""
    import sys

    from safecheck.content import helplines as helpline_data
    from safecheck.core.region import region_of
    from safecheck.flows.crisis import known_region
    from safecheck.flows.helplines import helplines_data, show

    # The region is the one given, or the plain settings'.
    region = request.region or run.region
    chosen = region_of(region) if region else known_region(run.settings)
    lines = helpline_data.load()
    if request.json:
        return Result("helplines", helplines_data(lines, run.lang, chosen, request.age_group))
    # In a terminal the first screen stays in view until Enter; elsewhere all follows.
    ask = not request.show_all and run.interactive and sys.stdout.isatty()
    more = (lambda question: run.prompter().confirm(question, default=True)) if ask else None
    show(run.display(), lines, run.lang, chosen, request.age_group, everything=not ask, more=more)
    return Result("helplines")
