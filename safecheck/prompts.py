"""Questions asked in the terminal. The only module that talks to questionary.

Ctrl-C and a closed input become `Interrupted` here, in one place.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TypeVar

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

    def _require_terminal(self) -> None:
        if not input_is_interactive():
            raise NotInteractiveError(t(self.lang, "not_interactive"))

    @staticmethod
    def _ask(question: questionary.Question) -> int:
        try:
            answer = question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted() from None
        if not isinstance(answer, int):
            raise Interrupted()
        return answer
