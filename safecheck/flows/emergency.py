"""The emergency plan: crisis help first, then region and age, then the steps.

A person who answers "yes" to acute danger sees the emergency number and their
region's suicide-prevention line on the very next screen. Every step after that is
walked and saved like a checklist (`walk.walk`), with the suicide-prevention line
printed under each step. This module knows nothing of terminals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from safecheck.content import helplines as helpline_data
from safecheck.content.checklist import Checklist, Item, Section
from safecheck.content.helplines import HelpLine
from safecheck.core.audience import AgeGroup, remembered_age_group, remembered_region
from safecheck.core.i18n import t
from safecheck.core.region import Region
from safecheck.flows.evidence_form import FormAsker, offer_log
from safecheck.flows.walk import View, now, walk
from safecheck.progress.summary import Summary
from safecheck.storage.state import Answer
from safecheck.storage.store import Store

T = TypeVar("T")
EVIDENCE_STEP = "evidence"  # the step that offers to start the evidence log


class Chooser(Protocol):
    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, T]],
        *,
        default: int | None = None,
        instant: bool = False,
    ) -> T: ...


class PlanDisplay(View, Protocol):
    def clear(self) -> None: ...

    def footer(self, text: str) -> None: ...

    def crisis(self, title: str, message: str, lines: Sequence[HelpLine], lang: str) -> None: ...

    def step(self, item: Item, lang: str, *, answered: int, total: int) -> None: ...

    def platforms(self, item: Item, lang: str) -> None: ...

    def helpline_list(self, title: str, lines: Sequence[HelpLine], lang: str) -> None: ...

    def helpline_table(self, title: str, lines: Sequence[HelpLine], lang: str) -> None: ...

    def plan_summary(self, summary: Summary, lang: str) -> None: ...


def region_name(region: Region, lang: str) -> str:
    return t(lang, f"region.{region.value}")


def footer_text(lines: Sequence[HelpLine], region: Region, lang: str) -> str:
    """The emergency number and the region's suicide-prevention line, in one line."""
    emergency = helpline_data.select(lines, region, kinds=["emergency"])
    suicide = helpline_data.select(lines, region, kinds=["suicide-prevention"])
    if not emergency or not suicide:
        return t(lang, "plan.footer_other")
    return t(
        lang,
        "plan.footer",
        emergency=f" {t(lang, 'helplines.or')} ".join(p for line in emergency for p in line.phones),
        suicide="; ".join(helpline_data.short_line(line, lang) for line in suicide),
    )


def ask_region(asker: Chooser, lang: str, current: Region) -> Region:
    regions = list(Region)
    return asker.select(
        t(lang, "region.ask"),
        [(region_name(region, lang), region) for region in regions],
        default=regions.index(current),
    )


def ask_age_group(asker: Chooser, lang: str, given_before: AgeGroup | None) -> AgeGroup:
    """Always asked (never guessed); the answer given before is highlighted."""
    groups = [AgeGroup.MINOR, AgeGroup.ADULT]
    return asker.select(
        t(lang, "age.ask"),
        [(t(lang, f"age.{group.value}"), group) for group in groups],
        default=groups.index(given_before) if given_before is not None else None,
    )


def remember(store: Store, settings: Mapping[str, Any], key: str, value: str) -> None:
    """Save a setting, only when it changed (the state is written as rarely as it can be)."""
    if settings.get(key) != value:
        store.update(lambda state: state.with_setting(key, value))


def show_helplines(
    display: PlanDisplay,
    lines: Sequence[HelpLine],
    lang: str,
    region: Region,
    age_group: AgeGroup | None = None,
) -> None:
    """The region's own lines, then the removal services that work anywhere."""
    chosen = helpline_data.select(lines, region, age_group)
    own = [line for line in chosen if line.country == region.value]
    anywhere = [line for line in chosen if line.country != region.value]
    title = t(lang, "helplines.title", region=region_name(region, lang))
    if own:
        display.helpline_table(title, own, lang)
    else:
        display.message(title)
        display.message(t(lang, "plan.other_region"))
    if anywhere:
        display.helpline_table(t(lang, "helplines.removal"), anywhere, lang)
    display.message(t(lang, "helplines.other_region"))


