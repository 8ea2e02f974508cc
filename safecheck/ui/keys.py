"""Keys and lines shared by every question: how to leave, and prompts that wrap at words.

prompt_toolkit only (questionary stays in prompts.py). Every question can be left at once:
Esc twice, or q and Enter (in discreet mode q alone). Leaving ends the program through
`QuickExit`; every answer given before is saved already.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import textwrap
from collections.abc import Callable, Iterator
from functools import cache
from typing import IO, TYPE_CHECKING, Any

from safecheck.core.errors import Interrupted, QuickExit
from safecheck.core.i18n import N_, t
from safecheck.ui.terminal import discard_typeahead

if TYPE_CHECKING:
    from prompt_toolkit.application import Application
    from prompt_toolkit.key_binding import KeyPressEvent
    from prompt_toolkit.key_binding.key_bindings import KeyBindingsBase

LEAVE = object()  # the result of a question that was left
LEAVE_WORD = "q"  # typed as the whole answer (and Enter): leave


@contextlib.contextmanager
def interrupts(out: IO[str] | None = None) -> Iterator[None]:
    """The one place where keys become safecheck's own errors, for every kind of question:
    Ctrl-C and the end of input stop the question (`Interrupted`; `out` gets a new line so the
    next message starts on its own). Leaving (q + Enter, Esc Esc) is `answered`'s part."""
    try:
        yield
    except (KeyboardInterrupt, EOFError):
        if out is not None:
            out.write("\n")
        raise Interrupted() from None


def answered(answer: Any, *, quietly: bool = False) -> Any:
    """A widget's answer: leaving is `QuickExit`; no answer at all (Ctrl-D) is `Interrupted`.
    `quietly`: discreet mode, where leaving says nothing."""
    if answer is LEAVE:
        raise QuickExit(quietly=quietly)
    if answer is None:
        raise Interrupted()
    return answer


@cache
def build_default_bindings_once() -> None:
    """Call before the first widget: prompt_toolkit's default key bindings (basic, Emacs,
    mouse; not Vi's: `_default_bindings`) are then built once per run instead of for every
    Application, of which each question makes two or three. That building was two thirds of
    the time it takes to set up a question. They depend on no application: each binding's condition looks at the running
    one when a key is pressed, so one set serves every question, one question at a time."""
    from prompt_toolkit.application import application
    from prompt_toolkit.key_binding.bindings.page_navigation import load_page_navigation_bindings

    application.load_key_bindings = cache(_default_bindings)  # type: ignore[attr-defined]
    application.load_page_navigation_bindings = cache(load_page_navigation_bindings)  # type: ignore[attr-defined]


def _default_bindings() -> KeyBindingsBase:
    """prompt_toolkit's default key bindings (its `load_key_bindings`: the basic and Emacs
    ones while a text has the focus, the mouse, cursor position reports) without those of
    its Vi mode, some 330 of 580, which no question turns on: questionary keeps the editing
    mode at Emacs. Building them was half the time of building the whole set."""
    from prompt_toolkit.filters import buffer_has_focus
    from prompt_toolkit.key_binding.bindings.basic import load_basic_bindings
    from prompt_toolkit.key_binding.bindings.cpr import load_cpr_bindings
    from prompt_toolkit.key_binding.bindings.emacs import (
        load_emacs_bindings,
        load_emacs_search_bindings,
        load_emacs_shift_selection_bindings,
    )
    from prompt_toolkit.key_binding.bindings.mouse import load_mouse_bindings
    from prompt_toolkit.key_binding.key_bindings import (
        ConditionalKeyBindings,
        merge_key_bindings,
    )

    editing = merge_key_bindings(
        [
            load_basic_bindings(),
            load_emacs_bindings(),
            load_emacs_search_bindings(),
            load_emacs_shift_selection_bindings(),
        ]
    )
    return merge_key_bindings(
        [
            ConditionalKeyBindings(editing, buffer_has_focus),
            load_mouse_bindings(),
            load_cpr_bindings(),
        ]
    )


def start_empty(app: Application[Any]) -> None:
    """Call just before `app` runs: in a terminal, the keys typed before this question was
    drawn are discarded, both those still in the terminal and those prompt_toolkit kept from
    the question before (an Enter sent with the one that answered it). A pipe keeps them."""
    from prompt_toolkit.input.typeahead import clear_typeahead

    try:
        fd = app.input.fileno()
    except (NotImplementedError, ValueError, OSError):  # no file behind this input
        return
    if os.isatty(fd):
        clear_typeahead(app.input)
        discard_typeahead(fd)


def leave(event: KeyPressEvent) -> None:
    event.app.exit(result=LEAVE)


def add_leave_keys(app: Application[Any], *, q_at_once: bool, q_is_typed: bool) -> None:
    """Esc twice leaves; so does q and Enter, or q alone with `q_at_once` (discreet mode).

    With `q_is_typed` (text questions) q is a letter like any other: the answer "q" is
    turned into leaving by the caller, after Enter.
    """
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    extra = KeyBindings()
    extra.add("escape", "escape", eager=True)(leave)
    if not q_is_typed:
        if q_at_once:
            extra.add("q", eager=True)(leave)
        else:
            extra.add("q", "enter", eager=True)(leave)
    # For the same key, the binding added last wins: ours over questionary's.
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), extra])


def leave_hint(lang: str, *, q_at_once: bool = False) -> str:
    return t(lang, "q or Esc Esc: leave" if q_at_once else N_("q + Enter: leave"))


