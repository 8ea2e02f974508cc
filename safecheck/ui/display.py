"""What a person sees. The only module that talks to rich."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, cast

from rich.console import Console, RenderHook
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from safecheck.content.checklist import PLATFORMS, Checklist, Item, Priority, Section
from safecheck.content.helplines import HelpLine as LineData  # workshop.HelpLine is another
from safecheck.content.helplines import contact, one_line
from safecheck.core import labels
from safecheck.core.errors import Interrupted, QuickExit
from safecheck.core.i18n import labelled, t, tn
from safecheck.progress.summary import Summary
from safecheck.progress.verify import Verification
from safecheck.ui.blocks import (
    Block,
    Box,
    Bullets,
    Field,
    Heading,
    HelpLines,
    KeyValues,
    Paragraph,
    Progress,
    Rule,
)
from safecheck.ui.blocks import Entry as TableEntry  # evidence.model.Entry is another
from safecheck.ui.blocks import (
    Table as Facts,
)
from safecheck.ui.keys import LEAVE_WORD, interrupts
from safecheck.ui.render import PlainRenderer, RichRenderer
from safecheck.ui.terminal import SafeRender, stdin_is_terminal
from safecheck.ui.terminal import plain_wanted as plain_wanted  # where callers look
from safecheck.ui.words import HINT_LIMIT as HINT_LIMIT  # where callers look
from safecheck.ui.words import (
    first_step,
    more_open,
    open_by_priority,
    verification_lines,
)

if TYPE_CHECKING:  # the evidence module loads only for the evidence views
    from safecheck.evidence.model import Entry, FileCheck

QUESTION_ROWS = 8  # a question after a screen: its line, its hint and up to six choices
PRIORITY_STYLE = {
    Priority.ESSENTIAL: "bold",
    Priority.RECOMMENDED: "",
    Priority.ADVANCED: "dim",
}


def escaping(console: Console) -> Console:
    """The console, with control characters in any text shown as `\\x1b` (terminal.safe_text)."""
    console.push_render_hook(cast("RenderHook", SafeRender()))
    return console


class Display:
    """What a person sees, described once as blocks (`blocks.py`) and drawn by a renderer:
    rich here, plain text in `PlainDisplay`."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = escaping(console or Console(highlight=False))
        self.renderer: RichRenderer | PlainRenderer = self._renderer(self.console)

    @staticmethod
    def _renderer(console: Console) -> RichRenderer | PlainRenderer:
        return RichRenderer(console)

    @classmethod
    def to(cls, file: IO[str] = sys.stdout) -> Display:
        return cls(Console(file=file, highlight=False))

    def draw(self, *blocks: Block) -> None:
        self.renderer.draw(*blocks)

    def paged(self, lang: str, *blocks: Block) -> None:
        """Draw `blocks`; in a terminal where they and the question after them would not
        fit, the first screenful, then "more: Enter", then the rest: no title scrolls away
        unread. Plain output is never paged (a screen reader reads it line by line)."""
        console = self.console
        if isinstance(self.renderer, PlainRenderer) or not console.is_terminal:
            self.draw(*blocks)
            return
        with console.capture() as captured:
            self.draw(*blocks)
        rows = captured.get().splitlines(keepends=True)
        if len(rows) + QUESTION_ROWS <= console.height or not stdin_is_terminal():
            console.file.write("".join(rows))
            console.file.flush()
            return
        first = max(console.height - 2, 1)
        console.file.write("".join(rows[:first]) + t(lang, "more: Enter") + " ")
        console.file.flush()
        with interrupts(console.file):
            typed = sys.stdin.readline()
        if not typed:
            raise Interrupted()
        if typed.strip() == LEAVE_WORD:
            raise QuickExit()
        console.file.write("".join(rows[first:]))
        console.file.flush()

    def message(self, text: str) -> None:
        self.draw(Paragraph(text))

    def checklist_intro(self, checklist: Checklist, lang: str) -> None:
        self.draw(Box(checklist.title(lang), (Paragraph(checklist.intro(lang).strip()),)))

    def section(self, section: Section, lang: str) -> None:
        self.draw(Rule(section.title(lang)))

    def item(self, item: Item, lang: str, *, answered: int, total: int) -> None:
        count = t(lang, "{answered} of {total} answered", answered=answered, total=total)
        priority = t(lang, labels.PRIORITY[item.priority.value])
        facts = ((t(lang, "Priority"), priority), (t(lang, "Why"), item.why(lang).strip()))
        self.draw(
            Progress(answered, total, count),
            Box("", (Heading(item.title(lang)), KeyValues(facts, lang))),
        )

    def how(self, item: Item, lang: str) -> None:
        parts: list[Block] = [
            Heading(labelled(lang, t(lang, "How"), item.title(lang))),
            Bullets(tuple(item.how(lang).strip().splitlines())),
        ]
        rows = tuple((PLATFORMS[name], steps(lang).strip()) for name, steps in item.platforms)
        if rows:
            parts.append(KeyValues(rows, lang))
        self.paged(lang, Box("", tuple(parts)))

    def summary(self, summary: Summary, lang: str) -> None:
        table = Table(title=t(lang, "Your summary"), title_justify="left")
        table.add_column(t(lang, "Priority"))
        table.add_column(t(lang, "done"), justify="right")
        table.add_column(t(lang, "Score"), justify="right")
        for score in summary.by_priority:
            table.add_row(
                t(lang, labels.PRIORITY[score.priority.value]),
                f"{score.done} / {score.applicable}",
                f"{score.percent}%",
            )
        table.add_row(
            t(lang, "Overall"),
            f"{summary.done} / {summary.total - summary.not_for_me}",
            f"{summary.score}%",
            style="bold",
        )
        self.console.print(table)
        if not summary.next_steps:
            self.console.print(t(lang, "Nothing important is open. Well done."))
            return
        self.console.print(t(lang, "The most important things still open:"))
        for number, item in enumerate(summary.next_steps, start=1):
            priority = t(lang, labels.PRIORITY[item.priority.value])
            title = RichText(f"{number}. ")
            title.append(item.title(lang), style="bold")
            title.append(f" ({priority})")
            self.console.print(title)
            self.console.print(f"   {first_step(item, lang)}", markup=False)
        if more_open(summary):
            self.console.print(
                tn(
                    lang,
                    "… and {count} more open (safecheck status shows them all).",
                    "… and {count} more open (safecheck status shows them all).",
                    more_open(summary),
                ),
                markup=False,
            )

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
        region_line = t(
            lang, "Region: {region}. The help lines shown are chosen by it.", region=region
        )
        threat = t(lang, "Is someone threatening you right now? Press Enter.")
        body = (Paragraph(region_line), Paragraph(threat, strong=True))
        self.draw(Box(t(lang, "safecheck: against sextortion"), body))
        if footer:  # empty: the crisis lines are on screen already, right above
            self.footer(footer)

    def footer(self, text: str) -> None:
        """The line that keeps emergency and suicide-prevention help in sight."""
        self.draw(HelpLines(tuple(text.splitlines())))

    def crisis(self, title: str, message: str, lines: Sequence[LineData], lang: str) -> None:
        """The message, then each line: how to reach it (bold) and whom it is for."""
        parts: list[Block] = [Paragraph(message.strip())]
        for line in lines:
            parts += [Paragraph(one_line(line, lang), strong=True), Paragraph(line.who(lang))]
        self.paged(lang, Box(title, tuple(parts)))

    def step(self, item: Item, lang: str, *, answered: int, total: int) -> None:
        """A plan step: what to do, why and how, all at once.

        The count goes in the box's lower edge, not on a line of its own: with its help
        lines, the crisis footer and the question, a step has to fit 24 rows of a terminal."""
        count = t(lang, "{answered} of {total} answered", answered=answered, total=total)
        how = Bullets(tuple(item.how(lang).strip().splitlines()))
        body = (Paragraph(item.why(lang).strip()), Paragraph(""), how)
        self.draw(Box(item.title(lang), body, note=count))

    def platforms(self, item: Item, lang: str) -> None:
        """A step's own steps on each platform, asked for after the step."""
        rows = tuple((PLATFORMS[name], steps(lang).strip()) for name, steps in item.platforms)
        self.paged(lang, Box(item.title(lang), (KeyValues(rows, lang),)))

    def helpline_list(self, title: str, lines: Sequence[LineData], lang: str) -> None:
        """One line each, to keep a step on one screen (`safecheck helplines` tells more)."""
        entries = tuple(f"- {one_line(line, lang)}" for line in lines)
        self.draw(Heading(title), Bullets(entries, compact=True))

    def helpline_table(self, title: str, lines: Sequence[LineData], lang: str) -> None:
        """Name and hours, every way to reach a line, whom it is for and its source.

        Nothing is cut off: below 80 columns each line is a stacked list of its facts."""
        entries = tuple(
            TableEntry(
                line.name(lang),
                line.hours(lang) if line.hours else "",
                (
                    Field(
                        t(lang, "Contact"), tuple(contact(line, lang, separator="\n").split("\n"))
                    ),
                    Field(t(lang, "For"), (line.who(lang),)),
                    Field(t(lang, "Source"), (line.source,), under=True),
                ),
            )
            for line in lines
        )
        self.draw(Facts(title, t(lang, "Name"), entries, lang))

    def plan_summary(self, summary: Summary, lang: str) -> None:
        done = tn(
            lang,
            "You have done {done} of {total} step.",
            "You have done {done} of {total} steps.",
            summary.total,
            done=summary.done,
            total=summary.total,
        )
        self.draw(Rule(), Paragraph(done))
        still_open = [item for _, item in summary.checklist.items() if item in summary.open_items]
        if not still_open:
            self.message(
                t(lang, "You have done every step. Keep asking for help whenever you need it.")
            )
            return
        numbered = tuple(f"{n}. {item.title(lang)}" for n, item in enumerate(still_open, 1))
        self.draw(Paragraph(t(lang, "Still open, in the order to take them:")), Bullets(numbered))

    def status(self, summaries: Sequence[Summary], lang: str) -> None:
        if not summaries:
            self.console.print(t(lang, "There are no checklists to show."))
            return
        table = Table(title=t(lang, "Your progress"), title_justify="left")
        table.add_column(t(lang, "Checklist"))
        table.add_column(t(lang, "Answered"), justify="right")
        table.add_column(t(lang, "done"), justify="right")
        table.add_column(t(lang, "Still open"))
        table.add_column(t(lang, "Score"), justify="right")
        for summary in summaries:
            started = summary.answered > 0  # never opened: no count and no score to tell
            table.add_row(
                f"{summary.checklist.title(lang)} ({summary.checklist.id})",
                f"{summary.answered} / {summary.total}" if started else t(lang, "not started"),
                str(summary.done) if started else "",
                open_by_priority(summary, lang),
                f"{summary.score}%" if started else "",
            )
        self.console.print(table)

    def verification(self, result: Verification, lang: str) -> None:
        for line in verification_lines(result, lang):  # whole lines, so scripts can grep them
            self.console.print(line, markup=False, soft_wrap=True)

    # Evidence log

    def evidence_table(self, entries: Sequence[Entry], lang: str) -> None:
        """The log as a table, oldest first, so the newest is last, nearest the prompt."""
        from safecheck.evidence import model

        if not entries:
            self.console.print(
                t(lang, "The evidence log is empty. Start it with: safecheck evidence add")
            )
            return
        table = Table(title=t(lang, "Your evidence log"), title_justify="left")
        table.add_column(t(lang, "Entry"), justify="right")
        table.add_column(t(lang, "When"), no_wrap=True)
        table.add_column(t(lang, "Platform"))
        table.add_column(t(lang, "Their account name"))
        table.add_column(t(lang, "What they asked for"))
        table.add_column(t(lang, "Files"), justify="right")
        for entry in entries:
            table.add_row(
                str(entry.id),
                model.format_when(entry.when),
                RichText(entry.platform or ""),
                RichText(entry.account or entry.phone or entry.profile_url or ""),
                ", ".join(t(lang, labels.DEMAND[d.value]) for d in entry.demands),
                str(len(entry.files)),
            )
        self.console.print(table)

    def evidence_entry(self, entry: Entry, checks: Sequence[FileCheck], lang: str) -> None:
        """One entry in full, and for each file whether it is still as it was."""
        from safecheck.evidence import model
        from safecheck.evidence.report import entry_rows

        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column()
        for label, value in entry_rows(entry, lang):
            grid.add_row(label, RichText(value))
        if entry.note:
            grid.add_row(model.field_label(lang, "note"), RichText(entry.note))
        title = t(lang, "Entry {id}", id=entry.id)
        self.console.print(Panel(grid, title=title, title_align="left"))
        for check in checks:
            self.console.print(self._file_check(check, lang))

    @staticmethod
    def _file_check(check: FileCheck, lang: str) -> RichText:
        from safecheck.evidence.model import FileStatus
        from safecheck.storage.copies import CopyStatus

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
        text.append(f"  {t(lang, '{size} bytes', size=a.size)}\n")
        status = t(lang, labels.FILE_STATUS[check.status.value])
        if check.status is FileStatus.CHANGED and check.sha256_now:
            status += "\n  " + t(lang, "SHA-256 now {sha256}", sha256=check.sha256_now)
        text.append(f"  {status}\n", style=style)
        if check.copy is not CopyStatus.NONE:
            copy_style = "" if check.copy is CopyStatus.INTACT else "bold"
            text.append(f"  {t(lang, labels.COPY_STATUS[check.copy.value])}\n", style=copy_style)
        return text


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

    The screens described as blocks are drawn by the plain renderer; the others have a
    plain form here.
    """

    @staticmethod
    def _renderer(console: Console) -> RichRenderer | PlainRenderer:
        return PlainRenderer(console)

    def _lines(self, *lines: str) -> None:
        for line in lines:
            self.console.print(line, markup=False, highlight=False)

    def summary(self, summary: Summary, lang: str) -> None:
        self._lines("", t(lang, "Your summary"))
        for score in summary.by_priority:
            self._lines(
                t(
                    lang,
                    "{name}: {done} of {applicable} done, score {score}%",
                    name=t(lang, labels.PRIORITY[score.priority.value]),
                    done=score.done,
                    applicable=score.applicable,
                    score=score.percent,
                )
            )
        self._lines(
            t(
                lang,
                "{name}: {done} of {applicable} done, score {score}%",
                name=t(lang, "Overall"),
                done=summary.done,
                applicable=summary.total - summary.not_for_me,
                score=summary.score,
            )
        )
        if not summary.next_steps:
            self._lines(t(lang, "Nothing important is open. Well done."))
            return
        self._lines(t(lang, "The most important things still open:"))
        for number, item in enumerate(summary.next_steps, start=1):
            priority = t(lang, labels.PRIORITY[item.priority.value])
            self._lines(
                f"{number}. {item.title(lang)} ({priority})", f"   {first_step(item, lang)}"
            )
        if more_open(summary):
            self._lines(
                tn(
                    lang,
                    "… and {count} more open (safecheck status shows them all).",
                    "… and {count} more open (safecheck status shows them all).",
                    more_open(summary),
                )
            )

    def status(self, summaries: Sequence[Summary], lang: str) -> None:
        if not summaries:
            self._lines(t(lang, "There are no checklists to show."))
            return
        self._lines(t(lang, "Your progress"))
        for summary in summaries:
            self._lines(
                "",
                f"{summary.checklist.title(lang)} ({summary.checklist.id})",
                t(
                    lang,
                    "{answered} of {total} answered, {done} done, score {score}%",
                    answered=summary.answered,
                    total=summary.total,
                    done=summary.done,
                    score=summary.score,
                )
                if summary.answered
                else t(lang, "not started"),
                labelled(lang, t(lang, "Still open"), open_by_priority(summary, lang)),
            )

    def verification(self, result: Verification, lang: str) -> None:
        self._lines(*verification_lines(result, lang))

    def evidence_table(self, entries: Sequence[Entry], lang: str) -> None:
        from safecheck.evidence import model

        if not entries:
            self._lines(t(lang, "The evidence log is empty. Start it with: safecheck evidence add"))
            return
        self._lines(t(lang, "Your evidence log"))
        for entry in entries:
            facts = [model.format_when(entry.when)]
            facts += [v for v in (entry.platform, entry.account or entry.phone) if v]
            facts += [t(lang, labels.DEMAND[d.value]) for d in entry.demands]
            facts.append(labelled(lang, model.field_label(lang, "files"), len(entry.files)))
            self._lines(f"{entry.id}. " + ", ".join(facts))

    def evidence_entry(self, entry: Entry, checks: Sequence[FileCheck], lang: str) -> None:
        from safecheck.evidence import model
        from safecheck.evidence.report import entry_rows

        self._lines(t(lang, "Entry {id}", id=entry.id))
        self._lines(*(labelled(lang, label, value) for label, value in entry_rows(entry, lang)))
        if entry.note:
            self._lines(f"{model.field_label(lang, 'note')}:", entry.note)
        for check in checks:
            self._lines("", *self._file_check(check, lang).plain.rstrip("\n").splitlines())

    # Emergency plan, help lines, start screen and discretion (issue 3)

    def clear(self) -> None:
        """Nothing is redrawn in plain output."""

    def wipe(self) -> None:
        """Plain output writes no escape sequences, so it cannot clear the screen."""

    def set_title(self, title: str) -> None:
        """Plain output writes no escape sequences, so the title stays."""