def run_plan(
    plan: Checklist,
    lines: Sequence[HelpLine],
    store: Store,
    asker: Chooser,
    display: PlanDisplay,
    lang: str,
    *,
    settings: Mapping[str, Any],
    region: Region | None,
    age_group: AgeGroup | None,
    restart: bool = False,
    clock: Callable[[], str] = now,
) -> Summary | None:
    """Walk the plan; `None` when the person chose to stop after the crisis screen.

    `region` and `age_group` are asked for when they are `None`, with the saved
    answers (`settings`) highlighted; what is chosen is remembered for next time.
    """
    display.checklist_intro(plan, lang)
    default_region = remembered_region(settings)
    shown_region = region or default_region
    if plan.crisis is not None:
        crisis = plan.crisis
        in_danger = asker.select(
            crisis.question(lang), [(crisis.yes(lang), True), (crisis.no(lang), False)], default=0
        )
        if in_danger:
            display.clear()
            crisis_lines = helpline_data.select(lines, shown_region, kinds=crisis.helplines)
            display.crisis(t(lang, "plan.crisis_title"), crisis.message(lang), crisis_lines, lang)
            if shown_region is Region.OTHER or not crisis_lines:
                display.message(t(lang, "plan.other_region"))
            display.message(t(lang, "region.shown", region=region_name(shown_region, lang)))
            go_on = asker.select(
                t(lang, "plan.crisis_next"),
                [(t(lang, "plan.continue"), True), (t(lang, "plan.stop"), False)],
                default=0,
            )
            if not go_on:
                return None
    if region is None:
        region = ask_region(asker, lang, default_region)
        remember(store, settings, "region", region.value)
    if age_group is None:
        age_group = ask_age_group(asker, lang, remembered_age_group(settings))
    remember(store, settings, "age_group", age_group.value)
    display.message(
        t(
            lang,
            "plan.steps_for",
            region=region_name(region, lang),
            age=t(lang, f"age.{age_group.value}"),
        )
    )
    view = PlanView(display, lines, region, age_group)

    def after_answer(item: Item, answer: Answer) -> None:
        # The evidence step offers to start the evidence log (asked with the same prompts).
        wants_help = answer in (Answer.DONE, Answer.NOT_YET)
        if item.id == EVIDENCE_STEP and wants_help and isinstance(asker, FormAsker):
            offer_log(asker, store, display, lang)

    return walk(
        plan.narrowed(region, age_group),
        store,
        asker,
        view,
        lang,
        restart=restart,
        how_label=lambda item: t(lang, "answer.platforms") if item.platforms else None,
        after_answer=after_answer,
        clock=clock,
    )


class PlanView:
    """Shows a plan step with its help lines and the crisis footer under it."""

    def __init__(
        self,
        display: PlanDisplay,
        lines: Sequence[HelpLine],
        region: Region,
        age_group: AgeGroup,
    ) -> None:
        self.display = display
        self.lines = lines
        self.region = region
        self.age_group = age_group

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
            chosen = helpline_data.select(self.lines, self.region, self.age_group, item.helplines)
            if chosen:
                self.display.helpline_list(t(lang, "plan.lines"), chosen, lang)
            if self.region is Region.OTHER:
                self.display.message(t(lang, "plan.other_region"))
        self._footer(lang)

    def how(self, item: Item, lang: str) -> None:
        """The step itself was shown in full; more means its platforms."""
        self.display.platforms(item, lang)

    def summary(self, summary: Summary, lang: str) -> None:
        self.display.plan_summary(summary, lang)
        self._footer(lang)
