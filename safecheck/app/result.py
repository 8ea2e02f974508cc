"""What a use case returns: data, messages as values, and an exit code (pipx's OperationResult).

`render` turns a `Result` into output; nothing else prints one. The JSON document and the
screen come from the same result, so they cannot disagree, and a test can check a use case
by the value it returns.

Results, like the requests of the use cases, are named tuples: values that only carry data
from one layer to the next, defined in a fraction of the time a frozen dataclass takes
(Python 3.11 compiles six methods for each), before every command.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, NamedTuple

from safecheck.core.errors import ExitCode, SafecheckError
from safecheck.core.i18n import Message


class To(Enum):
    """Where a message goes when no JSON is asked for (with --json: all to stderr)."""

    OUT = "out"  # a line on stdout
    RAW = "raw"  # text on stdout as it is (a file's content: it ends its own lines)
    ERR = "err"  # a line on stderr (what was written, warnings)
    SCREEN = "screen"  # the display's message: wrapped, for a person


class Said(NamedTuple):
    """A message to show; an error stands for its own message (a lint problem), and a str
    is a text the domain has put in the person's language already."""

    message: Message | SafecheckError | str
    to: To = To.OUT


class Screen(NamedTuple):
    """A drawing on the display: the display's method and its arguments (the language is
    added when it is drawn)."""

    draw: str
    args: tuple[Any, ...] = ()


class Result(NamedTuple):
    """The outcome of one use case: `kind` and `data` make the JSON document (None: the
    command has no JSON), `shown` is what a person sees, in order, and `exit_code` ends it."""

    kind: str
    data: Mapping[str, Any] | None = None
    shown: tuple[Said | Screen, ...] = ()
    exit_code: ExitCode = ExitCode.OK


def said(*messages: Message | SafecheckError | str, to: To = To.OUT) -> tuple[Said, ...]:
    """The messages, each to `to`."""
    return tuple(Said(message, to) for message in messages)
