"""Answers files: read by item id, saved like typed answers, and every mistake named file:line."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import answers, checklist
from safecheck.core.errors import ExitCode, InputFileError
from safecheck.storage.state import Answer
from safecheck.storage.store import Store
from tests import keys
from tests.conftest import ROOT

runner = CliRunner()

GOOD = """\
checklist: small
answers:
  alpha: done
  beta: not_yet
  gamma: not_for_me
"""


def write(tmp_path: Path, text: str, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def saved(home: Path, checklist_id: str = "small") -> dict[str, Answer]:
    return {k: v.answer for k, v in Store(home).load().answers_for(checklist_id).items()}


def test_an_answers_file_is_read_by_item_id(tmp_path: Path, small_checklist: Path) -> None:
    loaded = answers.load(write(tmp_path, GOOD), checklist.load(small_checklist))
    assert loaded.checklist_id == "small"
    assert dict(loaded.answers) == {
        "alpha": Answer.DONE,
        "beta": Answer.NOT_YET,
        "gamma": Answer.NOT_FOR_ME,
    }


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (GOOD.replace("gamma:", "gamme:"), 5, '"gamme" is not an item of the checklist "small"'),
        (GOOD.replace("gamma:", "gamme:"), 5, 'did you mean "gamma"?'),
        (GOOD.replace("beta: not_yet", "beta: later"), 4, "must be one of done, not_yet"),
        (GOOD.replace("beta: not_yet", "beta: no"), 4, "YAML reads yes/no"),
        (GOOD.replace("beta: not_yet", "beta: [done]"), 4, "must be one of"),
        (GOOD.replace("  beta: not_yet", "  beta: not_yet\n   gamma: [x"), 5, "not valid YAML"),
        (GOOD.replace("beta: not_yet", "beta: 'unclosed"), 6, "not valid YAML"),
        (GOOD.replace("alpha: done", "alpha: done\n  alpha: skipped"), 4, "appears twice"),
        (GOOD.replace("checklist: small", "checklist: prevention"), 1, 'for the checklist "prev'),
        (GOOD.replace("checklist: small\n", ""), 1, '"checklist" is missing'),
        (GOOD.replace("answers:", "answer:"), 2, 'unknown key "answer"'),
        ("checklist: small\n", 1, '"answers" is missing'),
        ("checklist: small\nanswers: [alpha]\n", 2, "answers must be a mapping"),
        ("- alpha: done\n", 1, "must be a mapping"),
        ("", 1, "the answers file is empty"),
    ],
)
def test_a_broken_answers_file_names_file_and_line(
    tmp_path: Path, small_checklist: Path, text: str, line: int, words: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputFileError) as raised:
        answers.load(path, checklist.load(small_checklist))
    assert str(raised.value).startswith(f"{path}:{line}: "), str(raised.value)
    assert words in str(raised.value)


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (("gamma:", "gamme:"), 5, "is not an item"),  # unknown id
        (("beta: not_yet", "beta: maybe"), 4, "must be one of"),  # bad value
        (("gamma: not_for_me", "gamma: {not_for_me"), 6, "not valid YAML"),  # bad YAML
    ],
    ids=["unknown-id", "bad-value", "bad-yaml"],
)
def test_the_cli_reports_a_broken_answers_file_and_saves_nothing(
    tmp_path: Path,
    small_checklist: Path,
    home: Path,
    change: tuple[str, str],
    line: int,
    words: str,
) -> None:
    path = write(tmp_path, GOOD.replace(*change))
    result = runner.invoke(
        app, ["check", str(small_checklist), "--answers", str(path), "--no-input"]
    )
    assert result.exit_code == ExitCode.BAD_INPUT
    assert result.output.startswith(f"safecheck: {path}:{line}: ")
    assert words in result.output
    assert result.output.count("\n") == 1  # one paragraph, no traceback
    assert saved(home) == {}


def test_a_missing_answers_file_is_reported(tmp_path: Path, small_checklist: Path) -> None:
    gone = tmp_path / "gone.yaml"
    result = runner.invoke(app, ["check", str(small_checklist), "--answers", str(gone)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert f"{gone}: there is no such file" in result.output


def test_answers_replace_saved_ones_and_keep_the_rest(
    tmp_path: Path, small_checklist: Path, home: Path
) -> None:
    first = write(tmp_path, "checklist: small\nanswers: {alpha: not_yet, delta: done}\n", "a.yaml")
    runner.invoke(app, ["check", str(small_checklist), "--answers", str(first), "--no-input"])

    result = runner.invoke(
        app, ["check", str(small_checklist), "--answers", str(write(tmp_path, GOOD)), "--no-input"]
    )
    assert result.exit_code == 0, result.output
    assert "Saved 3 answers" in result.output
    assert saved(home) == {
        "alpha": Answer.DONE,
        "beta": Answer.NOT_YET,
        "gamma": Answer.NOT_FOR_ME,
        "delta": Answer.DONE,
    }


def test_restart_with_an_answers_file_keeps_only_the_file(
    tmp_path: Path, small_checklist: Path, home: Path
) -> None:
    first = write(tmp_path, "checklist: small\nanswers: {delta: done}\n", "a.yaml")
    runner.invoke(app, ["check", str(small_checklist), "--answers", str(first), "--no-input"])
    runner.invoke(
        app,
        ["check", str(small_checklist), "--answers", str(write(tmp_path, GOOD)), "--restart"],
    )
    assert set(saved(home)) == {"alpha", "beta", "gamma"}


def test_in_a_terminal_only_the_items_the_file_leaves_open_are_asked(
    pipe: PipeInput, tmp_path: Path, small_checklist: Path, home: Path
) -> None:
    pipe.send_text(keys.SKIP + keys.DONE)
    result = runner.invoke(
        app, ["check", str(small_checklist), "--answers", str(write(tmp_path, GOOD))]
    )
    assert result.exit_code == 0, result.output
    assert "You had done 1 of 4" in result.output  # done only: "not for me" is not done
    assert result.output.index("Do delta") < result.output.index("Do beta")  # essential first
    assert saved(home)["delta"] is Answer.SKIPPED
    assert saved(home)["beta"] is Answer.DONE


def test_the_readme_example_is_a_valid_answers_file(tmp_path: Path) -> None:
    readme = (ROOT / "docs" / "labs.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```yaml\n(# answers\.yaml\n.*?)```", readme, flags=re.S)
    prevention = checklist.load(ROOT / "checklists" / "prevention.yaml")
    loaded = answers.load(write(tmp_path, example), prevention)
    assert set(loaded.answers.values()) == set(Answer)  # the example shows every answer


# --- the answers template (`check ID --answers-template`) ----------------------------------


def template_of(*args: str) -> str:
    result = runner.invoke(app, ["check", *args, "--answers-template"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_template_lists_every_item_with_its_title_and_an_empty_answer(home: Path) -> None:
    import yaml

    text = template_of("prevention", "--lang", "nl")
    prevention = checklist.load(checklist.find("prevention", [checklist.builtin_dir()]))
    data = yaml.safe_load(text)
    assert data["checklist"] == "prevention"
    ids = [item.id for _, item in prevention.items()]
    assert list(data["answers"]) == ids
    assert all(value is None for value in data["answers"].values())
    for _, item in prevention.items():  # the title, in the reader's language, just above
        assert f"  # {item.title['nl']} ({item.priority.value})\n  {item.id}:\n" in text
    assert not home.exists() or not (home / "state").exists()  # nothing opened or saved


def test_a_filled_template_goes_back_through_answers(tmp_path: Path) -> None:
    text = template_of("prevention")
    filled = (
        text.replace("  accounts-two-step:\n", "  accounts-two-step: done\n")
        .replace("  accounts-cover-webcam:\n", "  accounts-cover-webcam: not_for_me\n")
        .replace("  contacts-video-call:\n", "  contacts-video-call: skipped\n")
    )
    path = tmp_path / "answers.yaml"
    path.write_text(filled, encoding="utf-8")
    result = runner.invoke(
        app, ["check", "prevention", "--answers", str(path), "--no-input", "--json"]
    )
    assert result.exit_code == 0, result.output
    import json

    items = {i["id"]: i["answer"] for i in json.loads(result.stdout)["checklist"]["items"]}
    assert items["accounts-two-step"] == "done"
    assert items["accounts-cover-webcam"] == "not_for_me"
    assert items["contacts-video-call"] == "skipped"
    assert sum(1 for value in items.values() if value is not None) == 3  # empty: not answered


def test_an_empty_answer_leaves_a_saved_answer_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("checklist: prevention\nanswers:\n  accounts-two-step: done\n")
    runner.invoke(app, ["check", "prevention", "--answers", str(path), "--no-input"])
    path.write_text("checklist: prevention\nanswers:\n  accounts-two-step:\n")
    result = runner.invoke(
        app, ["check", "prevention", "--answers", str(path), "--no-input", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert '"answer": "done"' in result.stdout
