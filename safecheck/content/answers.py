"""Answers files: a checklist's answers in YAML, for scripts, graders and training labs.

One file holds the answers to one checklist, named at the top (README, "Answers files"):

    checklist: prevention
    answers:
      two-factor: done          # item id: done | not_yet | not_for_me | skipped
      password-manager: not_yet

Every mistake is an `InputFileError` naming the file and the line.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from safecheck.content import yamlfile
from safecheck.content.checklist import Checklist
from safecheck.storage import safefile
from safecheck.storage.state import Answer

CHOICES = tuple(answer.value for answer in Answer)
VALUES = ", ".join(CHOICES)


@dataclass(frozen=True, slots=True)
class AnswersFile:
    path: Path
    checklist_id: str
    answers: Mapping[str, Answer]  # item id -> answer, in the order of the file


def load(path: Path, checklist: Checklist, text: str | None = None) -> AnswersFile:
    """Read and check an answers file against `checklist`."""
    doc = yamlfile.load(path, text, limit=safefile.ANSWERS_LIMIT)
    if doc.data is None:
        doc.fail((), 'the answers file is empty; it needs "checklist:" and "answers:" (see README)')
    top = yamlfile.mapping(doc, doc.data, (), "the answers file")
    yamlfile.no_unknown_keys(doc, top, {"checklist", "answers"}, (), "the answers file")
    if top.get("checklist") is None:
        doc.fail(
            (), f'"checklist" is missing: name the checklist, e.g. "checklist: {checklist.id}"'
        )
    checklist_id = yamlfile.string(doc, top["checklist"], ("checklist",), "checklist")
    if checklist_id != checklist.id:
        doc.fail(
            ("checklist",),
            f'these answers are for the checklist {yamlfile.quote(checklist_id)}, not "{checklist.id}"',
        )
    if top.get("answers") is None:
        doc.fail((), '"answers" is missing: list the answers as "item-id: done"')
    raw = yamlfile.mapping(doc, top["answers"], ("answers",), "answers")
    known = [item.id for _, item in checklist.items()]
    answers: dict[str, Answer] = {}
    for item_id, value in raw.items():
        loc = ("answers", item_id)
        if item_id not in known:
            close = difflib.get_close_matches(item_id, known, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            doc.fail_at_key(
                loc,
                f'{yamlfile.quote(item_id)} is not an item of the checklist "{checklist.id}"{hint}',
            )
        if not isinstance(value, str) or value not in CHOICES:
            note = " (YAML reads yes/no/on/off as true/false)" if isinstance(value, bool) else ""
            doc.fail(
                loc,
                f"the answer to {yamlfile.quote(item_id)} must be one of {VALUES}, not {yamlfile.quote(value)}{note}",
            )
        answers[item_id] = Answer(value)
    return AnswersFile(path=path, checklist_id=checklist_id, answers=answers)
