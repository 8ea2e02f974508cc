"""An evidence entry: what happened, when, who, what they asked for, and the files that show it.

An `Entry` is a frozen, validated value. Everything a person types goes through the
`parse_*` functions, so the prompts, the command-line options and the YAML importer
(`evidence.importer`) all accept and refuse exactly the same things, with the same messages.
`to_dict`/`from_dict` give the one shape shared by the saved state and the JSON export.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from safecheck.core import labels
from safecheck.core.errors import StateError, UsageError
from safecheck.core.i18n import N_, Message, Phrase, msg
from safecheck.core.labels import field_label as field_label  # the displays' name for it
from safecheck.storage.copies import SHA256_PATTERN, CopyStatus

MAX_LINE = 300  # platform, account name, payment method, ...
MAX_URL = 2000
MAX_NOTE = 20_000
MAX_AMOUNT = Decimal("1e12")
MAX_DECIMALS = 4  # ISO 4217 currencies have at most four minor digits
FUTURE_TOLERANCE = timedelta(minutes=5)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+$")


class EvidenceError(UsageError):
    """A value for the evidence log that safecheck cannot accept, or an unknown entry."""


class Demand(StrEnum):
    MONEY = "money"
    IMAGES = "images"
    MEETING = "meeting"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file that shows what happened, as it was when it was added."""

    path: str  # absolute
    sha256: str
    size: int
    mtime: datetime  # aware, in the local time zone of the moment it was read
    kept: bool  # a sealed copy is in the state folder: files/<sha256>

    @property
    def name(self) -> str:
        return self.path.rpartition(os.sep)[2]


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    when: datetime  # aware: the person's local time with its UTC offset
    recorded: datetime  # when this entry was written down (aware)
    platform: str | None = None
    account: str | None = None  # the perpetrator's account name
    profile_url: str | None = None
    url: str | None = None  # where the message or image was seen
    phone: str | None = None
    demands: tuple[Demand, ...] = ()
    amount: Decimal | None = None
    currency: str | None = None  # ISO 4217
    paid: bool | None = None  # None: not known (never asked, or not answered)
    payment_method: str | None = None
    payment_reference: str | None = None
    note: str | None = None
    files: tuple[Attachment, ...] = ()

    def __post_init__(self) -> None:
        if self.when.tzinfo is None or self.recorded.tzinfo is None:
            raise ValueError("evidence times must carry their UTC offset")


# Fields a person can set, in the order they are asked and shown.
FIELDS = (
    "when",
    "platform",
    "account",
    "profile_url",
    "url",
    "phone",
    "demands",
    "amount",
    "currency",
    "paid",
    "payment_method",
    "payment_reference",
    "note",
)


