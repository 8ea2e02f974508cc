"""Checklists: YAML files under `checklists/`, validated into frozen models.

The format is documented in the README. Every item has a stable `id`, so saved
answers survive any change of wording.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from safecheck.content import built, yamlfile
from safecheck.content.yamlfile import Loc, Located
from safecheck.core.audience import (
    HELPLINE_KINDS,
    AgeGroup,
    ImageAge,
    remembered_age_group,
    remembered_images,
    remembered_region,
)
from safecheck.core.errors import InputFileError
from safecheck.core.i18n import LANGUAGES, N_
from safecheck.core.region import Region

# The languages a checklist or help-line text can have: nl and en in every text, fr where
# it has been translated (a text without fr is shown in English to French readers).
TEXT_LANGS = tuple(LANGUAGES)  # a text may be in each language safecheck speaks
REQUIRED_LANGS = ("nl", "en")  # and must be in these; the others fall back to English

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KINDS = ("checklist", "plan")

# Platforms an item may give its own steps for, with the name shown to a person.
PLATFORMS: Mapping[str, str] = {
    "instagram": "Instagram",
    "snapchat": "Snapchat",
    "tiktok": "TikTok",
    "whatsapp": "WhatsApp",
    "facebook": "Facebook",
    "telegram": "Telegram",
    "discord": "Discord",
    "signal": "Signal",
    "x": "X (Twitter)",
    "youtube": "YouTube",
    "google": "Google",
    "apple": "Apple",
    "microsoft": "Microsoft",
    "android": "Android",
    "iphone": "iPhone",
    "windows": "Windows",
    "mac": "Mac",
}


class Priority(StrEnum):
    ESSENTIAL = "essential"
    RECOMMENDED = "recommended"
    ADVANCED = "advanced"

    @property
    def rank(self) -> int:
        return list(Priority).index(self)


class Text(Mapping[str, str]):
    """One text in every language safecheck speaks (`core.i18n.LANGUAGES`), by language code.

    A mapping, as the YAML writes it: `text["fr"]` is the French text, and a language the
    file does not have yet gives the English one. Which language to show is the edge's
    choice (`app`, `flows`, `ui`); nothing here translates. Frozen, and equal to a Text of
    the same texts.
    """

    __slots__ = ("_texts",)
    _texts: dict[str, str]

    def __init__(self, texts: Mapping[str, str] | None = None, /, **by_code: str) -> None:
        given = {**(texts or {}), **by_code}
        unknown = sorted(set(given) - set(LANGUAGES))
        if unknown:
            raise ValueError(f"not a language safecheck speaks: {', '.join(unknown)}")
        object.__setattr__(self, "_texts", given)

    def __getitem__(self, key: str) -> str:
        if key not in LANGUAGES:
            raise KeyError(key)
        return self._texts.get(key) or self._texts.get("en", "")

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Text is frozen")

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._texts.items())))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Text):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"Text({self._texts!r})"


@dataclass(frozen=True, slots=True)
class When:
    """Whom an item is for; an empty set means everyone.

    `images` is when the images were made (under-18, adult), which is what chooses a
    removal service, whatever the person's age now.
    """

    regions: frozenset[Region] = frozenset()
    age_groups: frozenset[AgeGroup] = frozenset()
    images: frozenset[str] = frozenset()

    def applies(
        self, region: Region, age_group: AgeGroup | None, images: ImageAge | None = None
    ) -> bool:
        """For this region, age group and image age; what is not known (None) limits nothing."""
        return (
            (not self.regions or region in self.regions)
            and (not self.age_groups or age_group is None or age_group in self.age_groups)
            and (not self.images or images is None or bool(self.images & images.ages))
        )


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    priority: Priority
    title: Text
    why: Text
    how: Text
    platforms: tuple[tuple[str, Text], ...]
    source: str
    line: int
    when: When = When()
    reminder: Text | None = None  # shown once the item is answered
    helplines: tuple[str, ...] = ()  # kinds of help line shown with the item


@dataclass(frozen=True, slots=True)
class Crisis:
    """A plan's first question: acute danger? If yes, these help lines come first."""

    question: Text
    yes: Text
    no: Text
    message: Text
    helplines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Text
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Checklist:
    id: str
    kind: str
    title: Text
    intro: Text
    sections: tuple[Section, ...]
    path: Path
    crisis: Crisis | None = None

    def narrowed(
        self, region: Region, age_group: AgeGroup | None, images: ImageAge | None = None
    ) -> Checklist:
        """Only the items for this region, age group and image age (empty sections dropped)."""
        sections = []
        for section in self.sections:
            items = tuple(
                item for item in section.items if item.when.applies(region, age_group, images)
            )
            if items:
                sections.append(replace(section, items=items))
        return replace(self, sections=tuple(sections))

    def as_remembered(self, settings: Mapping[str, Any]) -> Checklist:
        """A plan with the steps of the person's saved region, age group and image age.

        A checklist is returned as is. The plan saves what it narrows by whenever it
        narrows (`flows.emergency.run_plan`), so its count and this one agree.
        """
        if self.kind != "plan":
            return self
        return self.narrowed(
            remembered_region(settings),
            remembered_age_group(settings),
            remembered_images(settings),
        )

    def items(self) -> Iterator[tuple[Section, Item]]:
        for section in self.sections:
            for item in section.items:
                yield section, item

    def item(self, item_id: str) -> Item | None:
        return next((item for _, item in self.items() if item.id == item_id), None)

    @property
    def item_count(self) -> int:
        return sum(len(section.items) for section in self.sections)


