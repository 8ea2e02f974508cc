"""`safecheck helplines`: crisis lines first, on one screen; details and sources below.

The whole list is about three screens tall at 80x24, so a person who reads only what is on
the screen would miss the first lines. The first screen therefore fits 24 rows: the crisis
lines (emergency, suicide prevention) and the region's other lines, one line each. The
table with every way to reach a line, whom it is for and its source follows below: at once
with `--all` or without a terminal, after Enter in one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from safecheck.content import helplines as helpline_data
from safecheck.content.helplines import HelpLine
from safecheck.core.audience import AgeGroup
from safecheck.core.i18n import t
from safecheck.core.region import Region
from safecheck.flows.crisis import (
    ANOTHER_REGION,
    CRISIS_KINDS,
    KNOWN,
    ONLY_BE_NL,
    every_country,
    lines_for,
    region_name,
)


class HelplineDisplay(Protocol):
    def message(self, text: str) -> None: ...

    def helpline_list(self, title: str, lines: Sequence[HelpLine], lang: str) -> None: ...

    def helpline_table(self, title: str, lines: Sequence[HelpLine], lang: str) -> None: ...


def first_screen(
    display: HelplineDisplay,
    lines: Sequence[HelpLine],
    lang: str,
    region: Region | None,
    age_group: AgeGroup | None = None,
) -> None:
    """The crisis lines, then the region's main lines and the removal services, one line each.

    With no region known (None): the crisis lines of every country safecheck knows, each
    labelled with its country, then the removal services.
    """
    if region is None:
        display.helpline_list(
            t(lang, "In danger now, or thinking about ending your life:"),
            lines_for(None, lines, lang=lang),
            lang,
        )
        removal = helpline_data.anywhere(lines, age_group, lang)
        display.helpline_list(t(lang, "Removing images (any country)"), removal, lang)
        display.message(t(lang, ANOTHER_REGION))
        return
    chosen = helpline_data.select(lines, region, age_group, speaks=lang)
    crisis = helpline_data.select(chosen, region, kinds=CRISIS_KINDS, speaks=lang)
    crisis = tuple(line for line in crisis if line.country == region.value)
    main = [line for line in chosen if line.country == region.value and line not in crisis]
    anywhere = [line for line in chosen if line.country != region.value]
    display.message(t(lang, "Help lines: {region}", region=region_name(region, lang)))
    if crisis:
        display.helpline_list(
            t(lang, "In danger now, or thinking about ending your life:"), crisis, lang
        )
    if region is Region.OTHER or not crisis:
        display.message(t(lang, ONLY_BE_NL))
    if main:
        display.helpline_list(t(lang, "More help:"), main, lang)
    if anywhere:
        display.helpline_list(t(lang, "Removing images (any country)"), anywhere, lang)


def show(
    display: HelplineDisplay,
    lines: Sequence[HelpLine],
    lang: str,
    region: Region | None,
    age_group: AgeGroup | None = None,
    *,
    everything: bool,
    more: Callable[[str], bool] | None = None,
) -> None:
    """The first screen; then, with `everything` or when `more(question)` says yes, the rest."""
    first_screen(display, lines, lang, region, age_group)
    if not everything and (
        more is None or not more(t(lang, "Show every line in full, with its source?"))
    ):
        display.message(t(lang, "Every line in full, with its source: safecheck helplines --all"))
        return
    if region is None:  # every country safecheck knows, each in full
        every_country(display, lines, lang, age_group)
        return
    chosen = helpline_data.select(lines, region, age_group, speaks=lang)
    own = [line for line in chosen if line.country == region.value]
    anywhere = [line for line in chosen if line.country != region.value]
    if own:
        display.helpline_table(t(lang, "Every line in full, with its source"), own, lang)
    if anywhere:
        display.helpline_table(t(lang, "Removing images (any country)"), anywhere, lang)
    display.message(t(lang, ANOTHER_REGION))


def helplines_data(
    lines: Sequence[HelpLine], lang: str, region: Region | None, age_group: AgeGroup | None = None
) -> dict[str, Any]:
    """The `helplines` kind of `--json`: the lines of the region and those that work anywhere
    (with no region known, None: the lines of every country safecheck knows)."""
    regions = [region] if region is not None else [*KNOWN, Region.OTHER]
    chosen = {
        line.id: line
        for one in regions
        for line in helpline_data.select(lines, one, age_group, speaks=lang)
    }
    return {
        "lang": lang,
        "region": region.value if region is not None else None,
        "age_group": age_group.value if age_group is not None else None,
        "helplines": [
            {
                "id": line.id,
                "country": line.country,
                "kind": line.kind,
                "crisis": line.kind in CRISIS_KINDS,
                "name": line.name[lang],
                "phones": list(line.phones),
                "chat": line.chat,
                "url": line.url,
                "hours": line.hours[lang] if line.hours else None,
                "for": line.who[lang],
                "ages": sorted(age.value for age in line.ages),
                "source": line.source,
            }
            for line in chosen.values()
        ],
    }