class FileStatus(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"  # the file at its path no longer has the recorded SHA-256
    MISSING = "missing"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class FileCheck:
    attachment: Attachment
    status: FileStatus
    sha256_now: str | None  # what the file hashes to now, when it is there
    copy: CopyStatus


# --- parsing what a person types -----------------------------------------------------


def image_warning() -> Message:
    """Shown on every way of adding a file (a question, --file, --from), before it is saved."""
    return msg(
        "Before you add files: don't add the intimate image itself. Screenshot the "
        "messages, the profile, the username and the payment demand. Where the image "
        "is in view, leave it out and write down the link, the site and the date. "
        "Don't forward the image to anyone, not even as evidence.",
    )


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def local(moment: datetime) -> datetime:
    """An aware datetime; a naive one is taken as local time, with the offset of that date."""
    return moment.astimezone() if moment.tzinfo is None else moment


def parse_when(value: str | datetime, clock: Callable[[], datetime] = now) -> datetime:
    """`2026-03-02 21:15` (local time) or ISO 8601 with an offset; never in the future."""
    if isinstance(value, datetime):
        moment = value
    else:
        text = value.strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise EvidenceError(
                msg(
                    '"{value}" is not a date and time safecheck understands; write it like '
                    "2026-03-02 21:15.",
                    value=text,
                )
            ) from None
        if len(text) <= len("2026-03-02"):  # a date alone: the time is not known
            raise EvidenceError(
                msg(
                    '"{value}" has a date but no time; add the time as well as you know it, like '
                    "2026-03-02 21:15.",
                    value=text,
                )
            )
    try:
        moment = local(moment).replace(microsecond=0)
    except (OverflowError, ValueError, OSError):
        raise EvidenceError(
            msg(
                '"{value}" is not a date and time safecheck understands; write it like '
                "2026-03-02 21:15.",
                value=value,
            )
        ) from None
    if moment > clock() + FUTURE_TOLERANCE:
        raise EvidenceError(
            msg(
                "{value} is in the future; give the moment it happened.",
                value=format_when(moment),
            )
        )
    return moment


def format_when(moment: datetime) -> str:
    """How a time is shown, and can be typed back: `2026-03-02 21:15+01:00`."""
    return moment.isoformat(sep=" ", timespec="minutes" if moment.second == 0 else "seconds")


def parse_line(value: str | None, field: str) -> str | None:
    """One line of text (empty means none)."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if _CONTROL_OR_NEWLINE.search(text):
        raise EvidenceError(
            msg("{field} must be one line of text.", field=Phrase(labels.FIELD[field]))
        )
    if len(text) > MAX_LINE:
        raise EvidenceError(
            msg(
                "{field} is too long (at most {limit} characters).",
                field=Phrase(labels.FIELD[field]),
                limit=MAX_LINE,
            )
        )
    return text


def parse_note(
    value: str | None,
) -> str | None:
    if value is None:
        return None
    text = value.replace("\r\n", "\n").strip()
    if not text:
        return None
    if _CONTROL.search(text):
        raise EvidenceError(
            msg(
                "{field} holds control characters; type or paste plain text.",
                field=Phrase(labels.FIELD["note"]),
            )
        )
    if len(text) > MAX_NOTE:
        raise EvidenceError(
            msg(
                "{field} is too long (at most {limit} characters).",
                field=Phrase(labels.FIELD["note"]),
                limit=MAX_NOTE,
            )
        )
    return text


def parse_url(value: str | None, field: str = "profile_url") -> str | None:
    """A link as the person copied it; `http(s)://` when it names a scheme."""
    text = parse_line(value, field)
    if text is None:
        return None
    if any(char.isspace() for char in text) or len(text) > MAX_URL:
        raise EvidenceError(
            msg(
                '"{value}" is not a link safecheck can keep: copy it without spaces, starting '
                "with https:// or the site's name.",
                value=text,
            )
        )
    scheme, sep, _ = text.partition("://")
    if sep and scheme.lower() not in ("http", "https"):
        raise EvidenceError(
            msg(
                '"{value}" is not a link safecheck can keep: copy it without spaces, starting '
                "with https:// or the site's name.",
                value=text,
            )
        )
    return text


def parse_phone(
    value: str | None,
) -> str | None:
    text = parse_line(value, "phone")
    if text is None:
        return None
    if not _PHONE.match(text) or sum(char.isdigit() for char in text) < 3:
        raise EvidenceError(
            msg(
                '"{value}" is not a phone number: use digits, and + ( ) - . or spaces.',
                value=text,
            )
        )
    return text


def parse_demands(
    values: Iterable[str | Demand],
) -> tuple[Demand, ...]:
    """Each demand once, in the order of `Demand`."""
    chosen: set[Demand] = set()
    for value in values:
        try:
            chosen.add(Demand(str(value).strip().lower()))
        except ValueError:
            known = ", ".join(d.value for d in Demand)
            raise EvidenceError(
                msg('"{value}" is not one of {known}.', value=value, known=known)
            ) from None
    return tuple(demand for demand in Demand if demand in chosen)


_AMOUNT = re.compile(r"^([0-9]+|[0-9]{1,3}( [0-9]{3})+)([.,][0-9]+)?$")  # 250, 250,50, 1 000


def parse_amount(
    value: str | int | Decimal | None,
) -> Decimal | None:
    """`250`, `250.50`, `250,50` or `1 000`; not negative, at most four decimals, no exponent.

    The decimals are kept as written: 250,50 stays 250.50."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise EvidenceError(
            msg(
                '"{value}" is not an amount: write a number that is not negative, like 250 or '
                "250,50.",
                value=value,
            )
        )
    text = str(value).strip()
    if not text:
        return None
    if isinstance(value, str) and not _AMOUNT.match(text.replace("\u00a0", " ")):
        raise EvidenceError(
            msg(
                '"{value}" is not an amount: write a number that is not negative, like 250 or '
                "250,50.",
                value=value,
            )
        )
    text = text.replace(" ", "").replace("\u00a0", "")
    if "," in text:
        if "." in text or text.count(",") > 1:
            raise EvidenceError(
                msg(
                    '"{value}": write the amount without a thousands separator, like 1250,50 or '
                    "1250.50.",
                    value=text,
                )
            )
        text = text.replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise EvidenceError(
            msg(
                '"{value}" is not an amount: write a number that is not negative, like 250 or '
                "250,50.",
                value=value,
            )
        ) from None
    exponent = amount.as_tuple().exponent
    if (
        not amount.is_finite()
        or amount < 0
        or amount >= MAX_AMOUNT
        or not isinstance(exponent, int)
        or exponent < -MAX_DECIMALS
    ):
        raise EvidenceError(
            msg(
                '"{value}" is not an amount: write a number that is not negative, like 250 or '
                "250,50.",
                value=value,
            )
        )
    return Decimal(format(amount.copy_abs() if amount == 0 else amount, "f"))  # 1E+3 -> 1000


