"""Questions as numbered lines of plain text (`--plain`, TERM=dumb, SAFECHECK_PLAIN=1).

No escape sequences and no redrawing: a screen reader or braille display reads every
line in order. q (or Esc twice) and Enter leave any question, as in `prompts.Prompter`.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Sequence
from typing import IO, TypeVar

from safecheck.core import questions
from safecheck.core.errors import Interrupted, NotInteractiveError, QuickExit
from safecheck.core.i18n import N_, t
from safecheck.core.questions import Asking, Check, Move
from safecheck.ui.keys import LEAVE_WORD, interrupts
from safecheck.ui.terminal import discard_typeahead, stdin_is_terminal

T = TypeVar("T")

_LEAVE_LINES = (LEAVE_WORD, "\x1b\x1b")  # a whole line: leave


class PlainPrompter(Asking):
    """Questions as numbered lines of plain text, answered with a number and Enter.

    For `--plain` (screen readers, braille displays, TERM=dumb): it writes no escape
    sequences and redraws nothing, and reads whole lines, so the terminal's own line
    editing works. Like `Prompter`, it never waits on an input that is not a terminal.
    """

    def __init__(
        self,
        lang: str,
        stdin: IO[str] | None = None,
        stdout: IO[str] | None = None,
        *,
        quick_exit: bool = False,
    ):
        self._lang = lang
        self._stdin = stdin
        self._stdout = stdout
        self._quick_exit = quick_exit

    def _out(self) -> IO[str]:
        return self._stdout if self._stdout is not None else sys.stdout

    def _terminal(self) -> tuple[IO[str], IO[str]]:
        """Standard input and output for a question; input must be a terminal."""
        stdin = self._stdin if self._stdin is not None else sys.stdin
        if not stdin_is_terminal(stdin):
            raise NotInteractiveError(
                t(
                    self._lang,
                    "safecheck asks its questions in a terminal, and standard input is not one. "
                    "Run it in a terminal; safecheck COMMAND --help lists what works without one.",
                )
            )
        return stdin, self._out()

    def can_ask(self) -> bool:
        return stdin_is_terminal(self._stdin if self._stdin is not None else sys.stdin)

    def _ready(self) -> None:
        """A terminal to ask in, and an empty input: a line typed before this question is
        written was typed unheard, and never answers it (before anything of the question is
        written, so nothing typed once its first line shows is lost)."""
        stdin, _ = self._terminal()
        discard_typeahead(stdin)

    def _select(self, question: questions.Select[T]) -> T:
        return self._choose(question, None)

    def _menu(self, question: questions.Menu[T]) -> T:
        names = [str(number) for number in range(1, len(question.choices) + 1)]
        if question.keys is not None:
            names = [key.upper() for key in question.keys]
        return self._choose(question, names)

    def _text(self, question: questions.Text) -> str:
        """Enter alone keeps the default (shown in brackets)."""
        hint = t(self._lang, "(q: leave)")
        return self._line(question.message, question.default, question.check, hint=hint)

    def _choose(
        self, question: questions.Select[T] | questions.Menu[T], names: Sequence[str] | None
    ) -> T:
        """Numbered lines (or lettered: `names`); a number (or letter) and Enter takes one, an
        empty line the `selected()` choice; q (or Esc twice) and Enter leave."""
        choices, default = question.choices, question.selected()
        count = len(choices)
        numbers = [str(number) for number in range(1, count + 1)]
        if names is None:
            asked = t(
                self._lang,
                "(q: leave) Type a number from 1 to {count} and press Enter:",
                count=count,
            )
            wrong = t(
                self._lang,
                "That is not one of the choices. Type a number from 1 to {count}.",
                count=count,
            )
        else:
            allowed = "/".join(names)
            asked = t(self._lang, "(q: leave) Type {keys} and press Enter:", keys=allowed)
            wrong = t(self._lang, "That is not one of the choices. Type {keys}.", keys=allowed)
        index = {name.lower(): n for n, name in enumerate(names or numbers)}
        index.update({number: n for n, number in enumerate(numbers)})

        def check(text: str) -> str | None:
            typed = text.strip().lower()
            return None if typed in index or (not typed and default is not None) else wrong

        lines = [
            f"  {name}. {label}" for name, (label, _) in zip(names or numbers, choices, strict=True)
        ]
        self._out().write("\n".join([question.message, *lines]) + "\n")
        typed = self._line(asked, "", check).strip().lower()
        if not typed and default is not None:
            return choices[default][1]
        return choices[index[typed]][1]

    def _advance(self, question: questions.Advance) -> Move:
        """A line: empty or n goes on, b goes back, m returns to the menu, q leaves."""
        moves = {"": Move.NEXT, "n": Move.NEXT, "m": Move.MENU}
        if question.allow_back:
            moves["b"] = Move.BACK

        def check(text: str) -> str | None:
            return None if text.strip().lower() in moves else question.hint

        typed = self._line(
            question.hint.replace("  ·  ", ", "), "", check, hint=t(self._lang, "(q: leave)")
        )
        return moves[typed.strip().lower()]

    def _password(self, question: questions.Password) -> str:
        """Hidden text, read as a whole line without echo; asked again while `problem` says why."""
        stdin, out = self._terminal()
        with interrupts(out):
            while True:
                if stdin is sys.stdin:
                    text = getpass.getpass(question.message + " ")  # prompts on the terminal
                    if text.strip() in _LEAVE_LINES:
                        raise QuickExit()
                else:  # a test's input: there is no echo to turn off
                    out.write(question.message + " ")
                    text = _read(stdin, out).rstrip("\r\n")
                reason = question.problem(text) if question.problem is not None else None
                if reason is None:
                    return text
                out.write(reason + "\n")

    def _confirm(self, question: questions.Confirm) -> bool:
        """Yes or no as a typed line: y, yes, j, ja, o or oui is yes; an empty line takes
        `default`; anything else is no."""
        stdin, out = self._terminal()
        with interrupts(out):
            hint = t(
                self._lang,
                "(yes/no, default yes; q: leave)"
                if question.default
                else N_("(yes/no, default no; q: leave)"),
            )
            out.write(f"{question.message} {hint} ")
            typed = _read(stdin, out).strip().lower()
        if not typed:
            return question.default
        return typed in ("y", "yes", "j", "ja", "o", "oui")

    def _line(
        self,
        message: str,
        default: str,
        check: Check | None,
        *,
        hint: str = "",
    ) -> str:
        stdin, out = self._terminal()
        prompt = f"{message} [{default}] " if default else f"{message} "
        prompt += f"{hint} " if hint else ""
        with interrupts(out):
            while True:
                out.write(prompt)
                answer = _read(stdin, out).rstrip("\r\n") or default
                problem = check(answer) if check is not None else None
                if problem is None:
                    return answer
                out.write(problem + "\n")

    def _checkbox(self, question: questions.Checkbox[T]) -> list[T]:
        """Numbers separated by spaces or commas; Enter alone keeps what is ticked."""
        choices, checked = question.choices, question.checked
        labels = [
            f"  {number}. {label}{' *' if value in checked else ''}"
            for number, (label, value) in enumerate(choices, 1)
        ]
        current = " ".join(str(n) for n, (_, v) in enumerate(choices, 1) if v in checked)
        count = len(choices)

        def check(text: str) -> str | None:
            parts = text.replace(",", " ").split()
            ok = all(p.isascii() and p.isdigit() and 1 <= int(p) <= count for p in parts)
            return (
                None
                if ok
                else t(
                    self._lang,
                    "That is not one of the choices. Type a number from 1 to {count}.",
                    count=count,
                )
            )

        out = self._out()
        out.write("\n".join([question.message, *labels]) + "\n")
        answer = self._line(
            t(
                self._lang,
                "(q: leave) Type the numbers that apply (e.g. 1 3), or nothing, and press Enter:",
                count=count,
            ),
            current,
            check,
        )
        picked = {int(p) for p in answer.replace(",", " ").split()}
        return [value for number, (_, value) in enumerate(choices, 1) if number in picked]


def _read(stdin: IO[str], out: IO[str]) -> str:
    """One typed line, after the question was written: the end of input (Ctrl-D, a closed
    input) stops the question, and q alone leaves safecheck (`QuickExit`). What was typed
    before the question was written is gone already (`_ready`)."""
    out.flush()
    line = stdin.readline()
    if not line:
        raise Interrupted()
    if line.strip() in _LEAVE_LINES:
        raise QuickExit()
    return line
