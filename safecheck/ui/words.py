"""The words of the views that need no rich: status words, first steps, verification lines.

Both displays (`display.py`, rich and plain) compose their screens from these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safecheck.content.checklist import Item
from safecheck.core import labels
from safecheck.core.i18n import N_, labelled, t
from safecheck.progress.summary import Summary
from safecheck.storage.state import Answer

if TYPE_CHECKING:  # a verification is shown only by `verify`: not loaded before a question
    from safecheck.progress.verify import Verification

# A step's help lines go one to a row; a longer list than this puts two short ones on a row,
# so the step, its help and the crisis footer stay on one 80 x 24 screen.
ONE_PER_ROW = 4
ROW_WIDTH = 79


def in_rows(entries: list[str], width: int = ROW_WIDTH) -> list[str]:
    """`- entry` rows; past ONE_PER_ROW entries, two neighbours share a row when both fit."""
    rows = [f"- {entry}" for entry in entries]
    if len(rows) <= ONE_PER_ROW:
        return rows
    paired: list[str] = []
    single = False  # the last row holds one entry, so it may take a second
    for row in rows:
        if single and len(paired[-1]) + 3 + len(row) <= width:
            paired[-1] += "   " + row
            single = False
        else:
            paired.append(row)
            single = True
    return paired


def answer_word(answer: Answer | None, lang: str) -> str:
    """The status word of an answer, so nothing is told by colour alone."""
    return t(lang, labels.STATE[answer.value if answer is not None else "unanswered"])


HINT_LIMIT = 110  # characters of an item's first step shown in a summary


def first_step(item: Item, lang: str, limit: int = HINT_LIMIT) -> str:
    """An item's first step, whole; a very long one is cut at a word, with "…"."""
    lines = item.how[lang].strip().splitlines()
    text = lines[0].strip().removeprefix("- ").strip() if lines else ""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:.-")
    return f"{cut}…"


def more_open(summary: Summary) -> int:
    """How many open items a summary's short list leaves out."""
    return len(summary.open_items) - len(summary.next_steps)


def open_by_priority(summary: Summary, lang: str) -> str:
    parts = [
        f"{score.open} {t(lang, labels.PRIORITY[score.priority.value]).lower()}"
        for score in summary.by_priority
        if score.open
    ]
    return ", ".join(parts) if parts else t(lang, "nothing")


def verification_lines(result: Verification, lang: str) -> list[str]:
    checklist = result.summary.checklist
    verdict = (
        N_("{title} ({id}): the requirement is met.")
        if result.ok
        else N_("{title} ({id}): the requirement is not met yet.")
    )
    lines = [t(lang, verdict, title=checklist.title[lang], id=checklist.id)]
    for check in result.checks:
        if check.priority is not None:
            name = t(lang, labels.PRIORITY[check.priority.value]).lower()
            key = (
                N_("every item with priority {priority} is done or not for you")
                if check.met
                else N_("items with priority {priority} still open: {count}")
            )
            lines.append("- " + t(lang, key, priority=name, count=len(check.missing)))
        else:
            key = (
                N_("the score, {score}%, is at least {min_score}%")
                if check.met
                else N_("the score, {score}%, is below {min_score}%")
            )
            lines.append("- " + t(lang, key, score=check.score, min_score=check.min_score))
    if result.missing:
        lines.append(t(lang, "Still missing:"))
        for item in result.missing:
            record = result.summary.answers.get(item.id)
            priority = t(lang, labels.PRIORITY[item.priority.value])
            word = answer_word(record.answer if record else None, lang)
            lines.append("- " + labelled(lang, item.id, f"{item.title[lang]} ({priority}, {word})"))
    return lines
