"""Questions asked in the terminal. The only module that talks to questionary.

Ctrl-C and a closed input become `Interrupted` here, in one place.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TypeVar

import questionary
from prompt_toolkit.application.current import get_app_session
from prompt_toolkit.key_binding import (
    KeyBindings,
    KeyBindingsBase,
    KeyPressEvent,
    merge_key_bindings,
)
from prompt_toolkit.key_binding.key_bindings import Binding
from prompt_toolkit.keys import Keys

from safecheck.errors import Interrupted, NotInteractiveError, QuickExit

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
    def __init__(self, not_interactive_message: str, *, quick_exit: bool = False) -> None:
        """`quick_exit`: Esc twice, or `q`, leaves safecheck at once from any question."""
        self._not_interactive_message = not_interactive_message
        self._quick_exit = quick_exit

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, T]],
        *,
        default: int = 0,
        instant: bool = False,
    ) -> T:
        """One choice from a list; keys 1..9 jump to a choice, Enter takes it.

        `default` is the choice highlighted at first. With `instant`, a digit key takes
        its choice at once, without Enter.
        """
        self._require_terminal()
        values = [value for _, value in choices]
        shortcuts = len(choices) <= 9
        options = [
            questionary.Choice(title=label, value=index) for index, (label, _) in enumerate(choices)
        ]
        question = questionary.select(
            message,
            choices=options,
            default=options[default],
            use_shortcuts=shortcuts,
            use_jk_keys=False,
            style=STYLE,
            qmark="?",
        )
        app = question.application
        own = app.key_bindings or KeyBindings()
        extra = KeyBindings()
        if instant and shortcuts:
            for index in range(len(choices)):
                _take_at_once(extra, own, str(index + 1), index)
        if self._quick_exit:
            extra.add("escape", "escape", eager=True)(_leave)
            extra.add("q", eager=True)(_leave)
        # For the same key, the binding added last wins: ours over questionary's.
        app.key_bindings = merge_key_bindings([own, extra])
        return values[self._ask(question)]

    def _require_terminal(self) -> None:
        if not input_is_interactive():
            raise NotInteractiveError(self._not_interactive_message)

    @staticmethod
    def _ask(question: questionary.Question) -> int:
        try:
            answer = question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted() from None
        if answer is _LEAVE:
            raise QuickExit()
        if not isinstance(answer, int):
            raise Interrupted()
        return answer


_LEAVE = object()


def _take_at_once(bindings: KeyBindings, own: KeyBindingsBase, key: str, index: int) -> None:
    """Bind `key` to point at choice `index` and take it, as the key and then Enter would."""

    def own_handlers(keys: tuple[str, ...]) -> list[Binding]:
        return [binding for binding in own.get_bindings_for_keys(keys) if binding.keys == keys]

    @bindings.add(key, eager=True)
    def take(event: KeyPressEvent) -> None:
        point, enter = own_handlers((key,)), own_handlers((Keys.ControlM,))
        if not point or not enter:  # questionary changed: take the choice directly
            event.app.exit(result=index)
            return
        point[-1].call(event)
        enter[-1].call(event)


def _leave(event: KeyPressEvent) -> None:
    event.app.exit(result=_LEAVE)
