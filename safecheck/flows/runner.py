"""Run one checklist: a plan through the emergency flow, any other through `walk`.

Kept apart from the start screen so that `safecheck check prevention` loads only what a
walk needs before its first question (the emergency flow loads for a plan only).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from safecheck.content.checklist import Checklist
from safecheck.core.errors import Interrupted, QuickExit, SafecheckError
from safecheck.flows.walk import now, walk
from safecheck.progress.summary import Summary
from safecheck.storage.store import Store

if TYPE_CHECKING:
    from safecheck.core.questions import Asker
    from safecheck.flows.emergency import PlanDisplay


def saved_settings(store: Store) -> Mapping[str, Any]:
    """The remembered settings; none when the state cannot be read (help must still work)."""
    try:
        return store.load().settings
    except (Interrupted, QuickExit):  # Ctrl-C or q at a passphrase question still stops
        raise
    except SafecheckError:
        return {}


def run_checklist(
    loaded: Checklist,
    store: Store,
    asker: Asker,
    display: PlanDisplay,
    lang: str,
    *,
    restart: bool = False,
    clock: Callable[[], str] = now,
) -> Summary | None:
    """Walk a checklist; a plan goes through the emergency flow (crisis question first)."""
    if loaded.kind != "plan":
        return walk(loaded, store, asker, display, lang, restart=restart, clock=clock)
    from safecheck.content import helplines as helpline_data
    from safecheck.flows.emergency import run_plan

    return run_plan(
        loaded,
        helpline_data.load(),
        store,
        asker,
        display,
        lang,
        settings=saved_settings(store),
        region=None,
        age_group=None,
        restart=restart,
        clock=clock,
    )
