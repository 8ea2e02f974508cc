"""Where safecheck keeps its files, and removing them: where, wipe, reset."""

from __future__ import annotations

from safecheck.app.result import Result, said
from safecheck.app.run import Run
from safecheck.core.i18n import N_, msg
from safecheck.storage.intent import Intent


def where(run: Run) -> Result:
    """Where the files are, and how the answers are protected."""
    from safecheck.storage.housekeeping import where as where_lines

    return Result("where", None, said(*where_lines(run.home)))


def wipe(run: Run, *, yes: bool) -> Result:
    """Every file and the key removed, after a question (--yes: none)."""
    from safecheck.storage.housekeeping import wipe as wipe_all

    confirm = run.confirmer(
        N_(
            "safecheck wipe asks before it removes anything, and standard input is not a "
            "terminal. To wipe from a script, add --yes."
        )
    )
    question = N_(
        "This removes every file safecheck saved in {folder} (your answers too) and "
        "its key in your keyring. This cannot be undone. Remove everything?"
    )
    if not yes and not confirm(msg(question, folder=run.home)):
        return Result("wipe", None, said(msg("Nothing was removed.")))
    outcome = wipe_all(run.home)
    if outcome.error is not None:
        from safecheck.app.render import render

        render(run, Result("wipe", None, said(*outcome.lines)))  # what was removed, first
        raise outcome.error
    return Result("wipe", None, said(*outcome.lines))


def reset(run: Run, *, yes: bool) -> Result:
    """The unreadable state moved aside (kept), after a question (--yes: none)."""
    from safecheck.storage.housekeeping import reset as reset_state

    confirm = run.confirmer(
        N_(
            "safecheck reset asks before it moves your saved state aside, and standard "
            "input is not a terminal. To reset from a script, add --yes."
        )
    )
    store = run.store(Intent.REPAIR, ask=True)
    outcome = reset_state(store, confirm=(lambda question: True) if yes else confirm)
    return Result("reset", None, said(*outcome.lines))
