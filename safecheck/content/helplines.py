"""Help lines as data: `checklists/data/helplines.yaml`, validated like a checklist.

Every line names its country, at least one way to reach it, and the page its facts
come from (`source`). Numbers are copied from the organisations' pages, never made up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from safecheck.content import yamlfile
from safecheck.content.checklist import (
    ID_PATTERN,
    Text,
    _all_allowed,
    _required,
    _text,
    builtin_dir,
)
from safecheck.content.yamlfile import Loc, Located
from safecheck.core.audience import COUNTRIES, HELPLINE_KINDS, INTERNATIONAL, AgeGroup, ImageAge
from safecheck.core.i18n import N_
from safecheck.core.reach import contact as contact
from safecheck.core.reach import one_line as one_line
from safecheck.core.reach import short_line as short_line
from safecheck.core.region import Region

PHONE_PATTERN = re.compile(r"^[0-9]+( [0-9]+)*$")
KEYS = {"id", "country", "kind", "name", "phone", "chat", "url", "hours", "for", "ages", "source"}
KEYS |= {"checked", "sources", "images", "lang"}
SOURCE_KEYS = {"url", "checked", "claims"}
# What a source can say of a line; a text that says it needs a source that says it.
CLAIMS = ("free", "24/7", "hours", "cost")
# When the images were made (removal lines): under 18, or at 18 or older.
IMAGE_AGES = ("under-18", "adult")
# The readers' languages a line can be marked for. In Belgium the Flemish lines are nl
# and the French-language lines fr; the national ones (112, 101, Child Focus) have none.
LINE_LANGS = ("nl", "en", "fr")
# The readers who get a community's lines: Dutch readers the Flemish ones, French readers
# the French-language ones. Any other reader (English) may live in either community, so
# gets both; each such line says in its text which language it answers in.
COMMUNITY_LANGS = frozenset({"nl", "fr"})
URL_PATTERN = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Source:
    """A page that confirms a line, the day it was checked, and what it says of it."""

    url: str
    checked: str  # ISO date
    claims: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class HelpLine:
    id: str
    country: str  # BE, NL or international
    kind: str
    name: Text
    phones: tuple[str, ...]
    chat: str | None  # where to chat: a site
    url: str | None
    hours: Text | None
    who: Text  # whom it is for and what it helps with
    ages: frozenset[AgeGroup]  # empty: every age
    source: str
    line: int
    checked: str = ""  # ISO date the facts were last confirmed
    sources: tuple[Source, ...] = ()  # more pages, with what each says (free, 24/7, ...)
    images: frozenset[str] = frozenset()  # when the images were made; empty: any
    langs: frozenset[str] = frozenset()  # the readers' languages; empty: every language

    def serves(
        self,
        region: Region,
        age_group: AgeGroup | None,
        speaks: str,
        images: ImageAge | None = None,
    ) -> bool:
        """A line of this region (or an international one) for this age group, image age and
        reader, who `speaks` a language (a code of `LINE_LANGS`).

        A line marked for languages (a Flemish or a French-language line) is for readers who
        speak one of them; a reader of another language (English) gets every such line. This
        chooses lines, it translates nothing: the words are the edge's (`core.reach`).
        """
        here = self.country == INTERNATIONAL or self.country == region.value
        shown = not self.langs or speaks in self.langs or speaks not in COMMUNITY_LANGS
        aged = age_group is None or not self.ages or age_group in self.ages
        made = images is None or not self.images or bool(self.images & images.ages)
        return here and shown and aged and made

    def claims(self) -> frozenset[str]:
        """Everything the line's sources say of it (free, 24/7, hours, cost)."""
        return frozenset(claim for source in self.sources for claim in source.claims)


def anywhere(lines: Iterable[HelpLine], age_group: AgeGroup | None, speaks: str) -> list[HelpLine]:
    """The lines that work in every country (removal services), for this age group."""
    return [
        line
        for line in select(lines, Region.OTHER, age_group, speaks=speaks)
        if line.country == INTERNATIONAL
    ]


def builtin_path() -> Path:
    return builtin_dir() / "data" / "helplines.yaml"


def select(
    lines: Iterable[HelpLine],
    region: Region,
    age_group: AgeGroup | None = None,
    kinds: Iterable[str] | None = None,
    *,
    speaks: str,
    images: ImageAge | None = None,
) -> tuple[HelpLine, ...]:
    """The lines for this region, age group, image age and the language the reader speaks,
    of these kinds, in the order asked for (in Belgium the language chooses the Flemish or
    French lines)."""
    chosen = [line for line in lines if line.serves(region, age_group, speaks, images)]
    if kinds is None:
        return tuple(chosen)
    return tuple(line for kind in kinds for line in chosen if line.kind == kind)


