"""An encrypted backup of everything safecheck keeps: create it, and restore it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import reporting, run_of, warn
from safecheck.cli.options import LangOption

backup_app = typer.Typer(
    help="Move everything safecheck keeps to another computer, or give it to a trusted adult: "
    "one file, encrypted with a passphrase.\n\nExample: safecheck backup create safecheck.backup",
    no_args_is_help=True,
    rich_markup_mode=None,
)

BackupFile = Annotated[Path, typer.Argument(help="The backup file.", dir_okay=False)]


@backup_app.command("create")
def backup_create(ctx: typer.Context, file: BackupFile, lang: LangOption = None) -> None:
    """Write your answers, settings, evidence log and every kept copy to one new file, encrypted
    with a passphrase you choose (asked twice; SAFECHECK_BACKUP_PASSPHRASE for scripts).

    Example: safecheck backup create /media/usb/safecheck.backup
    """
    run = run_of(ctx, lang)
    with reporting(run.lang):
        from safecheck.core.errors import ExitCode
        from safecheck.core.i18n import t, tn
        from safecheck.evidence import log
        from safecheck.storage import backup

        store = run.asking_store(saving=False)
        state = store.load()  # the state opens (and its passphrase is asked) before the backup's
        asker = run.prompter(quick_exit=False) if run.interactive else None
        secret = backup.passphrase(run.lang, asker, new=True, warn=warn)
        originals: dict[str, list[Path]] = {}
        names: dict[str, str] = {}
        for entry in log.entries(state):
            for attachment in entry.files:
                if attachment.kept:
                    originals.setdefault(attachment.sha256, []).append(Path(attachment.path))
                    names.setdefault(attachment.sha256, attachment.name)
        done = backup.create(store, file, secret, run.lang, originals)
        typer.echo(
            t(
                run.lang,
                "Backup written: {path} ({entries}, {copies}). It is encrypted with your "
                "backup passphrase: without it, nobody can open it, you neither.",
                path=done.path,
                entries=tn(run.lang, "{count} entry", "{count} entries", done.entries),
                copies=tn(run.lang, "{count} kept copy", "{count} kept copies", done.copies),
            ),
            err=True,
        )
        if done.problems:
            from safecheck.evidence.report import CopyProblem, copy_problem_text

            for source in done.problems:
                problem = CopyProblem(
                    names.get(source.sha256, source.sha256),
                    source.sha256,
                    source.copy.value,
                    source.original is not None,
                )
                warn(copy_problem_text(problem, run.lang))
            warn(
                t(
                    run.lang,
                    "The backup was made. To see what changed in your evidence: safecheck "
                    "evidence verify",
                )
            )
            raise typer.Exit(ExitCode.INCOMPLETE)


@backup_app.command("restore")
def backup_restore(
    ctx: typer.Context,
    file: BackupFile,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace a saved state; it is kept aside first, never deleted."
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Put a backup back into safecheck's folder, sealed with this computer's key. Only into
    an empty folder, unless --force (then the current folder is kept aside first).

    Example: safecheck backup restore /media/usb/safecheck.backup
    """
    run = run_of(ctx, lang)
    with reporting(run.lang):
        from safecheck.core.i18n import t, tn
        from safecheck.storage import backup
        from safecheck.storage.settings import default_home

        if backup.has_state(default_home()) and not force:  # before any passphrase
            raise backup.StateThere(
                t(
                    run.lang,
                    "There is already a saved state in {path}. To replace it with the backup, add "
                    "--force: the current state is then kept aside first.",
                    path=default_home(),
                )
            )
        asker = run.prompter(quick_exit=False) if run.interactive else None
        secret = backup.passphrase(run.lang, asker, new=False)
        store = run.store(asker=asker, prepare=False, readonly=True)
        done = backup.restore(store, file, secret, run.lang, force=force)
        if done.aside is not None:
            typer.echo(
                t(run.lang, "Your earlier state is kept aside in {path}.", path=done.aside),
                err=True,
            )
        typer.echo(
            t(
                run.lang,
                "Restored from {path}: {entries}, {copies}, sealed with this computer's key.",
                path=done.path,
                entries=tn(run.lang, "{count} entry", "{count} entries", done.entries),
                copies=tn(run.lang, "{count} kept copy", "{count} kept copies", done.copies),
            ),
            err=True,
        )