# The types a checklist built with the package is made of (`content.built`).
BUILT_KINDS: Mapping[str, type[Any]] = {
    kind.__name__: kind
    for kind in (Checklist, Section, Item, Crisis, When, Text, Priority, Region, AgeGroup)
}


def build_builtin(path: Path | None = None) -> Path:
    """Parse the built-in checklists into the file shipped with the package (the build's step)."""
    sources = checklist_paths(builtin_dir())
    return built.build(
        sources, lambda source: load(source, source.read_text("utf-8")), Path(__file__), path
    )


def builtin_dir() -> Path:
    """The built-in checklists: bundled inside the wheel, or `checklists/` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    bundled = package / "checklists"
    return bundled if bundled.is_dir() else package.parent / "checklists"


def checklist_paths(folder: Path) -> list[Path]:
    """The checklist files in `folder` (YAML files whose name is a valid id)."""
    return sorted(
        path
        for path in folder.glob("*.yaml")
        if ID_PATTERN.match(path.stem) and not path.stem.startswith("_")
    )


def find(checklist_id: str, folders: list[Path]) -> Path:
    """The file of `checklist_id` in the first folder that has it.

    A name ending in `.yaml` or holding a `/` is taken as the path of a file.
    """
    if checklist_id.endswith((".yaml", ".yml")) or "/" in checklist_id:
        return Path(checklist_id)
    for folder in folders:
        path = folder / f"{checklist_id}.yaml"
        if path.is_file() or path.is_symlink() or path.exists():
            return path  # the reader says why a folder, pipe or broken link cannot be read
    known = sorted({p.stem for folder in folders for p in checklist_paths(folder)})
    raise InputFileError(
        N_('there is no checklist "{checklist_id}". Known checklists: {known}.'),
        checklist_id=checklist_id,
        known=", ".join(known) or "none",
    )


def load(
    path: Path, text: str | None = None, *, problems: list[InputFileError] | None = None
) -> Checklist:
    """Load and validate one checklist file; raise `InputFileError` with file:line.

    With a `problems` list, each section and item is checked on its own and every problem
    found goes into the list (for `safecheck lint`); the first is still raised at the end.
    A built-in checklist comes from its form built with the package when there is one
    (`content.built`); any other file is always read from its YAML.
    """
    if text is None and problems is None and path.parent.resolve() == builtin_dir().resolve():
        ready = built.cached(path, Path(__file__), BUILT_KINDS)
        if isinstance(ready, Checklist):
            return replace(ready, path=path)
    doc = yamlfile.load(path, text)
    top = yamlfile.mapping(doc, doc.data, (), "the checklist")
    keys = {"id", "kind", "title", "intro", "sections", "crisis"}
    _gather(problems, lambda: yamlfile.no_unknown_keys(doc, top, keys, (), "the checklist"))
    checklist_id = _id(doc, top, (), "the checklist")
    _gather(problems, lambda: _named_as_file(doc, checklist_id, path))
    kind = top.get("kind", "checklist")
    _gather(problems, lambda: known_kind(doc, kind, KINDS))
    title = _gather(problems, lambda: _text(doc, top, "title", ()))
    intro = _gather(problems, lambda: _text(doc, top, "intro", ()))
    crisis = _gather(problems, lambda: _crisis(doc, top["crisis"]) if "crisis" in top else None)
    seen: dict[str, Loc] = {checklist_id: ("id",)}
    raw_sections = yamlfile.sequence(
        doc, _required(doc, top, "sections", ()), ("sections",), "sections"
    )
    if not raw_sections:
        doc.fail(("sections",), N_("a checklist needs at least one section"))
    sections = [
        _gather(problems, partial(_section, doc, raw, ("sections", index), seen, problems))
        for index, raw in enumerate(raw_sections)
    ]
    if problems:
        raise problems[0]
    assert title is not None  # None only with a problem, raised above
    assert intro is not None
    return Checklist(
        id=checklist_id,
        kind=kind,
        title=title,
        intro=intro,
        sections=tuple(section for section in sections if section is not None),
        path=path,
        crisis=crisis,
    )


T = TypeVar("T")
_UNREADABLE = Text(nl="", en="")  # stands in for a text with a problem (never shown)


def problems_of(path: Path) -> list[InputFileError]:
    """Every problem of a checklist file (each section and item on its own), by line."""
    found: list[InputFileError] = []
    try:
        load(path, problems=found)
    except InputFileError as error:
        if error not in found:
            found.append(error)
    return sorted(found, key=lambda error: error.line or 0)


def _gather(problems: list[InputFileError] | None, build: Callable[[], T]) -> T | None:
    """`build()`; when problems are collected, a problem goes into the list instead."""
    if problems is None:
        return build()
    try:
        return build()
    except InputFileError as error:
        problems.append(error)
        return None


def _crisis(doc: Located, raw: object) -> Crisis:
    loc: Loc = ("crisis",)
    crisis = yamlfile.mapping(doc, raw, loc, "crisis")
    keys = {"question", "yes", "no", "message", "helplines"}
    yamlfile.no_unknown_keys(doc, crisis, keys, loc, "crisis")
    return Crisis(
        question=_text(doc, crisis, "question", loc, "crisis"),
        yes=_text(doc, crisis, "yes", loc, "crisis"),
        no=_text(doc, crisis, "no", loc, "crisis"),
        message=_text(doc, crisis, "message", loc, "crisis"),
        helplines=_kinds(doc, _required(doc, crisis, "helplines", loc, "crisis"), loc, "crisis"),
    )


def _kinds(doc: Located, raw: object, loc: Loc, what: str) -> tuple[str, ...]:
    kinds = yamlfile.sequence(doc, raw, (*loc, "helplines"), f"{what}: helplines")
    for index, kind in enumerate(kinds):
        if kind not in HELPLINE_KINDS:
            doc.fail(
                (*loc, "helplines", index),
                N_("{what}: unknown help-line kind {kind} (known: {known})"),
                what=what,
                kind=yamlfile.quote(kind),
                known=", ".join(HELPLINE_KINDS),
            )
    return tuple(kinds)


def _when(doc: Located, raw: object, loc: Loc, what: str) -> When:
    when = yamlfile.mapping(doc, raw, loc, f"{what} when")
    keys = {"region", "age_group", "images"}
    yamlfile.no_unknown_keys(doc, when, keys, loc, f"{what} when")
    regions = _one_or_more(doc, when, "region", [r.value for r in Region], loc, what)
    ages = _one_or_more(doc, when, "age_group", [a.value for a in AgeGroup], loc, what)
    made = [a.value for a in ImageAge if a is not ImageAge.BOTH]
    images = _one_or_more(doc, when, "images", made, loc, what)
    return When(
        regions=frozenset(Region(value) for value in regions),
        age_groups=frozenset(AgeGroup(value) for value in ages),
        images=frozenset(images),
    )


def known_kind(doc: Located, kind: object, kinds: Iterable[str]) -> None:
    """The file's `kind` is one of `kinds`, or a problem at its line."""
    if not isinstance(kind, str) or kind not in kinds:
        doc.fail(
            ("kind",),
            N_("kind must be one of {known}, not {kind}"),
            known=", ".join(kinds),
            kind=yamlfile.quote(kind),
        )