def parse_currency(
    value: str | None,
) -> str | None:
    """An ISO 4217 code such as EUR or USD (the sign € is taken as EUR)."""
    if value is None:
        return None
    text = value.strip().upper()
    if not text:
        return None
    if text == "€":
        return "EUR"
    if not _CURRENCY.match(text):
        raise EvidenceError(
            msg(
                '"{value}" is not a currency code: use the three letters of ISO 4217, like EUR '
                "or USD.",
                value=value.strip(),
            )
        )
    return text


def check(
    entry: Entry,
) -> Entry:
    """Rules across fields: an amount needs its currency, and the reverse."""
    if entry.amount is not None and entry.currency is None:
        raise EvidenceError(msg("an amount needs its currency (like EUR)."))
    if entry.currency is not None and entry.amount is None:
        raise EvidenceError(msg("a currency was given without an amount."))
    return entry


# --- (de)serialising: the state file and the JSON export share this shape ---------------


def to_dict(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "when": entry.when.isoformat(),
        "recorded": entry.recorded.isoformat(),
        "platform": entry.platform,
        "account": entry.account,
        "profile_url": entry.profile_url,
        "url": entry.url,
        "phone": entry.phone,
        "demands": [demand.value for demand in entry.demands],
        "amount": None if entry.amount is None else str(entry.amount),
        "currency": entry.currency,
        "paid": entry.paid,
        "payment_method": entry.payment_method,
        "payment_reference": entry.payment_reference,
        "note": entry.note,
        "files": [
            {
                "path": a.path,
                "name": a.name,
                "sha256": a.sha256,
                "size": a.size,
                "mtime": a.mtime.isoformat(),
                "kept": a.kept,
            }
            for a in entry.files
        ],
    }


def from_dict(raw: object) -> Entry:
    """An entry from the saved state; anything unexpected is a `StateError`."""
    try:
        if not isinstance(raw, Mapping):
            raise TypeError
        files = raw.get("files", [])
        if not isinstance(files, list):
            raise TypeError
        return Entry(
            id=_int(raw["id"]),
            when=_aware(raw["when"]),
            recorded=_aware(raw["recorded"]),
            platform=_optional_str(raw.get("platform")),
            account=_optional_str(raw.get("account")),
            profile_url=_optional_str(raw.get("profile_url")),
            url=_optional_str(raw.get("url")),
            phone=_optional_str(raw.get("phone")),
            demands=tuple(Demand(_str(value)) for value in _list(raw.get("demands", []))),
            amount=None if raw.get("amount") is None else Decimal(_str(raw["amount"])),
            currency=_optional_str(raw.get("currency")),
            paid=None if raw.get("paid") is None else _bool(raw["paid"]),
            payment_method=_optional_str(raw.get("payment_method")),
            payment_reference=_optional_str(raw.get("payment_reference")),
            note=_optional_str(raw.get("note")),
            files=tuple(_attachment(value) for value in files),
        )
    except (TypeError, KeyError, ValueError, InvalidOperation, AttributeError):
        raise StateError(N_("a saved evidence entry is not readable")) from None


def _attachment(raw: object) -> Attachment:
    if not isinstance(raw, Mapping):
        raise TypeError
    sha = _str(raw["sha256"])
    if not SHA256_PATTERN.match(sha):
        raise ValueError
    return Attachment(
        path=_str(raw["path"]),
        sha256=sha,
        size=_int(raw["size"]),
        mtime=_aware(raw["mtime"]),
        kept=_bool(raw["kept"]),
    )


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value


def _optional_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError
    return value


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError
    return value


def _aware(value: object) -> datetime:
    moment = datetime.fromisoformat(_str(value))
    if moment.tzinfo is None:
        raise ValueError
    return moment


def next_id(entries: Sequence[Entry]) -> int:
    return max((entry.id for entry in entries), default=0) + 1


def timeline(entries: Iterable[Entry]) -> list[Entry]:
    """Oldest first, newest last; entries at the same moment in the order they were added."""
    return sorted(entries, key=lambda entry: (entry.when, entry.id))
