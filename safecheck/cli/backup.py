"""An encrypted backup of everything safecheck keeps: create it, and restore it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import finish, run_of
from safecheck.cli.options import LangOption, force_option
from safecheck.core.i18n import N_

backup_app = typer.Typer(
    help=N_(
        "Move everything safecheck keeps to another computer, or give it to a trusted adult: "
        "one file, encrypted with a passphrase.\n\nExample: safecheck backup create safecheck.backup"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,  # a group of the top level (cli/app.py), which has them
)

BackupFile = Annotated[Path, typer.Argument(help=N_("The backup file."), dir_okay=False)]


@backup_app.command("create")
def backup_create(ctx: typer.Context, file: BackupFile, lang: LangOption = None) -> None:
    """Write your answers, settings, evidence log and every kept copy to one new file, encrypted
    with a passphrase you choose (asked twice; SAFECHECK_BACKUP_PASSPHRASE for scripts).

    Example: safecheck backup create /media/usb/safecheck.backup
    """
    from safecheck.app.backup import create

    run = run_of(ctx, lang)
    finish(run, create(run, file))


@backup_app.command("restore")
def backup_restore(
    ctx: typer.Context,
    file: BackupFile,
    force: Annotated[
        bool, force_option(help=N_("Replace a saved state; it is kept aside first, never deleted."))
    ] = False,
    lang: LangOption = None,
) -> None:
    """Put a backup back into safecheck's folder, sealed with this computer's key. Only into
    an empty folder, unless --force (then the current folder is kept aside first).

    Example: safecheck backup restore /media/usb/safecheck.backup
    """
    from safecheck.app.backup import restore

    run = run_of(ctx, lang)
    finish(run, restore(run, file, force=force))
