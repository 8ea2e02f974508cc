"""The exit codes and the one family of errors that safecheck reports to a person.

Every failure a person can cause or meet (a bad file, a locked keyring, a closed
stdin) is a `SafecheckError`: the CLI prints its message as one paragraph and
exits with its code. Anything else is a bug and may show a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from enum import IntEnum
from pathlib import Path
from typing import Any

from safecheck.core.i18n import N_, Message
from safecheck.core.text import safe_text


class ExitCode(IntEnum):
    """Documented in the exit-code table of docs/reference.md; tests keep the two in step."""

    OK = 0
    ERROR = 1  # an unexpected problem (a bug); please report it
    USAGE = 2  # a wrong option or argument (from Typer/Click)
    BAD_INPUT = 3  # a checklist, answers or help-line file is not valid
    BAD_STATE = 4  # the saved state cannot be read or decrypted
    NOT_INTERACTIVE = 5  # a question needs a terminal and none is attached
    CHECK_FAILED = 6  # `verify`: the named requirement does not hold
    NO_KEY = 7  # no keyring and no passphrase: nothing can be saved safely
    LOCKED = 8  # another safecheck holds the state lock for too long
    NOT_AS_RECORDED = 9  # `evidence verify`: a record, a kept copy or a file has changed
    INCOMPLETE = 10  # made, but something is missing: a damaged kept copy was left out
    OUTPUT_FAILED = 11  # standard output or error cannot be written (a full disk)
    HANGUP = 129  # SIGHUP (the terminal closed); the terminal is restored, answers are saved
    INTERRUPTED = 130  # Ctrl-C; everything answered so far is saved
    BROKEN_PIPE = 141  # the reader of the output went away (`| head -1`): ended by SIGPIPE
    TERMINATED = 143  # SIGTERM; the terminal is restored, answers are saved


class SafecheckError(Exception):
    """An error with a message for a person, a place, and an exit code.

    `message` is English: a message id of the catalogues (marked with `N_` where it is
    written) whose {placeholders} are filled from `values`, or a `Message` (with its values,
    or a plural), so `text(lang)` can show it in the person's language; `str(error)` is the
    English text. A value may itself be a `SafecheckError` (a reason), a `Message` or a
    `Phrase` ("a list"): it is shown in the same language.
    """

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(
        self,
        message: str | Message = "",
        *,
        path: Path | str | None = None,
        line: int | None = None,
        **values: Any,
    ) -> None:
        if isinstance(message, str):
            message = Message(message, values)
        elif values:
            message = Message(
                message.id, {**message.values, **values}, message.plural, message.count
            )
        super().__init__(message.id)
        self.said = message
        self.msgid = message.id
        self.path = path
        self.line = line
        self.values = dict(message.values)

    @property
    def message(self) -> str:
        """The English text, without file and line."""
        return self._message("en")

    def __str__(self) -> str:
        return self.text("en")

    def _message(self, lang: str) -> str:
        from safecheck.core.i18n import translate

        return translate(lang, self.said)

    def text(self, lang: str) -> str:
        """The message in `lang`, after its file and line."""
        message = self._message(lang)
        if self.path is not None:
            where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
            message = f"{where}: {message}"
        return safe_text(message)  # a file name or value may hold terminal escapes


class InputFileError(SafecheckError):
    """A checklist, answers or data file that does not follow its format."""

    exit_code = ExitCode.BAD_INPUT


class InputFilesError(InputFileError):
    """Several input files that cannot be used, each named with what is wrong."""

    def __init__(self, problems: Sequence[SafecheckError]) -> None:
        super().__init__(
            N_("some files cannot be used ({count}); nothing was done:"),
            count=len(problems),
        )
        self.problems = tuple(problems)

    def text(self, lang: str) -> str:
        """The count, then each file and what is wrong with it, one to a line."""
        return "\n".join([super().text(lang), *(f"  {p.text(lang)}" for p in self.problems)])


class StateError(SafecheckError):
    """Saved state that cannot be read, decoded or decrypted."""

    exit_code = ExitCode.BAD_STATE


class DamagedStateError(StateError):
    """The state file itself is damaged, or the key it needs is gone for good.

    Such a file is moved aside (never deleted) before the error is shown.
    """


class NoKeyError(SafecheckError):
    """No key can be had: no keyring, no passphrase, and no terminal to ask for one."""

    exit_code = ExitCode.NO_KEY


class NotInteractiveError(SafecheckError):
    """A question was needed but stdin is not a terminal."""

    exit_code = ExitCode.NOT_INTERACTIVE


class UsageError(SafecheckError):
    """A wrong argument, found after parsing (a file that is there already, a bad name)."""

    exit_code = ExitCode.USAGE


class Interrupted(SafecheckError):
    """The person pressed Ctrl-C (or closed the input) at a question."""

    exit_code = ExitCode.INTERRUPTED

    def __init__(self) -> None:
        super().__init__("interrupted")


class QuickExit(SafecheckError):
    """The person asked to leave (q and Enter, Esc twice; in discreet mode q alone).

    `quietly`: in discreet mode, leave without a word (the screen is wiped)."""

    exit_code = ExitCode.OK

    def __init__(self, *, quietly: bool = False) -> None:
        super().__init__("quick exit")
        self.quietly = quietly


# Whether this run's answers could not be saved (a forgotten passphrase, a damaged file):
# the line shown on leaving (q, Esc twice, Ctrl-C) then says so instead of "saved".
_NOT_SAVED: ContextVar[bool] = ContextVar("safecheck_not_saved", default=False)


def note_not_saved(not_saved: bool = True) -> None:
    """Mark this run's answers as not saved (or, at the start of a command, as saved)."""
    _NOT_SAVED.set(not_saved)


def answers_not_saved() -> bool:
    return _NOT_SAVED.get()
