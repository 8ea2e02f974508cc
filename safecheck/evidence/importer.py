"""Evidence from outside: a YAML file (`evidence add --from`) or command-line options."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from safecheck.content.yamlfile import Loc, Located
from safecheck.core import labels
from safecheck.core.i18n import N_, Phrase, msg
from safecheck.evidence.files import fingerprint
from safecheck.evidence.model import (
    FIELDS,
    MAX_LINE,
    Attachment,
    Demand,
    Entry,
    EvidenceError,
    check,
    now,
    parse_amount,
    parse_currency,
    parse_demands,
    parse_line,
    parse_note,
    parse_phone,
    parse_url,
    parse_when,
)
from safecheck.storage.safefile import EVIDENCE_IMPORT_LIMIT

# --- the importer: `safecheck evidence add --from FILE.yaml` ------------------------------

IMPORT_KEYS = {*FIELDS, "files"}
FILE_KEYS = {"path", "keep_copy"}


def load_file(
    path: Path,
    *,
    text: str | None = None,
    clock: Callable[[], datetime] = now,
    fingerprint_files: bool = True,
) -> list[Entry]:
    """Entries from a YAML file (format in the README); every error says file:line.

    Relative file paths are taken from the YAML file's own folder. The entries have
    id 0; `add` gives them theirs. `fingerprint_files=False` checks the file names
    only (for fuzzing the parser without touching the disk).
    """
    from safecheck.content import yamlfile

    doc = yamlfile.load(path, text, limit=EVIDENCE_IMPORT_LIMIT)
    top = yamlfile.mapping(doc, doc.data, (), "the evidence file")
    yamlfile.no_unknown_keys(doc, top, {"entries"}, (), "the evidence file")
    if "entries" not in top:
        doc.fail((), N_('the evidence file: "entries" is missing'))
    raw_entries = yamlfile.sequence(doc, top["entries"], ("entries",), "entries")
    if not raw_entries:
        doc.fail(("entries",), N_("the evidence file needs at least one entry"))
    importer = _Importer(doc, path, clock, fingerprint_files)
    return [importer.entry(raw, ("entries", index)) for index, raw in enumerate(raw_entries)]


def _bounded(value: Any, key: str, *, listed: bool = False) -> Any:
    """A value short enough to quote in a message: one value, not a list (unless `listed`)."""
    if value is None or listed and isinstance(value, list):
        return value
    if isinstance(value, list | dict | bytes):
        raise EvidenceError(
            msg(
                "{field}: give one value here, not a list or mapping.",
                field=Phrase(labels.FIELD[key]),
            )
        )
    if isinstance(value, str) and key != "note" and len(value) > MAX_LINE:
        raise EvidenceError(
            msg(
                "{field} is too long (at most {limit} characters).",
                field=Phrase(labels.FIELD[key]),
                limit=MAX_LINE,
            )
        )
    return value if isinstance(value, str | bool | int | float | date) else str(value)


class _Importer:
    """Turns one YAML mapping into an `Entry`, with the line of any wrong value."""

    def __init__(
        self,
        doc: Located,
        source: Path,
        clock: Callable[[], datetime],
        real_files: bool,
    ) -> None:
        self.doc = doc
        self.source = source
        self.clock = clock
        self.real_files = real_files
        self.recorded = clock()

    def entry(self, raw: object, loc: Loc) -> Entry:
        from safecheck.content import yamlfile

        what = f"entry {int(loc[-1]) + 1}"
        item = yamlfile.mapping(self.doc, raw, loc, what)
        yamlfile.no_unknown_keys(self.doc, item, IMPORT_KEYS, loc, what)

        def get(key: str, parse: Callable[[Any], Any]) -> Any:
            try:
                value = _bounded(item.get(key), key, listed=key == "demands")
                return parse(value)  # never quote a bomb
            except EvidenceError as error:
                self.doc.fail((*loc, key), error.said)

        entry = Entry(
            id=0,
            when=get("when", self.when),
            recorded=self.recorded,
            platform=get("platform", self.line("platform")),
            account=get("account", self.line("account")),
            profile_url=get("profile_url", lambda v: parse_url(self.text(v))),
            url=get("url", lambda v: parse_url(self.text(v), "url")),
            phone=get("phone", lambda v: parse_phone(self.phone(v))),
            demands=get("demands", self.demands),
            amount=get("amount", self.amount),
            currency=get("currency", lambda v: parse_currency(self.text(v))),
            paid=get("paid", self.paid),
            payment_method=get("payment_method", self.line("payment_method")),
            payment_reference=get("payment_reference", self.line("payment_reference")),
            note=get("note", lambda v: parse_note(self.text(v))),
            files=self.files(item, loc),
        )
        try:
            return check(entry)
        except EvidenceError as error:
            self.doc.fail(loc, error.said)

    def when(self, value: Any) -> datetime:
        if value is None:
            raise EvidenceError(
                msg(
                    '"when" is missing: the date and time it happened, like 2026-03-02 21:15.',
                )
            )
        if isinstance(value, date) and not isinstance(value, datetime):
            raise EvidenceError(
                msg(
                    '"{value}" has a date but no time; add the time as well as you know it, like '
                    "2026-03-02 21:15.",
                    value=value,
                )
            )
        if not isinstance(value, str | datetime):
            raise EvidenceError(
                msg(
                    '"{value}" is not a date and time safecheck understands; write it like '
                    "2026-03-02 21:15.",
                    value=value,
                )
            )
        return parse_when(value, self.clock)

    def line(self, key: str) -> Callable[[Any], str | None]:
        def parse(value: Any) -> str | None:
            if isinstance(value, int) and not isinstance(value, bool):
                value = str(value)  # an account name of digits only
            return parse_line(self.text(value, key), key)

        return parse

    def text(self, value: Any, key: str = "note") -> str | None:
        if value is not None and not isinstance(value, str):
            raise EvidenceError(msg("this must be text."))
        return value

    def phone(self, value: Any) -> str | None:
        if value is not None and not isinstance(value, str):
            raise EvidenceError(
                msg(
                    'write the phone number in quotes, like "+32 470 12 34 56", so its leading 0 '
                    "or + is kept.",
                )
            )
        return value

    def demands(self, value: Any) -> tuple[Demand, ...]:
        if value is None:
            return ()
        values = value if isinstance(value, list) else [value]
        return parse_demands([_bounded(v, "demands") for v in values])

    def amount(self, value: Any) -> Decimal | None:
        if isinstance(value, float):
            value = repr(value)
        if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
            raise EvidenceError(
                msg(
                    '"{value}" is not an amount: write a number that is not negative, like 250 or '
                    "250,50.",
                    value=value,
                )
            )
        return parse_amount(value)

    def paid(self, value: Any) -> bool | None:
        if value is None:
            return None
        if not isinstance(value, bool):
            raise EvidenceError(
                msg("{field} must be true or false.", field=Phrase(labels.FIELD["paid"]))
            )
        return value

    def files(self, item: Mapping[str, Any], loc: Loc) -> tuple[Attachment, ...]:
        from safecheck.content import yamlfile

        doc = self.doc
        if item.get("files") is None:
            return ()
        raw_files = yamlfile.sequence(doc, item["files"], (*loc, "files"), "files")
        attachments: list[Attachment] = []
        for index, raw in enumerate(raw_files):
            file_loc = (*loc, "files", index)
            spec = yamlfile.mapping(
                doc, {"path": raw} if isinstance(raw, str) else raw, file_loc, "a file"
            )
            yamlfile.no_unknown_keys(doc, spec, FILE_KEYS, file_loc, "a file")
            name = yamlfile.string(doc, spec.get("path"), (*file_loc, "path"), "a file: path")
            keep = spec.get("keep_copy", True)
            if not isinstance(keep, bool):
                doc.fail((*file_loc, "keep_copy"), N_("keep_copy must be true or false"))
            if "\x00" in name:
                doc.fail((*file_loc, "path"), msg("there is no file {path}.", path=name))
            path = Path(name).expanduser()
            if not path.is_absolute():
                path = self.source.parent / path
            if not self.real_files:
                continue
            try:
                attachment = fingerprint(path, keep=keep)
            except EvidenceError as error:
                doc.fail((*file_loc, "path"), error.said)
            if not any(same_file(a, attachment) for a in attachments):
                attachments.append(attachment)  # the same content at another path is recorded
        return tuple(attachments)


# --- from command-line options ------------------------------------------------------------


def from_options(
    values: Mapping[str, Any],
    *,
    base: Entry | None = None,
    add_files: Sequence[Path] = (),
    drop_files: Sequence[int] = (),
    keep: bool = True,
    clock: Callable[[], datetime] = now,
) -> Entry:
    """A new entry (or `base` changed) from option values; a value of None leaves a field as is.

    An empty text clears a field. `drop_files` are 1-based numbers as `show` lists them.
    """
    entry = base or Entry(id=0, when=clock(), recorded=clock())
    parsers: dict[str, Callable[[Any], Any]] = {
        "when": lambda v: parse_when(v, clock),
        "platform": lambda v: parse_line(v, "platform"),
        "account": lambda v: parse_line(v, "account"),
        "profile_url": lambda v: parse_url(v),
        "url": lambda v: parse_url(v, "url"),
        "phone": lambda v: parse_phone(v),
        "demands": lambda v: parse_demands(v),
        "amount": lambda v: parse_amount(v),
        "currency": lambda v: parse_currency(v),
        "paid": bool,
        "payment_method": lambda v: parse_line(v, "payment_method"),
        "payment_reference": lambda v: parse_line(v, "payment_reference"),
        "note": lambda v: parse_note(v),
    }
    changes = {key: parsers[key](value) for key, value in values.items() if value is not None}
    files = list(entry.files)
    for number in sorted(set(drop_files), reverse=True):
        if not 1 <= number <= len(files):
            raise EvidenceError(
                msg(
                    "the entry has no file {number}; safecheck evidence show lists them.",
                    number=number,
                )
            )
        del files[number - 1]
    for path in add_files:
        attachment = fingerprint(path, keep=keep)
        if not any(same_file(a, attachment) for a in files):
            files.append(attachment)  # the same content at another path is recorded
    return check(replace(entry, **changes, files=tuple(files)))


def same_file(one: Attachment, other: Attachment) -> bool:
    """The same path with the same content: adding it twice adds nothing. The same content
    at another path is recorded (with "same content as"); its copy is kept once."""
    return one.sha256 == other.sha256 and one.path == other.path


def has_values(values: Mapping[str, Any]) -> bool:
    return any(value not in (None, (), []) for value in values.values())
