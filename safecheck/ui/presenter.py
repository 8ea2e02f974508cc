"""The workshop on a projector, or as linear text: each screen described once as blocks.

`PresenterDisplay` draws them as one large, clear panel per screen (rich); the same
screens drawn by the plain renderer are `PlainPresenterDisplay` (`--plain`).
"""

from __future__ import annotations

from typing import IO

from rich.console import Console

from safecheck.content.workshop import NOTE, HelpLine, Quiz, QuizView, SlideView, Workshop
from safecheck.core import labels
from safecheck.core.i18n import labelled, t, tn
from safecheck.core.region import Region
from safecheck.ui.blocks import Block, Box, Chat, Heading, KeyValues, Paragraph
from safecheck.ui.display import escaping, plain_console, rich_console
from safecheck.ui.render import PlainRenderer, Renderer, RichRenderer


class PresenterDisplay:
    """The workshop as a group sees it on a projector: one large, clear panel per screen.

    Every screen is cleared first, so only the current slide is on the wall, and
    every slide fits an 80x24 terminal (a test renders each one at that size).
    """

    def __init__(self, console: Console | None = None) -> None:
        self.console = escaping(console or rich_console())
        self.renderer: Renderer = RichRenderer(self.console)

    def _show(self, blocks: list[Block], *, title: str, note: str = "") -> None:
        if isinstance(self.renderer, RichRenderer):
            self.console.clear()
        self.renderer.draw(Box(title, tuple(blocks), note=note, projected=True))

    def message(self, text: str) -> None:
        self.renderer.draw(Paragraph(text))

    def title_screen(self, workshop: Workshop, region: Region, lang: str) -> None:
        name = t(lang, labels.REGION[region.value])
        body: list[Block] = [
            Paragraph(workshop.intro[lang].strip()),
            Paragraph(""),
            Paragraph(t(lang, "Help lines for: {region}", region=name)),
            Paragraph(t(lang, "Another region: safecheck workshop --region BE, NL or OTHER.")),
            Paragraph(t(lang, "Workshop mode saves nothing on this computer."), aside=True),
        ]
        self._show(body, title=workshop.title[lang])

    def slide(self, view: SlideView, lang: str) -> None:
        slide, part = view.slide, view.part
        body: list[Block] = [Heading(slide.title[lang])]
        if slide.body is not None:
            body += [Paragraph(""), Paragraph(slide.body[lang].strip())]
        if slide.chat:
            lines = tuple(
                (
                    "" if line.speaker == NOTE else part.speakers[line.speaker],
                    line.text[lang].strip(),
                )
                for line in slide.chat
            )
            body += [Paragraph(""), Chat(lines, lang, them=part.speakers.get("them", ""))]
        if slide.helplines:
            body += [Paragraph(""), self._helplines(view.helplines, view.region, lang)]
        if slide.question is not None:
            body += [Paragraph(""), Paragraph(slide.question[lang].strip(), strong=True)]
        if slide.reveal is not None and view.revealed:
            body += [Paragraph(""), Paragraph("-> " + slide.reveal[lang].strip(), strong=True)]
        title = t(
            lang,
            "Part {number} of {count}: {title}",
            number=view.part_number,
            count=view.part_count,
            title=part.title[lang],
        )
        self._show(body, title=title, note=f"{view.slide_number} / {len(part.slides)}")

    @staticmethod
    def _helplines(helplines: tuple[HelpLine, ...] | None, region: Region, lang: str) -> Block:
        if helplines is None:
            text = t(
                lang,
                "The help lines for {region} are listed by:\n  safecheck helplines --region {code}",
                region=t(lang, labels.REGION[region.value]),
                code=region.value,
            )
            return Paragraph(text, strong=True)
        return KeyValues(
            tuple((line.name, f"{line.contact}. {line.note}") for line in helplines), lang
        )

    def quiz(self, view: QuizView, lang: str) -> None:
        """A quiz question; once the group chose, whether it was right, and why."""
        question = view.question
        body: list[Block] = [Paragraph(question.question[lang].strip(), strong=True), Paragraph("")]
        body += [
            Paragraph(f"{letter}. {choice[lang].strip()}")
            for letter, choice in zip("ABCD", question.choices, strict=False)
        ]
        if view.chosen is not None:
            letter = "ABCD"[question.answer]
            if view.chosen == question.answer:
                verdict = t(lang, "Right: {letter}.", letter=letter)
            else:
                verdict = t(
                    lang,
                    "Not quite. The group chose {chosen}; the right answer is {letter}.",
                    chosen="ABCD"[view.chosen],
                    letter=letter,
                )
            body += [
                Paragraph(""),
                Paragraph("-> " + verdict, strong=True),
                Paragraph(question.explanation[lang].strip()),
            ]
        count = t(
            lang, "Question {number} of {count}", number=view.number, count=len(view.quiz.questions)
        )
        tally = t(lang, "Right so far: {right} of {asked}", right=view.right, asked=view.asked)
        self._show(body, title=labelled(lang, view.quiz.title[lang], count), note=tally)

    def quiz_tally(self, quiz: Quiz, lang: str, *, right: int, asked: int) -> None:
        score = tn(
            lang,
            "The group answered {right} of {asked} question right.",
            "The group answered {right} of {asked} questions right.",
            asked,
            right=right,
            asked=asked,
        )
        body: list[Block] = [
            Paragraph(score, strong=True),
            Paragraph(""),
            Paragraph(t(lang, "This tally is only on the screen; it is not saved."), aside=True),
        ]
        self._show(body, title=quiz.title[lang])


class PlainPresenterDisplay(PresenterDisplay):
    """The workshop as linear text (`--plain`, SAFECHECK_PLAIN=1, TERM=dumb): no boxes, no
    colour, nothing cleared or redrawn, no escape sequences; a screen reader or a braille
    display reads it in order. The same screens as `PresenterDisplay`, drawn plain."""

    def __init__(self, file: IO[str] | None = None) -> None:
        self.console = escaping(plain_console(file))
        self.renderer = PlainRenderer(self.console)
