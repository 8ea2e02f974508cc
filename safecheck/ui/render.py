"""The two renderers of a screen's blocks (`blocks.py`): rich, and plain linear text.

Both wrap on words at the console's width and keep numbers whole (`blocks.whole`). The rich
renderer draws boxes, bars and tables, and stacks a table's rows below its `min_width`; the
plain one writes lines only, with no escape sequences, wrapped on words in a terminal and
left whole in a pipe (so scripts and screen readers get each line as one).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.rule import Rule as RichRule
from rich.segment import Segment
from rich.text import Text as RichText

from safecheck.core.i18n import labelled
from safecheck.ui.blocks import (
    Block,
    Box,
    Bullets,
    Chat,
    Entry,
    Grid,
    Heading,
    HelpLines,
    KeyValues,
    Lines,
    Paragraph,
    Progress,
    Rule,
    Table,
)
from safecheck.ui.terminal import whole, written
from safecheck.ui.words import in_rows

if TYPE_CHECKING:
    from rich.table import Table as RichTable


BAR = 30  # the width of a progress bar


def rich_table() -> type[RichTable]:
    """rich's Table, loaded where a screen has one (a list, a grid, a chat): with the
    `fractions` and `decimal` it loads, ~3 ms that the first question's screen does without."""
    from rich.table import Table

    return Table


class Counted:
    """A progress bar with its count beside it, as a grid of two columns draws them: on one
    line when both fit, else through the grid itself (the count wraps beside the bar)."""

    def __init__(self, bar: ProgressBar, label: str) -> None:
        self.bar = bar
        self.label = label

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if BAR + 1 + cell_len(self.label) > options.max_width:
            grid = rich_table().grid(padding=(0, 1))
            grid.add_row(self.bar, self.label)
            yield grid
            return
        bar = list(console.render(self.bar, options.update(width=BAR)))
        yield from bar  # without colours, the bar's empty part is not drawn: the grid pads it
        yield Segment(" " * (BAR - Segment.get_line_length(bar) + 1))
        yield from console.render(RichText(self.label), options)


def stacked(table: Table) -> list[Block]:
    """A table as stacked blocks: each entry's title, then its fields as key-value rows."""
    blocks: list[Block] = [Heading(table.title)] if table.title else []
    for entry in table.entries:
        title = f"{entry.title} ({entry.note})" if entry.note else entry.title
        rows = tuple((field.key, " · ".join(field.lines)) for field in entry.fields)
        blocks += [Paragraph(""), Heading(title), KeyValues(rows, table.lang)]
    return blocks


