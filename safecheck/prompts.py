"""Questions asked in the terminal. The only module that talks to questionary.

Ctrl-C and a closed input become `Interrupted` here, in one place.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Sequence
from typing import Any, TypeVar

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


def input_is_interactive() -> bool:
    """True when questions can be asked: stdin is a terminal, or a test set an input."""
    # prompt_toolkit falls back to stdin only when no input was set for this session.
    return get_app_session()._input is not None or sys.stdin.isatty()


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

    def text(
        self,
        message: str,
        *,
        default: str = "",
        check: Callable[[str], str | None] | None = None,
        path: bool = False,
    ) -> str:
        """A line of text; `check` returns an error to show, or None when the text is fine.

        With `path`, Tab completes file names. The text is checked when Enter is pressed.
        """
        self._require_terminal()

        def validate(text: str) -> bool | str:
            problem = check(text) if check is not None else None
            return True if problem is None else problem

        make = questionary.path if path else questionary.text
        question = make(
            message,
            default=default,
            validate=validate,
            style=STYLE,
            qmark="?",
            validate_while_typing=False,
        )
        answer = self._run(question)
        if not isinstance(answer, str):
            raise Interrupted()
        return answer

    def confirm(self, message: str, *, default: bool = True) -> bool:
        """Yes or no, as a choice of two (keys 1 and 2 work in every language)."""
        choices = [(t(self.lang, "ask.yes"), True), (t(self.lang, "ask.no"), False)]
        if not default:
            choices.reverse()
        return self.select(message, choices)

    def checkbox(
        self, message: str, choices: Sequence[tuple[str, T]], *, checked: Collection[T] = ()
    ) -> list[T]:
        """Any number of choices: Space ticks one, Enter when done."""
        self._require_terminal()
        values = [value for _, value in choices]
        question = questionary.checkbox(
            message,
            choices=[
                questionary.Choice(title=label, value=index, checked=value in checked)
                for index, (label, value) in enumerate(choices)
            ],
            use_jk_keys=False,
            instruction=t(self.lang, "ask.checkbox_instruction"),
            style=STYLE,
            qmark="?",
        )
        answer = self._run(question)
        if not isinstance(answer, list):
            raise Interrupted()
        return [values[index] for index in answer]

    def _require_terminal(self) -> None:
        if not input_is_interactive():
            raise NotInteractiveError(t(self.lang, "not_interactive"))

    @classmethod
    def _ask(cls, question: questionary.Question) -> int:
        answer = cls._run(question)
        if not isinstance(answer, int):
            raise Interrupted()
        return answer

    @staticmethod
    def _run(question: questionary.Question) -> Any:
        try:
            answer = question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted() from None
        if answer is None:
            raise Interrupted()
        return answer
