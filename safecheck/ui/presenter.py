"""The workshop on a projector: one large, clear panel per screen (rich)."""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from safecheck.content.workshop import NOTE, HelpLine, Part, Question, Quiz, Slide, Workshop
from safecheck.core import labels
from safecheck.core.i18n import labelled, t, tn
from safecheck.core.region import Region
from safecheck.ui.display import escaping

if TYPE_CHECKING:  # the evidence module loads only for the evidence views
    pass


class PresenterDisplay:
    """The workshop as a group sees it on a projector: one large, clear panel per screen.

    Every screen is cleared first, so only the current slide is on the wall, and
    every slide fits an 80x24 terminal (a test renders each one at that size).
    """

    def __init__(self, console: Console | None = None) -> None:
        self.console = escaping(console or Console(highlight=False))

    def _show(self, body: RenderableType, *, title: str, subtitle: str | None = None) -> None:
        self.console.clear()
        self.console.print(
            Panel(
                body,
                title=RichText(f" {title} ", style="bold"),
                title_align="left",
                subtitle=RichText(f" {subtitle} ") if subtitle else None,
                subtitle_align="right",
                box=box.HEAVY,
                padding=(1, 2),
            )
        )

    def message(self, text: str) -> None:
        self.console.print(RichText(text))

    def title_screen(self, workshop: Workshop, region: Region, lang: str) -> None:
        body = Group(
            RichText(workshop.intro(lang).strip()),
            RichText(""),
            RichText(
                t(lang, "Help lines for: {region}", region=t(lang, labels.REGION[region.value]))
            ),
            RichText(t(lang, "Another region: safecheck workshop --region BE, NL or OTHER.")),
            RichText(t(lang, "Workshop mode saves nothing on this computer."), style="italic"),
        )
        self._show(body, title=workshop.title(lang))

    def slide(
        self,
        part: Part,
        slide: Slide,
        lang: str,
        *,
        part_number: int,
        part_count: int,
        slide_number: int,
        revealed: bool,
        helplines: tuple[HelpLine, ...] | None,
        region: Region,
    ) -> None:
        lines: list[RenderableType] = [RichText(slide.title(lang), style="bold underline")]
        if slide.body is not None:
            lines += [RichText(""), RichText(slide.body(lang).strip())]
        if slide.chat:
            chat = Table.grid(padding=(0, 1))
            chat.add_column(justify="right", no_wrap=True)
            chat.add_column()
            for line in slide.chat:
                text = line.text(lang).strip()
                if line.speaker == NOTE:
                    chat.add_row(RichText(""), RichText(f"({text})", style="italic"))
                    continue
                style = "bold" if line.speaker == "them" else "bold italic"
                chat.add_row(
                    RichText(f"{part.speakers[line.speaker]} >", style=style), RichText(text)
                )
            lines += [RichText(""), chat]
        if slide.helplines:
            lines += [RichText(""), self._helplines(helplines, region, lang)]
        if slide.question is not None:
            lines += [RichText(""), RichText(slide.question(lang).strip(), style="bold")]
        if slide.reveal is not None and revealed:
            lines += [RichText(""), RichText("-> " + slide.reveal(lang).strip(), style="bold")]
        self._show(
            Group(*lines),
            title=t(
                lang,
                "Part {number} of {count}: {title}",
                number=part_number,
                count=part_count,
                title=part.title(lang),
            ),
            subtitle=f"{slide_number} / {len(part.slides)}",
        )

    @staticmethod
    def _helplines(
        helplines: tuple[HelpLine, ...] | None, region: Region, lang: str
    ) -> RenderableType:
        region_name = t(lang, labels.REGION[region.value])
        if helplines is None:
            return RichText(
                t(
                    lang,
                    "The help lines for {region} are listed by:\n  safecheck helplines --region {code}",
                    region=region_name,
                    code=region.value,
                ),
                style="bold",
            )
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for line in helplines:
            table.add_row(line.name, line.contact, line.note)
        return table

    @staticmethod
    def _question(question: Question, lang: str) -> list[RenderableType]:
        lines: list[RenderableType] = [RichText(question.question(lang).strip(), style="bold")]
        lines.append(RichText(""))
        for letter, choice in zip("ABCD", question.choices, strict=False):
            lines.append(RichText(f"{letter}  {choice(lang).strip()}"))
        return lines

    def _quiz_panel(
        self,
        quiz: Quiz,
        lines: list[RenderableType],
        lang: str,
        *,
        number: int,
        right: int,
        asked: int,
    ) -> None:
        self._show(
            Group(*lines),
            title=labelled(
                lang,
                quiz.title(lang),
                t(lang, "Question {number} of {count}", number=number, count=len(quiz.questions)),
            ),
            subtitle=t(lang, "Right so far: {right} of {asked}", right=right, asked=asked),
        )

    def quiz_question(
        self, quiz: Quiz, question: Question, lang: str, *, number: int, right: int, asked: int
    ) -> None:
        lines = self._question(question, lang)
        self._quiz_panel(quiz, lines, lang, number=number, right=right, asked=asked)

    def quiz_answer(
        self,
        quiz: Quiz,
        question: Question,
        chosen: int,
        lang: str,
        *,
        number: int,
        right: int,
        asked: int,
    ) -> None:
        lines = self._question(question, lang)
        letter = "ABCD"[question.answer]
        if chosen == question.answer:
            verdict = t(lang, "Right: {letter}.", letter=letter)
        else:
            verdict = t(
                lang,
                "Not quite. The group chose {chosen}; the right answer is {letter}.",
                chosen="ABCD"[chosen],
                letter=letter,
            )
        lines += [
            RichText(""),
            RichText("-> " + verdict, style="bold"),
            RichText(question.explanation(lang).strip()),
        ]
        self._quiz_panel(quiz, lines, lang, number=number, right=right, asked=asked)

    def quiz_tally(self, quiz: Quiz, lang: str, *, right: int, asked: int) -> None:
        body = Group(
            RichText(
                tn(
                    lang,
                    "The group answered {right} of {asked} question right.",
                    "The group answered {right} of {asked} questions right.",
                    asked,
                    right=right,
                    asked=asked,
                ),
                style="bold",
            ),
            RichText(""),
            RichText(t(lang, "This tally is only on the screen; it is not saved."), style="italic"),
        )
        self._show(body, title=quiz.title(lang))


