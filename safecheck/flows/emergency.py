"""The emergency plan: crisis help first, then region and age, then the steps.

A person who answers "yes" to acute danger sees the emergency number and their
region's suicide-prevention line on the very next screen. Every step after that is
walked and saved like a checklist (`walk.walk`), with the suicide-prevention line
printed under each step. This module knows nothing of terminals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from safecheck.content import helplines as helpline_data
from safecheck.content.checklist import Checklist, Item, Section
from safecheck.content.helplines import HelpLine
from safecheck.core import labels
from safecheck.core.audience import (
    AgeGroup,
    ImageAge,
    images_for,
    remembered_age_group,
    remembered_images,
)
from safecheck.core.i18n import t
from safecheck.core.questions import Asker, Select
from safecheck.core.region import Region, default_region, region_of
from safecheck.flows.crisis import (
    ANOTHER_REGION,
    ONLY_BE_NL,
    every_country,
    footer_text,
    known_region,
    lines_for,
    region_name,
)
from safecheck.flows.evidence_form import offer_log
from safecheck.flows.saver import Saver
from safecheck.flows.walk import View, now, walk
from safecheck.progress.summary import Summary
from safecheck.storage import settings as plain_settings
from safecheck.storage.sealing import PassphraseAsker
from safecheck.storage.state import Answer, State
from safecheck.storage.store import Store

__all__ = ["footer_text"]  # kept here for the callers that show a plan's footer

EVIDENCE_STEP = "evidence"  # the step that offers to start the evidence log


class PlanDisplay(View, Protocol):
    def clear(self) -> None: ...

    def footer(self, text: str) -> None: ...

    def crisis(self, title: str, message: str, lines: Sequence[HelpLine], lang: str) -> None: ...

    def step(self, item: Item, lang: str, *, answered: int, total: int) -> None: ...

    def platforms(self, item: Item, lang: str) -> None: ...

    def helpline_list(self, title: str, lines: Sequence[HelpLine], lang: str) -> None: ...

    def helpline_table(self, title: str, lines: Sequence[HelpLine], lang: str) -> None: ...

    def plan_summary(self, summary: Summary, lang: str) -> None: ...


def ask_region(asker: Asker, lang: str, current: Region | None) -> Region:
    """Belgium, the Netherlands or another country: a number or the arrows, then Enter."""
    regions = list(Region)
    return asker.ask(
        Select(
            t(lang, "Where do you live? This chooses your help lines."),
            [(region_name(region, lang), region) for region in regions],
            default=regions.index(current) if current is not None else None,
        )
    )


def remember_region(home: Path, region: Region, code: str | None = None) -> None:
    """The region (or the country code it was given as) goes into the plain settings file.

    Choosing "another country" keeps a country code saved before (`US` stays `US`).
    """
    saved = plain_settings.read(home).region
    if code is None and saved is not None and region_of(saved) is region:
        return
    wanted = code if code is not None else region.value
    if saved != wanted:
        plain_settings.update(home, region=wanted)


def ask_age_group(asker: Asker, lang: str, given_before: AgeGroup | None) -> AgeGroup:
    """Always asked (never guessed); the answer given before is highlighted."""
    groups = [AgeGroup.MINOR, AgeGroup.ADULT]
    return asker.ask(
        Select(
            t(lang, "How old are you? This chooses the help lines that fit you."),
            [(t(lang, labels.AGE[group.value]), group) for group in groups],
            default=groups.index(given_before) if given_before is not None else None,
        )
    )


def ask_images(asker: Asker, lang: str, given_before: ImageAge | None) -> ImageAge:
    """When the images were made: under 18, 18 or older, or not sure (both routes)."""
    answers = list(ImageAge)
    return asker.ask(
        Select(
            t(
                lang,
                "When were the images made? How old were you then? This chooses the service "
                "that can have them taken down.",
            ),
            [(t(lang, labels.IMAGES[answer.value]), answer) for answer in answers],
            default=answers.index(given_before) if given_before is not None else None,
        )
    )


def remember(store: Store, settings: Mapping[str, Any], key: str, value: str) -> None:
    """Save a setting, only when it changed (the state is written as rarely as it can be)."""
    if key == "region":
        remember_region(store.home, Region(value))
    elif settings.get(key) != value:
        store.update(lambda state: state.with_setting(key, value))


def show_helplines(
    display: PlanDisplay,
    lines: Sequence[HelpLine],
    lang: str,
    region: Region | None,
    age_group: AgeGroup | None = None,
) -> None:
    """The region's own lines, then the removal services that work anywhere.

    With no region known (None), the lines of every country safecheck knows.
    """
    if region is None:
        every_country(display, lines, lang, age_group)
        return
    chosen = helpline_data.select(lines, region, age_group, speaks=lang)
    own = [line for line in chosen if line.country == region.value]
    anywhere = [line for line in chosen if line.country != region.value]
    title = t(lang, "Help lines: {region}", region=region_name(region, lang))
    if own:
        display.helpline_table(title, own, lang)
    else:
        display.message(title)
        display.message(t(lang, ONLY_BE_NL))
    if anywhere:
        display.helpline_table(t(lang, "Removing images (any country)"), anywhere, lang)
    display.message(t(lang, ANOTHER_REGION))


def run_plan(
    plan: Checklist,
    lines: Sequence[HelpLine],
    store: Store | Saver,
    asker: Asker,
    display: PlanDisplay,
    lang: str,
    *,
    settings: Mapping[str, Any] | None = None,
    region: Region | None,
    age_group: AgeGroup | None,
    images: ImageAge | None = None,
    restart: bool = False,
    clock: Callable[[], str] = now,
    unlock: PassphraseAsker | None = None,
) -> Summary | None:
    """Walk the plan; `None` when the person chose to stop after the crisis screen.

    Nothing is unlocked before the steps: the crisis screen uses the plain settings
    (`settings.toml`) and the locale. When no region is known, it shows every line we
    know and asks for the region right after. The age group is always asked (it chooses
    help lines); someone 18 or older is then asked when the images were made (it chooses
    Take It Down or StopNCII; under 18 now means images made under 18). Both go into the
    encrypted state at once when it opens without asking, else with the first tick, so
    `status` counts the same steps as the plan. A state that cannot be unlocked never
    stops the plan (see `Saver`). `settings` are the encrypted state's, when the caller
    has them.
    """
    saver = store if isinstance(store, Saver) else Saver(store, unlock, lang=lang)
    saver.say = display.message
    display.checklist_intro(plan, lang)
    known = known_region(plain_settings.read(saver.home))
    shown_region = region or known
    if plan.crisis is not None:
        crisis = plan.crisis
        in_danger = asker.ask(
            Select(
                crisis.question[lang],
                [(crisis.yes[lang], True), (crisis.no[lang], False)],
                default=0,
            )
        )
        if in_danger:
            display.clear()
            crisis_lines = lines_for(shown_region, lines, crisis.helplines, lang=lang)
            display.crisis(t(lang, "Help right now"), crisis.message[lang], crisis_lines, lang)
            if shown_region is Region.OTHER or not crisis_lines:
                display.message(t(lang, ONLY_BE_NL))
            if shown_region is None:
                # Every line we know is on screen; the region question comes right after.
                region = ask_region(asker, lang, None)
                remember_region(saver.home, region)
                display.footer(footer_text(lines, region, lang))
            else:
                display.message(
                    t(
                        lang,
                        "Region: {region}. The help lines shown are chosen by it.",
                        region=region_name(shown_region, lang),
                    )
                )
            go_on = asker.ask(
                Select(
                    t(lang, "When you are ready:"),
                    [
                        (t(lang, "Go on with the steps"), True),
                        (t(lang, "Stop here for now"), False),
                    ],
                    default=0,
                )
            )
            if not go_on:
                return None
    if (
        region is None
        and known not in (None, Region.OTHER)
        and plain_settings.read(saver.home).region
    ):
        region = known  # chosen before: not asked again (the start screen changes it)
    if region is None:
        region = ask_region(asker, lang, known or default_region())
        remember_region(saver.home, region)
    saved = settings if settings is not None else saver.load().settings
    if age_group is None:
        age_group = ask_age_group(asker, lang, remembered_age_group(saved))
    images = images_for(age_group, images)
    if images is None:
        images = ask_images(asker, lang, remembered_images(saved))
    chosen = {"age_group": age_group.value, "images": images.value}
    if any(saved.get(key) != value for key, value in chosen.items()):

        def with_choices(state: State) -> State:
            for key, value in chosen.items():
                state = state.with_setting(key, value)
            return state

        # Alone no reason to unlock: saved now if the state opens without asking, else
        # with the first tick (so what status counts is what the plan narrows by).
        saver.soon(with_choices)
    display.message(
        t(
            lang,
            "Steps for: {region} · {age}",
            region=region_name(region, lang),
            age=t(lang, labels.AGE[age_group.value]),
        )
    )
    view = PlanView(display, lines, region, age_group, images)

    def after_answer(item: Item, answer: Answer) -> None:
        # The evidence step offers to start the evidence log (asked with the same prompts).
        wants_help = answer in (Answer.DONE, Answer.NOT_YET)
        if item.id == EVIDENCE_STEP and wants_help:
            if saver.saving:
                offer_log(asker, saver.store, display, lang)
            else:
                display.message(
                    t(
                        lang,
                        "The evidence log cannot be saved this time. Write down what happened on paper "
                        "for now, or later with: safecheck evidence add",
                    )
                )

    summary = walk(
        plan.narrowed(region, age_group, images),
        saver,
        asker,
        view,
        lang,
        restart=restart,
        how_label=lambda item: t(lang, "How on each platform") if item.platforms else None,
        after_answer=after_answer,
        clock=clock,
    )
    saver.closing()
    return summary


def step_images(item: Item, images: ImageAge | None) -> ImageAge | None:
    """The image age a step's help lines are chosen by: a step only for images made under 18
    (or at 18+) shows the services for those, also when the person answered "not sure"."""
    if len(item.when.images) == 1:
        return ImageAge(next(iter(item.when.images)))
    return images


class PlanView:
    """Shows a plan step with its help lines and the crisis footer under it."""

    def __init__(
        self,
        display: PlanDisplay,
        lines: Sequence[HelpLine],
        region: Region,
        age_group: AgeGroup,
        images: ImageAge | None = None,
    ) -> None:
        self.display = display
        self.lines = lines
        self.region = region
        self.age_group = age_group
        self.images = images

    def _footer(self, lang: str) -> None:
        self.display.footer(footer_text(self.lines, self.region, lang))

    def checklist_intro(self, checklist: Checklist, lang: str) -> None:
        """The intro was shown before the crisis question."""

    def message(self, text: str) -> None:
        self.display.message(text)

    def section(self, section: Section, lang: str) -> None:
        self.display.section(section, lang)

    def item(self, item: Item, lang: str, *, answered: int, total: int) -> None:
        self.display.step(item, lang, answered=answered, total=total)
        if item.helplines:
            chosen = helpline_data.select(
                self.lines,
                self.region,
                self.age_group,
                item.helplines,
                speaks=lang,
                images=step_images(item, self.images),
            )
            if chosen:
                self.display.helpline_list(t(lang, "Help for this step"), chosen, lang)
        # Another country: the footer names 112, a directory of help lines and "don't stay
        # alone" under every step.
        self._footer(lang)

    def how(self, item: Item, lang: str) -> None:
        """The step itself was shown in full; more means its platforms (help still in sight)."""
        self.display.platforms(item, lang)
        self._footer(lang)

    def summary(self, summary: Summary, lang: str) -> None:
        self.display.plan_summary(summary, lang)
        self._footer(lang)
