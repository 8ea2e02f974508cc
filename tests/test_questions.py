"""One question model, two renderers: every kind of question is asked and left the same way
by the widgets (`Prompter`) and by plain lines (`PlainPrompter`), and no third copy of a
question kind appears anywhere else in the package."""

from __future__ import annotations

import ast
import io
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput

import safecheck
from safecheck.core import questions
from safecheck.core.errors import QuickExit
from safecheck.core.questions import (
    Advance,
    Asking,
    Checkbox,
    Confirm,
    Menu,
    Move,
    Password,
    Question,
    Select,
    Text,
)
from safecheck.ui.lines import PlainPrompter
from safecheck.ui.prompts import Prompter
from tests import keys

PACKAGE = Path(safecheck.__file__).parent


class TypedLines(io.StringIO):
    """Lines as typed at a terminal: a real text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


# Each kind: a question, what is typed in plain mode, the keys pressed in a widget, the answer.
SAMPLES: dict[type[Question[Any]], tuple[Question[Any], str, str, object]] = {
    Select: (Select("Pick", [("One", "a"), ("Two", "b")]), "2\n", "2" + keys.ENTER, "b"),
    Menu: (Menu("Part?", [("One", 1), ("Two", 2)], default=1), "2\n", "2" + keys.ENTER, 2),
    Text: (Text("Platform?"), "Snap\n", "Snap" + keys.ENTER, "Snap"),
    Password: (Password("Passphrase?"), "long words\n", "long words" + keys.ENTER, "long words"),
    Confirm: (Confirm("Sure?"), "y\n", "y" + keys.ENTER, True),
    Checkbox: (
        Checkbox("What?", [("Money", 1), ("Images", 2)]),
        "2\n",
        keys.DOWN + " " + keys.ENTER,
        [2],
    ),
    Advance: (Advance("Enter: next  ·  b: back  ·  m: menu"), "\n", keys.ENTER, Move.NEXT),
}
KINDS = list(SAMPLES)


def test_the_model_lists_every_kind_once() -> None:
    """`KINDS` and the samples here agree (a kind added to the model without a sample
    fails here), and each asker draws every kind."""
    declared = {
        value
        for value in vars(questions).values()
        if isinstance(value, type) and issubclass(value, Question) and value is not Question
    }
    assert declared == set(questions.KINDS) == set(SAMPLES)
    # Each kind has its own drawing in each asker (Asking.ask hands it over).
    drawn = {f"_{kind.__name__.lower()}" for kind in questions.KINDS}
    assert drawn <= Asking.__abstractmethods__
    for asker in (Prompter, PlainPrompter):
        assert not asker.__abstractmethods__
        assert all(name in vars(asker) for name in drawn), asker


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_the_plain_prompter_asks_every_kind(kind: type[Question[Any]]) -> None:
    question, typed, _, answer = SAMPLES[kind]
    out = io.StringIO()
    assert PlainPrompter("en", stdin=TypedLines(typed), stdout=out).ask(question) == answer
    assert "\x1b" not in out.getvalue()  # plain: no escape sequences


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_the_widgets_ask_every_kind(pipe: PipeInput, kind: type[Question[Any]]) -> None:
    question, _, pressed, answer = SAMPLES[kind]
    pipe.send_text(pressed)
    assert Prompter("en").ask(question) == answer


@pytest.mark.parametrize("leave", ["q", "\x1b\x1b"], ids=["q", "esc-esc"])
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_q_enter_and_esc_twice_leave_every_kind_in_plain_lines(
    kind: type[Question[Any]], leave: str
) -> None:
    question = SAMPLES[kind][0]
    prompter = PlainPrompter("en", stdin=TypedLines(leave + "\n"), stdout=io.StringIO())
    with pytest.raises(QuickExit):
        prompter.ask(question)


@pytest.mark.parametrize("leave", ["q" + keys.ENTER, keys.ESC + keys.ESC], ids=["q", "esc-esc"])
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_q_enter_and_esc_twice_leave_every_kind_in_the_widgets(
    pipe: PipeInput, kind: type[Question[Any]], leave: str
) -> None:
    pipe.send_text(leave)
    with pytest.raises(QuickExit):
        Prompter("en").ask(SAMPLES[kind][0])


def test_a_menu_with_letters_takes_a_letter_or_its_number_in_plain_lines() -> None:
    menu = Menu("Which answer?", [("A", 0), ("B", 1), ("Menu", None)], keys=["a", "b", "m"])
    out = io.StringIO()
    assert PlainPrompter("en", stdin=TypedLines("x\nb\n"), stdout=out).ask(menu) == 1
    assert "  A. A\n  B. B\n  M. Menu\n" in out.getvalue()
    assert "That is not one of the choices. Type A/B/M." in out.getvalue()
    assert PlainPrompter("en", stdin=TypedLines("3\n"), stdout=out).ask(menu) is None


# Each call of `Asking` and the fields of the kind it asks (`select` asks a `Select`...).
FIELDS = {
    name: {field for field in kind.__dataclass_fields__ if field != "__weakref__"}
    for name, kind in (
        ("select", Select),
        ("menu", Menu),
        ("text", Text),
        ("password", Password),
        ("confirm", Confirm),
        ("checkbox", Checkbox),
        ("advance", Advance),
    )
}
# storage's own port for a passphrase: it takes message values (`Message`), not text, so it
# is not a question kind; app/run.py adapts the prompter to it.
PORTS = {("storage/sealing.py", "PassphraseAsker"), ("app/run.py", "_Asker")}


def asks_a_kind(method: ast.FunctionDef) -> bool:
    """A method that spells out a question kind again: named like one of `Asking`'s calls,
    with that kind's fields as its parameters (the first one first, nothing else)."""
    if method.name not in FIELDS or method.args.kwarg or method.args.vararg:
        return False
    arguments = method.args.posonlyargs + method.args.args + method.args.kwonlyargs
    names = [argument.arg for argument in arguments if argument.arg != "self"]
    return bool(names) and names[0] in ("message", "hint") and set(names) <= FIELDS[method.name]


def test_the_calls_of_asking_are_the_kinds() -> None:
    calls = {name for name in vars(Asking) if not name.startswith("_")} - {"ask", "can_ask"}
    assert calls == set(FIELDS)


def test_the_walk_in_a_real_terminal_asks_every_kind() -> None:
    """test_one_key presses a digit then Enter at each kind in tmux: a new kind joins it."""
    from tests.test_one_key import EVERY_KIND

    assert [name for name in FIELDS if f"ask.{name}(" not in EVERY_KIND] == []


def test_no_third_copy_of_a_question_kind() -> None:
    """A question kind is described once (core/questions.py) and drawn by the two askers'
    `ask`: no other class (a protocol of a flow, a third prompter) spells out `select`,
    `menu`, `text`, `password`, `confirm`, `checkbox` or `advance` again."""
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if where == "core/questions.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or (where, node.name) in PORTS:
                continue
            copies += [
                f"{where}:{method.lineno} {node.name}.{method.name}"
                for method in node.body
                if isinstance(method, ast.FunctionDef) and asks_a_kind(method)
            ]
    assert copies == []
