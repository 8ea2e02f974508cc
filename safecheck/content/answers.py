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
from safecheck.core.i18n import N_
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
        doc.fail(
            (), N_('the answers file is empty; it needs "checklist:" and "answers:" (see README)')
        )
    top = yamlfile.mapping(doc, doc.data, (), "the answers file")
    yamlfile.no_unknown_keys(doc, top, {"checklist", "answers"}, (), "the answers file")
    if top.get("checklist") is None:
        doc.fail(
            (),
            N_('"checklist" is missing: name the checklist, e.g. "checklist: {id}"'),
            id=checklist.id,
        )
    checklist_id = yamlfile.string(doc, top["checklist"], ("checklist",), "checklist")
    if checklist_id != checklist.id:
        doc.fail(
            ("checklist",),
            N_('these answers are for the checklist {checklist_id}, not "{id}"'),
            checklist_id=yamlfile.quote(checklist_id),
            id=checklist.id,
        )
    if top.get("answers") is None:
        doc.fail((), N_('"answers" is missing: list the answers as "item-id: done"'))
    raw = yamlfile.mapping(doc, top["answers"], ("answers",), "answers")
    known = [item.id for _, item in checklist.items()]
    answers: dict[str, Answer] = {}
    for item_id, value in raw.items():
        loc = ("answers", item_id)
        if item_id not in known:
            close = difflib.get_close_matches(item_id, known, n=1)
            doc.fail_at_key(
                loc,
                N_('{item_id} is not an item of the checklist "{id}" (did you mean "{close}"?)')
                if close
                else N_('{item_id} is not an item of the checklist "{id}"'),
                item_id=yamlfile.quote(item_id),
                id=checklist.id,
                close=close[0] if close else "",
            )
        if value is None:  # left empty (as in a template): stays as it is, like a left-out item
            continue
        if not isinstance(value, str) or value not in CHOICES:
            doc.fail(
                loc,
                N_(
                    "the answer to {item_id} must be one of {known}, not {value} "
                    "(YAML reads yes/no/on/off as true/false)"
                )
                if isinstance(value, bool)
                else N_("the answer to {item_id} must be one of {known}, not {value}"),
                item_id=yamlfile.quote(item_id),
                known=VALUES,
                value=yamlfile.quote(value),
            )
        answers[item_id] = Answer(value)
    return AnswersFile(path=path, checklist_id=checklist_id, answers=answers)
