"""`safecheck class-summary`: totals over many people's results of one checklist.

A training lab collects each student's `check --json` or `status --json` document; this
reads them back, boundedly, and counts per item how many answered done, not yet, not for
me or skipped, and how many left it unanswered. The result holds no names: the files a
result came from are kept only for `--names`.

Every file that cannot be used is named with what is wrong, all at once
(`InputFilesError`), and nothing is summarised: a total over part of a class would mislead.
"""

from __future__ import annotations

import json
import os
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safecheck.content.checklist import Checklist, Item, Priority
from safecheck.core.errors import InputFileError, InputFilesError, SafecheckError
from safecheck.core.i18n import N_
from safecheck.storage import safefile
from safecheck.storage.state import Answer

RESULT_LIMIT = 4 * safefile.MiB  # one result file (`status --json` of every checklist)
MAX_RESULTS = 5000  # result files in one summary
MAX_FOLDER_ENTRIES = 20_000  # entries of a folder looked at, result files or not
KINDS = ("check", "status")  # the documents that hold a checklist's answers
SCHEMA_VERSION = 1  # the `schema` of the results this reads


@dataclass(frozen=True, slots=True)
class Result:
    """One person's answers to the checklist, and the file they came from."""

    source: Path
    answers: Mapping[str, Answer]  # item id -> answer; unanswered items are absent
    score: int  # percent of the items that apply that are done


@dataclass(frozen=True, slots=True)
class ItemTotals:
    item: Item
    section: str
    done: int
    not_yet: int
    not_for_me: int
    skipped: int
    unanswered: int

    @property
    def still_open(self) -> int:
        """Not done and not "not for me": to teach, whether answered or not."""
        return self.not_yet + self.skipped + self.unanswered


@dataclass(frozen=True, slots=True)
class Scores:
    lowest: int
    median: float
    highest: int
    min_score: int | None
    meeting: int | None  # results with at least `min_score`, when given


@dataclass(frozen=True, slots=True)
class ClassSummary:
    checklist: Checklist
    results: tuple[Result, ...]
    items: tuple[ItemTotals, ...]  # in the checklist's order
    scores: Scores

    def by_priority(self) -> list[tuple[Priority, tuple[ItemTotals, ...]]]:
        """The items grouped by priority, most important first, each in checklist order."""
        groups = [
            (priority, tuple(t for t in self.items if t.item.priority is priority))
            for priority in Priority
        ]
        return [(priority, items) for priority, items in groups if items]

    def teach_next(self) -> tuple[ItemTotals, ...]:
        """The items still open for someone: most often open first, then by priority."""
        order = {totals.item.id: n for n, totals in enumerate(self.items)}
        return tuple(
            sorted(
                (totals for totals in self.items if totals.still_open),
                key=lambda t: (-t.still_open, t.item.priority.rank, order[t.item.id]),
            )
        )


def result_files(paths: Sequence[Path]) -> tuple[list[Path], list[SafecheckError]]:
    """The result files named, a folder giving its `*.json` files (sorted), and the problems."""
    files: list[Path] = []
    problems: list[SafecheckError] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found, problem = _folder_files(path)
            if problem is not None:
                problems.append(problem)
                continue
        else:
            found = [path]
        for file in found:
            real = safefile.real_path(file)
            if real not in seen:
                seen.add(real)
                files.append(file)
    if len(files) > MAX_RESULTS:
        problems.append(
            InputFileError(
                N_("too many result files ({count}); at most {limit} are summarised at once"),
                count=len(files),
                limit=MAX_RESULTS,
            )
        )
    return files, problems


def _folder_files(folder: Path) -> tuple[list[Path], SafecheckError | None]:
    names: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries, start=1):
                if count > MAX_FOLDER_ENTRIES or len(names) >= MAX_RESULTS:
                    return [], InputFileError(
                        N_("this folder holds more than {limit} files; give fewer at once"),
                        path=folder,
                        limit=MAX_RESULTS if len(names) >= MAX_RESULTS else MAX_FOLDER_ENTRIES,
                    )
                if entry.name.endswith(".json") and not entry.name.startswith("."):
                    names.append(entry.name)
    except OSError as error:
        return [], InputFileError(
            N_("the folder cannot be read ({strerror})"),
            path=folder,
            strerror=error.strerror or error,
        )
    if not names:
        return [], InputFileError(N_("this folder holds no .json result files"), path=folder)
    return [folder / name for name in sorted(names)], None


