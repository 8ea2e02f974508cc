"""English labels of values (enum values, field names, codes), marked for translation.

Each table maps a value to its English text, a message id of the catalogues:
`t(lang, PRIORITY[item.priority.value])` shows it in the person's language.
"""

from __future__ import annotations

from safecheck.core.i18n import N_

# The priorities of checklist items.
PRIORITY: dict[str, str] = {
    "essential": N_("Essential"),
    "recommended": N_("Recommended"),
    "advanced": N_("Advanced"),
}

# What an extorter asked for (an evidence entry's demands).
DEMAND: dict[str, str] = {
    "money": N_("Money"),
    "images": N_("(More) images"),
    "meeting": N_("A meeting"),
    "other": N_("Something else"),
}

# What `evidence verify` found for a file.
FILE_STATUS: dict[str, str] = {
    "unchanged": N_("Unchanged: the file still has the same SHA-256."),
    "changed": N_("CHANGED: the file at this path is no longer the same (its SHA-256 differs)."),
    "missing": N_("MISSING: there is no file at this path any more."),
    "unreadable": N_("UNREADABLE: the file is there but cannot be read."),
}

# What became of the copy kept of a file.
COPY_STATUS: dict[str, str] = {
    "none": N_("No copy kept."),
    "intact": N_(
        "A copy is kept safely in safecheck (get it back with safecheck evidence restore)."
    ),
    "missing": N_("The kept copy is MISSING."),
    "damaged": N_("The kept copy is DAMAGED."),
}

# An item's answer, as shown in a list (`unanswered`: none yet).
STATE: dict[str, str] = {
    "done": N_("done"),
    "not_yet": N_("not yet"),
    "not_for_me": N_("not for me"),
    "skipped": N_("skipped"),
    "unanswered": N_("not answered"),
}

# The regions, by code, as named in a sentence.
REGION: dict[str, str] = {
    "BE": N_("Belgium"),
    "NL": N_("the Netherlands"),
    "OTHER": N_("another country"),
    "unknown": N_("not chosen yet"),
}

# The age groups.
AGE: dict[str, str] = {
    "minor": N_("Under 18"),
    "adult": N_("18 or older"),
}

# A help line's country, by code.
COUNTRY: dict[str, str] = {
    "BE": N_("Belgium"),
    "NL": N_("Netherlands"),
}

# The evidence form's question for each field.
EVIDENCE_ASK: dict[str, str] = {
    "when": N_("When did it happen? (date and time, like 2026-03-02 21:15)"),
    "platform": N_("On which platform or app? (e.g. Instagram, Snapchat)"),
    "account": N_("Their account name or username?"),
    "profile_url": N_("The link to their profile?"),
    "url": N_("The link of the page where you saw the message or image? (the address bar)"),
    "phone": N_("Their phone number, if you have it?"),
    "demands": N_("What did they ask you for?"),
    "amount": N_("How much money did they ask for, or did you pay? (e.g. 250 or 250,50)"),
    "currency": N_("In which currency? (a three-letter code, like EUR or USD)"),
    "paid": N_("Did you pay?"),
    "payment_method": N_("How did you pay? (bank transfer, gift card, crypto, ...)"),
    "payment_reference": N_(
        "The payment's reference or transaction id? (your bank needs it to try to get the money back)"
    ),
    "note": N_("Anything else worth writing down? (what was said, what happened)"),
}

# How the saved state is kept (`safecheck where`).
WHERE_HOW: dict[str, str] = {
    "missing": N_("nothing saved yet"),
    "plain": N_("NOT encrypted: --no-encryption is on"),
    "keyring": N_("encrypted; the key is in your keyring"),
    "passphrase": N_("encrypted with your passphrase"),
    "unknown": N_("cannot be read; see `safecheck reset`"),
}

# The name of each field of an evidence entry.
FIELD: dict[str, str] = {
    "id": N_("Entry"),
    "when": N_("When"),
    "recorded": N_("Written down"),
    "platform": N_("Platform"),
    "account": N_("Their account name"),
    "profile_url": N_("Their profile link"),
    "url": N_("Where it was seen (link)"),
    "phone": N_("Their phone number"),
    "demands": N_("What they asked for"),
    "amount": N_("Amount"),
    "currency": N_("Currency"),
    "paid": N_("Paid"),
    "payment_method": N_("Payment method"),
    "payment_reference": N_("Payment reference"),
    "note": N_("Note"),
    "files": N_("Files"),
}

# The answers to a checklist item (and a plan step).
ANSWER: dict[str, str] = {
    "done": N_("Done"),
    "not_yet": N_("Not yet"),
    "not_for_me": N_("Not for me"),
    "how": N_("Tell me how"),
    "skipped": N_("Skip for now"),
    "platforms": N_("How on each platform"),
}

# What a record of the evidence chain did.
CHAIN_ACTION: dict[str, str] = {
    "add": N_("added"),
    "edit": N_("edited"),
    "remove": N_("removed"),
}

# When the images were made (it chooses the removal service).
IMAGES: dict[str, str] = {
    "under-18": N_("When I was under 18"),
    "adult": N_("When I was 18 or older"),
    "both": N_("Not sure, or both"),
}


def field_label(lang: str, field: str) -> str:
    """The name of an evidence field, in `lang`."""
    from safecheck.core.i18n import t

    return t(lang, FIELD[field])
