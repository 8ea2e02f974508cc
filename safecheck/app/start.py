"""What every run does first (the top-level callback), and the start screen with no command.

Apart from the emergency plan (`plan.py`): every command passes here, and loads only this.
"""

from __future__ import annotations

from typing import NamedTuple

from safecheck.app.result import Result
from safecheck.app.run import Run
from safecheck.core.errors import NotInteractiveError
from safecheck.core.i18n import N_
from safecheck.storage.intent import Intent


class StartRequest(NamedTuple):
    command: str | None  # the command that follows; None: the start screen
    lang: str | None = None  # --lang given before the command
    discreet: bool | None = None


def start(run: Run, request: StartRequest) -> Result:
    """What every run does first; with no command, the start screen (its menu)."""
    from safecheck.core.region import region_of

    if request.command is None and not run.interactive:
        # Crisis help first, even here: the help lines, then what works without a terminal.
        from safecheck.content import helplines as helpline_data
        from safecheck.flows.crisis import known_region
        from safecheck.flows.helplines import first_screen

        chosen = region_of(run.region) if run.region else known_region(run.settings)
        first_screen(run.display(), helpline_data.load(), run.lang, chosen)
        raise NotInteractiveError(
            N_(
                "The start screen asks its questions in a terminal, and standard input is not "
                "one. Run safecheck in a terminal. Without one, these work: safecheck "
                "helplines (--json), safecheck status, safecheck verify, safecheck check ID "
                "--answers FILE --no-input, safecheck evidence list and safecheck export "
                "--output FILE."
            )
        )
    run.go_discreet(request.discreet)
    if request.command in (None, "plan"):  # remembered (in the plain file)
        run.remember(lang=request.lang, region=run.region)
    if request.command is None:
        from safecheck.flows.start import run_start  # only here: it loads every flow

        # Crisis first: nothing is unlocked for the start screen, the crisis screen or
        # the plan's steps; a key is asked only when something is saved.
        run_start(
            run.store(Intent.CRISIS, ask=run.encryption is not None),
            run.prompter(),
            run.display(),
            run.lang,
            region=region_of(run.region) if run.region else None,
            unlock=run.unlocker(),
            shown=run.crisis_shown,
        )
    return Result("start")
