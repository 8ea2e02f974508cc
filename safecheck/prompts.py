"""Questions asked in the terminal. The only module that talks to questionary.

Ctrl-C and a closed input become `Interrupted` here, in one place.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import questionary
from prompt_toolkit.application.current import get_app_session

from safecheck.errors import Interrupted, NotInteractiveError

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


def input_is_interactive() -> bool:
    """True when questions can be asked: stdin is a terminal, or a test set an input."""
    # prompt_toolkit falls back to stdin only when no input was set for this session.
    return get_app_session()._input is not None or sys.stdin.isatty()


class Prompter:
    def __init__(self, not_interactive_message: str) -> None:
        self._not_interactive_message = not_interactive_message

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
            raise NotInteractiveError(self._not_interactive_message)

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
