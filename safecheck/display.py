"""What a person sees. The only module that talks to rich."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import IO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text as RichText

from safecheck.checklist import PLATFORMS, Checklist, Item, Priority, Section
from safecheck.evidence import CopyStatus, Entry, FileCheck, FileStatus
from safecheck.i18n import t
from safecheck.progress import Summary
from safecheck.region import Region
from safecheck.state import Answer
from safecheck.verify import Verification
from safecheck.workshop import NOTE, HelpLine, Part, Question, Quiz, Slide, Workshop

PRIORITY_STYLE = {
    Priority.ESSENTIAL: "bold",
    Priority.RECOMMENDED: "",
    Priority.ADVANCED: "dim",
}


class Display:
    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(highlight=False)

    @classmethod
    def to(cls, file: IO[str] = sys.stdout) -> Display:
        return cls(Console(file=file, highlight=False))

    def message(self, text: str) -> None:
        self.console.print(text)

    def checklist_intro(self, checklist: Checklist, lang: str) -> None:
        self.console.print(
            Panel(checklist.intro(lang), title=checklist.title(lang), title_align="left")
        )

    def section(self, section: Section, lang: str) -> None:
        self.console.rule(section.title(lang), align="left")

    def item(self, item: Item, lang: str, *, answered: int, total: int) -> None:
        bar = Table.grid(padding=(0, 1))
        bar.add_row(
            ProgressBar(total=max(total, 1), completed=answered, width=30),
            t(lang, "progress", answered=answered, total=total),
        )
        self.console.print(bar)
        priority = t(lang, f"priority.{item.priority.value}")
        body = Group(
            RichText(item.title(lang), style="bold"),
            RichText(priority, style=PRIORITY_STYLE[item.priority]),
            RichText(f"{t(lang, 'why')}: {item.why(lang)}"),
        )
        self.console.print(Panel(body))

    def how(self, item: Item, lang: str) -> None:
        parts: list[RichText] = [
            RichText(f"{t(lang, 'how')}: {item.title(lang)}", style="bold"),
            RichText(item.how(lang).strip()),
        ]
        for name, steps in item.platforms:
            parts.append(RichText(f"\n{PLATFORMS[name]}", style="bold"))
            parts.append(RichText(steps(lang).strip()))
        self.console.print(Panel(Group(*parts)))

    def summary(self, summary: Summary, lang: str) -> None:
        table = Table(title=t(lang, "summary.title"), title_justify="left")
        table.add_column(t(lang, "summary.priority"))
        table.add_column(t(lang, "summary.done"), justify="right")
        table.add_column(t(lang, "summary.score"), justify="right")
        for score in summary.by_priority:
            table.add_row(
                t(lang, f"priority.{score.priority.value}"),
                f"{score.done} / {score.applicable}",
                f"{score.percent}%",
            )
        table.add_row(
            t(lang, "summary.overall"),
            f"{summary.done} / {summary.total - summary.not_for_me}",
            f"{summary.score}%",
            style="bold",
        )
        self.console.print(table)
        if not summary.next_steps:
            self.console.print(t(lang, "summary.nothing_open"))
            return
        self.console.print(t(lang, "summary.next"))
        for number, item in enumerate(summary.next_steps, start=1):
            priority = t(lang, f"priority.{item.priority.value}")
            self.console.print(f"{number}. [bold]{item.title(lang)}[/bold] ({priority})")
            first_step = item.how(lang).strip().splitlines()[0]
            self.console.print(f"   {first_step}")

    def status(self, summaries: Sequence[Summary], lang: str) -> None:
        if not summaries:
            self.console.print(t(lang, "status.none"))
            return
        table = Table(title=t(lang, "status.title"), title_justify="left")
        table.add_column(t(lang, "status.checklist"))
        table.add_column(t(lang, "status.answered"), justify="right")
        table.add_column(t(lang, "summary.done"), justify="right")
        table.add_column(t(lang, "status.open"))
        table.add_column(t(lang, "summary.score"), justify="right")
        for summary in summaries:
            table.add_row(
                f"{summary.checklist.title(lang)} ({summary.checklist.id})",
                f"{summary.answered} / {summary.total}",
                str(summary.done),
                open_by_priority(summary, lang),
                f"{summary.score}%",
            )
        self.console.print(table)

    def verification(self, result: Verification, lang: str) -> None:
        for line in verification_lines(result, lang):  # whole lines, so scripts can grep them
            self.console.print(line, markup=False, soft_wrap=True)

    # Evidence log

    def evidence_table(self, entries: Sequence[Entry], lang: str) -> None:
        """The log as a table, oldest first, so the newest is last, nearest the prompt."""
        from safecheck import evidence

        if not entries:
            self.console.print(t(lang, "evidence.list.empty"))
            return
        table = Table(title=t(lang, "evidence.list.title"), title_justify="left")
        table.add_column(t(lang, "evidence.field.id"), justify="right")
        table.add_column(t(lang, "evidence.field.when"), no_wrap=True)
        table.add_column(t(lang, "evidence.field.platform"))
        table.add_column(t(lang, "evidence.field.account"))
        table.add_column(t(lang, "evidence.field.demands"))
        table.add_column(t(lang, "evidence.field.files"), justify="right")
        for entry in entries:
            table.add_row(
                str(entry.id),
                evidence.format_when(entry.when),
                RichText(entry.platform or ""),
                RichText(entry.account or entry.phone or entry.profile_url or ""),
                ", ".join(t(lang, f"evidence.demand.{d.value}") for d in entry.demands),
                str(len(entry.files)),
            )
        self.console.print(table)

    def evidence_entry(self, entry: Entry, checks: Sequence[FileCheck], lang: str) -> None:
        """One entry in full, and for each file whether it is still as it was."""
        from safecheck import evidence
        from safecheck.export import entry_rows

        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column()
        for label, value in entry_rows(entry, lang):
            grid.add_row(label, RichText(value))
        if entry.note:
            grid.add_row(evidence.field_label(lang, "note"), RichText(entry.note))
        title = t(lang, "evidence.show.title", id=entry.id)
        self.console.print(Panel(grid, title=title, title_align="left"))
        for check in checks:
            self.console.print(self._file_check(check, lang))

    @staticmethod
    def _file_check(check: FileCheck, lang: str) -> RichText:
        a = check.attachment
        style = {
            FileStatus.UNCHANGED: "",
            FileStatus.CHANGED: "bold",
            FileStatus.MISSING: "bold",
            FileStatus.UNREADABLE: "bold",
        }[check.status]
        text = RichText()
        text.append(f"{a.name}\n", style="bold")
        text.append(f"  {a.path}\n")
        text.append(f"  SHA-256 {a.sha256}\n")
        text.append(f"  {t(lang, 'evidence.show.size', size=a.size)}\n")
        status = t(lang, f"evidence.file.{check.status.value}")
        if check.status is FileStatus.CHANGED and check.sha256_now:
            status += "\n  " + t(lang, "evidence.file.now", sha256=check.sha256_now)
        text.append(f"  {status}\n", style=style)
        if check.copy is not CopyStatus.NONE:
            copy_style = "" if check.copy is CopyStatus.INTACT else "bold"
            text.append(f"  {t(lang, f'evidence.copy.{check.copy.value}')}\n", style=copy_style)
        return text


def answer_word(answer: Answer | None, lang: str) -> str:
    """The status word of an answer, so nothing is told by colour alone."""
    return t(lang, f"state.{answer.value if answer is not None else 'unanswered'}")


def open_by_priority(summary: Summary, lang: str) -> str:
    parts = [
        f"{score.open} {t(lang, f'priority.{score.priority.value}').lower()}"
        for score in summary.by_priority
        if score.open
    ]
    return ", ".join(parts) if parts else t(lang, "status.nothing_open")


def verification_lines(result: Verification, lang: str) -> list[str]:
    checklist = result.summary.checklist
    verdict = "verify.met" if result.ok else "verify.not_met"
    lines = [t(lang, verdict, title=checklist.title(lang), id=checklist.id)]
    for check in result.checks:
        if check.priority is not None:
            name = t(lang, f"priority.{check.priority.value}").lower()
            key = "verify.priority_ok" if check.met else "verify.priority_open"
            lines.append("- " + t(lang, key, priority=name, count=len(check.missing)))
        else:
            key = "verify.score_ok" if check.met else "verify.score_low"
            lines.append("- " + t(lang, key, score=check.score, min_score=check.min_score))
    if result.missing:
        lines.append(t(lang, "verify.missing"))
        for item in result.missing:
            record = result.summary.answers.get(item.id)
            priority = t(lang, f"priority.{item.priority.value}")
            word = answer_word(record.answer if record else None, lang)
            lines.append(f"- {item.id}: {item.title(lang)} ({priority}, {word})")
    return lines


def plain_wanted(flag: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """Plain output: asked for with --plain or SAFECHECK_PLAIN=1, or a dumb terminal."""
    env = os.environ if environ is None else environ
    setting = env.get("SAFECHECK_PLAIN", "").strip().lower()
    return (
        flag
        or setting not in ("", "0", "false", "no", "off")
        or env.get("TERM", "").lower() in ("dumb", "unknown")
    )


def make_display(*, plain: bool = False, file: IO[str] | None = None) -> Display:
    """The display for this run; `file` is stdout unless given (stderr with --json)."""
    if plain:
        return PlainDisplay(plain_console(file))
    return Display(Console(file=file, highlight=False))


def plain_console(file: IO[str] | None = None) -> Console:
    """A console that writes text only: no colour, no styles, no escape sequences."""
    return Console(
        file=file,
        color_system=None,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
    )


class PlainDisplay(Display):
    """Linear text for screen readers and dumb terminals: no boxes, colour or bars.

    Every method of `Display` has a plain form here (a test checks that).
    """

    def _lines(self, *lines: str) -> None:
        for line in lines:
            self.console.print(line, markup=False, highlight=False)

    def message(self, text: str) -> None:
        self._lines(text)

    def checklist_intro(self, checklist: Checklist, lang: str) -> None:
        self._lines(checklist.title(lang), checklist.intro(lang).strip())

    def section(self, section: Section, lang: str) -> None:
        self._lines("", section.title(lang))

    def item(self, item: Item, lang: str, *, answered: int, total: int) -> None:
        priority = t(lang, f"priority.{item.priority.value}")
        self._lines(
            "",
            t(lang, "progress", answered=answered, total=total) + ".",
            item.title(lang),
            f"{t(lang, 'summary.priority')}: {priority}",
            f"{t(lang, 'why')}: {item.why(lang).strip()}",
        )

    def how(self, item: Item, lang: str) -> None:
        self._lines("", f"{t(lang, 'how')}: {item.title(lang)}", item.how(lang).strip())
        for name, steps in item.platforms:
            self._lines(f"{PLATFORMS[name]}: {steps(lang).strip()}")
        self._lines("")

    def summary(self, summary: Summary, lang: str) -> None:
        self._lines("", t(lang, "summary.title"))
        for score in summary.by_priority:
            self._lines(
                t(
                    lang,
                    "plain.summary_row",
                    name=t(lang, f"priority.{score.priority.value}"),
                    done=score.done,
                    applicable=score.applicable,
                    score=score.percent,
                )
            )
        self._lines(
            t(
                lang,
                "plain.summary_row",
                name=t(lang, "summary.overall"),
                done=summary.done,
                applicable=summary.total - summary.not_for_me,
                score=summary.score,
            )
        )
        if not summary.next_steps:
            self._lines(t(lang, "summary.nothing_open"))
            return
        self._lines(t(lang, "summary.next"))
        for number, item in enumerate(summary.next_steps, start=1):
            priority = t(lang, f"priority.{item.priority.value}")
            first_step = item.how(lang).strip().splitlines()[0]
            self._lines(f"{number}. {item.title(lang)} ({priority})", f"   {first_step}")

    def status(self, summaries: Sequence[Summary], lang: str) -> None:
        if not summaries:
            self._lines(t(lang, "status.none"))
            return
        self._lines(t(lang, "status.title"))
        for summary in summaries:
            self._lines(
                "",
                f"{summary.checklist.title(lang)} ({summary.checklist.id})",
                t(
                    lang,
                    "plain.status_row",
                    answered=summary.answered,
                    total=summary.total,
                    done=summary.done,
                    score=summary.score,
                ),
                f"{t(lang, 'status.open')}: {open_by_priority(summary, lang)}",
            )

    def verification(self, result: Verification, lang: str) -> None:
        self._lines(*verification_lines(result, lang))

    def evidence_table(self, entries: Sequence[Entry], lang: str) -> None:
        from safecheck import evidence

        if not entries:
            self._lines(t(lang, "evidence.list.empty"))
            return
        self._lines(t(lang, "evidence.list.title"))
        for entry in entries:
            facts = [evidence.format_when(entry.when)]
            facts += [v for v in (entry.platform, entry.account or entry.phone) if v]
            facts += [t(lang, f"evidence.demand.{d.value}") for d in entry.demands]
            facts.append(f"{evidence.field_label(lang, 'files')}: {len(entry.files)}")
            self._lines(f"{entry.id}. " + ", ".join(facts))

    def evidence_entry(self, entry: Entry, checks: Sequence[FileCheck], lang: str) -> None:
        from safecheck import evidence
        from safecheck.export import entry_rows

        self._lines(t(lang, "evidence.show.title", id=entry.id))
        self._lines(*(f"{label}: {value}" for label, value in entry_rows(entry, lang)))
        if entry.note:
            self._lines(f"{evidence.field_label(lang, 'note')}:", entry.note)
        for check in checks:
            self._lines("", *self._file_check(check, lang).plain.rstrip("\n").splitlines())


class PresenterDisplay:
    """The workshop as a group sees it on a projector: one large, clear panel per screen.

    Every screen is cleared first, so only the current slide is on the wall, and
    every slide fits an 80x24 terminal (a test renders each one at that size).
    """

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(highlight=False)

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
            RichText(t(lang, "workshop.region", region=t(lang, f"region.{region.value}"))),
            RichText(t(lang, "workshop.saves_nothing"), style="italic"),
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
                "workshop.part_label",
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
        region_name = t(lang, f"region.{region.value}")
        if helplines is None:
            return RichText(
                t(lang, "workshop.helplines_missing", region=region_name, code=region.value),
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
            title=f"{quiz.title(lang)}: "
            + t(lang, "quiz.label", number=number, count=len(quiz.questions)),
            subtitle=t(lang, "quiz.tally", right=right, asked=asked),
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
            verdict = t(lang, "quiz.right", letter=letter)
        else:
            verdict = t(lang, "quiz.wrong", chosen="ABCD"[chosen], letter=letter)
        lines += [
            RichText(""),
            RichText("-> " + verdict, style="bold"),
            RichText(question.explanation(lang).strip()),
        ]
        self._quiz_panel(quiz, lines, lang, number=number, right=right, asked=asked)

    def quiz_tally(self, quiz: Quiz, lang: str, *, right: int, asked: int) -> None:
        body = Group(
            RichText(t(lang, "quiz.final", right=right, asked=asked), style="bold"),
            RichText(""),
            RichText(t(lang, "quiz.not_saved"), style="italic"),
        )
        self._show(body, title=quiz.title(lang))
