"""Questions asked in the terminal. The only module that talks to questionary.

Ctrl-C and a closed input become `Interrupted` here, in one place.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TypeVar

import questionary
from prompt_toolkit import PromptSession
from prompt_toolkit.application.current import get_app_session
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys

from safecheck.errors import Interrupted, NotInteractiveError
from safecheck.i18n import t
from safecheck.workshop import Move

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

    # --- workshop (presenter) prompts ---

    def menu(
        self,
        message: str,
        choices: Sequence[tuple[str, T]],
        *,
        default: T | None = None,
        keys: Sequence[str] | None = None,
    ) -> T:
        """Like `select`, with a preselected choice and, optionally, one letter key per choice."""
        self._require_terminal()
        values = [value for _, value in choices]
        if keys is not None and len(keys) != len(choices):
            raise ValueError("one key per choice")
        shortcut_keys: Sequence[str | bool] = keys if keys is not None else [True] * len(choices)
        listed = [
            questionary.Choice(title=label, value=index, shortcut_key=key)
            for index, ((label, _), key) in enumerate(zip(choices, shortcut_keys, strict=True))
        ]
        preselected = (
            None
            if default is None
            else next(
                (choice for choice, value in zip(listed, values, strict=True) if value == default),
                None,
            )
        )
        question = questionary.select(
            message,
            choices=listed,
            default=preselected,
            use_shortcuts=len(choices) <= 9,
            use_jk_keys=False,
            instruction=t(self.lang, "ask.instruction" if keys is None else "ask.letter"),
            style=STYLE,
            qmark="?",
        )
        return values[self._ask(question)]

    def advance(self, hint: str, *, allow_back: bool = True) -> Move:
        """Wait for one key: Enter, space, n or right goes on; b or left goes back; m or Esc
        returns to the menu. Other keys do nothing."""
        self._require_terminal()
        bindings = KeyBindings()

        def on(*names: str, move: Move) -> None:
            for name in names:

                @bindings.add(name)
                def _(event: KeyPressEvent) -> None:
                    event.app.exit(result=move)

        @bindings.add(Keys.Any)
        def _ignore(event: KeyPressEvent) -> None:
            """Any other key: nothing happens, and nothing is typed."""

        on("enter", " ", "n", "right", move=Move.NEXT)
        on("m", "escape", move=Move.MENU)
        if allow_back:
            on("b", "left", move=Move.BACK)
        session: PromptSession[Move] = PromptSession(
            [("class:question", f" {hint} ")], key_bindings=bindings, style=STYLE
        )
        try:
            answer = questionary.Question(session.app).unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted() from None
        if not isinstance(answer, Move):
            raise Interrupted()
        return answer

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
