"""The evidence log: add, list, show, edit, remove, restore."""

import functools
import inspect
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from safecheck.cli.context import finish, run_of
from safecheck.cli.options import (
    JsonOption,
    LangOption,
    PlainOption,
    YesOption,
)
from safecheck.core.i18n import N_

# --- evidence log and exports (issue 5) ---------------------------------------------------

evidence_app = typer.Typer(
    help=N_(
        "Keep the evidence in order: what happened, when, who, and the files that show it.\n\n"
        "Example: safecheck evidence add"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,  # a group of the top level (cli/app.py), which has them
)


class DemandName(StrEnum):
    money = "money"
    images = "images"
    meeting = "meeting"
    other = "other"


EntryId = Annotated[
    int, typer.Argument(help=N_("The entry's number, as `safecheck evidence list` shows it."))
]
When = Annotated[
    str | None,
    typer.Option(
        "--when", help=N_("When it happened: 2026-03-02 21:15 (your local time). Default: now.")
    ),
]
Platform = Annotated[
    str | None, typer.Option("--platform", help=N_("Where it happened, e.g. Instagram."))
]
Account = Annotated[
    str | None,
    typer.Option(
        "--account",
        help=N_(
            "Their account name (username). Options show in the process list to other users: "
            "on a shared computer, answer the questions or use --from FILE."
        ),
    ),
]
ProfileUrl = Annotated[
    str | None, typer.Option("--profile-url", help=N_("The link to their profile."))
]
SeenAt = Annotated[
    str | None,
    typer.Option(
        "--url",
        help=N_(
            "The address of the page where you saw the message or image (police advise "
            "screenshots that show it)."
        ),
    ),
]
Phone = Annotated[str | None, typer.Option("--phone", help=N_("Their phone number."))]
Demands = Annotated[
    list[DemandName] | None,
    typer.Option("--demand", help=N_("What they asked for (repeatable)."), show_default=False),
]
Amount = Annotated[
    str | None, typer.Option("--amount", help=N_("The amount asked or paid: 250 or 250,50."))
]
Currency = Annotated[
    str | None, typer.Option("--currency", help=N_("ISO 4217 currency code, e.g. EUR."))
]
Paid = Annotated[
    bool | None, typer.Option("--paid/--not-paid", help=N_("Whether you paid."), show_default=False)
]
PaymentMethod = Annotated[
    str | None,
    typer.Option("--payment-method", help=N_("How you paid: bank transfer, gift card, ...")),
]
PaymentReference = Annotated[
    str | None,
    typer.Option("--payment-reference", help=N_("The payment's reference or transaction id.")),
]
Note = Annotated[
    str | None,
    typer.Option(
        "--note",
        help=N_("Anything else worth writing down (visible in the process list: see --account)."),
    ),
]
Files = Annotated[
    list[Path] | None,
    typer.Option(
        "--file",
        help=N_(
            "A screenshot or other file (repeatable): the messages, the profile, the "
            "username, the payment demand. Never the intimate image itself: where it is in view, "
            "leave it out and write down the link, site and date (--url, --note). Don't forward "
            "it to anyone, not even as evidence."
        ),
        show_default=False,
    ),
]
KeepCopy = Annotated[
    bool,
    typer.Option(
        "--keep-copy/--no-keep-copy",
        help=N_(
            "Keep a copy of each --file inside safecheck's storage, so deleting the original "
            "does not lose it."
        ),
    ),
]


# The options of an entry's fields, in the order --help lists them (add and edit share them).
FIELDS: dict[str, Any] = {
    "when": When, "platform": Platform, "account": Account, "profile_url": ProfileUrl,
    "url": SeenAt, "phone": Phone, "demand": Demands, "amount": Amount, "currency": Currency,
    "paid": Paid, "payment_method": PaymentMethod, "payment_reference": PaymentReference,
    "note": Note,
}  # fmt: skip


def _with_fields(command: Callable[..., None]) -> Callable[..., None]:
    """The command with an option for each of the entry's fields, before its --file; the
    command reads them from `ctx.params` (`_entry_values`)."""
    own = list(inspect.signature(command).parameters.values())
    at = next(index for index, param in enumerate(own) if param.name == "file")
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    fields = [inspect.Parameter(n, kind, default=None, annotation=a) for n, a in FIELDS.items()]

    @functools.wraps(command)
    def with_fields(**given: Any) -> None:
        command(**{name: value for name, value in given.items() if name not in FIELDS})

    with_fields.__signature__ = inspect.Signature([*own[:at], *fields, *own[at:]])  # type: ignore[attr-defined]
    return with_fields


def _entry_values(params: dict[str, Any]) -> dict[str, Any]:
    """The entry's fields among a command's options (--demand is the field `demands`)."""
    values = {name: params[name] for name in FIELDS}
    demands = values.pop("demand")
    values["demands"] = [str(getattr(d, "value", d)) for d in demands] if demands else None
    return values


@evidence_app.command("add")
@_with_fields
def evidence_add(
    ctx: typer.Context,
    file: Files = None,
    keep_copy: KeepCopy = True,
    from_file: Annotated[
        Path | None,
        typer.Option("--from", help=N_("Add the entries of a YAML file (format: see README).")),
    ] = None,
    lang: LangOption = None,
    plain: PlainOption = False,
    json_output: JsonOption = False,
) -> None:
    """Write down what happened. Without options, safecheck asks, one question at a time.

    Example: safecheck evidence add --platform Instagram --account someone --demand money --file shot.png
    """
    from safecheck.app.evidence import EntryRequest, add

    run = run_of(ctx, lang, plain, json_output)
    request = EntryRequest(_entry_values(ctx.params), file or (), keep_copy, from_file)
    finish(run, add(run, request), json=json_output)


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
    from safecheck.app.evidence import entries

    run = run_of(ctx, lang, plain, json_output)
    finish(run, entries(run, json=json_output), json=json_output)


@evidence_app.command("show")
def evidence_show(
    ctx: typer.Context, entry_id: EntryId, lang: LangOption = None, plain: PlainOption = False
) -> None:
    """Show one entry in full, and whether each file is still as it was when it was added
    (a file changed or missing since then is named in capitals).

    Example: safecheck evidence show 3
    """
    from safecheck.app.evidence import show

    run = run_of(ctx, lang, plain)
    finish(run, show(run, entry_id))


@evidence_app.command("edit")
@_with_fields
def evidence_edit(
    ctx: typer.Context,
    entry_id: EntryId,
    file: Files = None,
    drop_file: Annotated[
        list[int] | None,
        typer.Option(
            "--drop-file",
            help=N_("Remove the file with this number (as `show` lists them; repeatable)."),
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
    from safecheck.app.evidence import EntryRequest, edit

    run = run_of(ctx, lang, plain)
    values = _entry_values(ctx.params)
    request = EntryRequest(values, file or (), keep_copy, drop_files=drop_file or ())
    finish(run, edit(run, entry_id, request))


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
    from safecheck.app.evidence import remove

    run = run_of(ctx, lang, plain)
    finish(run, remove(run, entry_id, yes=yes))


@evidence_app.command("restore")
def evidence_restore(
    ctx: typer.Context,
    entry_id: EntryId,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=N_("The folder to put the files in."), file_okay=False),
    ],
    lang: LangOption = None,
) -> None:
    """Get back the kept copies of an entry's files, for when the originals are gone.

    Files already in the folder are never replaced.

    Example: safecheck evidence restore 3 --output evidence-copies
    """
    from safecheck.app.evidence import restore

    run = run_of(ctx, lang)
    finish(run, restore(run, entry_id, output))


@evidence_app.command("verify")
def evidence_verify(ctx: typer.Context, lang: LangOption = None) -> None:
    """Check that nothing in the evidence log changed after it was written: every record of the
    log's chain, every kept copy and every original file still in place. Exit 0 only when all
    of it holds; 9 when something changed (each change is named).

    Example: safecheck evidence verify
    """
    from safecheck.app.evidence import verify

    run = run_of(ctx, lang)
    finish(run, verify(run))
