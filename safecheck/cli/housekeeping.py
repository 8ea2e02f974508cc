"""Where safecheck keeps its files, and removing them: where, wipe, reset."""

import typer

from safecheck.cli.context import reporting, run_of
from safecheck.cli.options import (
    LangOption,
    YesOption,
)
from safecheck.core.i18n import N_
from safecheck.core.text import safe_text

# --- private, durable state (issue 4) ---


def where(ctx: typer.Context, lang: LangOption = None) -> None:
    """Show where safecheck keeps its files, and how your answers are protected.

    Example: safecheck where
    """
    run = run_of(ctx, lang)
    with reporting(run.lang):
        from safecheck.storage.housekeeping import where as where_lines
        from safecheck.storage.settings import default_home

        for line in where_lines(default_home(), run.lang):
            typer.echo(safe_text(line))  # names of files anyone may have put there


def wipe(ctx: typer.Context, yes: YesOption = False, lang: LangOption = None) -> None:
    """Remove every file safecheck saved, and its key in your keyring.

    Asks first; --yes does not ask. Says what it removed.

    Example: safecheck wipe --yes
    """
    run = run_of(ctx, lang)
    with reporting(run.lang):
        from safecheck.core.i18n import t
        from safecheck.storage.housekeeping import wipe as wipe_all
        from safecheck.storage.settings import default_home

        home = default_home()
        confirm = run.confirmer(
            N_(
                "safecheck wipe asks before it removes anything, and standard input is not a "
                "terminal. To wipe from a script, add --yes."
            )
        )
        if not yes and not confirm(
            t(
                run.lang,
                "This removes every file safecheck saved in {folder} (your answers too) and "
                "its key in your keyring. This cannot be undone. Remove everything?",
                folder=home,
            )
        ):
            typer.echo(t(run.lang, "Nothing was removed."))
            return
        outcome = wipe_all(home, run.lang)
        for line in outcome.lines:
            typer.echo(safe_text(line))  # names of files anyone may have put there
        if outcome.error is not None:
            raise outcome.error


def reset(ctx: typer.Context, yes: YesOption = False, lang: LangOption = None) -> None:
    """Start again with empty answers when your saved state cannot be read.

    The unreadable file is moved aside (kept, never deleted). Asks first; --yes
    does not ask.

    Example: safecheck reset
    """
    run = run_of(ctx, lang)
    with reporting(run.lang):
        from safecheck.storage.housekeeping import reset as reset_state

        prompter = run.prompter(quick_exit=False)
        outcome = reset_state(
            run.store(asker=prompter, prepare=False, switch=False),
            run.lang,
            confirm=(lambda message: True)
            if yes
            else run.confirmer(
                N_(
                    "safecheck reset asks before it moves your saved state aside, and standard "
                    "input is not a terminal. To reset from a script, add --yes."
                )
            ),
        )
        for line in outcome.lines:
            typer.echo(safe_text(line))  # names of files anyone may have put there
