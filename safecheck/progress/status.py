"""Progress of every checklist (`safecheck status`): the checklists, and their summaries.

Their JSON documents are the application layer's (`safecheck.app.documents`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from safecheck.content import checklist as checklists
from safecheck.content.checklist import Checklist
from safecheck.progress.summary import Summary, progress_of
from safecheck.storage.state import State


def load_checklists(names: Sequence[str], folders: Sequence[Path] | None = None) -> list[Checklist]:
    """The named checklists (ids or file paths), or every checklist in `folders` when none is
    named (the built-in folder when no folders are given; see `custom.folders`)."""
    folders = list(folders) if folders else [checklists.builtin_dir()]
    if not names:
        return [
            checklists.load(path)
            for folder in folders
            for path in checklists.checklist_paths(folder)
        ]
    return [checklists.load(checklists.find(name, folders)) for name in names]


def summaries(loaded: Sequence[Checklist], state: State) -> list[Summary]:
    """Progress of each; a plan counts only the steps of the saved region and age group."""
    return [progress_of(checklist, state) for checklist in loaded]
