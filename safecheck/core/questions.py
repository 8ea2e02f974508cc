"""What a question says, once, for every way of asking it.

A flow describes a question as one small value (a `Select`, a `Text`, a `Confirm`...) and
hands it to an `Asker`; it never knows how the question is drawn. Two askers draw them:
`ui.prompts.Prompter` (widgets: arrows, a digit to point, Enter to answer) and
`ui.lines.PlainPrompter` (numbered lines for screen readers). Both hold the one key model:
a digit or a letter points, only Enter answers; q and Enter, or Esc twice, leave from every
question; Ctrl-C and a closed input stop it.

The methods of `Asking` (`select`, `text`, `confirm`...) are the same questions written as
calls, for callers outside the flows; they are defined here once, for both askers.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")
Answer = TypeVar("Answer", covariant=True)
Check = Callable[[str], str | None]  # why a typed text is not acceptable, or None


class Move(StrEnum):
    """Where a reader goes from a workshop screen: on, back, or to the menu."""

    NEXT = "next"
    BACK = "back"
    MENU = "menu"


class Question(Generic[Answer]):
    """A question whose answer is an `Answer`. Only the kinds below are questions."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Select(Question[T]):
    """One of `choices` (label, value); `default` is the index highlighted (or taken by an
    empty line) at first."""

    message: str
    choices: Sequence[tuple[str, T]]
    default: int | None = None

    def selected(self) -> int | None:
        """The index of the choice highlighted at first, if any (as for a `Menu`)."""
        return self.default


@dataclass(frozen=True, slots=True)
class Menu(Question[T]):
    """Like `Select`, with the value preselected as `default`, and optionally one letter
    key per choice instead of the numbers."""

    message: str
    choices: Sequence[tuple[str, T]]
    default: T | None = None
    keys: Sequence[str] | None = None

    def __post_init__(self) -> None:
        if self.keys is not None and len(self.keys) != len(self.choices):
            raise ValueError("one key per choice")

    def selected(self) -> int | None:
        """The index of the preselected choice, if any."""
        if self.default is None:
            return None
        return next((n for n, (_, value) in enumerate(self.choices) if value == self.default), None)


@dataclass(frozen=True, slots=True)
class Text(Question[str]):
    """A line of text; `check` says why it is not acceptable (it is asked again). With
    `path`, Tab completes file names. Enter alone keeps `default`."""

    message: str
    default: str = ""
    check: Check | None = None
    path: bool = False


@dataclass(frozen=True, slots=True)
class Password(Question[str]):
    """Hidden text; `problem` says why it is not acceptable (it is asked again)."""

    message: str
    problem: Check | None = None


@dataclass(frozen=True, slots=True)
class Confirm(Question[bool]):
    """Yes or no in the reader's language; Enter alone takes `default`."""

    message: str
    default: bool = False


@dataclass(frozen=True, slots=True)
class Checkbox(Question[list[T]]):
    """Any number of `choices`; those in `checked` are ticked at first."""

    message: str
    choices: Sequence[tuple[str, T]]
    checked: Collection[T] = ()


@dataclass(frozen=True, slots=True)
class Advance(Question[Move]):
    """One key on a workshop screen: on, back (unless not `allow_back`), or to the menu.
    `hint` says which keys do what."""

    hint: str
    allow_back: bool = True


KINDS: tuple[type[Question[Any]], ...] = (Select, Menu, Text, Password, Confirm, Checkbox, Advance)


class Asker(Protocol):
    """What the flows ask with: any question, and whether questions can be asked at all."""

    def ask(self, question: Question[T]) -> T: ...

    def can_ask(self) -> bool: ...


class Asking(ABC):
    """The base of both askers. `ask` hands each kind to its own method, which draws the
    question and reads the answer: an asker must have one for every kind. The calls below
    (`select`, `text`...) build the question and ask it."""

    def ask(self, question: Question[T]) -> T:
        """The answer to `question`, drawn and read by this asker's method for its kind
        (`_select` for a `Select`...): an asker without one for every kind cannot be made.
        Python's cycle collector, resting while safecheck starts, runs again once the first
        question is on screen (the widgets' first frame) and at the latest once it is
        answered or left (`core.hardening.resume_collector`)."""
        from safecheck.core.hardening import resume_collector

        try:
            self._ready()
            kind = type(question)
            if kind not in KINDS:
                raise TypeError(f"not a kind of question: {kind.__name__}")
            answer: T = getattr(self, f"_{kind.__name__.lower()}")(question)
        finally:
            resume_collector()
        return answer

    @abstractmethod
    def can_ask(self) -> bool: ...

    @abstractmethod
    def _ready(self) -> None:
        """Raise `NotInteractiveError` when no question can be asked (input is no terminal)."""

    @abstractmethod
    def _select(self, question: Select[T]) -> T:
        """One of the choices: a digit or the arrows point, Enter answers."""

    @abstractmethod
    def _menu(self, question: Menu[T]) -> T:
        """Like `_select`, with a choice preselected, or letters instead of digits."""

    @abstractmethod
    def _text(self, question: Text) -> str:
        """A line of text, asked again while `check` finds a problem; the answer q leaves."""

    @abstractmethod
    def _password(self, question: Password) -> str:
        """A line of hidden text, asked again while `problem` finds one."""

    @abstractmethod
    def _confirm(self, question: Confirm) -> bool:
        """Yes or no in the reader's language; Enter alone takes the default."""

    @abstractmethod
    def _checkbox(self, question: Checkbox[T]) -> list[T]:
        """Any number of the choices, ticked one by one, then Enter."""

    @abstractmethod
    def _advance(self, question: Advance) -> Move:
        """One key on a workshop screen: on, back or to the menu."""

    def select(
        self, message: str, choices: Sequence[tuple[str, T]], *, default: int | None = None
    ) -> T:
        return self.ask(Select(message, choices, default))

    def menu(
        self,
        message: str,
        choices: Sequence[tuple[str, T]],
        *,
        default: T | None = None,
        keys: Sequence[str] | None = None,
    ) -> T:
        return self.ask(Menu(message, choices, default, keys))

    def text(
        self, message: str, *, default: str = "", check: Check | None = None, path: bool = False
    ) -> str:
        return self.ask(Text(message, default, check, path))

    def password(self, message: str, *, problem: Check | None = None) -> str:
        return self.ask(Password(message, problem))

    def confirm(self, message: str, *, default: bool = False) -> bool:
        return self.ask(Confirm(message, default))

    def checkbox(
        self, message: str, choices: Sequence[tuple[str, T]], *, checked: Collection[T] = ()
    ) -> list[T]:
        return self.ask(Checkbox(message, choices, checked))

    def advance(self, hint: str, *, allow_back: bool = True) -> Move:
        return self.ask(Advance(hint, allow_back))