def load(path: Path | None = None, text: str | None = None) -> tuple[HelpLine, ...]:
    """Load and validate the help-line file; raise `InputFileError` with file:line."""
    path = path or builtin_path()
    doc = yamlfile.load(path, text)
    top = yamlfile.mapping(doc, doc.data, (), "the help-line file")
    yamlfile.no_unknown_keys(doc, top, {"helplines"}, (), "the help-line file")
    if "helplines" not in top:
        doc.fail((), N_('the help-line file: "helplines" is missing'))
    return yamlfile.unique_list(
        doc,
        top["helplines"],
        ("helplines",),
        _line,
        what="helplines",
        empty=N_("the help-line file needs at least one help line"),
    )


def _line(doc: Located, raw: object, loc: Loc) -> HelpLine:
    entry = yamlfile.mapping(doc, raw, loc, "a help line")
    yamlfile.no_unknown_keys(doc, entry, KEYS, loc, "a help line")
    line_id = _string(doc, entry, "id", loc, "a help line")
    if not ID_PATTERN.match(line_id):
        doc.fail(
            (*loc, "id"),
            N_("a help line: id must be lower-case letters, digits and dashes, not {line_id}"),
            line_id=yamlfile.quote(line_id),
        )
    what = f'help line "{line_id}"'
    country = _known(
        doc,
        entry,
        "country",
        COUNTRIES,
        loc,
        what,
        N_("{what}: country must be one of {known}, not {country}"),
    )
    kind = _known(
        doc,
        entry,
        "kind",
        HELPLINE_KINDS,
        loc,
        what,
        N_("{what}: kind must be one of {known}, not {kind}"),
    )
    phones = tuple(_strings(doc, entry, "phone", loc, what))
    for index, phone in enumerate(phones):
        if not PHONE_PATTERN.match(phone):
            doc.fail(
                (*loc, "phone", index),
                N_("{what}: a phone number has only digits and single spaces, not {phone}"),
                what=what,
                phone=yamlfile.quote(phone),
            )
    chat = _string(doc, entry, "chat", loc, what) if "chat" in entry else None
    url = _string(doc, entry, "url", loc, what) if "url" in entry else None
    if not phones and chat is None and url is None:
        doc.fail(loc, N_("{what} needs a way to reach it: phone, chat or url"), what=what)
    ages = _strings(doc, entry, "ages", loc, what)
    for age in ages:
        if age not in {a.value for a in AgeGroup}:
            doc.fail(
                (*loc, "ages"),
                N_("{what}: ages must be minor and/or adult, not {age}"),
                what=what,
                age=yamlfile.quote(age),
            )
    return HelpLine(
        id=line_id,
        country=country,
        kind=kind,
        name=_name(doc, entry, loc, what),
        phones=phones,
        chat=chat,
        url=url,
        hours=_text(doc, entry, "hours", loc, what) if "hours" in entry else None,
        who=_text(doc, entry, "for", loc, what),
        ages=frozenset(AgeGroup(age) for age in ages),
        source=_url(doc, entry, "source", loc, what),
        line=doc.line(loc),
        checked=_date(doc, entry, "checked", loc, what),
        sources=_sources(doc, entry, loc, what),
        images=frozenset(_choices(doc, entry, "images", IMAGE_AGES, loc, what)),
        langs=frozenset(_choices(doc, entry, "lang", LINE_LANGS, loc, what)),
    )


def _choices(
    doc: Located, entry: Mapping[str, Any], key: str, allowed: tuple[str, ...], loc: Loc, what: str
) -> list[str]:
    values = _strings(doc, entry, key, loc, what)
    _all_allowed(doc, values, allowed, (*loc, key), what)
    return values


def _url(doc: Located, entry: Mapping[str, Any], key: str, loc: Loc, what: str) -> str:
    """A full web address: the page a fact can be checked on."""
    url = _string(doc, entry, key, loc, what)
    if not URL_PATTERN.match(url):
        _wrong(
            doc,
            loc,
            key,
            what,
            N_("{what}: {key} must be a full URL (https://...), not {url}"),
            url=url,
        )
    return url


def _date(doc: Located, entry: Mapping[str, Any], key: str, loc: Loc, what: str) -> str:
    """An ISO date (YAML reads an unquoted one as a date; a quoted one is a text)."""
    raw = _required(doc, entry, key, loc, what)
    text = raw.isoformat() if isinstance(raw, date) else raw
    if not isinstance(text, str) or not DATE_PATTERN.match(text):
        _wrong(
            doc,
            loc,
            key,
            what,
            N_("{what}: {key} must be a date like 2026-11-30, not {raw}"),
            raw=raw,
        )
    return text


def _wrong(doc: Located, loc: Loc, key: str, what: str, message: str, **values: Any) -> NoReturn:
    """Stop at `key` of the entry at `loc`: its value is not what `message` says it must be."""
    doc.fail((*loc, key), message, what=what, key=key, **values)


