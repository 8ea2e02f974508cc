"""Workshop mode: the content follows the sources, fits a projector, and nothing is saved."""

from __future__ import annotations

import io
import re
import textwrap
from pathlib import Path

import pexpect
import pytest
from prompt_toolkit.input import PipeInput
from rich.console import Console
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import workshop
from safecheck.content.checklist import Text
from safecheck.content.workshop import QuizView, SlideView
from safecheck.core.errors import ExitCode, InputFileError
from safecheck.core.region import Region, default_region
from safecheck.flows import workshop as workshop_flow
from safecheck.ui.presenter import PresenterDisplay
from tests import keys
from tests.conftest import ROOT, child_env, spawn

runner = CliRunner()
CONTENT = ROOT / "checklists" / "workshop"
WORKSHOP, QUIZ = workshop.load_builtin()
PART_IDS = ["what-it-is", "five-steps", "myths", "what-to-do", "discussion"]
QUIT = "7" + keys.ENTER  # the menu: five parts, the quiz, then "End the workshop"


def test_the_workshop_has_the_five_parts_in_order() -> None:
    assert workshop.content_dir() == CONTENT
    assert [part.id for part in WORKSHOP.parts] == PART_IDS


def english(part_id: str) -> str:
    part = next(part for part in WORKSHOP.parts if part.id == part_id)
    texts = []
    for slide in part.slides:
        texts.append(slide.title["en"])
        for text in (slide.body, slide.question, slide.reveal):
            if text is not None:
                texts.append(text["en"])
        texts += [line.text["en"] for line in slide.chat]
    return " ".join(texts).lower()


def test_part_one_names_the_four_forms() -> None:
    text = english("what-it-is")
    for form in ("financial", "sexual sextortion", "stolen or hacked", "deepfake"):
        assert form in text, form
    assert "not your fault" in text


def test_part_two_tells_the_five_steps_as_a_chat_with_a_red_flag_at_each() -> None:
    part = WORKSHOP.parts[1]
    steps = [slide for slide in part.slides if slide.chat]
    assert [slide.title["en"].split(":")[0] for slide in steps] == [
        f"Step {n}" for n in range(1, 6)
    ]
    for name, slide in zip(
        ("contact", "trust", "sexual", "capturing", "blackmail"), steps, strict=True
    ):
        assert name in slide.title["en"].lower()
        assert slide.question is not None
        assert "red flag" in slide.question["en"].lower()
        assert slide.question["nl"].startswith("Zie je de rode vlag?")
        assert slide.reveal is not None
    assert "grooming" in english("five-steps")


def test_part_three_has_the_myths_the_issue_names() -> None:
    titles = [slide.title["en"].lower() for slide in WORKSHOP.parts[2].slides]
    for myth in ("it can't happen to me", "if i pay, it stops", "it's my own fault"):
        assert any(myth in title for title in titles), myth
    for slide in WORKSHOP.parts[2].slides:
        assert slide.reveal is not None
        assert slide.reveal["en"].startswith(("Myth.", "Fact.")), slide.title["en"]
        assert slide.reveal["nl"].startswith(("Mythe.", "Feit.")), slide.title["nl"]


def test_part_four_is_the_plan_in_short_with_the_regions_help_lines() -> None:
    text = english("what-to-do")
    for step in ("not your fault", "stop sending and paying", "screenshots", "block", "bank"):
        assert step in text, step
    assert sum(slide.helplines for slide in WORKSHOP.parts[3].slides) == 1


# Help lines come from the help-line data (issue 3), never from the workshop's own files.
HELP_LINE_NUMBERS = ("112", "101", "1712", "116 000", "116000", "1813", "0800", "0900", "113")


@pytest.mark.parametrize("name", ["workshop.yaml", "quiz.yaml"])
def test_no_help_line_number_is_copied_into_the_workshop(name: str) -> None:
    text = (CONTENT / name).read_text(encoding="utf-8")
    numbers = set(re.findall(r"\d[\d ]*\d", text))
    assert not numbers & set(HELP_LINE_NUMBERS)


def test_part_five_asks_the_group_questions() -> None:
    slides = WORKSHOP.parts[4].slides
    assert len(slides) >= 5
    for slide in slides:
        assert slide.question is not None
        assert slide.question["en"].endswith("?")


def test_the_quiz_has_sourced_answers_with_explanations() -> None:
    assert len(QUIZ.questions) >= 8
    for question in QUIZ.questions:
        assert 2 <= len(question.choices) <= 4
        assert 0 <= question.answer < len(question.choices)
        assert question.explanation["en"]
        assert question.explanation["nl"]
        assert re.search(r"seed 00[01]", question.source), question.id


