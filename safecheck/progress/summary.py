"""Scores and summaries of a checklist from the saved answers."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from safecheck.content.checklist import Checklist, Item, Priority
from safecheck.storage.state import Answer, Record, State


class PriorityScore(NamedTuple):
    priority: Priority
    total: int
    done: int
    not_for_me: int

    @property
    def applicable(self) -> int:
        return self.total - self.not_for_me

    @property
    def percent(self) -> int:
        return _percent(self.done, self.applicable)

    @property
    def open(self) -> int:
        """Not done and not "not for me": still to do, answered or not."""
        return self.applicable - self.done


class Summary(NamedTuple):
    checklist: Checklist
    answered: int
    total: int
    done: int
    not_for_me: int
    by_priority: tuple[PriorityScore, ...]
    open_items: tuple[Item, ...]  # most important first; includes unanswered items
    answers: Mapping[str, Record] = MappingProxyType({})  # item id -> saved answer

    @property
    def score(self) -> int:
        """Percent of the items that apply to you that are done."""
        return _percent(self.done, self.total - self.not_for_me)

    @property
    def next_steps(self) -> tuple[Item, ...]:
        return self.open_items[:3]


def summarize(checklist: Checklist, answers: Mapping[str, Record]) -> Summary:
    items = [item for _, item in checklist.items()]

    def count(priority: Priority | None, answer: Answer) -> int:
        return sum(
            1
            for item in items
            if (priority is None or item.priority is priority)
            and item.id in answers
            and answers[item.id].answer is answer
        )

    by_priority = tuple(
        PriorityScore(
            priority=priority,
            total=sum(1 for item in items if item.priority is priority),
            done=count(priority, Answer.DONE),
            not_for_me=count(priority, Answer.NOT_FOR_ME),
        )
        for priority in Priority
        if any(item.priority is priority for item in items)
    )
    open_items = sorted(
        (item for item in items if item.id not in answers or answers[item.id].answer.is_open),
        key=lambda item: item.priority.rank,
    )
    return Summary(
        checklist=checklist,
        answered=sum(1 for item in items if item.id in answers),
        total=len(items),
        done=count(None, Answer.DONE),
        not_for_me=count(None, Answer.NOT_FOR_ME),
        by_priority=by_priority,
        open_items=tuple(open_items),
        answers={item.id: answers[item.id] for item in items if item.id in answers},
    )


def _percent(part: int, whole: int) -> int:
    return 100 if whole <= 0 else round(100 * part / whole)


def progress_of(checklist: Checklist, state: State) -> Summary:
    """The progress on `checklist` saved in `state`.

    A plan counts only the steps of the saved region and age group: the one place
    this rule lives (check, status, verify and the export all count this way).
    """
    return summarize(checklist.as_remembered(state.settings), state.answers_for(checklist.id))
