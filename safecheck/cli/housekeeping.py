"""Where safecheck keeps its files, and removing them: where, wipe, reset."""

import typer

from safecheck.cli.context import finish, run_of
from safecheck.cli.options import (
    LangOption,
    YesOption,
)

# --- private, durable state (issue 4) ---


def where(ctx: typer.Context, lang: LangOption = None) -> None:
    """Show where safecheck keeps its files, and how your answers are protected.

    Example: safecheck where
    """
    from safecheck.app.housekeeping import where as use_case

    run = run_of(ctx, lang)
    finish(run, use_case(run))


def wipe(ctx: typer.Context, yes: YesOption = False, lang: LangOption = None) -> None:
    """Remove every file safecheck saved, and its key in your keyring.

    Asks first; --yes does not ask. Says what it removed.

    Example: safecheck wipe --yes
    """
    from safecheck.app.housekeeping import wipe as use_case

    run = run_of(ctx, lang)
    finish(run, use_case(run, yes=yes))


def reset(ctx: typer.Context, yes: YesOption = False, lang: LangOption = None) -> None:
    """Start again with empty answers when your saved state cannot be read.

    The unreadable file is moved aside (kept, never deleted). Asks first; --yes
    does not ask.

    Example: safecheck reset
    """
    from safecheck.app.housekeeping import reset as use_case

    run = run_of(ctx, lang)
    finish(run, use_case(run, yes=yes))
