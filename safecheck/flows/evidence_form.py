"""Asking for an evidence entry, one question at a time.

Like `walk`, this knows nothing of terminals: it asks `core.questions` with an `Asker` (in the program,
`prompts.Prompter`). Every answer is checked by the same parse functions of `safecheck.evidence.model`
the command-line options and the importer use, and a wrong answer is asked again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from safecheck.core import labels
from safecheck.core.errors import Interrupted
from safecheck.core.i18n import N_, t, tn, translate
from safecheck.core.questions import Asker, Checkbox, Confirm, Text

if TYPE_CHECKING:  # the evidence module loads when a question is asked, not before
    from safecheck.evidence.model import Attachment, Entry
    from safecheck.storage.store import Store


class Messages(Protocol):
    def message(self, text: str) -> None: ...


def _checked(parse: Callable[[str], Any], lang: str) -> Callable[[str], str | None]:
    """A check for a prompt: the parser's message, in `lang`, when it refuses the text."""
    from safecheck.evidence.model import EvidenceError

    def check(text: str) -> str | None:
        try:
            parse(text)
        except EvidenceError as error:
            return translate(lang, error.said)
        return None

    return check


def ask_entry(
    asker: Asker,
    lang: str,
    *,
    base: Entry | None = None,
    clock: Callable[[], datetime] | None = None,
    say: Callable[[str], None] | None = None,
) -> Entry:
    """Ask every field (an edit starts from `base`'s values); return the checked entry.

    Files are asked for at the end: new ones are added to those `base` already has.
    `say` shows the warning about the intimate image right before (see `ask_files`).
    """
    from safecheck.evidence import model
    from safecheck.evidence.model import Demand, Entry, EvidenceError

    clock = clock or model.now
    start = base or Entry(id=0, when=clock(), recorded=clock())

    def ask(key: str, parse: Callable[[str], Any], current: str | None) -> Any:
        answer = asker.ask(
            Text(t(lang, labels.EVIDENCE_ASK[key]), current or "", _checked(parse, lang))
        )
        return parse(answer)

    when = ask("when", lambda s: model.parse_when(s, clock), model.format_when(start.when))
    platform = ask("platform", lambda s: model.parse_line(s, "platform"), start.platform)
    account = ask("account", lambda s: model.parse_line(s, "account"), start.account)
    profile_url = ask("profile_url", lambda s: model.parse_url(s), start.profile_url)
    url = ask("url", lambda s: model.parse_url(s, "url"), start.url)
    phone = ask("phone", lambda s: model.parse_phone(s), start.phone)
    asked = Checkbox(
        t(lang, "What did they ask you for?"),
        [(t(lang, labels.DEMAND[demand.value]), demand) for demand in Demand],
        checked=start.demands,
    )
    demands = tuple(asker.ask(asked))
    amount, currency, paid = start.amount, start.currency, start.paid
    method, reference = start.payment_method, start.payment_reference
    if Demand.MONEY in demands or amount is not None or paid:
        amount = ask(
            "amount",
            lambda s: model.parse_amount(s),
            None if amount is None else str(amount),
        )
        currency = None
        if amount is not None:

            def required_currency(text: str) -> str:
                code = model.parse_currency(text)
                if code is None:
                    raise EvidenceError(t(lang, "an amount needs its currency (like EUR)."))
                return code

            currency = ask("currency", required_currency, start.currency or "EUR")
        paid = asker.ask(Confirm(t(lang, "Did you pay?"), default=bool(paid)))
        if paid:
            line = model.parse_line
            method = ask("payment_method", lambda s: line(s, "payment_method"), method)
            reference = ask("payment_reference", lambda s: line(s, "payment_reference"), reference)
        else:
            method = reference = None
    note = ask("note", lambda s: model.parse_note(s), start.note)
    files = start.files + ask_files(asker, lang, known=start.files, say=say)
    entry = replace(
        start,
        when=when,
        platform=platform,
        account=account,
        profile_url=profile_url,
        url=url,
        phone=phone,
        demands=demands,
        amount=amount,
        currency=currency,
        paid=paid,
        payment_method=method,
        payment_reference=reference,
        note=note,
        files=files,
    )
    return model.check(entry)


