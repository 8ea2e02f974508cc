"""One description of a screen: a few kinds of block, drawn by a rich or a plain renderer.

A view builds a tuple of blocks (a heading, paragraphs, a list, key-value rows, a table, a
grid of figures, a progress count, help lines, a box around some of them); `render.RichRenderer` draws it with
boxes and styles, `render.PlainRenderer` as linear text for screen readers. Width belongs
to the renderers: they wrap on words, never split a phone number (`terminal.whole`), and fold a
table into stacked key-value rows when the screen is narrow. No rich here.

Blocks are named tuples: values that cannot change, as the frozen dataclasses elsewhere
are. A screen is drawn on every start, and the 16 kinds load in ~3 ms as named tuples
against ~9 ms as frozen dataclasses, so the first question comes that much sooner. The
renderers tell blocks apart by class, never by comparing them.
"""

from __future__ import annotations

from typing import NamedTuple


class Heading(NamedTuple):
    text: str


class Paragraph(NamedTuple):
    text: str
    strong: bool = False
    dim: bool = False
    aside: bool = False  # a remark (italic when drawn rich)


class Bullets(NamedTuple):
    """A list; each entry may run over several lines, with a hanging indent."""

    items: tuple[str, ...]
    strong: bool = False
    compact: bool = False  # a rich screen may put two short entries on one row


class KeyValues(NamedTuple):
    """`key: value` rows, written as `lang` writes them (the key bold when drawn rich)."""

    rows: tuple[tuple[str, str], ...]
    lang: str


class Field(NamedTuple):
    """One cell of a table row: its column's name and its lines. `under` puts it in the
    column before, below that cell, when the columns stand side by side."""

    key: str
    lines: tuple[str, ...]
    under: bool = False


class Entry(NamedTuple):
    """A table row: a title (bold) with a note under it (if any), then its fields."""

    title: str
    fields: tuple[Field, ...]
    note: str = ""


class Table(NamedTuple):
    """Columns side by side on a wide screen; each entry as a stacked key-value list on a
    narrow one (`min_width`), and always in plain text: nothing is cut or left out."""

    title: str
    first: str  # the name of the column of the titles
    entries: tuple[Entry, ...]
    lang: str  # how `key: value` is written
    min_width: int = 80


class Progress(NamedTuple):
    done: int
    total: int
    label: str  # "3 of 14 answered": a plain renderer shows only this


class HelpLines(NamedTuple):
    """Lines that keep help in sight (emergency and suicide-prevention numbers): bold."""

    lines: tuple[str, ...]


class Rule(NamedTuple):
    title: str = ""


class Box(NamedTuple):
    """Blocks in a frame with a title (and a note in its lower edge): a plain renderer
    writes the title, the blocks and the note as lines."""

    title: str
    blocks: tuple[Block, ...] = ()
    note: str = ""
    projected: bool = False  # a workshop screen: on a cleared screen, large and heavy


class Chat(NamedTuple):
    """Lines of a conversation: (who, what); who is "" for a note that nobody says."""

    lines: tuple[tuple[str, str], ...]
    lang: str
    them: str = ""  # the speaker drawn in bold (the other one in bold italic)


class Column(NamedTuple):
    name: str
    figures: bool = False  # counts and scores: aligned right
    whole: bool = False  # never wrapped (a date)


class Row(NamedTuple):
    """A row of a `Grid`: its cells, and the same facts as lines of words (`said`), for a
    reader who cannot see columns."""

    cells: tuple[str, ...]
    said: tuple[str, ...]
    strong: bool = False


class Grid(NamedTuple):
    """Short figures in columns under a title (a score, a status, the evidence log); a
    plain renderer writes the title, then what each row says."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


class Lines(NamedTuple):
    """Lines that scripts read (`verify`): each written whole, never wrapped or cut."""

    lines: tuple[str, ...]


Block = (
    Chat
    | Heading
    | Paragraph
    | Bullets
    | KeyValues
    | Table
    | Progress
    | HelpLines
    | Rule
    | Box
    | Grid
    | Lines
)