class Renderer:
    """Draws a screen's blocks on a console, one after the other."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def draw(self, *blocks: Block) -> None:
        for block in blocks:
            self._draw(block)

    def _draw(self, block: Block) -> None:
        raise NotImplementedError


class RichRenderer(Renderer):
    """Boxes, bold and dim, bars and tables."""

    def _draw(self, block: Block) -> None:
        if isinstance(block, Table) and self.console.width < block.min_width:
            self.draw(*stacked(block))
        elif isinstance(block, Lines):  # soft wrap: the terminal folds a long one
            for line in block.lines:
                self.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            self.console.print(self.renderable(block))

    def width(self) -> int:
        return self.console.width - 1

    def renderable(self, block: Block) -> RenderableType:
        if isinstance(block, Heading):
            return RichText(whole(block.text), style="bold", overflow="fold")
        if isinstance(block, Paragraph):
            style = "bold" if block.strong else "italic" if block.aside else ""
            return RichText(whole(block.text), style=style, overflow="fold")
        if isinstance(block, Chat):
            return self._chat(block)
        if isinstance(block, HelpLines):
            return RichText(whole("\n".join(block.lines)), style="bold", overflow="fold")
        if isinstance(block, Bullets):
            return self._bullets(block)
        if isinstance(block, KeyValues):
            return RichText("\n").join(
                RichText.assemble((whole(key), "bold"), whole(labelled(block.lang, "", value)))
                for key, value in block.rows
            )
        if isinstance(block, Progress):
            bar = ProgressBar(total=max(block.total, 1), completed=block.done, width=BAR)
            return Counted(bar, block.label)
        if isinstance(block, Rule):
            return RichRule(block.title, align="left") if block.title else RichRule()
        if isinstance(block, Grid):
            return self._grid(block)
        if isinstance(block, Lines):
            return RichText("\n".join(block.lines))
        if isinstance(block, Box) and block.projected:
            return Panel(
                Group(*self._inside(block.blocks)),
                title=RichText(f" {block.title} ", style="bold"),
                title_align="left",
                subtitle=RichText(f" {block.note} ") if block.note else None,
                subtitle_align="right",
                box=box.HEAVY,
                padding=(1, 2),
            )
        if isinstance(block, Box):
            return Panel(  # rich reads a title given as str as markup: a Text is as written
                Group(*self._inside(block.blocks)),
                title=RichText(whole(block.title)) if block.title else None,
                title_align="left",
                subtitle=RichText(block.note) if block.note else None,
                subtitle_align="right",
            )
        return self._table(block)

    def _inside(self, blocks: Iterable[Block]) -> list[RenderableType]:
        """What a box holds: a table in it is always stacked (a box is narrower)."""
        inside: list[RenderableType] = []
        for block in blocks:
            parts = stacked(block) if isinstance(block, Table) else [block]
            inside += [self.renderable(part) for part in parts]
        return inside

    def _bullets(self, block: Bullets) -> RenderableType:
        grid = rich_table().grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        style = "bold" if block.strong else ""
        items = block.items
        if block.compact:  # short neighbours share a row when both fit the width
            items = tuple(in_rows([item.removeprefix("- ") for item in items], self.width()))
        for item in items:
            marker, text = ("-", item[2:]) if item.startswith("- ") else ("", item)
            grid.add_row(marker, RichText(whole(text), style=style, overflow="fold"))
        return grid

    @staticmethod
    def _grid(block: Grid) -> RenderableType:
        """Columns as wide as their figures; a long value folds, so nothing is cut off."""
        table = rich_table()(title=block.title, title_justify="left")
        for column in block.columns:
            justify: Literal["left", "right"] = "right" if column.figures else "left"
            table.add_column(column.name, justify=justify, no_wrap=column.whole)
        for row in block.rows:
            table.add_row(
                *(RichText(whole(cell), overflow="fold") for cell in row.cells),
                style="bold" if row.strong else "",
            )
        return table

    @staticmethod
    def _chat(block: Chat) -> RenderableType:
        grid = rich_table().grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column()
        for who, text in block.lines:
            if not who:
                grid.add_row(RichText(""), RichText(f"({text})", style="italic"))
                continue
            style = "bold" if who == block.them else "bold italic"
            grid.add_row(RichText(f"{who} >", style=style), RichText(whole(text)))
        return grid

    @staticmethod
    def _table(block: Table) -> RenderableType:
        table = rich_table()(title=block.title, title_justify="left", show_lines=True)
        table.add_column(block.first, min_width=15, max_width=18, overflow="fold")
        columns = [field.key for field in block.entries[0].fields if not field.under]
        for number, key in enumerate(columns):
            last = number == len(columns) - 1
            table.add_column(key, ratio=1 if last else None, min_width=24, overflow="fold")
        for entry in block.entries:
            table.add_row(*_cells(entry, block.lang))
        return table


def _cells(entry: Entry, lang: str) -> list[RichText]:
    name = RichText(whole(entry.title), style="bold")
    if entry.note:
        name.append("\n" + whole(entry.note), style="")
    cells = [name]
    for field in entry.fields:
        if field.under:
            cells[-1].append(
                "\n" + whole(labelled(lang, field.key, " ".join(field.lines))), style="dim"
            )
        else:
            cells.append(RichText(whole("\n".join(field.lines))))
    return cells


class PlainRenderer(Renderer):
    """Lines of text: no boxes, colour or bars; what a screen reader reads in order."""

    def _draw(self, block: Block) -> None:
        for line in self.lines(block):
            self.console.print(line, markup=False, highlight=False)

    def lines(self, block: Block) -> list[str]:
        if isinstance(block, Heading | Paragraph):
            return self._wrap(block.text)
        if isinstance(block, HelpLines):
            return [part for line in block.lines for part in self._wrap(line)]
        if isinstance(block, Bullets):
            indent = "  " if any(item.startswith("- ") for item in block.items) else ""
            return [part for item in block.items for part in self._wrap(item, indent=indent)]
        if isinstance(block, KeyValues):
            return [
                part
                for key, value in block.rows
                for part in self._wrap(labelled(block.lang, key, value))
            ]
        if isinstance(block, Progress):
            return ["", block.label + "."]
        if isinstance(block, Rule):
            return [""] + ([block.title] if block.title else [])
        if isinstance(block, Grid):
            said = [line for row in block.rows for line in row.said]
            return [*self._wrap(block.title), *(part for line in said for part in self._wrap(line))]
        if isinstance(block, Lines):
            return list(block.lines)  # whole, for scripts
        if isinstance(block, Chat):
            return [
                part
                for who, text in block.lines
                for part in self._wrap(labelled(block.lang, who, text) if who else f"({text})")
            ]
        if isinstance(block, Box):
            inner = [line for each in block.blocks for line in self.lines(each)]
            if block.projected:  # "Part 1 of 5: Title (1/9)"
                note = f" ({block.note.replace(' / ', '/')})" if block.note else ""  # (1/5)
                return ["", *self._wrap(block.title + note), *inner]
            note_lines = [block.note + "."] if block.note else []
            title = self._wrap(block.title) if block.title else []
            return ([""] if note_lines or title else []) + note_lines + title + inner
        return [line for part in stacked(block) for line in self.lines(part)] + [""]

    def _wrap(self, text: str, indent: str = "") -> list[str]:
        """Each line of `text` wrapped on words in a terminal (whole in a pipe)."""
        lines = whole(text.strip("\n")).split("\n") if text.strip() else [""]
        if not self.console.is_terminal:
            return [written(line) for line in lines]
        width = max(self.console.width - 1, 20)
        return [
            written(part)
            for line in lines
            for part in textwrap.wrap(
                line,
                width,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            or [""]
        ]
