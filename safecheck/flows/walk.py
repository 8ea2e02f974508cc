"""Walking a person through a checklist, item by item, saving after every answer.

This module knows nothing of terminals: it talks to an `Asker` (`core.questions`) and a
`View` (what is shown), so tests and other front ends can pass their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Protocol

from safecheck.content.checklist import Checklist, Item, Section
from safecheck.core.i18n import t, tn
from safecheck.core.questions import Asker, Select
from safecheck.progress.summary import Summary, progress_of, summarize
from safecheck.storage.state import Answer, Record, State
from safecheck.storage.store import Store


class Saves(Protocol):
    """Where answers are read and saved: a `Store`, or a `Saver` that never stops a plan."""

    def load(self) -> State: ...

    def update(self, change: Callable[[State], State]) -> State: ...


class View(Protocol):
    def checklist_intro(self, checklist: Checklist, lang: str) -> None: ...

    def message(self, text: str) -> None: ...

    def section(self, section: Section, lang: str) -> None: ...

    def item(self, item: Item, lang: str, *, answered: int, total: int) -> None: ...

    def how(self, item: Item, lang: str) -> None: ...

    def summary(self, summary: Summary, lang: str) -> None: ...


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


HOW = "tell me how"  # the default label of the reply that shows an item's steps


def answer_choices(lang: str, how: str | None = HOW) -> list[tuple[str, Answer | None]]:
    """The replies to an item; `None` asks for its steps, labelled `how` (left out if None)."""
    label = t(lang, "Tell me how") if how == HOW else how
    more: list[tuple[str, Answer | None]] = [] if label is None else [(label, None)]
    return [
        (t(lang, "Done"), Answer.DONE),
        (t(lang, "Not yet"), Answer.NOT_YET),
        (t(lang, "Not for me"), Answer.NOT_FOR_ME),
        *more,
        (t(lang, "Skip for now"), Answer.SKIPPED),
    ]


def _answer(checklist_id: str, item_id: str, record: Record) -> Callable[[State], State]:
    def change(state: State) -> State:
        return state.with_answer(checklist_id, item_id, record)

    return change


def apply_answers(
    checklist: Checklist,
    store: Store,
    answers: Mapping[str, Answer],
    *,
    restart: bool = False,
    clock: Callable[[], str] = now,
) -> Summary:
    """Save answers given without questions (an answers file), in one locked update.

    They take the same path as answers given one by one: `Store.update` with
    `State.with_answer`. Items not in `answers` keep what was saved before, unless
    `restart` forgets the checklist's earlier answers first.
    """

    def change(state: State) -> State:
        if restart:
            state = state.without_checklist(checklist.id)
        at = clock()
        for item_id, answer in answers.items():
            state = _answer(checklist.id, item_id, Record(answer, at))(state)
        return state

    saved = store.update(change) if answers or restart else store.load()
    return progress_of(checklist, saved)


def is_closed(record: Record | None) -> bool:
    """Done, or not for me: not asked again. Never answered, not yet and skipped are open."""
    return record is not None and not record.answer.is_open


def open_items(checklist: Checklist, answers: Mapping[str, Record]) -> list[tuple[Section, Item]]:
    """The items still to do. A first walk goes in checklist order; a walk that comes back
    takes the most important first (in checklist order within a priority)."""
    if not answers:
        return list(checklist.items())
    still = [
        (section, item)
        for section, item in checklist.items()
        if not is_closed(answers.get(item.id))
    ]
    return sorted(still, key=lambda pair: pair[1].priority.rank)


def unsaved_notice(store: Saves, asker: Asker, view: View, lang: str) -> None:
    """When saved answers cannot be opened this time, a count would silently leave them out:
    say so before counting, and offer to type the passphrase again."""
    if getattr(store, "saving", True):
        return
    view.message(
        t(
            lang,
            "Your saved answers cannot be opened this time: they are not counted here, and "
            "what you answer now is not saved.",
        )
    )
    if getattr(store, "can_try_again", False) and asker.ask(
        Select(
            t(lang, "Type the passphrase again?"),
            [(t(lang, "Yes, try again"), True), (t(lang, "No, go on without them"), False)],
        )
    ):
        store.try_again()  # type: ignore[attr-defined]


def walk(
    checklist: Checklist,
    store: Saves,
    asker: Asker,
    view: View,
    lang: str,
    *,
    restart: bool = False,
    how_label: Callable[[Item], str | None] | None = None,
    after_answer: Callable[[Item, Answer], None] | None = None,
    clock: Callable[[], str] = now,
) -> Summary:
    """Ask every open item (never answered, not yet, skipped), the most important first.

    `how_label` names, per item, the reply that shows more of its steps, or leaves it
    out (None): a plan shows its steps with the item and offers only the platforms.
    `after_answer` runs once an answer is saved, before the item's reminder (the
    emergency plan offers the evidence log there).
    """
    unsaved_notice(store, asker, view, lang)
    if restart:
        answers = store.update(lambda state: state.without_checklist(checklist.id)).answers_for(
            checklist.id
        )
    else:
        answers = store.load().answers_for(checklist.id)
    total = checklist.item_count
    answered = sum(1 for _, item in checklist.items() if item.id in answers)
    todo = open_items(checklist, answers)
    # Done means done, as in the summary: "not for me" is closed but not counted as done.
    done_before = sum(
        1
        for _, item in checklist.items()
        if item.id in answers and answers[item.id].answer is Answer.DONE
    )

    view.checklist_intro(checklist, lang)
    if not todo:
        view.message(t(lang, "You have been through every item: each is done or not for you."))
    elif answers:
        view.message(
            tn(
                lang,
                "Welcome back. You had done {done} of {total}. Now the {open} still open.",
                "Welcome back. You had done {done} of {total}. Now the {open} still open, the "
                "most important first.",
                len(todo),
                done=done_before,
                total=total,
                open=len(todo),
            )
        )

    shown_section: Section | None = None
    for section, item in todo:
        if is_closed(answers.get(item.id)):
            continue  # closed in the saved state, read only once it was unlocked
        if section is not shown_section:
            view.section(section, lang)
            shown_section = section
        view.item(item, lang, answered=answered, total=total)
        choices = answer_choices(lang, how_label(item) if how_label else HOW)
        question = Select(t(lang, "Where are you with this?"), choices)
        reply = asker.ask(question)
        while reply is None:
            view.how(item, lang)
            reply = asker.ask(question)
        record = Record(reply, clock())
        answers = store.update(_answer(checklist.id, item.id, record)).answers_for(checklist.id)
        answered = sum(1 for _, each in checklist.items() if each.id in answers)
        if after_answer is not None:
            after_answer(item, reply)
        if item.reminder is not None:
            view.message(item.reminder[lang])

    result = summarize(checklist, answers)
    view.summary(result, lang)
    return result