def every_text(item: object) -> list[tuple[str, str]]:
    """Every nl/en text in a loaded workshop or quiz, found by walking its fields."""
    if isinstance(item, Text):
        return [(item["nl"], item["en"])]
    if isinstance(item, tuple):
        return [text for each in item for text in every_text(each)]
    return [
        text for name in getattr(item, "__slots__", ()) for text in every_text(getattr(item, name))
    ]


def test_every_text_is_in_both_languages_and_translated() -> None:
    texts = every_text(WORKSHOP) + every_text(QUIZ)
    assert len(texts) > 150
    for nl, en in texts:
        assert nl.strip()
        assert en.strip()
        assert nl != en or len(en) < 25, en


# What a group reads: every screen fits an 80x24 terminal, with a line left for the prompt.
SCREEN_LINES = 23
FAKE_HELPLINES = tuple(
    workshop.HelpLine(f"Organisation {n}", "0000 000 000", "who it is for, and when it is open")
    for n in range(8)
)


def rendered(show: object) -> str:
    console = Console(file=io.StringIO(), width=80, height=24, highlight=False)
    show(PresenterDisplay(console))  # type: ignore[operator]
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_every_slide_fits_an_80_by_24_screen(lang: str) -> None:
    for number, part in enumerate(WORKSHOP.parts, start=1):
        for index, slide in enumerate(part.slides, start=1):
            out = rendered(
                lambda view, part=part, slide=slide, number=number, index=index: view.slide(
                    SlideView(
                        part,
                        slide,
                        part_number=number,
                        part_count=5,
                        slide_number=index,
                        revealed=True,
                        helplines=FAKE_HELPLINES if slide.helplines else None,
                        region=Region.BE,
                    ),
                    lang,
                )
            )
            assert out.count("\n") <= SCREEN_LINES, f"{part.id} slide {index} ({lang})"
            assert max(len(line) for line in out.splitlines()) <= 80
            assert slide.title[lang] in out  # titles are never cut or wrapped
    for number, question in enumerate(QUIZ.questions, start=1):
        out = rendered(
            lambda view, question=question, number=number: view.quiz(
                QuizView(QUIZ, question, number, right=0, asked=number, chosen=0), lang
            )
        )
        assert out.count("\n") + 6 <= SCREEN_LINES, question.id  # the answer prompt below it


def test_the_title_screen_and_menu_fit_an_80_by_24_screen() -> None:
    out = rendered(lambda view: view.title_screen(WORKSHOP, Region.NL, "nl"))
    menu_lines = 1 + len(WORKSHOP.parts) + 2  # the question, the parts, quiz and quit
    assert out.count("\n") + menu_lines <= SCREEN_LINES
    assert "Nederland" in out


def part_four_help_slide(lines: tuple[workshop.HelpLine, ...] | None, lang: str) -> str:
    """Part 4's help-line slide (for Belgium) as drawn with these lines."""
    part = WORKSHOP.parts[3]
    slide = next(slide for slide in part.slides if slide.helplines)
    view = SlideView(
        part,
        slide,
        part_number=4,
        part_count=5,
        slide_number=1,
        revealed=False,
        helplines=lines,
        region=Region.BE,
    )
    return rendered(lambda display: display.slide(view, lang))


def test_part_four_shows_the_help_lines_it_is_given() -> None:
    lines = (workshop.HelpLine("Some line", "0000 00", "free and anonymous"),)
    out = part_four_help_slide(lines, "en")
    assert "Some line" in out
    assert "0000 00" in out
    assert "free and anonymous" in out


def test_part_four_gets_the_regions_lines_from_the_help_line_data() -> None:
    belgian = {line.name: line for line in workshop_flow.helplines_for(Region.BE, "nl") or ()}
    assert belgian["Zelfmoordlijn 1813"].contact == "1813"
    assert belgian["Noodnummer"].contact == "112"
    dutch = {line.name: line for line in workshop_flow.helplines_for(Region.NL, "en") or ()}
    assert dutch["113 Zelfmoordpreventie"].contact == "113 or 0800 0113"
    assert "Zelfmoordlijn 1813" not in dutch


def test_without_help_line_data_part_four_points_to_the_help_line_command() -> None:
    assert workshop_flow.helplines_for(Region.OTHER, "en") is None  # safecheck knows no lines there
    out = part_four_help_slide(None, "nl")
    assert "safecheck helplines --region BE" in out
    assert "België" in out


