"""An encrypted backup of everything safecheck keeps: create it, and restore it."""

from __future__ import annotations

from pathlib import Path

from safecheck.app.result import Result, To, said
from safecheck.app.run import Run
from safecheck.core.i18n import N_, msg, msgn
from safecheck.storage.intent import Intent


def _counted(entries: int, copies: int) -> dict[str, object]:
    return {
        "entries": msgn("{count} entry", "{count} entries", entries),
        "copies": msgn("{count} kept copy", "{count} kept copies", copies),
    }


def create(run: Run, file: Path) -> Result:
    """Everything, in one new file sealed with a backup passphrase (asked twice)."""
    from safecheck.app.export import incomplete
    from safecheck.evidence import log
    from safecheck.evidence.report import CopyProblem
    from safecheck.storage import backup

    store = run.asking_store(Intent.READ)
    state = store.load()  # the state opens (and its passphrase is asked) before the backup's
    asker = run.unlocker() if run.interactive else None
    secret = backup.passphrase(asker, new=True, warn=run.warn)
    originals: dict[str, list[Path]] = {}
    names: dict[str, str] = {}
    for entry in log.entries(state):
        for attachment in entry.files:
            if attachment.kept:
                originals.setdefault(attachment.sha256, []).append(Path(attachment.path))
                names.setdefault(attachment.sha256, attachment.name)
    done = backup.create(store, file, secret, originals)
    written = msg(
        "Backup written: {path} ({entries}, {copies}). It is encrypted with your "
        "backup passphrase: without it, nobody can open it, you neither.",
        path=done.path,
        **_counted(done.entries, done.copies),
    )
    problems = [
        CopyProblem(
            names.get(source.sha256, source.sha256),
            source.sha256,
            source.copy.value,
            source.original is not None,
        )
        for source in done.problems
    ]
    made = msg(
        "The backup was made. To see what changed in your evidence: safecheck evidence verify"
    )
    return incomplete(Result("backup-create", None, said(written, to=To.ERR)), run, problems, made)


def restore(run: Run, file: Path, *, force: bool) -> Result:
    """A backup put back, sealed with this computer's key (over a state: only with force)."""
    from safecheck.storage import backup

    if backup.has_state(run.home) and not force:  # before any passphrase
        there = N_(
            "There is already a saved state in {path}. To replace it with the backup, add "
            "--force: the current state is then kept aside first."
        )
        raise backup.StateThere(run.text(there, path=run.home))  # {path} is not the error's
    asker = run.unlocker() if run.interactive else None
    secret = backup.passphrase(asker, new=False)
    store = run.store(Intent.PEEK, ask=asker is not None)
    done = backup.restore(store, file, secret, force=force)
    aside = (
        []
        if done.aside is None
        else [msg("Your earlier state is kept aside in {path}.", path=done.aside)]
    )
    restored = msg(
        "Restored from {path}: {entries}, {copies}, sealed with this computer's key.",
        path=done.path,
        **_counted(done.entries, done.copies),
    )
    return Result("backup-restore", None, said(*aside, restored, to=To.ERR))
