"""Progress of every checklist (`safecheck status`) and the plain-data form of a summary.

The dicts built here are what `--json` prints (see `jsonout` and the README); they
hold only JSON types, so any front end can use them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from safecheck.content import checklist as checklists
from safecheck.content.checklist import Checklist, Item
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


def item_data(item: Item, section_id: str, summary: Summary, lang: str) -> dict[str, Any]:
    record = summary.answers.get(item.id)
    return {
        "id": item.id,
        "section": section_id,
        "title": item.title(lang),
        "priority": item.priority.value,
        "answer": record.answer.value if record is not None else None,
    }


def summary_data(summary: Summary, lang: str) -> dict[str, Any]:
    """One checklist's progress as plain data (the `checklist` object of the README)."""
    checklist = summary.checklist
    return {
        "id": checklist.id,
        "kind": checklist.kind,
        "title": checklist.title(lang),
        "total": summary.total,
        "answered": summary.answered,
        "done": summary.done,
        "not_for_me": summary.not_for_me,
        "open": len(summary.open_items),
        "score": summary.score,
        "by_priority": [
            {
                "priority": score.priority.value,
                "total": score.total,
                "done": score.done,
                "not_for_me": score.not_for_me,
                "open": score.open,
                "score": score.percent,
            }
            for score in summary.by_priority
        ],
        "open_items": [item.id for item in summary.open_items],
        "items": [
            item_data(item, section.id, summary, lang) for section, item in checklist.items()
        ],
    }


def status_data(found: Sequence[Summary], lang: str) -> dict[str, Any]:
    return {"lang": lang, "checklists": [summary_data(summary, lang) for summary in found]}