@pytest.mark.parametrize(
    ("locale", "region"),
    [
        ("nl_BE.UTF-8", Region.BE),
        ("fr_BE", Region.BE),
        ("nl_NL.UTF-8", Region.NL),
        ("en_GB", Region.OTHER),
        ("C", Region.OTHER),
    ],
)
def test_the_region_follows_the_locale(locale: str, region: Region) -> None:
    assert default_region({"LANG": locale}) is region


# --- the presenter flow with the real widgets ---------------------------------------------


def slides_and_reveals(part: workshop.Part) -> int:
    """Enter presses to go through a part: one per slide, one more per hidden answer."""
    return sum(1 + (slide.reveal is not None) for slide in part.slides)


@pytest.mark.slow
def test_a_part_is_shown_slide_by_slide_with_the_answers(pipe: PipeInput, home: Path) -> None:
    myths = WORKSHOP.parts[2]
    pipe.send_text("3" + keys.ENTER + keys.ENTER * slides_and_reveals(myths) + QUIT)
    result = runner.invoke(app, ["workshop", "--lang", "en", "--region", "BE"])

    assert result.exit_code == 0, result.output
    for slide in myths.slides:
        assert slide.title["en"] in result.output
        assert slide.reveal is not None
        assert slide.reveal["en"].split(".")[0] in result.output
    assert "Part 3 of 5: Myths and facts" in result.output
    assert "Nothing was saved on this computer" in result.output
    assert not home.exists()


def test_b_goes_back_and_m_returns_to_the_menu(pipe: PipeInput, home: Path) -> None:
    first, second = WORKSHOP.parts[0].slides[:2]
    # Part 1: next, back, next, menu; then quit.
    pipe.send_text(keys.ENTER + keys.ENTER + "b" + keys.ENTER + "m" + QUIT)
    result = runner.invoke(app, ["workshop", "--lang", "en"])

    assert result.exit_code == 0, result.output
    assert result.output.count(first.title["en"]) == 2
    assert result.output.count(second.title["en"]) == 2
    assert WORKSHOP.parts[0].slides[2].title["en"] not in result.output
    assert result.output.count(WORKSHOP.title["en"]) == 2  # the title screen above the menu


def test_enter_shows_the_answer_before_the_next_slide(pipe: PipeInput) -> None:
    steps = WORKSHOP.parts[1]
    step_one = steps.slides[1]
    assert step_one.reveal is not None
    # Part 2: intro, step 1 without its answer, then with it, then back to the menu.
    pipe.send_text("2" + keys.ENTER + keys.ENTER + keys.ENTER + "m" + QUIT)
    result = runner.invoke(app, ["workshop", "--lang", "nl"])

    out = result.output
    assert out.count(step_one.title["nl"]) == 2
    assert out.count(step_one.reveal["nl"][:40]) == 1
    assert steps.slides[2].title["nl"] not in out


@pytest.mark.slow
def test_the_quiz_keeps_a_tally_on_screen_only(pipe: PipeInput, home: Path) -> None:
    letters = "abcd"
    answers = ""
    for number, question in enumerate(QUIZ.questions):
        right = letters[question.answer]
        wrong = letters[(question.answer + 1) % len(question.choices)]
        answers += (wrong if number == 0 else right) + keys.ENTER + keys.ENTER
    pipe.send_text("6" + keys.ENTER + answers + keys.ENTER + QUIT)
    result = runner.invoke(app, ["workshop", "--lang", "en"])

    total = len(QUIZ.questions)
    out = result.output
    assert result.exit_code == 0, out
    assert "Not quite." in out
    assert out.count("Right: ") == total - 1
    assert f"Right so far: {total - 1} of {total}" in out
    assert f"The group answered {total - 1} of {total} questions right." in out
    assert "only on the screen; it is not saved" in out
    for question in QUIZ.questions:
        assert question.explanation["en"][:40] in out
    assert not home.exists()