class PlainPresenterDisplay:
    """The workshop as linear text (`--plain`, SAFECHECK_PLAIN=1, TERM=dumb): no boxes, no
    colour, nothing cleared or redrawn, no escape sequences; one paragraph per line, so a
    screen reader or a braille display reads it in order."""

    def __init__(self, file: IO[str] | None = None) -> None:
        self._file = file

    def _lines(self, *lines: str) -> None:
        out = self._file if self._file is not None else sys.stdout
        out.write("\n".join(lines) + "\n")
        out.flush()

    def message(self, text: str) -> None:
        self._lines(text)

    def title_screen(self, workshop: Workshop, region: Region, lang: str) -> None:
        self._lines(
            "",
            workshop.title(lang),
            workshop.intro(lang).strip(),
            t(lang, "Help lines for: {region}", region=t(lang, labels.REGION[region.value])),
            t(lang, "Another region: safecheck workshop --region BE, NL or OTHER."),
            t(lang, "Workshop mode saves nothing on this computer."),
        )

    def slide(
        self,
        part: Part,
        slide: Slide,
        lang: str,
        *,
        part_number: int,
        part_count: int,
        slide_number: int,
        revealed: bool,
        helplines: tuple[HelpLine, ...] | None,
        region: Region,
    ) -> None:
        label = t(
            lang,
            "Part {number} of {count}: {title}",
            number=part_number,
            count=part_count,
            title=part.title(lang),
        )
        lines = ["", f"{label} ({slide_number}/{len(part.slides)})"]
        lines.append(slide.title(lang))
        if slide.body is not None:
            lines.append(slide.body(lang).strip())
        for line in slide.chat:
            text = line.text(lang).strip()
            lines.append(
                f"({text})"
                if line.speaker == NOTE
                else labelled(lang, part.speakers[line.speaker], text)
            )
        if slide.helplines:
            if helplines is None:
                region_name = t(lang, labels.REGION[region.value])
                lines.append(
                    t(
                        lang,
                        "The help lines for {region} are listed by:\n  safecheck helplines --region {code}",
                        region=region_name,
                        code=region.value,
                    )
                )
            else:
                lines += [
                    "- " + labelled(lang, line.name, f"{line.contact}. {line.note}")
                    for line in helplines
                ]
        if slide.question is not None:
            lines.append(slide.question(lang).strip())
        if slide.reveal is not None and revealed:
            lines.append(slide.reveal(lang).strip())
        self._lines(*lines)

    def _question(self, quiz: Quiz, question: Question, lang: str, number: int) -> list[str]:
        label = t(lang, "Question {number} of {count}", number=number, count=len(quiz.questions))
        lines = ["", labelled(lang, quiz.title(lang), label), question.question(lang).strip()]
        lines += [
            f"{letter}. {choice(lang).strip()}"
            for letter, choice in zip("ABCD", question.choices, strict=False)
        ]
        return lines

    def quiz_question(
        self, quiz: Quiz, question: Question, lang: str, *, number: int, right: int, asked: int
    ) -> None:
        lines = self._question(quiz, question, lang, number)
        self._lines(*lines, t(lang, "Right so far: {right} of {asked}", right=right, asked=asked))

    def quiz_answer(
        self,
        quiz: Quiz,
        question: Question,
        chosen: int,
        lang: str,
        *,
        number: int,
        right: int,
        asked: int,
    ) -> None:
        letter = "ABCD"[question.answer]
        if chosen == question.answer:
            verdict = t(lang, "Right: {letter}.", letter=letter)
        else:
            verdict = t(
                lang,
                "Not quite. The group chose {chosen}; the right answer is {letter}.",
                chosen="ABCD"[chosen],
                letter=letter,
            )
        self._lines(
            verdict,
            question.explanation(lang).strip(),
            t(lang, "Right so far: {right} of {asked}", right=right, asked=asked),
        )

    def quiz_tally(self, quiz: Quiz, lang: str, *, right: int, asked: int) -> None:
        self._lines(
            "",
            tn(
                lang,
                "The group answered {right} of {asked} question right.",
                "The group answered {right} of {asked} questions right.",
                asked,
                right=right,
                asked=asked,
            ),
            t(lang, "This tally is only on the screen; it is not saved."),
        )