def _sources(doc: Located, entry: Mapping[str, Any], loc: Loc, what: str) -> tuple[Source, ...]:
    if "sources" not in entry:
        return ()
    raw = entry["sources"]
    if not isinstance(raw, list):
        doc.fail((*loc, "sources"), N_("{what}: sources must be a list"), what=what)
    found = []
    for index, item in enumerate(raw):
        here = (*loc, "sources", index)
        source = yamlfile.mapping(doc, item, here, f"{what}: a source")
        yamlfile.no_unknown_keys(doc, source, SOURCE_KEYS, here, f"{what}: a source")
        claims = _choices(doc, source, "claims", CLAIMS, here, f"{what}: a source")
        found.append(
            Source(
                url=_url(doc, source, "url", here, f"{what}: a source"),
                checked=_date(doc, source, "checked", here, f"{what}: a source"),
                claims=frozenset(claims),
            )
        )
    return tuple(found)


def _known(
    doc: Located,
    entry: Mapping[str, Any],
    key: str,
    known: Sequence[str],
    loc: Loc,
    what: str,
    message: str,
) -> str:
    """The text at `key`, which must be one of `known` (`message` names it as `{key}`)."""
    value = _string(doc, entry, key, loc, what)
    if value not in known:
        placeholder = {key: yamlfile.quote(value)}
        doc.fail((*loc, key), message, what=what, known=", ".join(known), **placeholder)
    return value


def _string(doc: Located, entry: Mapping[str, Any], key: str, loc: Loc, what: str) -> str:
    value = _required(doc, entry, key, loc, what)
    return yamlfile.string(doc, value, (*loc, key), f"{what}: {key}")


def _strings(doc: Located, entry: Mapping[str, Any], key: str, loc: Loc, what: str) -> list[str]:
    """A text or a list of texts; none when the key is absent."""
    if key not in entry:
        return []
    raw = entry[key]
    if not isinstance(raw, list):
        return [yamlfile.string(doc, raw, (*loc, key), f"{what}: {key}")]
    return [
        yamlfile.string(doc, value, (*loc, key, index), f"{what}: {key}")
        for index, value in enumerate(raw)
    ]


def _name(doc: Located, entry: Mapping[str, Any], loc: Loc, what: str) -> Text:
    """A proper name is one text; a name that is translated has nl and en (and fr)."""
    raw = _required(doc, entry, "name", loc, what)
    if isinstance(raw, str):
        name = yamlfile.string(doc, raw, (*loc, "name"), f"{what}: name")
        return Text(nl=name, en=name, fr=name)
    return _text(doc, entry, "name", loc, what)


# The README's help-line table is written from the data between these two lines
# (`python tools/helpline_table.py`); tests/test_docs.py fails when they differ.
TABLE_START = "<!-- helplines table: made from checklists/data/helplines.yaml -->"
TABLE_END = "<!-- end of helplines table -->"
_COUNTRY_NAMES = {
    "BE": "Belgium",
    "NL": "Netherlands",
    "OTHER": "another country",
    INTERNATIONAL: "anywhere",
}


def markdown_table(lines: Iterable[HelpLine]) -> str:
    """Every line as a Markdown table row (in English), with its source and the day it was
    checked."""
    lang = "en"

    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|")

    def whom(line: HelpLine) -> str:
        parts = []
        if line.ages:
            parts.append(
                " and ".join(sorted("under 18" if a == "minor" else "18+" for a in line.ages))
            )
        if line.images:
            made = " or ".join(
                "under 18" if i == "under-18" else "at 18+"
                for i in sorted(line.images, reverse=True)
            )
            parts.append(f"images made {made}")
        return "; ".join(parts) or "all"

    rows = [
        "| Country | Name | Kind | Contact | Hours | For | Source | Checked |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for line in lines:
        sources = [
            line.source,
            *(source.url for source in line.sources if source.url != line.source),
        ]
        rows.append(
            "| "
            + " | ".join(
                cell(value)
                for value in (
                    _COUNTRY_NAMES[line.country],
                    line.name[lang],
                    line.kind,
                    contact(line, lang, separator="; "),
                    line.hours[lang] if line.hours else "",
                    whom(line),
                    " ".join(f"<{url}>" for url in sources),
                    line.checked,
                )
            )
            + " |"
        )
    return "\n".join(rows) + "\n"


def with_table(readme: str, lines: Iterable[HelpLine]) -> str:
    """`readme` with the text between the table's two marker lines made from `lines`."""
    start = readme.index(TABLE_START) + len(TABLE_START)
    end = readme.index(TABLE_END, start)
    return f"{readme[:start]}\n{markdown_table(lines)}{readme[end:]}"