def read_result(path: Path, checklist: Checklist) -> Result:
    """One result of `checklist`, read boundedly; `InputFileError` naming the file if not."""
    try:
        raw = safefile.read_bytes(path, RESULT_LIMIT)
    except safefile.Refused as refused:
        raise InputFileError(refused.problem.said, path=path) from None
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputFileError(
            N_("this is not JSON ({problem})"), path=path, line=error.lineno, problem=error.msg
        ) from None
    except (ValueError, RecursionError):  # not UTF-8, or nested too deep
        raise InputFileError(N_("this is not JSON text"), path=path) from None
    if not isinstance(document, dict) or document.get("kind") not in KINDS:
        raise InputFileError(
            N_(
                "this is not a safecheck result: give the output of "
                "safecheck check --json or safecheck status --json"
            ),
            path=path,
        )
    if document.get("schema") != SCHEMA_VERSION:
        raise InputFileError(
            N_("this result has schema {found}; this safecheck reads schema {schema}"),
            path=path,
            found=_shown(document.get("schema")),
            schema=SCHEMA_VERSION,
        )
    answers = _answers(_checklist_of(document, checklist.id, path), checklist, path)
    return Result(source=path, answers=answers, score=_score(checklist, answers))


def _checklist_of(document: Mapping[str, Any], wanted: str, path: Path) -> Mapping[str, Any]:
    if document["kind"] == "check":
        found = document.get("checklist")
        if isinstance(found, dict) and found.get("id") != wanted:
            raise InputFileError(
                N_('this is a result of the checklist {found}, not "{id}"'),
                path=path,
                found=_shown(found.get("id")),
                id=wanted,
            )
    else:
        listed = document.get("checklists")
        if not isinstance(listed, list):
            listed = []
        found = next((c for c in listed if isinstance(c, dict) and c.get("id") == wanted), None)
        if found is None:
            raise InputFileError(
                N_('this result holds no answers to the checklist "{id}"'), path=path, id=wanted
            )
    if not isinstance(found, dict) or not isinstance(found.get("items"), list):
        raise InputFileError(N_("this result has no list of items"), path=path)
    return found


def _answers(found: Mapping[str, Any], checklist: Checklist, path: Path) -> dict[str, Answer]:
    known = {item.id for _, item in checklist.items()}
    listed: set[str] = set()
    answers: dict[str, Answer] = {}
    for entry in found["items"]:
        item_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(item_id, str) or item_id not in known or item_id in listed:
            raise InputFileError(
                N_(
                    'this result was made with another version of the checklist "{id}": '
                    "its item {item} is not in this one"
                ),
                path=path,
                id=checklist.id,
                item=_shown(item_id),
            )
        listed.add(item_id)
        value = entry.get("answer")
        if value is None:
            continue
        try:
            answers[item_id] = Answer(value)
        except ValueError:
            raise InputFileError(
                N_("the answer to {item} is {value}, not one safecheck gives"),
                path=path,
                item=_shown(item_id),
                value=_shown(value),
            ) from None
    if checklist.kind != "plan" and listed != known:  # a plan lists the steps for one person
        raise InputFileError(
            N_(
                'this result was made with another version of the checklist "{id}": '
                "items of this one are missing ({count})"
            ),
            path=path,
            id=checklist.id,
            count=len(known - listed),
        )
    return answers


def _shown(value: object) -> str:
    """A value from a file, quoted and cut short for a message."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:40] + "…"


def _score(checklist: Checklist, answers: Mapping[str, Answer]) -> int:
    values = list(answers.values())
    done = values.count(Answer.DONE)
    applies = checklist.item_count - values.count(Answer.NOT_FOR_ME)
    return 100 if applies <= 0 else round(100 * done / applies)


def summarise(
    checklist: Checklist, paths: Sequence[Path], *, min_score: int | None = None
) -> ClassSummary:
    """The class's totals; `InputFilesError` naming every file that cannot be used."""
    files, problems = result_files(paths)
    results: list[Result] = []
    for path in files if not problems else []:
        try:
            results.append(read_result(path, checklist))
        except InputFileError as problem:
            problems.append(problem)
    if problems:
        raise InputFilesError(problems)
    if not results:
        raise InputFileError(N_("no result files were given"))
    return ClassSummary(
        checklist=checklist,
        results=tuple(results),
        items=tuple(_totals(checklist, results)),
        scores=_scores([result.score for result in results], min_score),
    )


def _totals(checklist: Checklist, results: Iterable[Result]) -> Iterable[ItemTotals]:
    counts = {item.id: dict.fromkeys(Answer, 0) for _, item in checklist.items()}
    total = 0
    for result in results:
        total += 1
        for item_id, answer in result.answers.items():
            counts[item_id][answer] += 1
    for section, item in checklist.items():
        count = counts[item.id]
        yield ItemTotals(
            item=item,
            section=section.id,
            done=count[Answer.DONE],
            not_yet=count[Answer.NOT_YET],
            not_for_me=count[Answer.NOT_FOR_ME],
            skipped=count[Answer.SKIPPED],
            unanswered=total - sum(count.values()),
        )


def _scores(scores: Sequence[int], min_score: int | None) -> Scores:
    median = statistics.median(scores)
    return Scores(
        lowest=min(scores),
        median=int(median) if median == int(median) else float(median),
        highest=max(scores),
        min_score=min_score,
        meeting=None if min_score is None else sum(1 for s in scores if s >= min_score),
    )