def ask_files(
    asker: Asker,
    lang: str,
    *,
    known: Sequence[Attachment] = (),
    say: Callable[[str], None] | None = None,
) -> tuple[Attachment, ...]:
    """Screenshots and other files, one path at a time, until an empty answer.

    Right before the first question, the warning: never the intimate image itself (for
    someone under 18 even a copy of one's own is illegal); the messages, profile and
    demand instead, and where the image is, written down. Without `say`, the warning
    goes before the question in the question's own text.
    """
    from safecheck.evidence import files as evidence_files
    from safecheck.evidence import model

    added: list[Attachment] = []
    warning = translate(lang, model.image_warning())
    if say is not None:
        say(warning)

    def check_path(text: str) -> str | None:
        if not text.strip():
            return None
        path = Path(text.strip()).expanduser()
        if not path.exists():
            return t(lang, "there is no file {path}.", path=text.strip())
        if not path.is_file():
            return t(
                lang, "{path} is not a regular file (a folder, pipe or device).", path=text.strip()
            )
        if not os.access(path, os.R_OK):
            return t(
                lang, "{path} cannot be read ({reason}).", path=text.strip(), reason="permission"
            )
        return None

    while True:
        key = (
            N_(
                "A screenshot or other file that shows it? Type its path (Tab completes), or "
                "leave empty."
            )
            if not added and not known
            else N_("Another file? Type its path, or leave empty when you are done.")
        )
        question = t(lang, key)
        if say is None and not added:
            question = f"{warning}\n{question}"
        answer = asker.ask(Text(question, check=check_path, path=True)).strip()
        if not answer:
            return tuple(added)
        keep = asker.ask(
            Confirm(
                t(
                    lang,
                    "Keep a copy inside safecheck, so the evidence stays even if the original is "
                    "deleted?",
                ),
                default=True,
            )
        )
        attachment = evidence_files.fingerprint(Path(answer), keep=keep)
        if any(
            a.sha256 == attachment.sha256 and a.path == attachment.path for a in (*known, *added)
        ):
            continue  # the same file twice adds nothing; the same content elsewhere is recorded
        added.append(attachment)


def offer_log(asker: Asker, store: Store, view: Messages, lang: str) -> Entry | None:
    """The emergency plan's evidence step: offer to write down what happened, now.

    Ctrl-C in the questions stops only the log (nothing of it is saved) and the plan
    goes on; the way to do it later is named either way.
    """
    from safecheck.evidence import log

    count = len(log.entries(store.load()))
    question = (
        tn(
            lang,
            "Your evidence log has {count} entry. Do you want to add one now?",
            "Your evidence log has {count} entries. Do you want to add one now?",
            count,
        )
        if count
        else t(
            lang,
            "Do you want to write it down in safecheck's evidence log now? It keeps the "
            "account, payment details, dates and screenshots together, for the police.",
        )
    )
    if not asker.ask(Confirm(question, default=True)):
        view.message(t(lang, "Fine. You can start it any time with: safecheck evidence add"))
        return None
    view.message(
        t(
            lang,
            "Write down what happened, while you still remember it well. Leave a question "
            "empty when you don't know the answer; you can add it later with safecheck "
            "evidence edit.",
        )
    )
    try:
        entry = ask_entry(asker, lang, say=view.message)
    except Interrupted:
        view.message(
            t(
                lang,
                "Stopped: nothing from these questions was saved. You can do it later with: "
                "safecheck evidence add. The plan goes on.",
            )
        )
        return None
    (added,) = log.add(store, [entry])
    view.message(t(lang, "Saved as entry {id}.", id=added.id))
    return added
