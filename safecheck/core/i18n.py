"""The words safecheck says itself, from gettext catalogues (checklist content lives in the YAML).

The source code carries the English text; `safecheck/locale/<lang>/LC_MESSAGES/safecheck.po`
holds its translation, compiled to `safecheck.mo` at build time (Babel, see `hatch_build.py`)
and read here with the standard library's `gettext`, one language at a time and only when a
text is first needed, so starting safecheck costs nothing extra.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import NullTranslations

# The languages safecheck speaks, by code, with their own name; English is the fallback.
# Adding a language: its catalogue in safecheck/locale/<code>/LC_MESSAGES/safecheck.po
# and one line here (see the README's translator's guide).
LANGUAGES = {
    "en": "English",
    "nl": "Nederlands",
    "fr": "Français",
}

DOMAIN = "safecheck"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_catalogues: dict[str, NullTranslations] = {}


class Phrase(str):
    """A message id given as a value of another message ("a list"): shown in its language."""


def N_(text: str) -> str:  # noqa: N802 - the name xgettext and Babel look for
    """Mark `text` for translation where it is defined (a table); `t` translates it later."""
    return text


def catalogue(lang: str) -> NullTranslations:
    """The compiled catalogue of `lang`, read once (English, or a missing one: the msgids).
    A damaged one (cut off, emptied, not a catalogue) reads as missing: the words are then
    English, and the program goes on rather than ending in a traceback."""
    found = _catalogues.get(lang)
    if found is None:
        import gettext

        try:
            found = gettext.translation(
                DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True
            )
        except Exception:  # gettext's parser raises OSError, struct.error, UnicodeError, ...
            found = gettext.NullTranslations()
        _catalogues[lang] = found
    return found


def catalogue_files() -> list[Path]:
    """The compiled catalogues there are (what the precompiled first lines are made from)."""
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))


def t(lang: str, text: str, /, **values: object) -> str:
    """`text` (English, a message id) in `lang`, with `values` put into its {placeholders}."""
    if text and lang != "en":
        text = catalogue(lang).gettext(text)
    return text.format(**values) if values else text


def tn(lang: str, singular: str, plural: str, count: int, /, **values: object) -> str:
    """The singular or plural form for `count` in `lang`; {count} and `values` put in."""
    if lang == "en":
        text = singular if count == 1 else plural
    else:
        text = catalogue(lang).ngettext(singular, plural, count)
    return text.format(count=count, **values)


def labelled(lang: str, label: str, value: object, /) -> str:
    """`label: value` as `lang` writes it: French puts a space before the colon."""
    return t(lang, "{label}: {value}", label=label, value=value)


@dataclass(frozen=True, slots=True)
class Message:
    """A message as a value: its id (English), its values, and for a plural its plural id
    and count. The domain returns these; `translate` shows them in a person's language at
    the edge, as `SafecheckError` is shown. A value may itself be a message."""

    id: str
    values: Mapping[str, object] = field(default_factory=dict)
    plural: str | None = None
    count: int = 0

    def text(self, lang: str) -> str:
        return translate(lang, self)


def msg(text: str, /, **values: object) -> Message:
    """The message `text` (a message id) with `values`, to be translated at the edge."""
    return Message(text, values)


def msgn(singular: str, plural: str, count: int, /, **values: object) -> Message:
    """The singular or plural message for `count`, to be translated at the edge."""
    return Message(singular, values, plural, count)


def translate(lang: str, message: Message | str, /, **values: object) -> str:
    """A message (or a message id with `values`) in `lang`; values that are messages,
    errors or phrases are shown in the same language."""
    if isinstance(message, str):
        message = Message(message, values)

    def shown(value: object) -> object:
        if isinstance(value, Message):
            return translate(lang, value)
        if isinstance(value, Phrase):
            return t(lang, value)
        text = getattr(value, "text", None)  # a SafecheckError given as a reason
        return text(lang) if callable(text) and isinstance(value, Exception) else value

    given = {name: shown(value) for name, value in message.values.items()}
    if message.plural is not None:
        return tn(lang, message.id, message.plural, message.count, **given)
    return t(lang, message.id, **given)


def default_lang(environ: dict[str, str] | None = None) -> str:
    """The locale's language when safecheck speaks it (nl_BE, fr_BE, ...), else `en`."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else "en"
    return "en"
