"""How to reach a help line, in words: the contact, one line, and the short line of a footer.

The program's own words ("or", "chat") are put in here, in the reader's language, so the
help-line data (`content.helplines`) keeps only facts. A line is anything with phones, a
chat, a link, a name and hours, where the name and hours are texts by language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from safecheck.core.i18n import labelled, t


class Reachable(Protocol):
    @property
    def phones(self) -> Sequence[str]: ...
    @property
    def chat(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def name(self) -> Mapping[str, str]: ...
    @property
    def hours(self) -> Mapping[str, str] | None: ...


def contact(line: Reachable, lang: str, separator: str = " · ") -> str:
    """How to reach a line, in one short text: `113 or 0800 0113 · chat: 113.nl`."""
    parts = []
    if line.phones:
        parts.append(f" {t(lang, 'or')} ".join(line.phones))
    if line.chat:
        parts.append(labelled(lang, t(lang, "chat"), line.chat))
    if line.url and line.url != line.chat:
        parts.append(line.url)
    return separator.join(parts)


def one_line(line: Reachable, lang: str) -> str:
    """Name, contact and hours: `Zelfmoordlijn 1813: 1813 · chat: zelfmoord1813.be (24/7)`."""
    hours = f" ({line.hours[lang]})" if line.hours else ""
    return labelled(lang, line.name[lang], contact(line, lang) + hours)


def short_line(line: Reachable, lang: str) -> str:
    """Name, phone numbers and hours, to fit a footer: `Zelfmoordlijn 1813: 1813 (24/7)`."""
    if not line.phones:
        return one_line(line, lang)
    hours = f" ({line.hours[lang]})" if line.hours else ""
    return labelled(lang, line.name[lang], f" {t(lang, 'or')} ".join(line.phones) + hours)


def phones(line: Reachable, lang: str) -> str:
    """The phone numbers, else the chat or the link: what the workshop shows of a line."""
    if line.phones:
        return f" {t(lang, 'or')} ".join(line.phones)
    return line.chat or line.url or ""
