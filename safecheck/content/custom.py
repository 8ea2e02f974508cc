"""Checklists of your own: a folder read beside the built-in ones, and a starter file.

The folder comes from `--checklists DIR` or from the remembered setting
(`safecheck config checklists DIR`). Built-in checklists come first, and a file of
your own may not take the id of a built-in one: that is an error that says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from safecheck.content import checklist as checklist_files
from safecheck.content import yamlfile
from safecheck.content.checklist import ID_PATTERN, PLATFORMS, builtin_dir, checklist_paths
from safecheck.core.errors import ExitCode, InputFileError, SafecheckError, StateError
from safecheck.core.i18n import N_
from safecheck.storage.safefile import real_path
from safecheck.storage.state import State
from safecheck.storage.store import Store

SETTING = "checklists"  # the key in the saved settings: the folder, as an absolute path
STARTER_NAME = "my-checklist.yaml"


class UsageError(SafecheckError):
    """A wrong argument, found after parsing (a file that exists already, a bad name)."""

    exit_code = ExitCode.USAGE


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


def write_starter(path: Path, lang: str) -> Path:
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
    text = starter_text(path.stem, lang)
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


def starter_text(checklist_id: str, lang: str) -> str:
    language = "nl" if lang == "nl" else "en"
    return (STARTER_HEADER[language] + STARTER_BODY).format(
        id=checklist_id, platforms=", ".join(PLATFORMS), **STARTER_WORDS[language]
    )


# The starter file: the rules as comments in the reader's language, then one example body.
STARTER_HEADER = {
    "en": """\
# A checklist of your own for safecheck. Fill it in, then check it with:
#     safecheck lint {id}.yaml
# Walk through it with (FOLDER is the folder this file is in):
#     safecheck check {id} --checklists FOLDER
# or remember the folder once:  safecheck config checklists FOLDER
#
# The rules (the README's "Checklist format" has them all):
# - `id` is the file name without .yaml. Ids are lower-case letters, digits and dashes.
# - Answers are saved under the item ids: once people use your checklist, you may change
#   the wording, but never an id.
# - Every text has two languages: nl (Dutch) and en (English).
# - `priority` is one of: essential, recommended, advanced.
# - `source` says where the advice comes from (a text, a web page, an organisation).
# - `|` keeps line breaks: use it for steps, one per line.
""",
    "nl": """\
# Een eigen checklist voor safecheck. Vul hem in en controleer hem dan met:
#     safecheck lint {id}.yaml
# Doorloop hem met (MAP is de map waar dit bestand in staat):
#     safecheck check {id} --checklists MAP
# of onthoud de map in een keer:  safecheck config checklists MAP
#
# De regels (alles staat in de README, bij "Checklist format"):
# - `id` is de bestandsnaam zonder .yaml. Ids zijn kleine letters, cijfers en streepjes.
# - Antwoorden worden bewaard onder de ids van de items: gebruiken mensen je checklist al,
#   verander dan gerust de tekst, maar nooit een id.
# - Elke tekst heeft twee talen: nl (Nederlands) en en (Engels).
# - `priority` is een van: essential, recommended, advanced.
# - `source` zegt waar het advies vandaan komt (een tekst, een webpagina, een organisatie).
# - `|` bewaart regeleinden: gebruik het voor stappen, een per regel.
""",
}
STARTER_WORDS = {
    "en": {
        "platform_note": 'Optional: steps for one platform, shown with "Tell me how". Known platforms:',
        "source": "Where this advice comes from",
    },
    "nl": {
        "platform_note": 'Optioneel: stappen voor een platform, getoond bij "Vertel me hoe". Bekende platformen:',
        "source": "Waar dit advies vandaan komt",
    },
}
STARTER_BODY = """\
id: {id}
kind: checklist
title:
  nl: "Mijn checklist"
  en: "My checklist"
intro:
  nl: "Een korte uitleg die bovenaan staat: waarvoor is deze checklist?"
  en: "A short explanation shown at the top: what is this checklist for?"

sections:
  - id: first-part
    title:
      nl: "Eerste deel"
      en: "First part"
    items:
      - id: first-item
        priority: essential
        title:
          nl: "Wat je doet, in een paar woorden"
          en: "What you do, in a few words"
        why:
          nl: "Waarom dit belangrijk is."
          en: "Why this matters."
        how:
          nl: |
            - Eerste stap.
            - Tweede stap.
          en: |
            - First step.
            - Second step.
        # {platform_note}
        # {platforms}
        # platforms:
        #   instagram:
        #     nl: "Zo doe je het op Instagram."
        #     en: "This is how you do it on Instagram."
        source: "{source}"

      - id: second-item
        priority: recommended
        title:
          nl: "Nog iets wat je doet"
          en: "Something else you do"
        why:
          nl: "Waarom ook dit telt."
          en: "Why this counts too."
        how:
          nl: "Hoe je het doet."
          en: "How you do it."
        source: "{source}"
"""
