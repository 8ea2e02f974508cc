"""What a person sees. The only module that talks to rich."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO

from rich.console import Console, Group
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text as RichText

from safecheck.checklist import PLATFORMS, Checklist, Item, Priority, Section
from safecheck.evidence import CopyStatus, Entry, FileCheck, FileStatus
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
