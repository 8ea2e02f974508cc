"""Checklists of your own: a folder read beside the built-in ones, and a starter file.

The folder comes from `--checklists DIR` or from the remembered setting
(`safecheck config checklists DIR`). Built-in checklists come first, and a file of
your own may not take the id of a built-in one: that is an error that says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from safecheck.content import checklist as checklist_files
from safecheck.content import yamlfile
from safecheck.content.checklist import (
    ID_PATTERN,
    PLATFORMS,
    Text,
    builtin_dir,
    checklist_paths,
)
from safecheck.core.errors import InputFileError, StateError, UsageError
from safecheck.core.i18n import N_
from safecheck.storage.safefile import real_path
from safecheck.storage.state import State
from safecheck.storage.store import Store

SETTING = "checklists"  # the key in the saved settings: the folder, as an absolute path
STARTER_NAME = "my-checklist.yaml"


def remembered(settings: Mapping[str, Any]) -> Path | None:
    """The folder of your own checklists from the saved settings, if one is set."""
    value = settings.get(SETTING)
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise StateError(
            N_(
                'the saved setting "{setting}" is not a folder; set it again with: safecheck config {setting} FOLDER'
            ),
            setting=SETTING,
        )
    return Path(value)


def folders(given: Sequence[Path], settings: Mapping[str, Any]) -> list[Path]:
    """Where checklists are looked up: built-in first, then your own folders.

    `given` (from `--checklists`) replaces the remembered folder for this run.
    """
    saved = None if given else remembered(settings)
    own = list(given) if given else ([saved] if saved is not None else [])
    for folder in own:
        if not folder.is_dir():
            raise InputFileError(
                N_("there is no folder of checklists here")
                if given
                else N_(
                    "there is no folder of checklists here (saved with: safecheck config {setting})"
                ),
                path=folder,
                setting=SETTING,
            )
    builtin = builtin_dir()
    clashes = id_clashes(
        (path for folder in own for path in checklist_paths(folder)), builtin_ids(builtin), builtin
    )
    if clashes:
        raise clashes[0]
    return [builtin, *own]


def find(checklist: str, given: Sequence[Path], settings: Callable[[], Mapping[str, Any]]) -> Path:
    """The file of `checklist` (an id or a path): built-in checklists first, then your own.

    The saved settings are read only when they can matter: no `--checklists` was given
    and the id is not a built-in one.
    """
    if checklist.endswith((".yaml", ".yml")) or "/" in checklist:
        return checklist_files.find(checklist, [])
    builtin = builtin_dir()
    if not given and checklist in builtin_ids(builtin):
        return checklist_files.find(checklist, [builtin])
    return checklist_files.find(checklist, folders(given, {} if given else settings()))


def builtin_ids(builtin: Path | None = None) -> set[str]:
    return {path.stem for path in checklist_paths(builtin or builtin_dir())}


def id_clashes(paths: Iterable[Path], taken: set[str], builtin: Path) -> list[InputFileError]:
    """A problem for every file that takes a built-in id, or the id of an earlier file."""
    problems: list[InputFileError] = []
    first: dict[str, Path] = {}
    builtin = builtin.resolve()
    for path in paths:
        checklist_id = path.stem
        if real_path(path).parent == builtin:  # never raises, even on a link loop
            continue  # a built-in checklist itself
        if checklist_id in taken:
            if _same_bytes(path, builtin / f"{checklist_id}.yaml"):
                continue  # an unchanged copy of the built-in one: nothing is shadowed
            problems.append(
                InputFileError(
                    N_(
                        'a built-in checklist already has the id "{checklist_id}", and this file is not the same as it. To make it a checklist of your own, give it an id of its own and name the file after it (for example "id: my-{checklist_id}" in my-{checklist_id}.yaml)'
                    ),
                    path=path,
                    line=_id_line(path),
                    checklist_id=checklist_id,
                )
            )
        elif checklist_id in first and real_path(first[checklist_id]) != real_path(path):
            problems.append(
                InputFileError(
                    N_(
                        'the checklist id "{checklist_id}" is also used by {first}; every checklist needs its own id'
                    ),
                    path=path,
                    line=_id_line(path),
                    checklist_id=checklist_id,
                    first=first[checklist_id],
                )
            )
        else:
            first.setdefault(checklist_id, path)
    return problems


def _same_bytes(path: Path, other: Path) -> bool:
    try:
        return path.read_bytes() == other.read_bytes()
    except OSError:
        return False


def _id_line(path: Path) -> int | None:
    try:
        return yamlfile.load(path).line(("id",))
    except InputFileError:
        return None


def remember(store: Store, folder: Path) -> Path:
    """Save `folder` (made absolute) as the folder of your own checklists."""
    folder = folder.expanduser().resolve()
    if not folder.is_dir():
        raise InputFileError(N_("there is no folder here"), path=folder)
    clashes = id_clashes(checklist_paths(folder), builtin_ids(), builtin_dir())
    if clashes:
        raise clashes[0]
    store.update(lambda state: state.with_setting(SETTING, str(folder)))
    return folder


def forget(store: Store) -> None:
    def change(state: State) -> State:
        return replace(state, settings={k: v for k, v in state.settings.items() if k != SETTING})

    store.update(change)


def write_starter(path: Path, starter: Starter) -> Path:
    """Write a commented starter checklist to `path` (a file, or a folder to put one in).

    A folder that does not exist yet is made.
    """
    path = path.expanduser()
    if path.is_dir():
        path = path / STARTER_NAME
    if path.suffix != ".yaml":
        raise UsageError(N_("a checklist file name ends in .yaml"), path=path)
    if not ID_PATTERN.match(path.stem):
        raise UsageError(
            N_(
                'the file name (without .yaml) is the checklist\'s id: use lower-case letters, digits and dashes, for example "{starter_name}"'
            ),
            path=path,
            starter_name=STARTER_NAME,
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # ~/team-checklists, made on first use
    except OSError as error:
        reason = error.strerror or "not a folder"
        raise UsageError(
            N_("the folder cannot be made ({reason})"), path=path.parent, reason=reason
        ) from None
    text = starter_text(path.stem, starter)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(
            N_("there is a file here already; choose another name"), path=path
        ) from None
    except OSError as error:
        raise UsageError(
            N_("the file cannot be written ({strerror})"), path=path, strerror=error.strerror
        ) from None
    return path


class Starter(NamedTuple):
    """The words of a starter file, from the catalogues (`STARTER_*` are their message ids)."""

    header: str  # the rules, in the reader's language
    note: str  # the platform note, in the reader's language
    source: str  # the placeholder of `source`, in the reader's language
    texts: Mapping[str, Text]  # the example's texts (`STARTER_TEXTS`), in every language


def starter_text(checklist_id: str, starter: Starter) -> str:
    """The starter file: the rules as comments, then an example with each text in every
    language safecheck speaks."""
    header = "".join(
        f"# {line}\n" if line else "#\n"
        for line in starter.header.format(id=checklist_id).splitlines()
    )

    def text(key: str, indent: int, *, commented: bool = False) -> str:
        lead = " " * (indent - 4) + "#     " if commented else " " * indent
        lines = []
        for lang, value in starter.texts[key].items():
            if "\n" in value.strip():
                block = "".join(f"{lead}  {row}\n" for row in value.strip().splitlines())
                lines.append(f"{lead}{lang}: |\n{block}")
            else:
                lines.append(f"{lead}{lang}: {json.dumps(value, ensure_ascii=False)}\n")
        return "".join(lines)

    source = json.dumps(starter.source, ensure_ascii=False)
    return (
        header
        + f"id: {checklist_id}\nkind: checklist\ntitle:\n{text('title', 2)}"
        + f"intro:\n{text('intro', 2)}\nsections:\n  - id: first-part\n"
        + f"    title:\n{text('part', 6)}    items:\n"
        + "      - id: first-item\n        priority: essential\n"
        + f"        title:\n{text('first_title', 10)}        why:\n{text('first_why', 10)}"
        + f"        how:\n{text('first_how', 10)}"
        + f"        # {starter.note}\n        # {', '.join(PLATFORMS)}\n"
        + f"        # platforms:\n        #   instagram:\n{text('platform', 12, commented=True)}"
        + f"        source: {source}\n\n"
        + "      - id: second-item\n        priority: recommended\n"
        + f"        title:\n{text('second_title', 10)}        why:\n{text('second_why', 10)}"
        + f"        how:\n{text('second_how', 10)}        source: {source}\n"
    )


# The starter file's words: message ids of the catalogues (locale/*/LC_MESSAGES), so a
# translator translates them with everything else and a new language has them at once.
STARTER_HEADER = N_(
    "A checklist of your own for safecheck. Fill it in, then check it with:\n"
    "    safecheck lint {id}.yaml\n"
    "Walk through it with (FOLDER is the folder this file is in):\n"
    "    safecheck check {id} --checklists FOLDER\n"
    "or remember the folder once:  safecheck config checklists FOLDER\n"
    "\n"
    'The rules (all of them are in "Checklist format", in docs/reference.md):\n'
    "- `id` is the file name without .yaml. Ids are lower-case letters, digits and dashes.\n"
    "- Answers are saved under the item ids: once people use your checklist, you may change\n"
    "  the wording, but never an id.\n"
    "- Every text has nl (Dutch) and en (English); fr (French) may follow, else French\n"
    "  readers get the English text.\n"
    "- `priority` is one of: essential, recommended, advanced.\n"
    "- `source` says where the advice comes from (a text, a web page, an organisation).\n"
    "- `|` keeps line breaks: use it for steps, one per line."
)
STARTER_NOTE = N_('Optional: steps for one platform, shown with "Tell me how". Known platforms:')
STARTER_SOURCE = N_("Where this advice comes from")
STARTER_TEXTS = {
    "title": N_("My checklist"),
    "intro": N_("A short explanation shown at the top: what is this checklist for?"),
    "part": N_("First part"),
    "first_title": N_("What you do, in a few words"),
    "first_why": N_("Why this matters."),
    "first_how": N_("- First step.\n- Second step."),
    "platform": N_("This is how you do it on Instagram."),
    "second_title": N_("Something else you do"),
    "second_why": N_("Why this counts too."),
    "second_how": N_("How you do it."),
}