def _named_as_file(doc: Located, value: str, path: Path) -> None:
    """A file's own id is its file name: `prevention` in prevention.yaml."""
    if value != path.stem:
        doc.fail(
            ("id",),
            N_('the id "{value}" must match the file name "{stem}.yaml"'),
            value=value,
            stem=path.stem,
        )


def _one_or_more(
    doc: Located, mapping: Mapping[str, Any], key: str, allowed: list[str], loc: Loc, what: str
) -> list[str]:
    if key not in mapping:
        return []
    raw = mapping[key]
    values = raw if isinstance(raw, list) else [raw]
    _all_allowed(doc, values, allowed, (*loc, key), what)
    return values


def _all_allowed(
    doc: Located, values: list[Any], allowed: Sequence[str], loc: Loc, what: str
) -> None:
    """Stop at the first of `values` (of the key at the end of `loc`) not in `allowed`."""
    for value in values:
        if value not in allowed:
            doc.fail(
                loc,
                N_("{what}: {key} must be one of {known}, not {value}"),
                what=what,
                key=loc[-1],
                known=", ".join(allowed),
                value=yamlfile.quote(value),
            )


def _section(
    doc: Located,
    raw: object,
    loc: Loc,
    seen: dict[str, Loc],
    problems: list[InputFileError] | None = None,
) -> Section:
    section = yamlfile.mapping(doc, raw, loc, "a section")
    yamlfile.no_unknown_keys(doc, section, {"id", "title", "items"}, loc, "a section")
    section_id = _unique_id(doc, section, loc, seen, "a section")
    raw_items = yamlfile.sequence(
        doc, _required(doc, section, "items", loc), (*loc, "items"), f'section "{section_id}" items'
    )
    if not raw_items:
        doc.fail(
            (*loc, "items"),
            N_('section "{section_id}" needs at least one item'),
            section_id=section_id,
        )
    title = _gather(problems, lambda: _text(doc, section, "title", loc))
    items = [
        _gather(problems, partial(_item, doc, raw_item, (*loc, "items", index), seen))
        for index, raw_item in enumerate(raw_items)
    ]
    return Section(
        id=section_id,
        title=title if title is not None else _UNREADABLE,  # the problem is in the list
        items=tuple(item for item in items if item is not None),
    )


