"""What a person sees. The only module that talks to rich."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, cast

from rich.console import Console, RenderHook

from safecheck.content.checklist import PLATFORMS, Checklist, Item, Section
from safecheck.core import labels
from safecheck.core.errors import Interrupted, QuickExit
from safecheck.core.i18n import labelled, t, tn
from safecheck.core.reach import contact, one_line
from safecheck.progress.summary import Summary
from safecheck.ui import blocks
from safecheck.ui.keys import LEAVE_WORD, interrupts
from safecheck.ui.render import PlainRenderer, Renderer, RichRenderer
from safecheck.ui.terminal import SafeRender, stdin_is_terminal
from safecheck.ui.terminal import plain_wanted as plain_wanted  # where callers look
from safecheck.ui.words import HINT_LIMIT as HINT_LIMIT  # where callers look
from safecheck.ui.words import (
    first_step,
    more_open,
    open_by_priority,
    verification_lines,
)

if TYPE_CHECKING:  # these load only for the views that show them, not before a question
    from safecheck.content.helplines import HelpLine as LineData  # workshop.HelpLine: another
    from safecheck.evidence.model import Entry, FileCheck
    from safecheck.progress.verify import Verification

QUESTION_ROWS = 8  # a question after a screen: its line, its hint and up to six choices


def rich_console(file: IO[str] | None = None) -> Console:
    """A console for boxes, bold and bars that shows every text as it is: square brackets
    are not read as rich's markup (a custom checklist's "[/]" ended in a traceback, "[red]"
    coloured it) and ":name:" is not an emoji."""
    return Console(file=file, highlight=False, markup=False, emoji=False)


def escaping(console: Console) -> Console:
    """The console, with control characters in any text shown as `\\x1b` (terminal.safe_text)."""
    console.push_render_hook(cast("RenderHook", SafeRender()))
    return console


class Display:
    """What a person sees, described once as blocks (`blocks.py`) and drawn by a renderer:
    rich here, plain text in `PlainDisplay`."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = escaping(console or rich_console())
        self.renderer: Renderer = self._renderer(self.console)

    @staticmethod
    def _renderer(console: Console) -> Renderer:
        return RichRenderer(console)

    @classmethod
    def to(cls, file: IO[str] = sys.stdout) -> Display:
        return cls(rich_console(file))

    def draw(self, *shown: blocks.Block) -> None:
        self.renderer.draw(*shown)

    def paged(self, lang: str, *shown: blocks.Block) -> None:
        """Draw `shown`; in a terminal where they and the question after them would not
        fit, the first screenful, then "more: Enter", then the rest: no title scrolls away
        unread. Plain output is never paged (a screen reader reads it line by line)."""
        console = self.console
        if isinstance(self.renderer, PlainRenderer) or not console.is_terminal:
            self.draw(*shown)
            return
        with console.capture() as captured:
            self.draw(*shown)
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
        self.draw(blocks.Paragraph(text))

    def checklist_intro(self, checklist: Checklist, lang: str) -> None:
        self.draw(
            blocks.Box(checklist.title[lang], (blocks.Paragraph(checklist.intro[lang].strip()),))
        )

    def section(self, section: Section, lang: str) -> None:
        self.draw(blocks.Rule(section.title[lang]))

    def item(self, item: Item, lang: str, *, answered: int, total: int) -> None:
        count = t(lang, "{answered} of {total} answered", answered=answered, total=total)
        priority = t(lang, labels.PRIORITY[item.priority.value])
        facts = ((t(lang, "Priority"), priority), (t(lang, "Why"), item.why[lang].strip()))
        self.draw(
            blocks.Progress(answered, total, count),
            blocks.Box("", (blocks.Heading(item.title[lang]), blocks.KeyValues(facts, lang))),
        )

    def how(self, item: Item, lang: str) -> None:
        parts: list[blocks.Block] = [
            blocks.Heading(labelled(lang, t(lang, "How"), item.title[lang])),
            blocks.Bullets(tuple(item.how[lang].strip().splitlines())),
        ]
        rows = tuple((PLATFORMS[name], steps[lang].strip()) for name, steps in item.platforms)
        if rows:
            parts.append(blocks.KeyValues(rows, lang))
        self.paged(lang, blocks.Box("", tuple(parts)))

    def summary(self, summary: Summary, lang: str) -> None:
        """The score by priority, then the most important open items, each with its first
        step."""

        def row(
            name: str, done: int, applicable: int, score: int, *, strong: bool = False
        ) -> blocks.Row:
            said = t(
                lang,
                "{name}: {done} of {applicable} done, score {score}%",
                name=name,
                done=done,
                applicable=applicable,
                score=score,
            )
            return blocks.Row((name, f"{done} / {applicable}", f"{score}%"), (said,), strong=strong)

        rows = [
            row(
                t(lang, labels.PRIORITY[each.priority.value]),
                each.done,
                each.applicable,
                each.percent,
            )
            for each in summary.by_priority
        ]
        applicable = summary.total - summary.not_for_me
        rows.append(row(t(lang, "Overall"), summary.done, applicable, summary.score, strong=True))
        columns = (
            blocks.Column(t(lang, "Priority")),
            blocks.Column(t(lang, "done"), figures=True),
            blocks.Column(t(lang, "Score"), figures=True),
        )
        screen: list[blocks.Block] = [
            blocks.Paragraph(""),
            blocks.Grid(t(lang, "Your summary"), columns, tuple(rows)),
        ]
        if not summary.next_steps:
            screen.append(blocks.Paragraph(t(lang, "Nothing important is open. Well done.")))
        else:
            screen.append(blocks.Paragraph(t(lang, "The most important things still open:")))
            for number, item in enumerate(summary.next_steps, start=1):
                priority = t(lang, labels.PRIORITY[item.priority.value])
                screen += [
                    blocks.Paragraph(f"{number}. {item.title[lang]} ({priority})", strong=True),
                    blocks.Paragraph(f"   {first_step(item, lang)}"),
                ]
            if more_open(summary):
                more = tn(
                    lang,
                    "… and {count} more open (safecheck status shows them all).",
                    "… and {count} more open (safecheck status shows them all).",
                    more_open(summary),
                )
                screen.append(blocks.Paragraph(more))
        self.draw(*screen)

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
        body = (blocks.Paragraph(region_line), blocks.Paragraph(threat, strong=True))
        self.draw(blocks.Box(t(lang, "safecheck: against sextortion"), body))
        if footer:  # empty: the crisis lines are on screen already, right above
            self.footer(footer)

    def footer(self, text: str) -> None:
        """The line that keeps emergency and suicide-prevention help in sight."""
        self.draw(blocks.HelpLines(tuple(text.splitlines())))

    def crisis(self, title: str, message: str, lines: Sequence[LineData], lang: str) -> None:
        """The message, then each line: how to reach it (bold) and whom it is for."""
        parts: list[blocks.Block] = [blocks.Paragraph(message.strip())]
        for line in lines:
            parts += [
                blocks.Paragraph(one_line(line, lang), strong=True),
                blocks.Paragraph(line.who[lang]),
            ]
        self.paged(lang, blocks.Box(title, tuple(parts)))

    def step(self, item: Item, lang: str, *, answered: int, total: int) -> None:
        """A plan step: what to do, why and how, all at once.

        The count goes in the box's lower edge, not on a line of its own: with its help
        lines, the crisis footer and the question, a step has to fit 24 rows of a terminal."""
        count = t(lang, "{answered} of {total} answered", answered=answered, total=total)
        how = blocks.Bullets(tuple(item.how[lang].strip().splitlines()))
        body = (blocks.Paragraph(item.why[lang].strip()), blocks.Paragraph(""), how)
        self.draw(blocks.Box(item.title[lang], body, note=count))

    def platforms(self, item: Item, lang: str) -> None:
        """A step's own steps on each platform, asked for after the step."""
        rows = tuple((PLATFORMS[name], steps[lang].strip()) for name, steps in item.platforms)
        self.paged(lang, blocks.Box(item.title[lang], (blocks.KeyValues(rows, lang),)))

    def helpline_list(self, title: str, lines: Sequence[LineData], lang: str) -> None:
        """One line each, to keep a step on one screen (`safecheck helplines` tells more)."""
        entries = tuple(f"- {one_line(line, lang)}" for line in lines)
        self.draw(blocks.Heading(title), blocks.Bullets(entries, compact=True))

    def helpline_table(self, title: str, lines: Sequence[LineData], lang: str) -> None:
        """Name and hours, every way to reach a line, whom it is for and its source.

        Nothing is cut off: below 80 columns each line is a stacked list of its facts."""
        entries = tuple(
            blocks.Entry(
                line.name[lang],
                (
                    blocks.Field(
                        t(lang, "Contact"), tuple(contact(line, lang, separator="\n").split("\n"))
                    ),
                    blocks.Field(t(lang, "For"), (line.who[lang],)),
                    blocks.Field(t(lang, "Source"), (line.source,), under=True),
                ),
                note=line.hours[lang] if line.hours else "",
            )
            for line in lines
        )
        self.draw(blocks.Table(title, t(lang, "Name"), entries, lang))

    def plan_summary(self, summary: Summary, lang: str) -> None:
        done = tn(
            lang,
            "You have done {done} of {total} step.",
            "You have done {done} of {total} steps.",
            summary.total,
            done=summary.done,
            total=summary.total,
        )
        self.draw(blocks.Rule(), blocks.Paragraph(done))
        still_open = [item for _, item in summary.checklist.items() if item in summary.open_items]
        if not still_open:
            self.message(
                t(lang, "You have done every step. Keep asking for help whenever you need it.")
            )
            return
        numbered = tuple(f"{n}. {item.title[lang]}" for n, item in enumerate(still_open, 1))
        self.draw(
            blocks.Paragraph(t(lang, "Still open, in the order to take them:")),
            blocks.Bullets(numbered),
        )

    def status(self, summaries: Sequence[Summary], lang: str) -> None:
        """Each checklist: how much is answered and done, what is still open, its score; a
        checklist never opened says "not started" (no count, no score of 0%)."""
        if not summaries:
            self.message(t(lang, "There are no checklists to show."))
            return
        rows = []
        for summary in summaries:
            started = summary.answered > 0
            name = f"{summary.checklist.title[lang]} ({summary.checklist.id})"
            still_open = open_by_priority(summary, lang)
            said = (
                t(
                    lang,
                    "{answered} of {total} answered, {done} done, score {score}%",
                    answered=summary.answered,
                    total=summary.total,
                    done=summary.done,
                    score=summary.score,
                )
                if started
                else t(lang, "not started")
            )
            cells = (
                name,
                f"{summary.answered} / {summary.total}" if started else t(lang, "not started"),
                str(summary.done) if started else "",
                still_open,
                f"{summary.score}%" if started else "",
            )
            lines = ("", name, said, labelled(lang, t(lang, "Still open"), still_open))
            rows.append(blocks.Row(cells, lines))
        columns = (
            blocks.Column(t(lang, "Checklist")),
            blocks.Column(t(lang, "Answered"), figures=True),
            blocks.Column(t(lang, "done"), figures=True),
            blocks.Column(t(lang, "Still open")),
            blocks.Column(t(lang, "Score"), figures=True),
        )
        self.draw(blocks.Grid(t(lang, "Your progress"), columns, tuple(rows)))

    def verification(self, result: Verification, lang: str) -> None:
        self.draw(
            blocks.Lines(tuple(verification_lines(result, lang)))
        )  # whole, so scripts grep them

    # Evidence log

    def evidence_table(self, entries: Sequence[Entry], lang: str) -> None:
        """The log as a table, oldest first, so the newest is last, nearest the prompt."""
        from safecheck.evidence import model

        if not entries:
            self.message(
                t(lang, "The evidence log is empty. Start it with: safecheck evidence add")
            )
            return
        rows = []
        for entry in entries:
            when = model.format_when(entry.when)
            account = entry.account or entry.phone or entry.profile_url or ""
            demands = [t(lang, labels.DEMAND[d.value]) for d in entry.demands]
            cells = (str(entry.id), when, entry.platform or "", account, ", ".join(demands))
            facts = [when, *(v for v in (entry.platform, entry.account or entry.phone) if v)]
            facts += [*demands, labelled(lang, model.field_label(lang, "files"), len(entry.files))]
            said = f"{entry.id}. " + ", ".join(facts)
            rows.append(blocks.Row((*cells, str(len(entry.files))), (said,)))
        columns = (
            blocks.Column(t(lang, "Entry"), figures=True),
            blocks.Column(t(lang, "When"), whole=True),
            blocks.Column(t(lang, "Platform")),
            blocks.Column(t(lang, "Their account name")),
            blocks.Column(t(lang, "What they asked for")),
            blocks.Column(t(lang, "Files"), figures=True),
        )
        self.draw(blocks.Grid(t(lang, "Your evidence log"), columns, tuple(rows)))

    def evidence_entry(self, entry: Entry, checks: Sequence[FileCheck], lang: str) -> None:
        """One entry in full, and for each file whether it is still as it was."""
        from safecheck.evidence import model
        from safecheck.evidence.report import entry_rows

        rows = list(entry_rows(entry, lang))
        if entry.note:
            rows.append((model.field_label(lang, "note"), entry.note))
        screen: list[blocks.Block] = [
            blocks.Box(t(lang, "Entry {id}", id=entry.id), (blocks.KeyValues(tuple(rows), lang),))
        ]
        for check in checks:
            screen += [blocks.Paragraph(""), *self._file_check(check, lang)]
        self.draw(*screen)

    @staticmethod
    def _file_check(check: FileCheck, lang: str) -> list[blocks.Block]:
        from safecheck.evidence.model import FileStatus
        from safecheck.storage.copies import CopyStatus

        a = check.attachment
        status = t(lang, labels.FILE_STATUS[check.status.value])
        if check.status is FileStatus.CHANGED and check.sha256_now:
            status += "\n  " + t(lang, "SHA-256 now {sha256}", sha256=check.sha256_now)
        screen: list[blocks.Block] = [
            blocks.Paragraph(a.name, strong=True),
            blocks.Paragraph(
                f"  {a.path}\n  SHA-256 {a.sha256}\n  {t(lang, '{size} bytes', size=a.size)}"
            ),
            blocks.Paragraph(f"  {status}", strong=check.status is not FileStatus.UNCHANGED),
        ]
        if check.copy is not CopyStatus.NONE:
            copied = t(lang, labels.COPY_STATUS[check.copy.value])
            screen.append(
                blocks.Paragraph(f"  {copied}", strong=check.copy is not CopyStatus.INTACT)
            )
        return screen


def make_display(*, plain: bool = False, file: IO[str] | None = None) -> Display:
    """The display for this run; `file` is stdout unless given (stderr with --json)."""
    if plain:
        return PlainDisplay(plain_console(file))
    return Display(rich_console(file))


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

    The same screens as `Display`, drawn by the plain renderer; only what would need
    escape sequences (clearing, a window title) does nothing here.
    """

    @staticmethod
    def _renderer(console: Console) -> Renderer:
        return PlainRenderer(console)

    # Emergency plan, help lines, start screen and discretion (issue 3)

    def clear(self) -> None:
        """Nothing is redrawn in plain output."""

    def wipe(self) -> None:
        """Plain output writes no escape sequences, so it cannot clear the screen."""

    def set_title(self, title: str) -> None:
        """Plain output writes no escape sequences, so the title stays."""
