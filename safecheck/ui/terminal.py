"""What kind of terminal this run has; light enough to ask before anything is shown."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator, Mapping
from typing import IO, Any

from safecheck.core.text import CONTROL, safe_text

# Stands for a space that must not break a line ("0800 32 123"): no renderer takes it for
# a space while it lays out text, and each turns it back into one when it writes.
JOIN = "\ue000"
_BETWEEN_DIGITS = re.compile(r"(?<=\d) (?=\d)")


def whole(text: str) -> str:
    """`text` with the spaces inside numbers joined, so a phone number stays on one line."""
    return _BETWEEN_DIGITS.sub(JOIN, text)


def written(text: str) -> str:
    """What is really written: joined spaces become spaces again."""
    return text.replace(JOIN, " ")


def plain_wanted(flag: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """Plain output: asked for with --plain or SAFECHECK_PLAIN=1, or a dumb terminal."""
    env = os.environ if environ is None else environ
    setting = env.get("SAFECHECK_PLAIN", "").strip().lower()
    return (
        flag
        or setting not in ("", "0", "false", "no", "off")
        or env.get("TERM", "").lower() in ("dumb", "unknown")
    )


class SafeRender:
    """A render hook for a rich console (`console.push_render_hook`): the text of every
    segment goes through `safe_text`; rich's own styles and controls are not text and stay.

    Duck-typed, so this module needs no rich: rich's segments are named tuples.
    """

    def process_renderables(self, renderables: list[Any]) -> list[Any]:
        return [_Escaped(renderable) for renderable in renderables]


class _Escaped:
    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        for segment in console.render(self.inner, options):
            if JOIN in segment.text:  # a space that was not to break a line: now a space
                segment = segment._replace(text=segment.text.replace(JOIN, " "))
            if segment.control or CONTROL.search(segment.text) is None:
                yield segment
            else:
                yield segment._replace(text=safe_text(segment.text))


def stdin_is_terminal(stdin: IO[str] | None = None) -> bool:
    """True when standard input is a terminal; False when it is a pipe, a file or closed."""
    stream = sys.stdin if stdin is None else stdin
    if stream is None:  # Python sets sys.stdin to None when file descriptor 0 is closed
        return False
    try:
        return stream.isatty()
    except (ValueError, OSError):  # closed
        return False


def discard_typeahead(stdin: IO[str] | int | None = None) -> None:
    """Throw away keys typed before a question was drawn, when `stdin` is a terminal, so
    every question starts from an empty input: an extra or bouncing Enter, typed unseen,
    never answers the next question. A pipe, a file or a test's input keeps every line.
    `stdin`: a stream or its file descriptor; standard input when None."""
    stream = sys.stdin if stdin is None else stdin
    try:
        fd = stream if isinstance(stream, int) else stream.fileno()
        if not os.isatty(fd):
            return
        import termios
    except (AttributeError, ValueError, OSError, ImportError):  # no file, closed, not POSIX
        return
    with contextlib.suppress(termios.error):  # a terminal that refuses: nothing to discard
        termios.tcflush(fd, termios.TCIFLUSH)


def fitted(text: str, stream: IO[str] | None = None) -> str:
    """`text` wrapped between words to the terminal's width when `stream` is a terminal (a
    terminal wraps a long line anywhere, even inside a word or a phone number); unchanged
    for a pipe or a file, where each message stays one line."""

    stream = sys.stderr if stream is None else stream
    try:
        if stream is None or not stream.isatty():
            return text
    except (ValueError, OSError):
        return text
    import shutil
    import textwrap

    width = max(shutil.get_terminal_size((80, 24)).columns - 1, 20)
    return "\n".join(
        written(line)
        for paragraph in text.split("\n")
        for line in textwrap.wrap(
            whole(paragraph), width, break_long_words=False, break_on_hyphens=False
        )
        or [""]
    )
