"""What a person sees. The only module that talks to rich."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import IO

from rich.console import Console, Group
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text as RichText

from safecheck.checklist import PLATFORMS, Checklist, Item, Priority, Section
from safecheck.i18n import t
from safecheck.progress import Summary
from safecheck.state import Answer
from safecheck.verify import Verification

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
