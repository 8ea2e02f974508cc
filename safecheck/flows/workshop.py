"""The workshop as a flow: parts, slides and the quiz, one screen at a time, on a `Stage`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from safecheck.content.workshop import (
    QUIZ_LETTERS,
    HelpLine,
    Quiz,
    QuizView,
    SlideView,
    Workshop,
)
from safecheck.core.i18n import N_, t
from safecheck.core.questions import Advance, Asker, Menu, Move
from safecheck.core.region import Region


class Stage(Protocol):
    """What the group sees (safecheck.ui.display.PresenterDisplay in the terminal)."""

    def title_screen(self, workshop: Workshop, region: Region, lang: str) -> None: ...

    def slide(self, view: SlideView, lang: str) -> None: ...

    def quiz(self, view: QuizView, lang: str) -> None: ...

    def quiz_tally(self, quiz: Quiz, lang: str, *, right: int, asked: int) -> None: ...

    def message(self, text: str) -> None: ...


QUIZ = "quiz"
QUIT = "quit"


def helplines_for(region: Region, lang: str) -> tuple[HelpLine, ...] | None:
    """The help lines of `region`, from the help-line data (checklists/data/helplines.yaml),
    in the presenter's language.

    None for another country: part 4 then points to `safecheck helplines --region OTHER`,
    which says honestly that safecheck only knows Belgian and Dutch lines. No help-line
    number is ever copied into the workshop's own files.
    """
    if region is Region.OTHER:
        return None
    from safecheck.content import helplines as data
    from safecheck.core.reach import phones

    chosen = data.select(
        data.load(),
        region,
        kinds=["emergency", "suicide-prevention", "online-abuse", "support"],
        speaks=lang,
    )
    return tuple(
        HelpLine(
            name=line.name[lang],
            contact=phones(line, lang),
            note=line.hours[lang] if line.hours else "",
        )
        for line in chosen
    )


def present(
    workshop: Workshop,
    quiz: Quiz,
    presenter: Asker,
    stage: Stage,
    lang: str,
    region: Region,
    *,
    helplines: Callable[[Region, str], tuple[HelpLine, ...] | None] = helplines_for,
) -> None:
    """Show the menu until the presenter quits; each part returns to the menu."""
    order = [part.id for part in workshop.parts] + [QUIZ, QUIT]
    choices = [(part.title[lang], part.id) for part in workshop.parts]
    choices += [(t(lang, "Quiz for the group"), QUIZ), (t(lang, "End the workshop"), QUIT)]
    default = order[0]
    while True:
        stage.title_screen(workshop, region, lang)
        choice = presenter.ask(Menu(t(lang, "Which part do you want to show?"), choices, default))
        if choice == QUIT:
            stage.message(t(lang, "The workshop is over. Nothing was saved on this computer."))
            return
        if choice == QUIZ:
            run_quiz(quiz, presenter, stage, lang)
        else:
            number = order.index(choice)
            show_part(
                workshop,
                number,
                presenter,
                stage,
                lang,
                region,
                helplines=helplines(region, lang),
            )
        default = order[order.index(choice) + 1]


def show_part(
    workshop: Workshop,
    index: int,
    presenter: Asker,
    stage: Stage,
    lang: str,
    region: Region,
    *,
    helplines: tuple[HelpLine, ...] | None,
) -> None:
    """Slide by slide; Enter reveals the answer or goes on, b goes back, m to the menu."""
    part = workshop.parts[index]
    position, revealed = 0, False
    while position < len(part.slides):
        slide = part.slides[position]
        stage.slide(
            SlideView(
                part,
                slide,
                part_number=index + 1,
                part_count=len(workshop.parts),
                slide_number=position + 1,
                revealed=revealed,
                helplines=helplines if slide.helplines else None,
                region=region,
            ),
            lang,
        )
        hidden = slide.reveal is not None and not revealed
        if hidden:
            hint = N_("Enter: show the answer  ·  b: back  ·  m: menu")
        elif position + 1 < len(part.slides):
            hint = N_("Enter: next  ·  b: back  ·  m: menu")
        else:
            hint = N_("Enter: back to the menu  ·  b: back")
        move = presenter.ask(Advance(t(lang, hint)))
        if move is Move.MENU:
            return
        if move is Move.BACK:
            if revealed:
                revealed = False
            elif position > 0:
                position -= 1
        elif hidden:
            revealed = True
        else:
            position, revealed = position + 1, False


def run_quiz(quiz: Quiz, presenter: Asker, stage: Stage, lang: str) -> tuple[int, int]:
    """Ask every question; the group answers, the tally is only ever on screen."""
    right = asked = 0
    for number, question in enumerate(quiz.questions, start=1):
        stage.quiz(QuizView(quiz, question, number, right, asked), lang)
        letters = QUIZ_LETTERS[: len(question.choices)]
        choices: list[tuple[str, int | None]] = [
            (t(lang, "Answer {letter}", letter=letter.upper()), index)
            for index, letter in enumerate(letters)
        ]
        choices.append((t(lang, "Back to the menu"), None))
        chosen = presenter.ask(
            Menu(t(lang, "Which answer does the group choose?"), choices, keys=[*letters, "m"])
        )
        if chosen is None:
            return right, asked
        asked += 1
        right += chosen == question.answer
        stage.quiz(QuizView(quiz, question, number, right, asked, chosen), lang)
        last = number == len(quiz.questions)
        hint = t(
            lang,
            N_("Enter: see the result  ·  m: menu")
            if last
            else N_("Enter: next question  ·  m: menu"),
        )
        if presenter.ask(Advance(hint, allow_back=False)) is Move.MENU:
            return right, asked
    stage.quiz_tally(quiz, lang, right=right, asked=asked)
    presenter.ask(Advance(t(lang, "Enter: back to the menu"), allow_back=False))
    return right, asked
