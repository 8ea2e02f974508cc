"""The evidence log: add, list, show, edit, remove, restore, verify."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from safecheck.app.result import Result, Screen, To, said
from safecheck.app.run import Run
from safecheck.core.errors import ExitCode, NotInteractiveError
from safecheck.core.i18n import N_, Message, msg, msgn
from safecheck.storage.intent import Intent


class EntryRequest(NamedTuple):
    """The fields of an entry given as options (None: not given), and its files."""

    values: Mapping[str, Any] = MappingProxyType({})
    files: Sequence[Path] = ()
    keep_copy: bool = True
    from_file: Path | None = None  # add: the entries of a YAML file
    drop_files: Sequence[int] = ()  # edit: the numbers of the files to remove


def add(run: Run, request: EntryRequest) -> Result:
    """New entries from a file, from options, or asked one question at a time."""
    from safecheck.evidence import importer, log, model

    given = importer.has_values(request.values) or bool(request.files)
    scripted = request.from_file is not None or given
    if run.json and not scripted:
        raise NotInteractiveError(
            N_(
                "--json goes with --from FILE or the fields as options: the questions "
                "need a terminal of their own."
            )
        )
    if request.from_file is not None and given:
        raise model.EvidenceError(
            N_("--from adds the entries of a file; give the other options in that file instead.")
        )
    if not scripted and not run.interactive:  # before any output
        raise NotInteractiveError(
            N_(
                "safecheck asks what happened in a terminal, and standard input is not one. "
                "Run it in a terminal, give the entries in a file with --from FILE, or give "
                "the fields as options: --when, --platform, --account, --demand, --amount, "
                "--note, --file and the others in safecheck evidence add --help."
            )
        )
    # Files and values are checked before the state is opened (and a passphrase asked).
    if request.from_file is not None:
        drafts = importer.load_file(request.from_file)
    elif scripted:
        values, files = request.values, request.files
        drafts = [importer.from_options(values, add_files=files, keep=request.keep_copy)]
    store = run.asking_store(Intent.WRITE)
    if not scripted:
        from safecheck.flows.evidence_form import ask_entry

        run.go_discreet()
        display = run.display()
        display.message(
            run.text(
                N_(
                    "Write down what happened, while you still remember it well. Leave a "
                    "question empty when you don't know the answer; you can add it later with "
                    "safecheck evidence edit."
                )
            )
        )
        drafts = [ask_entry(run.prompter(), run.lang, say=display.message)]
    warning = model.image_warning() if any(draft.files for draft in drafts) else None
    if warning is not None and scripted:  # the questions showed it before the first file
        run.display().message(run.text(warning))
    added = log.add(store, drafts)
    saved = [msg("Saved as entry {id}.", id=entry.id) for entry in added]
    well_done = msg(
        "Well done: keeping the evidence is an important step. Remember, it is not "
        "your fault. Next: block and report the account on the platform. To make a "
        "report for the police: safecheck export. A bank needs only the payment "
        "details (amount, date, reference, account), never the screenshots or files."
    )
    shown = [*saved, well_done]
    from safecheck.core.audience import AgeGroup, remembered_age_group

    if remembered_age_group(store.load().settings) is AgeGroup.MINOR:
        in_person = msg(
            "You are under 18: give the evidence to the police in person, together "
            "with an adult you trust."
        )
        shown.append(in_person)
    data = {
        "lang": run.lang,
        "added": [entry.id for entry in added],
        "warning": None if warning is None else run.text(warning),
    }
    return Result("evidence-added", data, said(*shown, to=To.SCREEN))


def entries(run: Run, *, json: bool) -> Result:
    """The evidence log, oldest first."""
    from safecheck.evidence import log, model

    # with --json nothing is asked (and nothing of the terminal loads)
    store = run.store(Intent.READ) if json else run.asking_store(Intent.READ)
    timeline = model.timeline(log.entries(store.load()))
    data = {"lang": run.lang, "entries": [model.to_dict(entry) for entry in timeline]}
    return Result("evidence", data, (Screen("evidence_table", (timeline,)),))


def show(run: Run, entry_id: int) -> Result:
    """One entry in full, and whether each file is still as it was."""
    from safecheck.evidence import files as evidence_files
    from safecheck.evidence import log

    store = run.asking_store(Intent.READ)
    entry = log.find(store.load(), entry_id)
    checks = [evidence_files.check_file(store, attachment) for attachment in entry.files]
    return Result("evidence-entry", None, (Screen("evidence_entry", (entry, checks)),))


def edit(run: Run, entry_id: int, request: EntryRequest) -> Result:
    """An entry changed from options, or every question asked again."""
    from safecheck.evidence import importer, log

    scripted = importer.has_values(request.values) or bool(request.files or request.drop_files)
    if not scripted and not run.interactive:
        raise NotInteractiveError(
            N_(
                "safecheck asks its questions again in a terminal, and standard input is not "
                "one. Run it in a terminal, or give the fields to change as options: --when, "
                "--platform, --account, --note, --file, --drop-file and the others in "
                "safecheck evidence edit --help."
            )
        )
    store = run.asking_store(Intent.WRITE)
    base = log.find(store.load(), entry_id)
    if scripted:
        entry = importer.from_options(
            request.values,
            base=base,
            add_files=request.files,
            drop_files=request.drop_files,
            keep=request.keep_copy,
        )
    else:
        from safecheck.flows.evidence_form import ask_entry

        run.go_discreet()
        entry = ask_entry(run.prompter(), run.lang, base=base, say=run.display().message)
    if entry == base:  # no record of a change that is none
        same = msg("Nothing changed in entry {id}.", id=entry.id)
        return Result("evidence-edit", None, said(same, to=To.SCREEN))
    log.update(store, entry)
    return Result(
        "evidence-edit", None, said(msg("Entry {id} is changed.", id=entry.id), to=To.SCREEN)
    )


def remove(run: Run, entry_id: int, *, yes: bool) -> Result:
    """An entry removed, after a question (--yes: none)."""
    from safecheck.evidence import log, model

    store = run.asking_store(Intent.WRITE)
    entry = log.find(store.load(), entry_id)
    if not yes:
        question = N_(
            "Remove entry {id} ({when})? Copies of its files that no other entry uses are "
            "removed too."
        )
        confirm = run.confirmer(
            N_(
                "safecheck asks before it removes an entry, and standard input is not a "
                "terminal. Add --yes to remove it without asking."
            )
        )
        if not confirm(run.text(question, id=entry.id, when=model.format_when(entry.when))):
            stays = msg("Nothing removed; entry {id} stays.", id=entry.id)
            return Result("evidence-remove", None, said(stays, to=To.SCREEN))
    log.remove(store, entry_id)
    removed = msg("Entry {id} is removed.", id=entry_id)
    return Result("evidence-remove", None, said(removed, to=To.SCREEN))


def restore(run: Run, entry_id: int, output: Path) -> Result:
    """The kept copies of an entry's files (or the originals, while they still match), written
    into a folder, never over a file; exit 10 when one is damaged or missing."""
    import contextlib

    from safecheck.app.export import incomplete
    from safecheck.evidence import files as evidence_files
    from safecheck.evidence import log, model
    from safecheck.evidence.bundle import safe_name, unique_name
    from safecheck.evidence.report import CopyProblem
    from safecheck.storage.copies import CopyStatus, find_source

    store = run.asking_store(Intent.READ)
    state = store.load()
    entry = log.find(state, entry_id)
    kept = [attachment for attachment in entry.files if attachment.kept]
    if not kept:
        raise model.EvidenceError(N_("Entry {id} has no kept copies of files."), id=entry_id)
    planned = [(a, find_source(store, a.sha256, [Path(a.path)])) for a in kept]
    problems = [
        CopyProblem(a.name, a.sha256, source.copy.value, source.original is not None)
        for a, source in planned
        if source.copy is not CopyStatus.INTACT
    ]
    folder = output.expanduser()
    made = not folder.exists()
    taken: set[str] = set()
    written: list[Message] = []
    try:
        for attachment, source in [(a, source) for a, source in planned if source.usable]:
            name = unique_name(safe_name(attachment.name), taken)
            taken.add(name.lower())
            evidence_files.restore_copy(store, attachment, folder / name, source)
            written.append(msg("Written: {path}", path=folder / name))
    finally:
        if made and not written and folder.is_dir():  # never an empty folder left behind
            with contextlib.suppress(OSError):
                folder.rmdir()
    from safecheck.app.export import closing

    shown = (*said(*written), *said(closing(state, None), to=To.ERR)) if written else ()
    then = msg("To see what changed in your evidence: safecheck evidence verify")
    return incomplete(Result("evidence-restore", None, shown), run, problems, then)


def verify(run: Run) -> Result:
    """Every record, kept copy and file as it was recorded; exit 9 (NOT_AS_RECORDED) if not."""
    from safecheck.evidence import chain

    store = run.asking_store(Intent.READ)
    result = chain.verify(store, store.load().evidence)
    findings = said(*(finding.message for finding in result.findings))
    if result.holds:
        holds = msg("Everything holds. The chain's last hash: {hash}", hash=result.last_hash)
        return Result("evidence-verify", None, (*findings, *said(holds)))
    count = len(result.problems)
    broken = msgn(
        "{count} thing does not hold (see above). The chain's last hash: {hash}",
        "{count} things do not hold (see above). The chain's last hash: {hash}",
        count,
        hash=result.last_hash,
    )
    return Result("evidence-verify", None, (*findings, *said(broken)), ExitCode.NOT_AS_RECORDED)
