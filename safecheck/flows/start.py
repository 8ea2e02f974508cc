"""The start screen, crisis first, and the few settings it remembers.

`safecheck` with no command opens a menu whose first choice, already highlighted,
is the emergency plan: one Enter, or the key 1 and Enter, reaches it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Protocol

from safecheck.content import checklist as checklists
from safecheck.content import helplines as helpline_data
from safecheck.core.i18n import t
from safecheck.core.questions import Asker, Select
from safecheck.core.region import Region
from safecheck.flows.crisis import footer_text, known_region, region_name
from safecheck.flows.emergency import (
    PlanDisplay,
    ask_region,
    remember_region,
    run_plan,
    show_helplines,
)
from safecheck.flows.saver import Saver
from safecheck.flows.walk import now, walk
from safecheck.storage import settings as plain_settings
from safecheck.storage.sealing import PassphraseAsker
from safecheck.storage.store import Store

EMERGENCY_PLAN = "emergency"
PREVENTION = "prevention"


class StartDisplay(PlanDisplay, Protocol):
    def start_screen(self, lang: str, region: str, footer: str) -> None: ...


class Action(StrEnum):
    PLAN = "plan"
    CHECK = "check"
    HELPLINES = "helplines"
    REGION = "region"
    QUIT = "quit"


def choose(
    asker: Asker, display: StartDisplay, lang: str, footer: str, region: Region | None
) -> Action:
    name = region_name(region, lang) if region is not None else t(lang, "not chosen yet")
    display.start_screen(lang, name, footer)
    return asker.ask(
        Select(
            t(lang, "What do you need?"),
            [
                (t(lang, "I'm being threatened now"), Action.PLAN),
                (t(lang, "Check how well you are protected"), Action.CHECK),
                (t(lang, "Help lines"), Action.HELPLINES),
                (t(lang, "Change region (now: {region})", region=name), Action.REGION),
                (t(lang, "Quit"), Action.QUIT),
            ],
            default=0,
        )
    )


def run_start(
    store: Store,
    asker: Asker,
    display: StartDisplay,
    lang: str,
    *,
    region: Region | None = None,
    clock: Callable[[], str] = now,
    unlock: PassphraseAsker | None = None,
    shown: str | None = None,
) -> None:
    """The start menu, shown again after each choice until the person quits.

    Nothing here unlocks the state: the region comes from the plain settings file or
    the locale. Answers are read and saved through one `Saver`, which asks for a key
    (with `unlock`) only when something is saved. `shown`: the crisis lines already on
    the screen, right above (printed by the entry point); the first screen leaves them
    out, later ones show them again.
    """
    lines = helpline_data.load()
    saver = Saver(store, unlock, lang=lang)
    saver.say = display.message
    folders = [checklists.builtin_dir()]
    while True:
        region_shown = region or known_region(plain_settings.read(store.home))
        footer = footer_text(lines, region_shown, lang)
        action = choose(asker, display, lang, "" if footer == shown else footer, region_shown)
        shown = None
        if action is Action.PLAN:
            plan = checklists.load(checklists.find(EMERGENCY_PLAN, folders))
            run_plan(
                plan,
                lines,
                saver,
                asker,
                display,
                lang,
                # Another country, or none known: after the crisis screen, ask.
                region=None if region_shown in (None, Region.OTHER) else region_shown,
                age_group=None,
                clock=clock,
            )
        elif action is Action.CHECK:
            prevention = checklists.load(checklists.find(PREVENTION, folders))
            walk(prevention, saver, asker, display, lang, clock=clock)
            saver.closing()
        elif action is Action.HELPLINES:
            show_helplines(display, lines, lang, region_shown)
        elif action is Action.REGION:
            region = ask_region(asker, lang, region_shown)
            remember_region(store.home, region)
        else:
            return