def _item(doc: Located, raw: object, loc: Loc, seen: dict[str, Loc]) -> Item:
    item = yamlfile.mapping(doc, raw, loc, "an item")
    keys = {"id", "priority", "title", "why", "how", "platforms", "source"}
    keys |= {"when", "reminder", "helplines"}
    yamlfile.no_unknown_keys(doc, item, keys, loc, "an item")
    item_id = _unique_id(doc, item, loc, seen, "an item")
    what = f'item "{item_id}"'
    priority_raw = _required(doc, item, "priority", loc, what)
    try:  # Priority() of a list would repr it in its error: an alias bomb expands
        priority = Priority(priority_raw if isinstance(priority_raw, str) else "")
    except ValueError:
        choices = ", ".join(p.value for p in Priority)
        doc.fail(
            (*loc, "priority"),
            N_("{what}: priority must be one of {choices}, not {priority_raw}"),
            what=what,
            choices=choices,
            priority_raw=yamlfile.quote(priority_raw),
        )
    platforms: list[tuple[str, Text]] = []
    if "platforms" in item:
        raw_platforms = yamlfile.mapping(
            doc, item["platforms"], (*loc, "platforms"), f"{what} platforms"
        )
        for name in raw_platforms:
            if name not in PLATFORMS:
                doc.fail(
                    (*loc, "platforms", name),
                    N_('{what}: unknown platform "{name}" (known: {known})'),
                    what=what,
                    name=name,
                    known=", ".join(PLATFORMS),
                )
            platforms.append((name, _text(doc, raw_platforms, name, (*loc, "platforms"), what)))
    return Item(
        id=item_id,
        priority=priority,
        title=_text(doc, item, "title", loc, what),
        why=_text(doc, item, "why", loc, what),
        how=_text(doc, item, "how", loc, what),
        platforms=tuple(platforms),
        source=yamlfile.string(
            doc, _required(doc, item, "source", loc, what), (*loc, "source"), f"{what}: source"
        ),
        line=doc.line(loc),
        when=_when(doc, item["when"], (*loc, "when"), what) if "when" in item else When(),
        reminder=_text(doc, item, "reminder", loc, what) if "reminder" in item else None,
        helplines=_kinds(doc, item["helplines"], loc, what) if "helplines" in item else (),
    )