def with_hint(instruction: str, lang: str, *, q_at_once: bool = False) -> str:
    """`(arrows or a number, then Enter)` with how to leave: `(...; q + Enter: leave)`."""
    inner = instruction.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1]
    return t(lang, "({keys}; {leave})", keys=inner, leave=leave_hint(lang, q_at_once=q_at_once))


def columns() -> int:
    return max(shutil.get_terminal_size((80, 24)).columns, 20)


def fit(message: str, instruction: str = "", *, prefix: int = 2) -> tuple[str, str]:
    """The message with line breaks between words, so no word is cut at the screen's edge,
    and the instruction, on a line of its own when it would not fit after the message.

    The first line follows the `? ` mark (`prefix` columns). The instruction's own line
    break goes with it, so once it is gone the answer follows the message on its line.
    """
    width = columns() - 1  # the last column: some terminals wrap as soon as it is written
    lines: list[str] = []
    for number, paragraph in enumerate(message.split("\n")):
        indent = " " * prefix if number == 0 else ""
        wrapped = textwrap.wrap(
            paragraph, width=width, initial_indent=indent, break_on_hyphens=False
        ) or [indent]
        wrapped[0] = wrapped[0][len(indent) :]
        lines.extend(wrapped)
    last = len(lines[-1]) + (prefix if len(lines) == 1 else 0)
    if instruction and last + 2 + len(instruction) > width:
        instruction = "\n" + instruction
    return "\n".join(lines), instruction


def leaving_check(
    check: Callable[[str], str | None] | None,
) -> Callable[[str], bool | str]:
    """A questionary validator: `check`'s complaint, or True; the answer "q" always passes."""

    def validate(text: str) -> bool | str:
        if text.strip() == LEAVE_WORD:
            return True
        problem = check(text) if check is not None else None
        if problem is None:
            return True
        width = columns() - 1  # wrapped between words: the toolbar shows every line
        return "\n".join(textwrap.wrap(problem, width, break_on_hyphens=False) or [problem])

    return validate


def show_whole_problems(app: Application[Any]) -> None:
    """Let the line under a question that says what is wrong with an answer take as many
    rows as the message needs (prompt_toolkit gives it one, and cuts the rest off)."""
    from prompt_toolkit.layout import Window

    for window in app.layout.find_all_windows():
        text = getattr(window.content, "text", None)
        if isinstance(window, Window) and "ValidationToolbar" in getattr(text, "__qualname__", ""):
            window.height = None


def yes_no_app(
    message: str,
    instruction: str,
    *,
    yes: tuple[str, set[str]],
    no: tuple[str, set[str]],
    default: bool,
    style: Any,
) -> Application[Any]:
    """A yes/no question whose keys and echo are in the screen's language (questionary's
    confirm knows only y, n, "Yes" and "No"): `yes` and `no` are (echo word, keys)."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.formatted_text import FormattedText
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys

    status: dict[str, bool | None] = {"answer": None, "done": False}

    def tokens() -> FormattedText:
        parts = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if not status["done"]:
            parts.append(("class:instruction", f"{instruction} "))
        if status["answer"] is not None:
            parts.append(("class:answer", yes[0] if status["answer"] else no[0]))
        return FormattedText(parts)

    bindings = KeyBindings()

    @bindings.add(Keys.ControlC, eager=True)
    def _stop(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    def answer_with(value: bool) -> Callable[[KeyPressEvent], None]:
        def handler(event: KeyPressEvent) -> None:
            status["answer"] = value

        return handler

    for value, (_, letters) in ((True, yes), (False, no)):
        for letter in letters:
            bindings.add(letter)(answer_with(value))
            bindings.add(letter.upper())(answer_with(value))

    @bindings.add(Keys.ControlH)
    def _erase(event: KeyPressEvent) -> None:
        status["answer"] = None

    @bindings.add(Keys.ControlM, eager=True)
    def _enter(event: KeyPressEvent) -> None:
        if status["answer"] is None:
            status["answer"] = default
        status["done"] = True
        event.app.exit(result=status["answer"])

    @bindings.add(Keys.Any)
    def _other(event: KeyPressEvent) -> None:
        """Other keys type nothing."""

    session: PromptSession[Any] = PromptSession(tokens, key_bindings=bindings, style=style)
    return session.app


def redraw_cleanly_on_resize(app: Application[Any]) -> None:
    """After the terminal narrows, erase the question from its real first row.

    prompt_toolkit erases its last drawing by moving up as many rows as it drew. A terminal
    that narrows rewraps every row longer than its new width (tmux, GNOME Terminal, Konsole,
    iTerm2, Windows Terminal do), so the question's first rows sit higher than that, and
    were left on the screen: the prompt line was drawn twice. This moves up the extra rows.
    """
    original = app._on_resize

    def on_resize() -> None:
        renderer = app.renderer
        screen, before = renderer._last_screen, renderer._last_size
        width = app.output.get_size().columns
        if screen is not None and before is not None and 0 < width < before.columns:
            cursor = renderer._cursor_pos
            rows = sum(_rows(screen, row, width) for row in range(cursor.y))
            extra = rows + cursor.x // width - cursor.y
            if extra > 0:
                app.output.cursor_up(extra)
        original()

    app._on_resize = on_resize  # type: ignore[method-assign]


def _rows(screen: Any, row: int, width: int) -> int:
    """How many rows of `width` columns a drawn row takes once the terminal rewraps it."""
    cells = screen.data_buffer.get(row, {})
    used = [column for column, cell in cells.items() if cell.char not in (" ", "")]
    length = max(used) + 1 if used else 0
    return max(1, -(-length // width))
