"""Questions asked in the terminal. The only module that talks to questionary.

Ctrl-C and a closed input become `Interrupted` here, in one place.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from safecheck.core import questions
from safecheck.core.errors import Interrupted, NotInteractiveError, QuickExit
from safecheck.core.i18n import N_, t
from safecheck.core.questions import Asking, Move
from safecheck.ui.keys import (
    LEAVE_WORD,
    add_leave_keys,
    answered,
    build_default_bindings_once,
    fit,
    interrupts,
    leave,
    leave_hint,
    leaving_check,
    redraw_cleanly_on_resize,
    show_whole_problems,
    start_empty,
    with_hint,
    yes_no_app,
)
from safecheck.ui.lines import PlainPrompter as PlainPrompter
from safecheck.ui.terminal import stdin_is_terminal as stdin_is_terminal

# questionary and prompt_toolkit take ~100 ms to import: they are imported where a
# question is really asked, so commands that ask nothing (status --json) start fast.
if TYPE_CHECKING:
    import questionary
    from prompt_toolkit.key_binding import KeyPressEvent

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


class Prompter(Asking):
    """Questions as questionary and prompt_toolkit widgets: the arrows or a digit point,
    only Enter answers, so a digit never answers one question while its Enter answers the
    next (`core.questions` describes the questions)."""

    def __init__(self, lang: str, *, quick_exit: bool = False) -> None:
        """Esc twice, or q and Enter, leaves safecheck from any question. With `quick_exit`
        (discreet mode) q alone leaves at once."""
        self.lang = lang
        self._quick_exit = quick_exit

    def can_ask(self) -> bool:
        return input_is_interactive()

    def _select(self, question: questions.Select[T]) -> T:
        return self._choose(question, None)

    def _menu(self, question: questions.Menu[T]) -> T:
        return self._choose(question, question.keys)

    def _text(self, question: questions.Text) -> str:
        return self._line(question)

    def _password(self, question: questions.Password) -> str:
        return self._line(question)

    def _choose(
        self, question: questions.Select[T] | questions.Menu[T], keys: Sequence[str] | None
    ) -> T:
        """One choice from a list; keys 1..9 (or the letters `keys`) point at a choice, Enter
        takes it. The question's `selected()` choice is highlighted at first (else the first)."""
        import questionary

        choices, default = question.choices, question.selected()
        shortcut_keys: Sequence[str | bool] = keys if keys is not None else [True] * len(choices)
        listed = [
            questionary.Choice(title=label, value=index, shortcut_key=key)
            for index, ((label, _), key) in enumerate(zip(choices, shortcut_keys, strict=True))
        ]
        message, instruction = fit(
            question.message,
            self._hint(
                N_("(arrows or a number, then Enter)")
                if keys is None
                else N_("(arrow keys or a letter, then Enter)")
            ),
        )
        widget = questionary.select(
            message,
            choices=listed,
            default=None if default is None else listed[default],
            use_shortcuts=len(choices) <= 9,
            use_jk_keys=False,
            instruction=instruction,
            style=_style(),
            qmark="?",
        )
        if "q" not in (keys or ()):
            self._leave_keys(widget)
        chosen: int = self._run(widget, int)
        return choices[chosen][1]

    def _advance(self, question: questions.Advance) -> Move:
        """Wait for one key: Enter, space, n or right goes on; b or left goes back; m or Esc
        returns to the menu. Other keys do nothing; q and Enter, or Esc twice, leave."""
        import questionary
        from prompt_toolkit import PromptSession
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.keys import Keys

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
        if question.allow_back:
            on("b", "left", move=Move.BACK)
        bindings.add("q", "enter", eager=True)(leave)
        bindings.add("escape", "escape", eager=True)(leave)  # as from every question
        session: PromptSession[Move] = PromptSession(
            [("class:question", f" {question.hint} ")], key_bindings=bindings, style=_style()
        )
        redraw_cleanly_on_resize(session.app)
        answer: Move = self._run(questionary.Question(session.app), Move)
        return answer

    def _line(self, question: questions.Text | questions.Password) -> str:
        """A line of text, hidden for a password. The text is checked when Enter is pressed
        (a password while it is typed); with `path`, Tab completes file names; the answer q
        leaves."""
        import questionary

        message, instruction = fit(question.message, self._hint(""))
        check = question.problem if isinstance(question, questions.Password) else question.check
        common: dict[str, Any] = {"validate": leaving_check(check), "style": _style(), "qmark": "?"}
        if isinstance(question, questions.Password):
            widget = questionary.password(message, instruction=instruction, **common)
        elif question.path:  # questionary.path has no instruction: it goes after the message
            widget = questionary.path(
                message + ("" if instruction.startswith("\n") else " ") + instruction,
                default=question.default,
                validate_while_typing=False,
                **common,
            )
        else:
            widget = questionary.text(
                message,
                default=question.default,
                validate_while_typing=False,
                instruction=instruction,
                **common,
            )
        self._leave_keys(widget, q_is_typed=True)
        answer: str = self._run(widget, str)
        if answer.strip() == LEAVE_WORD:
            raise QuickExit(quietly=self._quick_exit)
        return answer

    def _confirm(self, question: questions.Confirm) -> bool:
        """Yes or no in the screen's language (y or n, j or n in Dutch), then Enter; Enter
        alone takes `default`, so by default no. The answer is echoed as a word (Yes, Ja)."""
        import questionary

        yes_key = t(self.lang, "y")
        keys = f"{yes_key.upper()}/n" if question.default else f"{yes_key}/N"
        message, instruction = fit(question.message, self._hint(f"({keys})"))
        app = yes_no_app(
            message,
            instruction,
            yes=(t(self.lang, "Yes"), {yes_key, "y"}),
            no=(t(self.lang, "No"), {t(self.lang, "n")}),
            default=question.default,
            style=_style(),
        )
        widget = questionary.Question(app)
        self._leave_keys(widget)
        answer: bool = self._run(widget, bool)
        return answer

    def _checkbox(self, question: questions.Checkbox[T]) -> list[T]:
        """Any number of choices: Space ticks one, Enter when done. The chosen words are
        echoed in the screen's language (questionary would say "done")."""
        import questionary
        from prompt_toolkit import print_formatted_text
        from prompt_toolkit.formatted_text import FormattedText

        choices = question.choices
        asked, instruction = fit(
            question.message, self._hint(N_("(Space to tick, Enter when done)"))
        )
        widget = questionary.checkbox(
            asked,
            choices=[
                questionary.Choice(title=label, value=index, checked=value in question.checked)
                for index, (label, value) in enumerate(choices)
            ],
            use_jk_keys=False,
            instruction=instruction,
            style=_style(),
            qmark="?",
            erase_when_done=True,  # the echo below replaces questionary's own
        )
        self._leave_keys(widget)
        answer: list[int] = self._run(widget, list)
        chosen = ", ".join(choices[index][0] for index in answer)
        echo = [("class:qmark", "?"), ("class:question", f" {asked.rstrip()} ")]
        echo.append(("class:answer", chosen or t(self.lang, "none")))
        print_formatted_text(FormattedText(echo), style=_style())
        return [choices[index][1] for index in answer]

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
        show_whole_problems(question.application)

    def _run(self, question: questionary.Question, kind: type) -> Any:
        """The widget's answer, of `kind`; leaving is `QuickExit`, Ctrl-C `Interrupted`.
        Every kind of question starts here from an empty input (`start_empty`). Once the
        question is on screen, Python's cycle collector runs (see `Asking.ask`): each key
        pressed draws it again, and drawing makes garbage only the collector frees."""
        start_empty(question.application)
        question.application.after_render += _on_screen
        with interrupts():
            answer = answered(question.unsafe_ask(), quietly=self._quick_exit)
        if not isinstance(answer, kind):
            raise Interrupted()
        return answer

    def _ready(self) -> None:
        if not input_is_interactive():
            raise NotInteractiveError(
                t(
                    self.lang,
                    "safecheck asks its questions in a terminal, and standard input is not one. "
                    "Run it in a terminal; safecheck COMMAND --help lists what works without one.",
                )
            )
        build_default_bindings_once()


def _on_screen(app: object) -> None:
    from safecheck.core.hardening import resume_collector

    resume_collector()


def make_prompter(lang: str, *, plain: bool, quick_exit: bool = False) -> Prompter | PlainPrompter:
    """The prompter for this run: questionary widgets, or numbered plain text."""
    if plain:
        return PlainPrompter(lang, quick_exit=quick_exit)
    return Prompter(lang, quick_exit=quick_exit)
