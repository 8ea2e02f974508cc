"""The JSON documents of results: plain data, in the reader's language where a checklist's
text is shown (the shapes are in docs/reference.md and `schemas/output.schema.json`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the documents take these; each command loads only what it needs
    from safecheck.content.checklist import Checklist, Item
    from safecheck.progress.class_summary import ClassSummary
    from safecheck.progress.summary import Summary
    from safecheck.progress.verify import Verification


def item_data(item: Item, section_id: str, summary: Summary, lang: str) -> dict[str, Any]:
    record = summary.answers.get(item.id)
    return {
        "id": item.id,
        "section": section_id,
        "title": item.title[lang],
        "priority": item.priority.value,
        "answer": record.answer.value if record is not None else None,
    }


def summary_data(summary: Summary, lang: str) -> dict[str, Any]:
    """One checklist's progress as plain data (the `checklist` object of the README)."""
    checklist = summary.checklist
    return {
        "id": checklist.id,
        "kind": checklist.kind,
        "title": checklist.title[lang],
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


def verification_data(result: Verification, lang: str) -> dict[str, Any]:
    """The `verify` document of the README, as plain data."""
    sections = {item.id: section.id for section, item in result.summary.checklist.items()}
    requirements: list[dict[str, Any]] = []
    for check in result.checks:
        entry: dict[str, Any] = {"requirement": check.name, "met": check.met}
        if check.name == "min-score":
            entry.update(min_score=check.min_score, score=check.score)
        else:
            assert check.priority is not None
            entry.update(
                priority=check.priority.value, open_items=[item.id for item in check.missing]
            )
        requirements.append(entry)
    return {
        "lang": lang,
        "ok": result.ok,
        "requirements": requirements,
        "missing": [
            item_data(item, sections[item.id], result.summary, lang) for item in result.missing
        ],
        "checklist": summary_data(result.summary, lang),
    }


def class_summary_data(summary: ClassSummary, lang: str, *, names: bool = False) -> dict[str, Any]:
    """The `class-summary` document of the README, as plain data; no names unless `names`."""
    scores = summary.scores
    data: dict[str, Any] = {
        "lang": lang,
        "checklist": {
            "id": summary.checklist.id,
            "kind": summary.checklist.kind,
            "title": summary.checklist.title[lang],
        },
        "results": len(summary.results),
        "items": [
            {
                "id": totals.item.id,
                "section": totals.section,
                "title": totals.item.title[lang],
                "priority": totals.item.priority.value,
                "done": totals.done,
                "not_yet": totals.not_yet,
                "not_for_me": totals.not_for_me,
                "skipped": totals.skipped,
                "open": totals.unanswered,
                "still_open": totals.still_open,
            }
            for totals in summary.items
        ],
        "scores": {
            "lowest": scores.lowest,
            "median": scores.median,
            "highest": scores.highest,
            "min_score": scores.min_score,
            "meeting": scores.meeting,
        },
        "teach_next": [totals.item.id for totals in summary.teach_next()],
    }
    if names:
        data["names"] = [
            {"file": str(result.source), "score": result.score} for result in summary.results
        ]
    return data


def answers_template(checklist: Checklist, lang: str, header: Sequence[str] = ()) -> str:
    """An answers file for `checklist` to fill in: every item id with its title as a comment
    and the answer left empty (an empty answer leaves the item as it is). `header`: comment
    lines to put first."""
    lines = [f"# {line}" for line in header]
    lines += [f"checklist: {checklist.id}", "answers:"]
    for section in checklist.sections:
        lines.append(f"  # {_one_line(section.title[lang])}")
        for item in section.items:
            lines.append(f"  # {_one_line(item.title[lang])} ({item.priority.value})")
            lines.append(f"  {item.id}:")
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
