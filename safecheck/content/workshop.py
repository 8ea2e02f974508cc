"""Workshop mode: a presenter flow for a group, and a quiz. It saves nothing.

The content is YAML under `checklists/workshop/` (`workshop.yaml`, `quiz.yaml`),
validated here into frozen models with file:line errors. The flow talks to a
`core.questions.Asker` (keys) and a `Stage` (what the group sees), never to a terminal or to
the state folder: a workshop leaves no trace on the computer it runs on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from safecheck.content import yamlfile
from safecheck.content.checklist import (
    Text,
    _id,
    _named_as_file,
    _required,
    _text,
    builtin_dir,
)
from safecheck.content.yamlfile import Loc, Located
from safecheck.core.i18n import N_
from safecheck.core.region import Region

T = TypeVar("T")
E = TypeVar("E", bound=yamlfile.HasId)

SPEAKERS = ("them", "you")
NOTE = "note"  # a chat line that tells what happens, said by nobody
QUIZ_LETTERS = "abcd"


@dataclass(frozen=True, slots=True)
class ChatLine:
    speaker: str  # "them", "you" or "note"
    text: Text


@dataclass(frozen=True, slots=True)
class Slide:
    title: Text
    body: Text | None
    chat: tuple[ChatLine, ...]
    question: Text | None  # asked to the group; the presenter reveals the answer
    reveal: Text | None
    helplines: bool  # show the help lines of the chosen region here
    line: int


@dataclass(frozen=True, slots=True)
class Part:
    id: str
    title: Text
    speakers: Mapping[str, str]  # the names shown in chat lines
    slides: tuple[Slide, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Workshop:
    id: str
    title: Text
    intro: Text
    parts: tuple[Part, ...]
    path: Path


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    question: Text
    choices: tuple[Text, ...]
    answer: int  # index into choices (the file counts from 1)
    explanation: Text
    source: str
    line: int


@dataclass(frozen=True, slots=True)
class Quiz:
    id: str
    title: Text
    intro: Text
    questions: tuple[Question, ...]
    path: Path


def content_dir() -> Path:
    return builtin_dir() / "workshop"


# --- loading ------------------------------------------------------------------------------


def load_workshop(path: Path, text: str | None = None) -> Workshop:
    """Load and validate a workshop file; raise `InputFileError` with file:line."""
    workshop_id, title, intro, parts = _headed(
        path, text, "workshop", "parts", _part, N_("a workshop needs at least one part"), "part id"
    )
    return Workshop(id=workshop_id, title=title, intro=intro, parts=parts, path=path)


def load_quiz(path: Path, text: str | None = None) -> Quiz:
    """Load and validate a quiz file; raise `InputFileError` with file:line."""
    quiz_id, title, intro, questions = _headed(
        path,
        text,
        "quiz",
        "questions",
        _question,
        N_("a quiz needs at least one question"),
        "question id",
    )
    return Quiz(id=quiz_id, title=title, intro=intro, questions=questions, path=path)


def _headed(
    path: Path,
    text: str | None,
    kind: str,
    key: str,
    entry: Callable[[Located, object, Loc], E],
    empty: str,
    noun: str,
) -> tuple[str, Text, Text, tuple[E, ...]]:
    """A workshop's or quiz's id, title, intro and list of `key` (parts or questions)."""
    doc = yamlfile.load(path, text)
    top = _top(doc, kind, {"id", "kind", "title", "intro", key})
    own_id = _own_id(doc, top, path)
    entries = yamlfile.unique_list(
        doc, _required(doc, top, key, ()), (key,), entry, what=key, empty=empty, noun=noun
    )
    return own_id, _text(doc, top, "title", ()), _text(doc, top, "intro", ()), entries


def load_builtin() -> tuple[Workshop, Quiz]:
    folder = content_dir()
    return load_workshop(folder / "workshop.yaml"), load_quiz(folder / "quiz.yaml")


def _top(doc: Located, kind: str, keys: set[str]) -> Mapping[str, Any]:
    top = yamlfile.mapping(doc, doc.data, (), f"the {kind}")
    yamlfile.no_unknown_keys(doc, top, keys, (), f"the {kind}")
    if top.get("kind") != kind:
        doc.fail(("kind",), N_('a {kind} file needs "kind: {kind}"'), kind=kind)
    return top


def _own_id(doc: Located, top: Mapping[str, Any], path: Path) -> str:
    value = _id(doc, top, (), "the file")
    _named_as_file(doc, value, path)
    return value


def _optional_text(doc: Located, mapping: Mapping[str, Any], key: str, loc: Loc) -> Text | None:
    return _text(doc, mapping, key, loc) if key in mapping else None


def _part(doc: Located, raw: object, loc: Loc) -> Part:
    part = yamlfile.mapping(doc, raw, loc, "a part")
    yamlfile.no_unknown_keys(
        doc, part, {"id", "title", "speakers", "slides", "source"}, loc, "a part"
    )
    part_id = _id(doc, part, loc, "a part")
    what = f'part "{part_id}"'
    speakers: dict[str, str] = {}
    if "speakers" in part:
        raw_speakers = yamlfile.mapping(
            doc, part["speakers"], (*loc, "speakers"), f"{what} speakers"
        )
        yamlfile.no_unknown_keys(
            doc, raw_speakers, set(SPEAKERS), (*loc, "speakers"), f"{what} speakers"
        )
        for name, value in raw_speakers.items():
            speakers[name] = yamlfile.string(
                doc, value, (*loc, "speakers", name), f"{what} speakers.{name}"
            )
    raw_slides = yamlfile.sequence(
        doc, _required(doc, part, "slides", loc, what), (*loc, "slides"), f"{what} slides"
    )
    if not raw_slides:
        doc.fail((*loc, "slides"), N_("{what} needs at least one slide"), what=what)
    slides = tuple(
        _slide(doc, raw_slide, (*loc, "slides", index), f"{what}: slide {index + 1}", speakers)
        for index, raw_slide in enumerate(raw_slides)
    )
    return Part(
        id=part_id,
        title=_text(doc, part, "title", loc, what),
        speakers=speakers,
        slides=slides,
        source=yamlfile.string(
            doc, _required(doc, part, "source", loc, what), (*loc, "source"), f"{what}: source"
        ),
    )


def _slide(doc: Located, raw: object, loc: Loc, what: str, speakers: Mapping[str, str]) -> Slide:
    slide = yamlfile.mapping(doc, raw, loc, "a slide")
    yamlfile.no_unknown_keys(
        doc,
        slide,
        {"title", "body", "chat", "question", "reveal", "helplines"},
        loc,
        what,
    )
    chat: list[ChatLine] = []
    if "chat" in slide:
        raw_chat = yamlfile.sequence(doc, slide["chat"], (*loc, "chat"), f"{what} chat")
        for index, raw_line in enumerate(raw_chat):
            line_loc = (*loc, "chat", index)
            line = yamlfile.mapping(doc, raw_line, line_loc, f"{what} chat line")
            if len(line) != 1 or next(iter(line)) not in (*SPEAKERS, NOTE):
                doc.fail(
                    line_loc,
                    N_("{what}: a chat line is one of them:, you: or note: with its text"),
                    what=what,
                )
            speaker = next(iter(line))
            if speaker != NOTE and speaker not in speakers:
                doc.fail(
                    line_loc,
                    N_('{what}: the part has no name for "{speaker}" in its speakers'),
                    what=what,
                    speaker=speaker,
                )
            chat.append(ChatLine(speaker, _text(doc, line, speaker, line_loc, what)))
    helplines = slide.get("helplines", False)
    if not isinstance(helplines, bool):
        doc.fail((*loc, "helplines"), N_("{what}: helplines must be true or false"), what=what)
    question = _optional_text(doc, slide, "question", loc)
    reveal = _optional_text(doc, slide, "reveal", loc)
    if reveal is not None and question is None:
        doc.fail((*loc, "reveal"), N_("{what}: a reveal needs a question to answer"), what=what)
    body = _optional_text(doc, slide, "body", loc)
    if body is None and not chat and question is None and not helplines:
        doc.fail(
            loc, N_("{what} has nothing to show (give it a body, chat or question)"), what=what
        )
    return Slide(
        title=_text(doc, slide, "title", loc, what),
        body=body,
        chat=tuple(chat),
        question=question,
        reveal=reveal,
        helplines=helplines,
        line=doc.line(loc),
    )


def _question(doc: Located, raw: object, loc: Loc) -> Question:
    question = yamlfile.mapping(doc, raw, loc, "a question")
    yamlfile.no_unknown_keys(
        doc,
        question,
        {"id", "question", "choices", "answer", "explanation", "source"},
        loc,
        "a question",
    )
    question_id = _id(doc, question, loc, "a question")
    what = f'question "{question_id}"'
    raw_choices = yamlfile.sequence(
        doc, _required(doc, question, "choices", loc, what), (*loc, "choices"), f"{what} choices"
    )
    if not 2 <= len(raw_choices) <= len(QUIZ_LETTERS):
        doc.fail(
            (*loc, "choices"),
            N_("{what} needs 2 to {most} choices"),
            what=what,
            most=len(QUIZ_LETTERS),
        )
    choices = tuple(
        _text(doc, {"choice": raw_choice}, "choice", (*loc, "choices", index), what)
        for index, raw_choice in enumerate(raw_choices)
    )
    answer = _required(doc, question, "answer", loc, what)
    if isinstance(answer, bool) or not isinstance(answer, int) or not 1 <= answer <= len(choices):
        doc.fail(
            (*loc, "answer"),
            N_("{what}: answer must be the number of the right choice (1 to {most}), not {answer}"),
            what=what,
            most=len(choices),
            answer=yamlfile.quote(answer),
        )
    return Question(
        id=question_id,
        question=_text(doc, question, "question", loc, what),
        choices=choices,
        answer=answer - 1,
        explanation=_text(doc, question, "explanation", loc, what),
        source=yamlfile.string(
            doc, _required(doc, question, "source", loc, what), (*loc, "source"), f"{what}: source"
        ),
        line=doc.line(loc),
    )


# --- help lines ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HelpLine:
    """One help line as part 4 shows it, already in the presenter's language."""

    name: str
    contact: str
    note: str


@dataclass(frozen=True, slots=True)
class SlideView:
    """One slide as it is shown: where it is in the workshop, and what is shown with it."""

    part: Part
    slide: Slide
    part_number: int
    part_count: int
    slide_number: int
    revealed: bool  # the answer of a slide that asks something
    helplines: tuple[HelpLine, ...] | None  # None: the region's lines are not known
    region: Region


@dataclass(frozen=True, slots=True)
class QuizView:
    """One quiz question as it is shown: its place, the tally so far, and once the group
    chose (`chosen`, the index of its answer), whether that was right."""

    quiz: Quiz
    question: Question
    number: int
    right: int
    asked: int
    chosen: int | None = None