def _required(doc: Located, mapping: Mapping[str, Any], key: str, loc: Loc, what: str = "") -> Any:
    if key not in mapping or mapping[key] is None:
        owner = f"{what}: " if what else ""
        doc.fail(loc, N_('{owner}"{key}" is missing'), owner=owner, key=key)
    return mapping[key]


def _id(doc: Located, mapping: Mapping[str, Any], loc: Loc, what: str) -> str:
    value = _required(doc, mapping, "id", loc, what)
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        doc.fail(
            (*loc, "id"),
            N_("{what}: id must be lower-case letters, digits and dashes, not {value}"),
            what=what,
            value=yamlfile.quote(value),
        )
    return value


def _unique_id(
    doc: Located, mapping: Mapping[str, Any], loc: Loc, seen: dict[str, Loc], what: str
) -> str:
    value = _id(doc, mapping, loc, what)
    if value in seen:
        first = doc.line(seen[value])
        doc.fail(
            (*loc, "id"),
            N_('the id "{value}" is used twice (first on line {first})'),
            value=value,
            first=first,
        )
    seen[value] = (*loc, "id")
    return value


def _text(doc: Located, mapping: Mapping[str, Any], key: str, loc: Loc, what: str = "") -> Text:
    owner = f"{what}: " if what else ""
    value = yamlfile.mapping(
        doc, _required(doc, mapping, key, loc, what), (*loc, key), f"{owner}{key}"
    )
    yamlfile.no_unknown_keys(doc, value, set(TEXT_LANGS), (*loc, key), f"{owner}{key}")
    texts = {}
    for lang in TEXT_LANGS:
        if lang not in value:
            if lang in REQUIRED_LANGS:
                doc.fail(
                    (*loc, key),
                    N_('{owner}{key} has no "{lang}" text'),
                    owner=owner,
                    key=key,
                    lang=lang,
                )
            continue
        texts[lang] = yamlfile.string(doc, value[lang], (*loc, key, lang), f"{owner}{key}.{lang}")
    return Text(**texts)
