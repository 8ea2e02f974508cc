"""The command line. Thin: parse options, call the core, map errors to exit codes."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from safecheck.errors import ExitCode, Interrupted, SafecheckError

app = typer.Typer(
    name="safecheck",
    help="Protect yourself against sextortion, and act well when it happens.",
    no_args_is_help=False,
    pretty_exceptions_enable=False,  # never print local variables (answers) in a traceback
    rich_markup_mode=None,
)


class Lang(StrEnum):
    nl = "nl"
    en = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="Language: nl or en (default: from your locale)."),
]


def _lang(lang: Lang | None) -> str:
    from safecheck.i18n import default_lang

    return lang.value if lang is not None else default_lang()


@contextlib.contextmanager
def reporting(lang: str) -> Iterator[None]:
    """Turn safecheck's own errors into one calm paragraph and a documented exit code."""
    try:
        yield
    except Interrupted:
        from safecheck.i18n import t

        typer.echo(t(lang, "interrupted"), err=True)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except SafecheckError as error:
        typer.echo(f"safecheck: {error}", err=True)
        raise typer.Exit(error.exit_code) from None


@app.callback(invoke_without_command=True)
def start(ctx: typer.Context) -> None:
    """Start safecheck. With no command, the prevention check starts."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(check, checklist="prevention", lang=None, restart=False)


@app.command()
def check(
    checklist: Annotated[
        str, typer.Argument(help="A checklist id (prevention) or the path of a checklist file.")
    ] = "prevention",
    lang: LangOption = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Forget earlier answers and start from the top.")
    ] = False,
) -> None:
    """Walk through a checklist item by item; answers are saved as you go.

    Example: safecheck check prevention --lang nl
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import checklist as checklists
        from safecheck.display import Display
        from safecheck.prompts import Prompter
        from safecheck.store import open_store
        from safecheck.walk import walk

        loaded = checklists.load(checklists.find(checklist, [checklists.builtin_dir()]))
        walk(
            loaded,
            open_store(),
            Prompter(language),
            Display(),
            language,
            restart=restart,
        )


# --- evidence log and exports (issue 5) ---------------------------------------------------

