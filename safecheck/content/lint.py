"""`safecheck lint`: check checklist files and folders, and report every broken file.

Each file is loaded by the loader of its `kind` (checklists and plans, the
workshop and its quiz), each with its file and line. In a checklist every section
and item is checked on its own, so every broken item is reported, not only the
first. Across files, an id taken by a built-in checklist or by an earlier file is
a problem too (an unchanged copy of a built-in is not). Nothing is stopped by the
first broken file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from safecheck.content import checklist, custom, workshop, yamlfile
from safecheck.core.errors import InputFileError
from safecheck.core.i18n import N_

Loader = Callable[[Path, str | None], object]

LOADERS: dict[str, Loader] = {
    "checklist": checklist.load,
    "plan": checklist.load,
    "workshop": workshop.load_workshop,
    "quiz": workshop.load_quiz,
}


@dataclass(frozen=True, slots=True)
class Report:
    files: tuple[Path, ...]  # every file that was checked
    problems: tuple[InputFileError, ...]  # sorted by file, then line

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def failed(self) -> int:
        """How many files (or named paths) have a problem."""
        return len({str(problem.path) for problem in self.problems})

    @property
    def checked(self) -> int:
        """How many files (or named paths that are not files) were looked at."""
        return len({str(path) for path in self.files} | {str(p.path) for p in self.problems})


def lint(paths: Sequence[Path], builtin: Path | None = None) -> Report:
    builtin = builtin or checklist.builtin_dir()
    files: list[Path] = []
    problems: list[InputFileError] = []
    for path in paths:
        found, trouble = _expand(path)
        files += found
        problems += trouble
    checklists: list[Path] = []
    for file in files:
        try:
            kind = kind_of(file)
        except InputFileError as error:
            problems.append(error)
            continue
        if kind in ("checklist", "plan"):
            problems += checklist.problems_of(file)
            checklists.append(file)
            continue
        try:
            LOADERS[kind](file, None)
        except InputFileError as error:
            problems.append(error)
    problems += custom.id_clashes(checklists, custom.builtin_ids(builtin), builtin)
    problems.sort(key=lambda error: (str(error.path), error.line or 0))
    return Report(files=tuple(files), problems=tuple(problems))


def load_any(path: Path) -> object:
    """Load `path` with the loader its `kind` asks for (a checklist when it names none)."""
    return LOADERS[kind_of(path)](path, None)


def kind_of(path: Path) -> str:
    """The `kind` a file names (a checklist when it names none); a problem when unknown."""
    doc = yamlfile.load(path)
    kind = doc.data.get("kind", "checklist") if isinstance(doc.data, dict) else "checklist"
    checklist.known_kind(doc, kind, LOADERS)
    return str(kind)


def _expand(path: Path) -> tuple[list[Path], list[InputFileError]]:
    """The files to check for one argument: the file itself, or a folder's YAML files."""
    if path.is_file() or (path.is_symlink() and not path.is_dir()) or path.is_fifo():
        return [path], []  # the reader says why a link or pipe cannot be read
    if path.exists() and not path.is_dir():  # a device or socket
        return [path], []
    if not path.is_dir():
        return [], [InputFileError(N_("there is no such file or folder"), path=path)]
    candidates = sorted(
        child
        for child in path.iterdir()
        if child.suffix in (".yaml", ".yml") and not child.name.startswith(("_", "."))
    )
    files = [child for child in candidates if child.suffix == ".yaml"]
    problems = [
        InputFileError(
            N_("safecheck reads only files ending in .yaml; rename this file to {stem}.yaml"),
            path=child,
            stem=child.stem,
        )
        for child in candidates
        if child.suffix == ".yml"
    ]
    if not candidates:
        problems.append(InputFileError(N_("this folder has no .yaml files to check"), path=path))
    return files, problems
