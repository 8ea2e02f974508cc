"""Which crisis lines to show: decided from the plain settings and the locale alone.

Nothing here unlocks the state or imports a terminal library, so the lines can be
chosen (and, later, printed) before anything slow is loaded. When no region was
chosen and the locale names neither Belgium nor the Netherlands, every line we know
is shown, each labelled with its country.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from safecheck.content import helplines as helpline_data
from safecheck.content.checklist import Text
from safecheck.content.helplines import HelpLine
from safecheck.core import labels
from safecheck.core import region as regions
from safecheck.core.audience import AgeGroup
from safecheck.core.i18n import N_, labelled, t
from safecheck.core.region import Region
from safecheck.storage.settings import Settings

CRISIS_KINDS = ("emergency", "suicide-prevention")
KNOWN = (Region.BE, Region.NL)

# Said wherever safecheck has no lines of the reader's own country, and after every list.
ONLY_BE_NL = N_(
    "safecheck only knows the help lines of Belgium and the Netherlands. In "
    "Europe, 112 reaches the emergency services; elsewhere, call your local "
    "emergency number. Look for a help line where you live, or ask someone you "
    "trust to find one with you."
)
ANOTHER_REGION = N_("Another region: --region BE, NL or OTHER.")


class Tables(Protocol):
    """A screen that shows help lines as tables (the plan's and `helplines --all`)."""

    def message(self, text: str) -> None: ...

    def helpline_table(self, title: str, lines: Sequence[HelpLine], lang: str) -> None: ...


def region_name(region: Region, lang: str) -> str:
    return t(lang, labels.REGION[region.value])


def own_lines(chosen: Iterable[HelpLine], country: Region) -> list[HelpLine]:
    """Of the lines chosen for `country`, those of the country itself (not international)."""
    return [line for line in chosen if line.country == country.value]


def every_country(
    display: Tables, lines: Sequence[HelpLine], lang: str, age_group: AgeGroup | None
) -> None:
    """With no region known: each country's own lines, the removal services that work
    anywhere, and how to choose a region."""
    for country in KNOWN:
        title = t(lang, "Help lines: {region}", region=region_name(country, lang))
        own = own_lines(helpline_data.select(lines, country, age_group, speaks=lang), country)
        display.helpline_table(title, own, lang)
    removal = helpline_data.anywhere(lines, age_group, lang)
    if removal:
        display.helpline_table(t(lang, "Removing images (any country)"), removal, lang)
    display.message(t(lang, ANOTHER_REGION))


def known_region(settings: Settings, environ: Mapping[str, str] | None = None) -> Region | None:
    """The region chosen before, else BE or NL when the locale names it; None: not known."""
    return regions.known_region(settings.region, environ)


def lines_for(
    region: Region | None,
    lines: Iterable[HelpLine],
    kinds: Sequence[str] = CRISIS_KINDS,
    *,
    lang: str,
) -> tuple[HelpLine, ...]:
    """The lines of these kinds for a region and the reader's language; for an unknown
    region (None) those of every country we know, labelled with it, and a number they
    share (112) once, unlabelled."""
    lines = tuple(lines)
    if region is not None:
        return helpline_data.select(lines, region, kinds=kinds, speaks=lang)
    chosen: list[HelpLine] = []
    for kind in kinds:
        per_country = [
            own_lines(helpline_data.select(lines, country, kinds=[kind], speaks=lang), country)
            for country in KNOWN
        ]
        phones = [{line.phones for line in found} for found in per_country]
        shared = set.intersection(*phones) if phones else set()
        done: set[tuple[str, ...]] = set()
        for found in per_country:
            for line in found:
                if line.phones in shared and line.phones:
                    if line.phones not in done:
                        done.add(line.phones)
                        chosen.append(line)
                else:
                    chosen.append(with_country(line))
    return tuple(chosen)


def crisis_lines(
    settings: Settings,
    lines: Iterable[HelpLine],
    environ: Mapping[str, str] | None = None,
    kinds: Sequence[str] = CRISIS_KINDS,
    *,
    lang: str,
) -> tuple[HelpLine, ...]:
    """The emergency and suicide-prevention lines to show first, before anything is asked."""
    return lines_for(known_region(settings, environ), lines, kinds, lang=lang)


def with_country(line: HelpLine) -> HelpLine:
    """The line with its country before its name: `Belgium: Zelfmoordlijn 1813`."""

    def label(lang: str) -> str:
        return labelled(lang, t(lang, labels.COUNTRY[line.country]), line.name[lang])

    return replace(line, name=Text(nl=label("nl"), en=label("en"), fr=label("fr")))


# The footer is read on an 80-column terminal too: its lines are laid out to 79 columns (some
# terminals wrap as soon as the last column is written), a help line never cut in two.
FOOTER_WIDTH = 79


def footer_text(lines: Iterable[HelpLine], region: Region | None, lang: str) -> str:
    """The emergency number and the suicide-prevention lines, kept in sight on every screen."""
    lines = tuple(lines)
    emergency = lines_for(region, lines, ["emergency"], lang=lang)
    suicide = lines_for(region, lines, ["suicide-prevention"], lang=lang)
    if not emergency or not suicide:
        return t(
            lang,
            "In danger? Call the local emergency number (112 in Europe).\nThinking about "
            "suicide? Call a suicide-prevention line where you live.",
        )
    numbers = f" {t(lang, 'or')} ".join(p for line in emergency for p in line.phones)
    shown = [t(lang, "In danger? Call {emergency}.", emergency=numbers)]
    if region is Region.OTHER:  # 112 is the EU's number; elsewhere the country's own
        shown = [t(lang, "In danger? Call the local emergency number (112 in Europe).")]
    # One region's lines follow the question on its line while they fit; every country's
    # lines (no region known) each start a line of their own, under the question.
    row = t(lang, "Thinking about suicide?")
    for index, line in enumerate(suicide):
        text = helpline_data.short_line(line, lang)
        joined = f"{row} {text}" if index == 0 else f"{row}; {text}"
        if region is not None and len(joined) <= FOOTER_WIDTH:
            row = joined
        else:
            shown.append(row)
            row = text
    shown.append(row)
    if region is Region.OTHER:  # no line of its own there: nobody should wait alone
        shown.append(t(lang, "Don't stay alone: tell someone you trust now."))
    return "\n".join(shown)
