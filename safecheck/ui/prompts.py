"""Questions asked in the terminal. The only module that talks to questionary.

Ctrl-C and a closed input become `Interrupted` here, in one place.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from safecheck.content.moves import Move
from safecheck.core.errors import Interrupted, NotInteractiveError, QuickExit
from safecheck.core.i18n import N_, t
from safecheck.ui.keys import (
    LEAVE_WORD,
    add_leave_keys,
    answered,
    fit,
    interrupts,
    leave,
    leave_hint,
    leaving_check,
    redraw_cleanly_on_resize,
    with_hint,
    yes_no_app,
)
from safecheck.ui.lines import PlainPrompter as PlainPrompter
from safecheck.ui.terminal import stdin_is_terminal as stdin_is_terminal

# questionary and prompt_toolkit take ~100 ms to import: they are imported where a
# question is really asked, so commands that ask nothing (status --json) start fast.
if TYPE_CHECKING:
    import questionary
    from prompt_toolkit.key_binding import KeyBindings, KeyBindingsBase, KeyPressEvent
    from prompt_toolkit.key_binding.key_bindings import Binding

T = TypeVar("T")


@cache
def _style() -> questionary.Style:
    import questionary

    return questionary.Style(
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
    # prompt_toolkit falls back to stdin only when no input was set for this session;
    # an input can only have been set if prompt_toolkit is loaded already.
    if "prompt_toolkit.application.current" in sys.modules:
        from prompt_toolkit.application.current import get_app_session

        if get_app_session()._input is not None:
            return True
    return stdin_is_terminal()


class Prompter:
    def __init__(self, lang: str, *, quick_exit: bool = False) -> None:
        """Esc twice, or q and Enter, leaves safecheck from any question. With `quick_exit`
        (discreet mode) q alone leaves at once."""
        self.lang = lang
        self._quick_exit = quick_exit

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, T]],
        *,
        default: int | None = None,
        instant: bool = False,
    ) -> T:
        """One choice from a list; keys 1..9 jump to a choice, Enter takes it.

        `default` is the choice highlighted at first (else the first). With `instant`,
        a digit key takes its choice at once, without Enter.
        """
        import questionary
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

        self._require_terminal()
        values = [value for _, value in choices]
        shortcuts = len(choices) <= 9
        options = [
            questionary.Choice(title=label, value=index) for index, (label, _) in enumerate(choices)
        ]
        message, instruction = fit(message, self._hint(N_("(arrows or a number, then Enter)")))
        question = questionary.select(
            message,
            choices=options,
            default=options[default or 0],
            use_shortcuts=shortcuts,
            use_jk_keys=False,
            instruction=instruction,
            style=_style(),
            qmark="?",
        )
        app = question.application
        if instant and shortcuts:
            own = app.key_bindings or KeyBindings()
            extra = KeyBindings()
            for index in range(len(choices)):
                _take_at_once(extra, own, str(index + 1), index)
            app.key_bindings = merge_key_bindings([own, extra])
        self._leave_keys(question)
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
        import questionary

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
        message, instruction = fit(
            message,
            self._hint(
                N_("(arrows or a number, then Enter)")
                if keys is None
                else N_("(arrow keys or a letter, then Enter)")
            ),
        )
        question = questionary.select(
            message,
            choices=listed,
            default=preselected,
            use_shortcuts=len(choices) <= 9,
            use_jk_keys=False,
            instruction=instruction,
            style=_style(),
            qmark="?",
        )
        if "q" not in (keys or ()):
            self._leave_keys(question)
        return values[self._ask(question)]

    def advance(self, hint: str, *, allow_back: bool = True) -> Move:
        """Wait for one key: Enter, space, n or right goes on; b or left goes back; m or Esc
        returns to the menu. Other keys do nothing; q and Enter leave."""
        import questionary
        from prompt_toolkit import PromptSession
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.keys import Keys

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
        bindings.add("q", "enter", eager=True)(leave)
        session: PromptSession[Move] = PromptSession(
            [("class:question", f" {hint} ")], key_bindings=bindings, style=_style()
        )
        redraw_cleanly_on_resize(session.app)
        with interrupts():
            answer = answered(questionary.Question(session.app).unsafe_ask())
        if not isinstance(answer, Move):
            raise Interrupted()
        return answer

    def can_ask(self) -> bool:
        return input_is_interactive()

    def password(self, message: str, *, problem: Callable[[str], str | None] | None = None) -> str:
        """Hidden text; `problem(text)` says why it is not acceptable (shown, asked again)."""
        import questionary

        self._require_terminal()
        message, instruction = fit(message, self._hint(""))
        question = questionary.password(
            message,
            validate=leaving_check(problem),
            style=_style(),
            qmark="?",
            instruction=instruction,
        )
        self._leave_keys(question, q_is_typed=True)
        answer = self._run(question)
        if not isinstance(answer, str):
            raise Interrupted()
        return self._typed(answer)

    def confirm(self, message: str, *, default: bool = False) -> bool:
        """Yes or no in the screen's language (y or n, j or n in Dutch), then Enter; Enter
        alone takes `default`, so by default no. The answer is echoed as a word (Yes, Ja)."""
        import questionary

        self._require_terminal()
        yes_key = t(self.lang, "y")
        keys = f"{yes_key.upper()}/n" if default else f"{yes_key}/N"
        message, instruction = fit(message, self._hint(f"({keys})"))
        app = yes_no_app(
            message,
            instruction,
            yes=(t(self.lang, "Yes"), {yes_key, "y"}),
            no=(t(self.lang, "No"), {t(self.lang, "n")}),
            default=default,
            style=_style(),
        )
        question = questionary.Question(app)
        self._leave_keys(question)
        answer = self._run(question)
        if not isinstance(answer, bool):
            raise Interrupted()
        return answer

    def text(
        self,
        message: str,
        *,
        default: str = "",
        check: Callable[[str], str | None] | None = None,
        path: bool = False,
    ) -> str:
        """A line of text; `check` returns an error to show, or None when the text is fine.

        With `path`, Tab completes file names. The text is checked when Enter is pressed;
        the answer q leaves.
        """
        import questionary

        self._require_terminal()
        message, instruction = fit(message, self._hint(""))
        if path:  # questionary.path has no instruction: it goes after the message
            question = questionary.path(
                message + ("" if instruction.startswith("\n") else " ") + instruction,
                default=default,
                validate=leaving_check(check),
                style=_style(),
                qmark="?",
                validate_while_typing=False,
            )
        else:
            question = questionary.text(
                message,
                default=default,
                validate=leaving_check(check),
                style=_style(),
                qmark="?",
                validate_while_typing=False,
                instruction=instruction,
            )
        self._leave_keys(question, q_is_typed=True)
        answer = self._run(question)
        if not isinstance(answer, str):
            raise Interrupted()
        return self._typed(answer)

    def checkbox(
        self, message: str, choices: Sequence[tuple[str, T]], *, checked: Collection[T] = ()
    ) -> list[T]:
        """Any number of choices: Space ticks one, Enter when done. The chosen words are
        echoed in the screen's language (questionary would say "done")."""
        import questionary
        from prompt_toolkit import print_formatted_text
        from prompt_toolkit.formatted_text import FormattedText

        self._require_terminal()
        values = [value for _, value in choices]
        asked, instruction = fit(message, self._hint(N_("(Space to tick, Enter when done)")))
        question = questionary.checkbox(
            asked,
            choices=[
                questionary.Choice(title=label, value=index, checked=value in checked)
                for index, (label, value) in enumerate(choices)
            ],
            use_jk_keys=False,
            instruction=instruction,
            style=_style(),
            qmark="?",
            erase_when_done=True,  # the echo below replaces questionary's own
        )
        self._leave_keys(question)
        answer = self._run(question)
        if not isinstance(answer, list):
            raise Interrupted()
        chosen = ", ".join(choices[index][0] for index in answer)
        echo = [("class:qmark", "?"), ("class:question", f" {asked.rstrip()} ")]
        echo.append(("class:answer", chosen or t(self.lang, "none")))
        print_formatted_text(FormattedText(echo), style=_style())
        return [values[index] for index in answer]

    def _hint(self, instruction: str) -> str:
        """The instruction of a question (English, translated here) and how to leave."""
        text = t(self.lang, instruction) if instruction else instruction
        if not text:
            return f"({leave_hint(self.lang)})"
        return with_hint(text, self.lang, q_at_once=self._quick_exit)

    def _leave_keys(self, question: questionary.Question, *, q_is_typed: bool = False) -> None:
        """How to leave this question, and a clean redraw when the terminal is resized."""
        add_leave_keys(question.application, q_at_once=self._quick_exit, q_is_typed=q_is_typed)
        redraw_cleanly_on_resize(question.application)

    @staticmethod
    def _typed(answer: str) -> str:
        if answer.strip() == LEAVE_WORD:
            raise QuickExit()
        return answer

    @staticmethod
    def _run(question: questionary.Question) -> Any:
        with interrupts():
            return answered(question.unsafe_ask())

    def _require_terminal(self) -> None:
        if not input_is_interactive():
            raise NotInteractiveError(
                t(
                    self.lang,
                    "safecheck asks its questions in a terminal, and standard input is not one. "
                    "Run it in a terminal; safecheck COMMAND --help lists what works without one.",
                )
            )

    @staticmethod
    def _ask(question: questionary.Question) -> int:
        with interrupts():
            answer = answered(question.unsafe_ask())
        if not isinstance(answer, int):
            raise Interrupted()
        return answer


def make_prompter(lang: str, *, plain: bool, quick_exit: bool = False) -> Prompter | PlainPrompter:
    """The prompter for this run: questionary widgets, or numbered plain text."""
    if plain:
        return PlainPrompter(lang, quick_exit=quick_exit)
    return Prompter(lang, quick_exit=quick_exit)


def _take_at_once(bindings: KeyBindings, own: KeyBindingsBase, key: str, index: int) -> None:
    """Bind `key` to point at choice `index` and take it, as the key and then Enter would."""

    def own_handlers(keys: tuple[str, ...]) -> list[Binding]:
        return [binding for binding in own.get_bindings_for_keys(keys) if binding.keys == keys]

    from prompt_toolkit.keys import Keys

    @bindings.add(key, eager=True)
    def take(event: KeyPressEvent) -> None:
        point, enter = own_handlers((key,)), own_handlers((Keys.ControlM,))
        if not point or not enter:  # questionary changed: take the choice directly
            event.app.exit(result=index)
            return
        point[-1].call(event)
        enter[-1].call(event)
