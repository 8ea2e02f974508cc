"""What a person sees. The only module that talks to rich."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text as RichText

from safecheck.checklist import PLATFORMS, Checklist, Item, Priority, Section
from safecheck.helplines import HelpLine, contact, one_line
from safecheck.i18n import t
from safecheck.progress import Summary

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
            RichText(f"{priority}", style=PRIORITY_STYLE[item.priority]),
            RichText(f"{t(lang, 'why')}: {item.why(lang)}"),
        )
        self.console.print(Panel(body, title=item.title(lang), title_align="left"))

    def how(self, item: Item, lang: str) -> None:
        parts: list[RichText] = [RichText(item.how(lang).strip())]
        for name, steps in item.platforms:
            parts.append(RichText(f"\n{PLATFORMS[name]}", style="bold"))
            parts.append(RichText(steps(lang).strip()))
        self.console.print(
            Panel(Group(*parts), title=f"{t(lang, 'how')}: {item.title(lang)}", title_align="left")
        )

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

    # Emergency plan, help lines, start screen and discretion (issue 3)

    def clear(self) -> None:
        """Start a fresh screen (only on a terminal)."""
        self.console.clear()

    def wipe(self) -> None:
        """Clear the screen and, where the terminal allows, its scrollback."""
        if self.console.is_terminal:
            self.console.clear()
            self.console.file.write("\x1b[3J")
            self.console.file.flush()

    def set_title(self, title: str) -> None:
        self.console.set_window_title(title)

    def start_screen(self, lang: str, region: str, footer: str) -> None:
        body = Group(
            RichText(t(lang, "region.shown", region=region)),
            RichText(t(lang, "start.hint"), style="bold"),
        )
        self.console.print(Panel(body, title=t(lang, "start.title"), title_align="left"))
        self.footer(footer)

    def footer(self, text: str) -> None:
        """The line that keeps emergency and suicide-prevention help in sight."""
        self.console.print(RichText(text, style="bold"))

    def crisis(self, title: str, message: str, lines: Sequence[HelpLine], lang: str) -> None:
        parts: list[RichText] = [RichText(message.strip())]
        for line in lines:
            parts.append(RichText(f"\n{line.name(lang)}", style="bold"))
            hours = f" ({line.hours(lang)})" if line.hours else ""
            parts.append(RichText(f"{contact(line, lang)}{hours}", style="bold"))
            parts.append(RichText(line.who(lang)))
        self.console.print(Panel(Group(*parts), title=title, title_align="left"))

    def step(self, item: Item, lang: str, *, answered: int, total: int) -> None:
        """A plan step: what to do, why and how, all at once."""
        bar = Table.grid(padding=(0, 1))
        bar.add_row(
            ProgressBar(total=max(total, 1), completed=answered, width=30),
            t(lang, "progress", answered=answered, total=total),
        )
        self.console.print(bar)
        parts: list[RenderableType] = [
            RichText(item.why(lang)),
            RichText(""),
            _bullets(item.how(lang)),
        ]
        if item.platforms:
            parts.append(RichText(""))
        for name, steps in item.platforms:  # one paragraph each, to fit more on a screen
            parts.append(RichText.assemble((PLATFORMS[name], "bold"), ": ", steps(lang).strip()))
        self.console.print(Panel(Group(*parts), title=item.title(lang), title_align="left"))

    def helpline_list(self, title: str, lines: Sequence[HelpLine], lang: str) -> None:
        self.console.print(RichText(title, style="bold"))
        for line in lines:
            self.console.print(_bullets(f"- {one_line(line, lang)}"))
            self.console.print(Padding(RichText(line.who(lang)), (0, 0, 0, 2)))

    def helpline_table(self, title: str, lines: Sequence[HelpLine], lang: str) -> None:
        """Name and hours, every way to reach a line, whom it is for and its source.

        Nothing is cut off: a narrow terminal folds a long address instead.
        """
        table = Table(title=title, title_justify="left", show_lines=True)
        table.add_column(t(lang, "helplines.name"), min_width=15, max_width=18, overflow="fold")
        table.add_column(t(lang, "helplines.contact"), min_width=24, overflow="fold")
        table.add_column(t(lang, "helplines.for"), ratio=1, overflow="fold")
        for line in lines:
            name = RichText(line.name(lang), style="bold")
            if line.hours:
                name.append(f"\n{line.hours(lang)}", style="")
            who = RichText(line.who(lang))
            who.append(f"\n{t(lang, 'helplines.source')}: {line.source}", style="dim")
            table.add_row(name, RichText(contact(line, lang, separator="\n")), who)
        self.console.print(table)

    def plan_summary(self, summary: Summary, lang: str) -> None:
        self.console.rule()
        self.console.print(t(lang, "plan.summary_done", done=summary.done, total=summary.total))
        still_open = [item for _, item in summary.checklist.items() if item in summary.open_items]
        if not still_open:
            self.console.print(t(lang, "plan.summary_all"))
            return
        self.console.print(t(lang, "plan.summary_open"))
        for number, item in enumerate(still_open, start=1):
            self.console.print(f"{number}. {item.title(lang)}", markup=False)


def _bullets(text: str) -> RenderableType:
    """Text whose lines may start with "- ", set as a list with hanging indents."""
    lines = text.strip().splitlines()
    if not any(line.startswith("- ") for line in lines):
        return RichText(text.strip())
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for line in lines:
        if line.startswith("- "):
            grid.add_row("-", RichText(line[2:]))
        else:
            grid.add_row("", RichText(line))
    return grid
