"""The evidence log: add, list, show, edit, remove, restore."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from safecheck.cli.context import reporting, run_of
from safecheck.cli.options import (
    JsonOption,
    LangOption,
    PlainOption,
    YesOption,
)
from safecheck.core.i18n import N_

# --- evidence log and exports (issue 5) ---------------------------------------------------

evidence_app = typer.Typer(
    help="Keep the evidence in order: what happened, when, who, and the files that show it.\n\n"
    "Example: safecheck evidence add",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class DemandName(StrEnum):
    money = "money"
    images = "images"
    meeting = "meeting"
    other = "other"


EntryId = Annotated[
    int, typer.Argument(help="The entry's number, as `safecheck evidence list` shows it.")
]
When = Annotated[
    str | None,
    typer.Option(
        "--when", help="When it happened: 2026-03-02 21:15 (your local time). Default: now."
    ),
]
Platform = Annotated[
    str | None, typer.Option("--platform", help="Where it happened, e.g. Instagram.")
]
Account = Annotated[
    str | None,
    typer.Option(
        "--account",
        help="Their account name (username). Options show in the process list to other users: "
        "on a shared computer, answer the questions or use --from FILE.",
    ),
]
ProfileUrl = Annotated[str | None, typer.Option("--profile-url", help="The link to their profile.")]
SeenAt = Annotated[
    str | None,
    typer.Option(
        "--url",
        help="The address of the page where you saw the message or image (police advise "
        "screenshots that show it).",
    ),
]
Phone = Annotated[str | None, typer.Option("--phone", help="Their phone number.")]
Demands = Annotated[
    list[DemandName] | None,
    typer.Option("--demand", help="What they asked for (repeatable).", show_default=False),
]
Amount = Annotated[
    str | None, typer.Option("--amount", help="The amount asked or paid: 250 or 250,50.")
]
Currency = Annotated[
    str | None, typer.Option("--currency", help="ISO 4217 currency code, e.g. EUR.")
]
Paid = Annotated[
    bool | None, typer.Option("--paid/--not-paid", help="Whether you paid.", show_default=False)
]
PaymentMethod = Annotated[
    str | None, typer.Option("--payment-method", help="How you paid: bank transfer, gift card, ...")
]
PaymentReference = Annotated[
    str | None,
    typer.Option("--payment-reference", help="The payment's reference or transaction id."),
]
Note = Annotated[
    str | None,
    typer.Option(
        "--note",
        help="Anything else worth writing down (visible in the process list: see --account).",
    ),
]
Files = Annotated[
    list[Path] | None,
    typer.Option(
        "--file",
        help="A screenshot or other file (repeatable): the messages, the profile, the "
        "username, the payment demand. Never the intimate image itself: where it is in view, "
        "leave it out and write down the link, site and date (--url, --note). Don't forward "
        "it to anyone, not even as evidence.",
        show_default=False,
    ),
]
KeepCopy = Annotated[
    bool,
    typer.Option(
        "--keep-copy/--no-keep-copy",
        help="Keep a copy of each --file inside safecheck's storage, so deleting the original "
        "does not lose it.",
    ),
]


def _entry_values(**values: Any) -> dict[str, Any]:
    demands = values.pop("demands")
    values["demands"] = [d.value for d in demands] if demands else None
    return values


@evidence_app.command("add")
def evidence_add(
    ctx: typer.Context,
    when: When = None,
    platform: Platform = None,
    account: Account = None,
    profile_url: ProfileUrl = None,
    url: SeenAt = None,
    phone: Phone = None,
    demand: Demands = None,
    amount: Amount = None,
    currency: Currency = None,
    paid: Paid = None,
    payment_method: PaymentMethod = None,
    payment_reference: PaymentReference = None,
    note: Note = None,
    file: Files = None,
    keep_copy: KeepCopy = True,
    from_file: Annotated[
        Path | None,
        typer.Option("--from", help="Add the entries of a YAML file (format: see README)."),
    ] = None,
    lang: LangOption = None,
    plain: PlainOption = False,
    json_output: JsonOption = False,
) -> None:
    """Write down what happened. Without options, safecheck asks, one question at a time.

    Example: safecheck evidence add --platform Instagram --account someone --demand money --file shot.png
    """
    run = run_of(ctx, lang, plain)
    with reporting(run.lang):
        import sys

        from safecheck.core.errors import NotInteractiveError
        from safecheck.core.i18n import t
        from safecheck.evidence import importer, log, model

        display = run.display(sys.stderr if json_output else None)
        values = _entry_values(
            when=when, platform=platform, account=account, profile_url=profile_url, url=url,
            phone=phone,
            demands=demand, amount=amount, currency=currency, paid=paid,
            payment_method=payment_method, payment_reference=payment_reference, note=note,
        )  # fmt: skip
        scripted = from_file is not None or importer.has_values(values) or bool(file)
        if json_output and not scripted:
            raise NotInteractiveError(
                t(
                    run.lang,
                    "--json goes with --from FILE or the fields as options: the questions "
                    "need a terminal of their own.",
                )
            )
        if from_file is not None and (importer.has_values(values) or file):
            raise model.EvidenceError(
                t(
                    run.lang,
                    "--from adds the entries of a file; give the other options in that file instead.",
                )
            )
        if not scripted and not run.interactive:  # before any output
            raise NotInteractiveError(
                t(
                    run.lang,
                    "safecheck asks what happened in a terminal, and standard input is not one. "
                    "Run it in a terminal, give the entries in a file with --from FILE, or give "
                    "the fields as options: --when, --platform, --account, --demand, --amount, "
                    "--note, --file and the others in safecheck evidence add --help.",
                )
            )
        # Files and values are checked before the state is opened (and a passphrase asked).
        if from_file is not None:
            drafts = importer.load_file(from_file, run.lang)
        elif scripted:
            drafts = [importer.from_options(run.lang, values, add_files=file or (), keep=keep_copy)]
        store = run.asking_store(saving=True)
        if not scripted:
            from safecheck.flows.evidence_form import ask_entry

            run.go_discreet(ctx)
            display.message(
                t(
                    run.lang,
                    "Write down what happened, while you still remember it well. Leave a question "
                    "empty when you don't know the answer; you can add it later with safecheck "
                    "evidence edit.",
                )
            )
            drafts = [ask_entry(run.prompter(), run.lang, say=display.message)]
        with_files = any(draft.files for draft in drafts)
        warning = model.image_warning(run.lang) if with_files else None
        if warning is not None and scripted:  # the questions showed it before the first file
            display.message(warning)
        added = log.add(store, drafts, run.lang)
        for entry in added:
            display.message(t(run.lang, "Saved as entry {id}.", id=entry.id))
        display.message(
            t(
                run.lang,
                "Well done: keeping the evidence is an important step. Remember, it is not "
                "your fault. Next: block and report the account on the platform. To make a "
                "report for the police: safecheck export. A bank needs only the payment "
                "details (amount, date, reference, account), never the screenshots or files.",
            )
        )
        from safecheck.core.audience import AgeGroup, remembered_age_group

        if remembered_age_group(store.load().settings) is AgeGroup.MINOR:
            display.message(
                t(
                    run.lang,
                    "You are under 18: give the evidence to the police in person, together "
                    "with an adult you trust.",
                )
            )
        if json_output:
            from safecheck.core import jsonout

            data = {"lang": run.lang, "added": [e.id for e in added], "warning": warning}
            jsonout.emit("evidence-added", data)


@evidence_app.command("list")
def evidence_list(
    ctx: typer.Context,
    lang: LangOption = None,
    json_output: JsonOption = False,
    plain: PlainOption = False,
) -> None:
    """Show the evidence log as a table, oldest first and the newest last.

    Example: safecheck evidence list
    """
    run = run_of(ctx, lang, plain)
    with reporting(run.lang, json_output=json_output):
        from safecheck.evidence import log, model

        if json_output:
            from safecheck.core import jsonout

            state = run.store(asker=None, prepare=False).load()
            entries = model.timeline(log.entries(state))
            data = {"lang": run.lang, "entries": [model.to_dict(e) for e in entries]}
            jsonout.emit("evidence", data)
            return
        state = run.asking_store(saving=False).load()
        run.display().evidence_table(model.timeline(log.entries(state)), run.lang)


@evidence_app.command("show")
def evidence_show(
    ctx: typer.Context, entry_id: EntryId, lang: LangOption = None, plain: PlainOption = False
) -> None:
    """Show one entry in full, and whether each file is still as it was when it was added
    (a file changed or missing since then is named in capitals).

    Example: safecheck evidence show 3
    """
    run = run_of(ctx, lang, plain)
    with reporting(run.lang):
        from safecheck.evidence import files as evidence_files
        from safecheck.evidence import log

        store = run.asking_store(saving=False)
        entry = log.find(store.load(), entry_id, run.lang)
        checks = [evidence_files.check_file(store, attachment) for attachment in entry.files]
        run.display().evidence_entry(entry, checks, run.lang)


@evidence_app.command("edit")
def evidence_edit(
    ctx: typer.Context,
    entry_id: EntryId,
    when: When = None,
    platform: Platform = None,
    account: Account = None,
    profile_url: ProfileUrl = None,
    url: SeenAt = None,
    phone: Phone = None,
    demand: Demands = None,
    amount: Amount = None,
    currency: Currency = None,
    paid: Paid = None,
    payment_method: PaymentMethod = None,
    payment_reference: PaymentReference = None,
    note: Note = None,
    file: Files = None,
    drop_file: Annotated[
        list[int] | None,
        typer.Option(
            "--drop-file",
            help="Remove the file with this number (as `show` lists them; repeatable).",
            show_default=False,
        ),
    ] = None,
    keep_copy: KeepCopy = True,
    lang: LangOption = None,
    plain: PlainOption = False,
) -> None:
    """Change an entry. Without options, safecheck asks every question again, with the saved
    answer filled in. An empty value (--note "") clears a field.

    Example: safecheck evidence edit 3 --payment-reference NL12-3456
    """
    run = run_of(ctx, lang, plain)
    with reporting(run.lang):
        from safecheck.core.errors import NotInteractiveError
        from safecheck.core.i18n import t
        from safecheck.evidence import importer, log

        values = _entry_values(
            when=when, platform=platform, account=account, profile_url=profile_url, url=url,
            phone=phone,
            demands=demand, amount=amount, currency=currency, paid=paid,
            payment_method=payment_method, payment_reference=payment_reference, note=note,
        )  # fmt: skip
        scripted = importer.has_values(values) or bool(file) or bool(drop_file)
        if not scripted and not run.interactive:
            raise NotInteractiveError(
                t(
                    run.lang,
                    "safecheck asks its questions again in a terminal, and standard input is not "
                    "one. Run it in a terminal, or give the fields to change as options: --when, "
                    "--platform, --account, --note, --file, --drop-file and the others in "
                    "safecheck evidence edit --help.",
                )
            )
        store = run.asking_store(saving=True)
        base = log.find(store.load(), entry_id, run.lang)
        if scripted:
            entry = importer.from_options(
                run.lang,
                values,
                base=base,
                add_files=file or (),
                drop_files=drop_file or (),
                keep=keep_copy,
            )
        else:
            from safecheck.flows.evidence_form import ask_entry

            run.go_discreet(ctx)
            entry = ask_entry(run.prompter(), run.lang, base=base, say=run.display().message)
        if entry == base:  # no record of a change that is none
            run.display().message(t(run.lang, "Nothing changed in entry {id}.", id=entry.id))
            return
        log.update(store, entry, run.lang)
        run.display().message(t(run.lang, "Entry {id} is changed.", id=entry.id))


@evidence_app.command("remove")
def evidence_remove(
    ctx: typer.Context,
    entry_id: EntryId,
    yes: YesOption = False,
    lang: LangOption = None,
    plain: PlainOption = False,
) -> None:
    """Remove an entry, and the copies of its files that no other entry uses. Asks first.

    Example: safecheck evidence remove 3
    """
    run = run_of(ctx, lang, plain)
    with reporting(run.lang):
        from safecheck.core.i18n import t
        from safecheck.evidence import log, model

        display = run.display()
        store = run.asking_store(saving=True)
        entry = log.find(store.load(), entry_id, run.lang)
        if not yes:
            when_text = model.format_when(entry.when)
            question = t(
                run.lang,
                "Remove entry {id} ({when})? Copies of its files that no other entry uses are "
                "removed too.",
                id=entry.id,
                when=when_text,
            )
            if not run.confirmer(
                N_(
                    "safecheck asks before it removes an entry, and standard input is not a "
                    "terminal. Add --yes to remove it without asking."
                )
            )(question):
                display.message(t(run.lang, "Nothing removed; entry {id} stays.", id=entry.id))
                return
        log.remove(store, entry_id, run.lang)
        display.message(t(run.lang, "Entry {id} is removed.", id=entry_id))


@evidence_app.command("restore")
def evidence_restore(
    ctx: typer.Context,
    entry_id: EntryId,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The folder to put the files in.", file_okay=False),
    ],
    lang: LangOption = None,
) -> None:
    """Get back the kept copies of an entry's files, for when the originals are gone.

    Files already in the folder are never replaced.

    Example: safecheck evidence restore 3 --output evidence-copies
    """
    run = run_of(ctx, lang)
    with reporting(run.lang):
        import contextlib

        from safecheck.cli.context import warn
        from safecheck.core.errors import ExitCode
        from safecheck.core.i18n import t
        from safecheck.core.text import safe_text
        from safecheck.evidence import files as evidence_files
        from safecheck.evidence import log, model
        from safecheck.evidence.bundle import safe_name, unique_name
        from safecheck.evidence.report import CopyProblem, copy_problem_text
        from safecheck.storage.copies import CopyStatus, find_source

        store = run.asking_store(saving=False)
        state = store.load()
        entry = log.find(state, entry_id, run.lang)
        kept = [a for a in entry.files if a.kept]
        if not kept:
            raise model.EvidenceError(
                t(run.lang, "Entry {id} has no kept copies of files.", id=entry_id)
            )
        planned = [(a, find_source(store, a.sha256, [Path(a.path)])) for a in kept]
        problems = [
            CopyProblem(a.name, a.sha256, source.copy.value, source.original is not None)
            for a, source in planned
            if source.copy is not CopyStatus.INTACT
        ]
        usable = [(a, source) for a, source in planned if source.usable]
        folder = output.expanduser()
        made = not folder.exists()
        taken: set[str] = set()
        written = 0
        try:
            for attachment, source in usable:
                name = unique_name(safe_name(attachment.name), taken)
                taken.add(name.lower())
                target = folder / name
                evidence_files.restore_copy(store, attachment, target, run.lang, source)
                written += 1
                typer.echo(t(run.lang, "Written: {path}", path=safe_text(str(target))))
        finally:
            if made and written == 0 and folder.is_dir():  # never an empty folder left behind
                with contextlib.suppress(OSError):
                    folder.rmdir()
        if written:
            typer.echo(_closing(run.lang, state), err=True)
        for problem in problems:
            warn(copy_problem_text(problem, run.lang))
        if problems:
            warn(t(run.lang, "To see what changed in your evidence: safecheck evidence verify"))
            raise typer.Exit(ExitCode.INCOMPLETE)


def _closing(lang: str, state: Any) -> str:
    from safecheck.core.audience import AgeGroup, remembered_age_group
    from safecheck.evidence.export import closing_notice

    minor = remembered_age_group(state.settings) is AgeGroup.MINOR
    return closing_notice(lang, minor=minor)


@evidence_app.command("verify")
def evidence_verify(ctx: typer.Context, lang: LangOption = None) -> None:
    """Check that nothing in the evidence log changed after it was written: every record of the
    log's chain, every kept copy and every original file still in place. Exit 0 only when all
    of it holds; 9 when something changed (each change is named).

    Example: safecheck evidence verify
    """
    run = run_of(ctx, lang)
    with reporting(run.lang):
        from safecheck.core.errors import ExitCode
        from safecheck.core.i18n import t, tn
        from safecheck.core.text import safe_text
        from safecheck.evidence import chain

        store = run.asking_store(saving=False)
        result = chain.verify(store, store.load().evidence, run.lang)
        for finding in result.findings:
            typer.echo(safe_text(finding.text))  # names in it are a file's, chosen by anyone
        if result.holds:
            typer.echo(
                t(
                    run.lang,
                    "Everything holds. The chain's last hash: {hash}",
                    hash=result.last_hash,
                )
            )
            return
        count = len(result.problems)
        typer.echo(
            tn(
                run.lang,
                "{count} thing does not hold (see above). The chain's last hash: {hash}",
                "{count} things do not hold (see above). The chain's last hash: {hash}",
                count,
                hash=result.last_hash,
            )
        )
        raise typer.Exit(ExitCode.NOT_AS_RECORDED)