def test_the_quiz_can_be_left_for_the_menu(pipe: PipeInput) -> None:
    pipe.send_text("6" + keys.ENTER + "m" + keys.ENTER + QUIT)
    result = runner.invoke(app, ["workshop", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert QUIZ.questions[0].question["en"] in result.output
    assert QUIZ.questions[1].question["en"] not in result.output


def test_ctrl_c_ends_the_workshop_and_saves_nothing(pipe: PipeInput, home: Path) -> None:
    pipe.send_text(keys.ENTER + keys.CTRL_C)
    result = runner.invoke(app, ["workshop", "--lang", "en"])
    assert result.exit_code == ExitCode.INTERRUPTED
    assert "Workshop stopped. Nothing was saved on this computer." in result.output
    assert "Traceback" not in result.output
    assert not home.exists()


def test_without_a_terminal_the_workshop_says_so_and_does_not_hang(home: Path) -> None:
    result = runner.invoke(app, ["workshop", "--lang", "en"])
    assert result.exit_code == ExitCode.NOT_INTERACTIVE
    assert "Start safecheck workshop in a terminal" in result.output
    assert "--answers" not in result.output
    assert not home.exists()


# --- a real terminal, as a presenter runs it ------------------------------------------------


@pytest.mark.terminal
def test_a_whole_workshop_in_a_real_terminal_leaves_no_state(tmp_path: Path) -> None:
    home = tmp_path / "state"
    home.mkdir()  # an empty state folder must stay empty
    child = spawn(
        ["-m", "safecheck", "workshop", "--lang", "en", "--region", "NL"], child_env(home)
    )
    child.expect_exact("Which part do you want to show?")
    for number, part in enumerate(WORKSHOP.parts, start=1):
        child.send(keys.ENTER)  # the menu offers the next part
        for index, slide in enumerate(part.slides, start=1):
            child.expect_exact(f"Part {number} of 5")
            child.expect_exact(slide.title["en"])
            if slide.helplines:
                child.expect_exact("113 or 0800 0113")
            child.expect_exact(f"{index} / {len(part.slides)}")
            if slide.reveal is not None:
                child.expect_exact("Enter: show the answer")
                child.send(keys.ENTER)
                child.expect_exact(slide.reveal["en"][:30])
            child.expect_exact("Enter: ")
            child.send(keys.ENTER)
        child.expect_exact("Which part do you want to show?")
    child.send(QUIT)
    child.expect_exact("The workshop is over. Nothing was saved on this computer.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert list(home.iterdir()) == []


# --- broken workshop files are reported with file and line ---------------------------------


def broken(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = (CONTENT / name).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """The line of the last occurrence of `needle` (a duplicate is reported where it repeats)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(number for number, line in enumerate(lines, start=1) if needle in line)


@pytest.mark.parametrize(
    ("name", "old", "new", "at", "words"),
    [
        (
            "quiz.yaml",
            "    answer: 2\n",
            "    answer: 5\n",
            "answer: 5",
            "answer must be the number",
        ),
        ("quiz.yaml", "kind: quiz", "kind: checklist", "kind: checklist", '"kind: quiz"'),
        ("workshop.yaml", "  - id: myths", "  - id: five-steps", "id: five-steps", "used twice"),
        (
            "workshop.yaml",
            "          - you:\n",
            "          - me:\n",
            "- me:",
            "them:, you: or note:",
        ),
        (
            "workshop.yaml",
            "        helplines: true",
            "        helplines: yes please",
            "helplines: yes",
            "true or false",
        ),
    ],
)
def test_a_broken_workshop_file_names_file_and_line(
    tmp_path: Path, name: str, old: str, new: str, at: str, words: str
) -> None:
    path = broken(tmp_path, name, old, new)
    loader = workshop.load_quiz if name == "quiz.yaml" else workshop.load_workshop
    with pytest.raises(InputFileError) as raised:
        loader(path)
    assert str(raised.value).startswith(f"{path}:{line_of(path, at)}: ")
    assert words in str(raised.value)


def test_a_reveal_needs_a_question(tmp_path: Path) -> None:
    path = tmp_path / "workshop.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            id: workshop
            kind: workshop
            title: {nl: T, en: T}
            intro: {nl: I, en: I}
            parts:
              - id: one
                title: {nl: Een, en: One}
                source: test
                slides:
                  - title: {nl: Dia, en: Slide}
                    body: {nl: Tekst, en: Text}
                    reveal: {nl: Antwoord, en: Answer}
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputFileError, match=r"workshop.yaml:12: .*a reveal needs a question"):
        workshop.load_workshop(path)


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_the_right_answer_is_not_given_away_by_its_length(lang: str) -> None:
    # A group that always picks the longest choice must not score above half.
    import yaml

    from safecheck.content.checklist import builtin_dir

    quiz = yaml.safe_load((builtin_dir() / "workshop" / "quiz.yaml").read_text(encoding="utf-8"))
    questions = quiz["questions"]
    longest = [
        question["id"]
        for question in questions
        if len(question["choices"][question["answer"] - 1][lang])
        == max(len(choice[lang]) for choice in question["choices"])
    ]
    assert len(longest) * 2 <= len(questions), longest
