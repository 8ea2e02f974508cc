"""Questions asked in the terminal. The only module that talks to questionary.

Ctrl-C and a closed input become `Interrupted` here, in one place.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any, TypeVar

import questionary
from prompt_toolkit.application.current import get_app_session

from safecheck.errors import Interrupted, NotInteractiveError
from safecheck.i18n import t

T = TypeVar("T")

STYLE = questionary.Style(
    [
        ("qmark", "bold"),
        ("question", "bold"),
        ("pointer", "bold"),
        ("highlighted", "bold reverse"),
        ("answer", "bold"),
    ]
)


def stdin_is_terminal(stdin: IO[str] | None = None) -> bool:
    """True when standard input is a terminal; False when it is a pipe, a file or closed."""
    stream = sys.stdin if stdin is None else stdin
    if stream is None:  # Python sets sys.stdin to None when file descriptor 0 is closed
        return False
    try:
        return stream.isatty()
    except (ValueError, OSError):  # closed
        return False


def input_is_interactive() -> bool:
    """True when questions can be asked: stdin is a terminal, or a test set an input."""
    # prompt_toolkit falls back to stdin only when no input was set for this session.
    return get_app_session()._input is not None or stdin_is_terminal()


class Prompter:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def select(self, message: str, choices: Sequence[tuple[str, T]]) -> T:
        """One choice from a list; keys 1..9 jump to a choice, Enter takes it."""
        self._require_terminal()
        values = [value for _, value in choices]
        question = questionary.select(
            message,
            choices=[
                questionary.Choice(title=label, value=index)
                for index, (label, _) in enumerate(choices)
            ],
            use_shortcuts=len(choices) <= 9,
            use_jk_keys=False,
            instruction=t(self.lang, "ask.instruction"),
            style=STYLE,
            qmark="?",
        )
        return values[self._ask(question)]

    def can_ask(self) -> bool:
        return input_is_interactive()

    def password(self, message: str, *, problem: Callable[[str], str | None] | None = None) -> str:
        """Hidden text; `problem(text)` says why it is not acceptable (shown, asked again)."""
        self._require_terminal()

        def validate(text: str) -> bool | str:
            reason = problem(text) if problem is not None else None
            return True if reason is None else reason

        question = questionary.password(message, validate=validate, style=STYLE, qmark="?")
        answer = self._ask_any(question)
        if not isinstance(answer, str):
            raise Interrupted()
        return answer

    def confirm(self, message: str) -> bool:
        """Yes or no; the default is no, so Enter alone changes nothing."""
        self._require_terminal()
        answer = self._ask_any(
            questionary.confirm(message, default=False, style=STYLE, qmark="?", auto_enter=False)
        )
        if not isinstance(answer, bool):
            raise Interrupted()
        return answer

    def _require_terminal(self) -> None:
        if not input_is_interactive():
            raise NotInteractiveError(t(self.lang, "not_interactive"))

    @classmethod
    def _ask(cls, question: questionary.Question) -> int:
        answer = cls._ask_any(question)
        if not isinstance(answer, int):
            raise Interrupted()
        return answer

    @staticmethod
    def _ask_any(question: questionary.Question) -> Any:
        try:
            return question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted() from None


class PlainPrompter:
    """Questions as numbered lines of plain text, answered with a number and Enter.

    For `--plain` (screen readers, braille displays, TERM=dumb): it writes no escape
    sequences and redraws nothing, and reads whole lines, so the terminal's own line
    editing works. Like `Prompter`, it never waits on an input that is not a terminal.
    """

    def __init__(self, lang: str, stdin: IO[str] | None = None, stdout: IO[str] | None = None):
        self._lang = lang
        self._stdin = stdin
        self._stdout = stdout

    def select(self, message: str, choices: Sequence[tuple[str, T]]) -> T:
        stdin = self._stdin if self._stdin is not None else sys.stdin
        out = self._stdout if self._stdout is not None else sys.stdout
        if not stdin_is_terminal(stdin):
            raise NotInteractiveError(t(self._lang, "not_interactive"))
        count = len(choices)
        lines = [message] + [f"  {number}. {label}" for number, (label, _) in enumerate(choices, 1)]
        try:
            out.write("\n".join(lines) + "\n")
            while True:
                out.write(t(self._lang, "plain.choose", count=count) + " ")
                out.flush()
                line = stdin.readline()
                if not line:  # Ctrl-D or a closed input
                    raise Interrupted()
                typed = line.strip()
                if typed.isascii() and typed.isdigit() and 1 <= int(typed) <= count:
                    return choices[int(typed) - 1][1]
                out.write(t(self._lang, "plain.invalid", count=count) + "\n")
        except KeyboardInterrupt:
            out.write("\n")
            raise Interrupted() from None

    def can_ask(self) -> bool:
        return stdin_is_terminal(self._stdin if self._stdin is not None else sys.stdin)

    def password(self, message: str, *, problem: Callable[[str], str | None] | None = None) -> str:
        """Hidden text, read as a whole line without echo; asked again while `problem` says why."""
        stdin = self._stdin if self._stdin is not None else sys.stdin
        out = self._stdout if self._stdout is not None else sys.stdout
        if not stdin_is_terminal(stdin):
            raise NotInteractiveError(t(self._lang, "not_interactive"))
        try:
            while True:
                if stdin is sys.stdin:
                    text = getpass.getpass(message + " ")  # prompts on the terminal itself
                else:  # a test's input: there is no echo to turn off
                    out.write(message + " ")
                    out.flush()
                    line = stdin.readline()
                    if not line:
                        raise Interrupted()
                    text = line.rstrip("\r\n")
                reason = problem(text) if problem is not None else None
                if reason is None:
                    return text
                out.write(reason + "\n")
        except (KeyboardInterrupt, EOFError):
            out.write("\n")
            raise Interrupted() from None

    def confirm(self, message: str) -> bool:
        """Yes or no as a typed line; anything but yes (y, yes, j, ja) is no."""
        stdin = self._stdin if self._stdin is not None else sys.stdin
        out = self._stdout if self._stdout is not None else sys.stdout
        if not stdin_is_terminal(stdin):
            raise NotInteractiveError(t(self._lang, "not_interactive"))
        try:
            out.write(f"{message} {t(self._lang, 'plain.yes_no')} ")
            out.flush()
            line = stdin.readline()
        except KeyboardInterrupt:
            out.write("\n")
            raise Interrupted() from None
        if not line:
            raise Interrupted()
        return line.strip().lower() in ("y", "yes", "j", "ja")


def make_prompter(lang: str, *, plain: bool) -> Prompter | PlainPrompter:
    """The prompter for this run: questionary widgets, or numbered plain text."""
    return PlainPrompter(lang) if plain else Prompter(lang)
