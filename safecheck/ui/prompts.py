"""Questions asked in the terminal. The only module that talks to questionary.

Ctrl-C and a closed input become `Interrupted` here, in one place.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable, Collection, Sequence
from functools import cache
from typing import IO, TYPE_CHECKING, Any, TypeVar

from safecheck.content.workshop import Move
from safecheck.core.errors import Interrupted, NotInteractiveError, QuickExit
from safecheck.core.i18n import N_, t

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
    # prompt_toolkit falls back to stdin only when no input was set for this session;
    # an input can only have been set if prompt_toolkit is loaded already.
    if "prompt_toolkit.application.current" in sys.modules:
        from prompt_toolkit.application.current import get_app_session

        if get_app_session()._input is not None:
            return True
    return stdin_is_terminal()


class Prompter:
    def __init__(self, lang: str, *, quick_exit: bool = False) -> None:
        """`quick_exit`: Esc twice, or `q`, leaves safecheck at once from any question."""
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
        question = questionary.select(
            message,
            choices=options,
            default=options[default or 0],
            use_shortcuts=shortcuts,
            use_jk_keys=False,
            instruction=t(self.lang, "(arrow keys or a number, then Enter)"),
            style=_style(),
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
        question = questionary.select(
            message,
            choices=listed,
            default=preselected,
            use_shortcuts=len(choices) <= 9,
            use_jk_keys=False,
            instruction=t(
                self.lang,
                "(arrow keys or a number, then Enter)"
                if keys is None
                else N_("(arrow keys or a letter, then Enter)"),
            ),
            style=_style(),
            qmark="?",
        )
        return values[self._ask(question)]

    def advance(self, hint: str, *, allow_back: bool = True) -> Move:
        """Wait for one key: Enter, space, n or right goes on; b or left goes back; m or Esc
        returns to the menu. Other keys do nothing."""
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
        session: PromptSession[Move] = PromptSession(
            [("class:question", f" {hint} ")], key_bindings=bindings, style=_style()
        )
        try:
            answer = questionary.Question(session.app).unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted() from None
        if not isinstance(answer, Move):
            raise Interrupted()
        return answer

    def can_ask(self) -> bool:
        return input_is_interactive()

    def password(self, message: str, *, problem: Callable[[str], str | None] | None = None) -> str:
        """Hidden text; `problem(text)` says why it is not acceptable (shown, asked again)."""
        import questionary

        self._require_terminal()

        def validate(text: str) -> bool | str:
            reason = problem(text) if problem is not None else None
            return True if reason is None else reason

        question = questionary.password(message, validate=validate, style=_style(), qmark="?")
        answer = self._ask_any(question)
        if not isinstance(answer, str):
            raise Interrupted()
        return answer

    def confirm(self, message: str, *, default: bool = False) -> bool:
        """Yes or no (y or n, then Enter); Enter alone takes `default`, so by default no."""
        import questionary

        self._require_terminal()
        question = questionary.confirm(
            message, default=default, style=_style(), qmark="?", auto_enter=False
        )
        self._leave_on_escape(question)
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

        With `path`, Tab completes file names. The text is checked when Enter is pressed.
        """
        import questionary

        self._require_terminal()

        def validate(text: str) -> bool | str:
            problem = check(text) if check is not None else None
            return True if problem is None else problem

        make = questionary.path if path else questionary.text
        question = make(
            message,
            default=default,
            validate=validate,
            style=_style(),
            qmark="?",
            validate_while_typing=False,
        )
        self._leave_on_escape(question)
        answer = self._run(question)
        if not isinstance(answer, str):
            raise Interrupted()
        return answer

    def checkbox(
        self, message: str, choices: Sequence[tuple[str, T]], *, checked: Collection[T] = ()
    ) -> list[T]:
        """Any number of choices: Space ticks one, Enter when done."""
        import questionary

        self._require_terminal()
        values = [value for _, value in choices]
        question = questionary.checkbox(
            message,
            choices=[
                questionary.Choice(title=label, value=index, checked=value in checked)
                for index, (label, value) in enumerate(choices)
            ],
            use_jk_keys=False,
            instruction=t(self.lang, "(Space to tick, Enter when done)"),
            style=_style(),
            qmark="?",
        )
        self._leave_on_escape(question)
        answer = self._run(question)
        if not isinstance(answer, list):
            raise Interrupted()
        return [values[index] for index in answer]

    def _leave_on_escape(self, question: questionary.Question) -> None:
        """With quick exit, Esc twice leaves (q is a letter to type in these questions)."""
        if not self._quick_exit:
            return
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

        app = question.application
        extra = KeyBindings()
        extra.add("escape", "escape", eager=True)(_leave)
        app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), extra])

    @staticmethod
    def _run(question: questionary.Question) -> Any:
        try:
            answer = question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted() from None
        if answer is _LEAVE:
            raise QuickExit()
        if answer is None:
            raise Interrupted()
        return answer

    @staticmethod
    def _ask_any(question: questionary.Question) -> Any:
        try:
            return question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted() from None

    def _require_terminal(self) -> None:
        if not input_is_interactive():
            raise NotInteractiveError(
                t(
                    self.lang,
                    "safecheck asks its questions in a terminal, and standard input is not one. "
                    "Run it in a terminal, give your answers in a file with --answers FILE, or add "
                    "--no-input to see your progress without questions (see the README).",
                )
            )

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