evidence_app = typer.Typer(
    help="Keep the evidence in order: what happened, when, who, and the files that show it.\n\n"
    "Example: safecheck evidence add",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(evidence_app, name="evidence")


class DemandName(StrEnum):
    money = "money"
    images = "images"
    meeting = "meeting"
    other = "other"


class FormatName(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


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
Account = Annotated[str | None, typer.Option("--account", help="Their account name (username).")]
ProfileUrl = Annotated[str | None, typer.Option("--profile-url", help="The link to their profile.")]
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
Note = Annotated[str | None, typer.Option("--note", help="Anything else worth writing down.")]
Files = Annotated[
    list[Path] | None,
    typer.Option("--file", help="A screenshot or other file (repeatable).", show_default=False),
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
    when: When = None,
    platform: Platform = None,
    account: Account = None,
    profile_url: ProfileUrl = None,
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
        typer.Option(
            "--from", help="Add the entries of a YAML file (format: see README).", dir_okay=False
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Write down what happened. Without options, safecheck asks, one question at a time.

    Example: safecheck evidence add --platform Instagram --account someone --demand money --file shot.png
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.display import Display
        from safecheck.i18n import t
        from safecheck.store import open_store

        values = _entry_values(
            when=when, platform=platform, account=account, profile_url=profile_url, phone=phone,
            demands=demand, amount=amount, currency=currency, paid=paid,
            payment_method=payment_method, payment_reference=payment_reference, note=note,
        )  # fmt: skip
        if from_file is not None:
            drafts = evidence.load_file(from_file, language)
        elif evidence.has_values(values) or file:
            drafts = [evidence.from_options(language, values, add_files=file or (), keep=keep_copy)]
        else:
            from safecheck.evidence_form import ask_entry
            from safecheck.prompts import Prompter

            Display().message(t(language, "evidence.add.intro"))
            drafts = [ask_entry(Prompter(language), language)]
        added = evidence.add(open_store(), drafts, language)
        display = Display()
        for entry in added:
            display.message(t(language, "evidence.added", id=entry.id))
        display.message(t(language, "evidence.added.after"))


@evidence_app.command("list")
def evidence_list(lang: LangOption = None) -> None:
    """Show the evidence log as a table, oldest first and the newest last.

    Example: safecheck evidence list
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.display import Display
        from safecheck.store import open_store

        Display().evidence_table(evidence.timeline(open_store().load().evidence), language)


@evidence_app.command("show")
def evidence_show(entry_id: EntryId, lang: LangOption = None) -> None:
    """Show one entry in full, and whether each file is still as it was when it was added.

    Example: safecheck evidence show 3
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.display import Display
        from safecheck.store import open_store

        store = open_store()
        entry = evidence.find(store.load(), entry_id, language)
        checks = [evidence.check_file(store, attachment) for attachment in entry.files]
        Display().evidence_entry(entry, checks, language)


@evidence_app.command("edit")
def evidence_edit(
    entry_id: EntryId,
    when: When = None,
    platform: Platform = None,
    account: Account = None,
    profile_url: ProfileUrl = None,
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
            help="Remove the file with this number (as `show` lists them).",
            show_default=False,
        ),
    ] = None,
    keep_copy: KeepCopy = True,
    lang: LangOption = None,
) -> None:
    """Change an entry. Without options, safecheck asks every question again, with the saved
    answer filled in. An empty value (--note "") clears a field.

    Example: safecheck evidence edit 3 --payment-reference NL12-3456
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.display import Display
        from safecheck.i18n import t
        from safecheck.store import open_store

        store = open_store()
        base = evidence.find(store.load(), entry_id, language)
        values = _entry_values(
            when=when, platform=platform, account=account, profile_url=profile_url, phone=phone,
            demands=demand, amount=amount, currency=currency, paid=paid,
            payment_method=payment_method, payment_reference=payment_reference, note=note,
        )  # fmt: skip
        if evidence.has_values(values) or file or drop_file:
            entry = evidence.from_options(
                language,
                values,
                base=base,
                add_files=file or (),
                drop_files=drop_file or (),
                keep=keep_copy,
            )
        else:
            from safecheck.evidence_form import ask_entry
            from safecheck.prompts import Prompter

            entry = ask_entry(Prompter(language), language, base=base)
        evidence.update(store, entry, language)
        Display().message(t(language, "evidence.edited", id=entry.id))


@evidence_app.command("remove")
def evidence_remove(
    entry_id: EntryId,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask first (for scripts).")] = False,
    lang: LangOption = None,
) -> None:
    """Remove an entry, and the copies of its files that no other entry uses. Asks first.

    Example: safecheck evidence remove 3
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.display import Display
        from safecheck.i18n import t
        from safecheck.store import open_store

        store = open_store()
        entry = evidence.find(store.load(), entry_id, language)
        if not yes:
            from safecheck.prompts import Prompter

            question = t(
                language, "evidence.remove.ask", id=entry.id, when=evidence.format_when(entry.when)
            )
            if not Prompter(language).confirm(question, default=False):
                Display().message(t(language, "evidence.remove.kept", id=entry.id))
                return
        evidence.remove(store, entry_id, language)
        Display().message(t(language, "evidence.removed", id=entry_id))


@evidence_app.command("restore")
def evidence_restore(
    entry_id: EntryId,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The folder to put the files in.", file_okay=False),
    ],
    lang: LangOption = None,
) -> None:
    """Get back the kept copies of an entry's files, for example after the originals were deleted.

    Example: safecheck evidence restore 3 --output ~/Desktop/evidence
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.i18n import t
        from safecheck.store import open_store

        store = open_store()
        entry = evidence.find(store.load(), entry_id, language)
        kept = [a for a in entry.files if a.kept]
        if not kept:
            raise evidence.EvidenceError(t(language, "evidence.restore.none", id=entry_id))
        for attachment in kept:
            target = output.expanduser() / attachment.name
            evidence.restore_copy(store, attachment, target, language)
            typer.echo(t(language, "evidence.restored", path=target))
        typer.echo(t(language, "export.warning"), err=True)


@app.command("export")
def export_command(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the export. Nothing is written anywhere else.",
            dir_okay=False,
        ),
    ],
    format_name: Annotated[
        FormatName | None,
        typer.Option(
            "--format",
            help="markdown, json or html (default: from the file name).",
            show_default=False,
        ),
    ] = None,
    handout: Annotated[
        str | None,
        typer.Option(
            "--handout",
            help="Instead of your report: a printable checklist with tick boxes (e.g. prevention), with none of your answers.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the file if it is there.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Write your evidence log and emergency plan to a file: Markdown, JSON, or an HTML page that
    prints on A4. The file is not encrypted.

    Example: safecheck export --output report.html

    Example: safecheck export --handout prevention --lang nl --output handout.html
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import export
        from safecheck.i18n import t

        fmt = export.format_for(
            output, export.Format(format_name) if format_name else None, language
        )
        helplines = export.region_help_lines(None, language)
        if handout is not None:
            from safecheck import checklist as checklists

            loaded = checklists.load(checklists.find(handout, [checklists.builtin_dir()]))
            text = export.render_handout(loaded, language, fmt, helplines)
            path = export.save(output, text, language, force=force)
            typer.echo(t(language, "export.handout_saved", path=path), err=True)
            return
        from safecheck import checklist as checklists
        from safecheck.store import open_store

        report = export.build_report(
            open_store().load(),
            language,
            plan=export.plan_checklist([checklists.builtin_dir()]),
            helplines=helplines,
        )
        path = export.save(output, export.render(report, fmt), language, force=force)
        typer.echo(t(language, "export.saved", path=path, count=len(report.entries)), err=True)
        typer.echo(t(language, "export.warning"), err=True)


def main() -> None:
    app(prog_name="safecheck")
    sys.exit(0)