class PlainPrompter:
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

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, T]],
        *,
        default: int | None = None,
        instant: bool = False,
    ) -> T:
        """With a `default`, an empty line takes it; with `quick_exit`, q leaves at once.

        `instant` has no meaning here: a line is always ended with Enter.
        """
        stdin = self._stdin if self._stdin is not None else sys.stdin
        out = self._stdout if self._stdout is not None else sys.stdout
        if not stdin_is_terminal(stdin):
            raise NotInteractiveError(
                t(
                    self._lang,
                    "safecheck asks its questions in a terminal, and standard input is not one. "
                    "Run it in a terminal, give your answers in a file with --answers FILE, or add "
                    "--no-input to see your progress without questions (see the README).",
                )
            )
        count = len(choices)
        lines = [message] + [f"  {number}. {label}" for number, (label, _) in enumerate(choices, 1)]
        try:
            out.write("\n".join(lines) + "\n")
            while True:
                out.write(
                    t(self._lang, "Type a number from 1 to {count} and press Enter:", count=count)
                    + " "
                )
                out.flush()
                line = stdin.readline()
                if not line:  # Ctrl-D or a closed input
                    raise Interrupted()
                typed = line.strip()
                if self._quick_exit and typed in ("q", "\x1b\x1b"):
                    raise QuickExit()
                if not typed and default is not None:
                    return choices[default][1]
                if typed.isascii() and typed.isdigit() and 1 <= int(typed) <= count:
                    return choices[int(typed) - 1][1]
                out.write(
                    t(
                        self._lang,
                        "That is not one of the choices. Type a number from 1 to {count}.",
                        count=count,
                    )
                    + "\n"
                )
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
            raise NotInteractiveError(
                t(
                    self._lang,
                    "safecheck asks its questions in a terminal, and standard input is not one. "
                    "Run it in a terminal, give your answers in a file with --answers FILE, or add "
                    "--no-input to see your progress without questions (see the README).",
                )
            )
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

    def confirm(self, message: str, *, default: bool = False) -> bool:
        """Yes or no as a typed line: y, yes, j, ja, o or oui is yes; an empty line takes `default`;
        anything else is no."""
        stdin = self._stdin if self._stdin is not None else sys.stdin
        out = self._stdout if self._stdout is not None else sys.stdout
        if not stdin_is_terminal(stdin):
            raise NotInteractiveError(
                t(
                    self._lang,
                    "safecheck asks its questions in a terminal, and standard input is not one. "
                    "Run it in a terminal, give your answers in a file with --answers FILE, or add "
                    "--no-input to see your progress without questions (see the README).",
                )
            )
        try:
            out.write(f"{message} {t(self._lang, '(yes/no, default no)')} ")
            out.flush()
            line = stdin.readline()
        except KeyboardInterrupt:
            out.write("\n")
            raise Interrupted() from None
        if not line:
            raise Interrupted()
        typed = line.strip().lower()
        if self._quick_exit and typed == "\x1b\x1b":
            raise QuickExit()
        if not typed:
            return default
        return typed in ("y", "yes", "j", "ja", "o", "oui")

    def text(
        self,
        message: str,
        *,
        default: str = "",
        check: Callable[[str], str | None] | None = None,
        path: bool = False,
    ) -> str:
        """A line of text; Enter alone keeps the default (shown in brackets)."""
        stdin = self._stdin if self._stdin is not None else sys.stdin
        out = self._stdout if self._stdout is not None else sys.stdout
        if not stdin_is_terminal(stdin):
            raise NotInteractiveError(
                t(
                    self._lang,
                    "safecheck asks its questions in a terminal, and standard input is not one. "
                    "Run it in a terminal, give your answers in a file with --answers FILE, or add "
                    "--no-input to see your progress without questions (see the README).",
                )
            )
        prompt = f"{message} [{default}] " if default else f"{message} "
        try:
            while True:
                out.write(prompt)
                out.flush()
                line = stdin.readline()
                if not line:
                    raise Interrupted()
                if self._quick_exit and line.strip() == "\x1b\x1b":
                    raise QuickExit()
                answer = line.rstrip("\r\n") or default
                problem = check(answer) if check is not None else None
                if problem is None:
                    return answer
                out.write(problem + "\n")
        except KeyboardInterrupt:
            out.write("\n")
            raise Interrupted() from None

    def checkbox(
        self, message: str, choices: Sequence[tuple[str, T]], *, checked: Collection[T] = ()
    ) -> list[T]:
        """Numbers separated by spaces or commas; Enter alone keeps what is ticked."""
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

        out = self._stdout if self._stdout is not None else sys.stdout
        out.write("\n".join([message, *labels]) + "\n")
        answer = self.text(
            t(
                self._lang,
                "Type the numbers that apply (e.g. 1 3), or nothing, and press Enter:",
                count=count,
            ),
            default=current,
            check=check,
        )
        picked = {int(p) for p in answer.replace(",", " ").split()}
        return [value for number, (_, value) in enumerate(choices, 1) if number in picked]


def make_prompter(lang: str, *, plain: bool, quick_exit: bool = False) -> Prompter | PlainPrompter:
    """The prompter for this run: questionary widgets, or numbered plain text."""
    if plain:
        return PlainPrompter(lang, quick_exit=quick_exit)
    return Prompter(lang, quick_exit=quick_exit)


_LEAVE = object()


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


def _leave(event: KeyPressEvent) -> None:
    event.app.exit(result=_LEAVE)
