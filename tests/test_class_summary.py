"""`safecheck class-summary`: totals over many students' results, read back from their files."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core import jsonout
from safecheck.core.errors import ExitCode
from safecheck.progress import class_summary

SCHEMA = json.loads(jsonout.SCHEMA_FILE.read_text(encoding="utf-8"))
runner = CliRunner()

# Five students of the small checklist (alpha, beta, gamma, delta; see conftest).
STUDENTS = [
    {"alpha": "done", "beta": "done", "gamma": "done", "delta": "done"},
    {"alpha": "done", "beta": "not_yet", "gamma": "not_for_me"},
    {"alpha": "not_yet", "beta": "skipped"},
    {"alpha": "done", "delta": "not_for_me"},
    {},
]


def result_of(checklist: Path, answers: dict[str, str], tmp_path: Path, n: int) -> Path:
    """A student's result, made as in a lab: check --answers --no-input --json > file."""
    answers_file = tmp_path / f"answers-{n}.yaml"
    pairs = ", ".join(f"{item}: {answer}" for item, answer in answers.items())
    answers_file.write_text(f"checklist: small\nanswers: {{{pairs}}}\n")
    args = ["check", str(checklist), "--restart", "--no-input", "--json"]
    result = runner.invoke(app, [*args, "--answers", str(answers_file)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "results" / f"student-{n}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(result.stdout)
    return out


@pytest.fixture
def results(small_checklist: Path, tmp_path: Path) -> Path:
    for n, answers in enumerate(STUDENTS):
        result_of(small_checklist, answers, tmp_path, n)
    return tmp_path / "results"


def summary_json(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["class-summary", *args, "--json"])
    document = json.loads(result.stdout)
    jsonschema.validate(document, SCHEMA)
    return result.exit_code, document


def test_five_results_give_the_right_totals_per_item(results: Path, small_checklist: Path) -> None:
    code, document = summary_json(str(results), "--checklist", str(small_checklist))
    assert code == 0
    assert document["kind"] == "class-summary"
    assert document["results"] == 5
    assert document["checklist"]["id"] == "small"
    totals = {
        item["id"]: (
            item["done"],
            item["not_yet"],
            item["not_for_me"],
            item["skipped"],
            item["open"],
        )
        for item in document["items"]
    }
    assert totals == {
        "alpha": (3, 1, 0, 0, 1),
        "beta": (1, 1, 0, 1, 2),
        "gamma": (1, 0, 1, 0, 3),
        "delta": (1, 0, 1, 0, 3),
    }
    # in the checklist's order
    assert [item["id"] for item in document["items"]] == ["alpha", "beta", "gamma", "delta"]
    # most often still open first: gamma 3, delta 3, beta 4 (not yet, skipped, 2 open)
    assert document["teach_next"][0] == "beta"
    assert "names" not in document
    assert "student" not in json.dumps(document)


def test_score_spread_and_how_many_meet_the_minimum(results: Path, small_checklist: Path) -> None:
    _, document = summary_json(
        str(results), "--checklist", str(small_checklist), "--min-score", "50"
    )
    # scores: 4/4, 1/3 (gamma not for me), 0/4, 1/3 (delta not for me), 0/4
    assert document["scores"] == {
        "lowest": 0,
        "median": 33,
        "highest": 100,
        "min_score": 50,
        "meeting": 1,
    }


def test_names_only_when_asked(results: Path, small_checklist: Path) -> None:
    _, document = summary_json(str(results), "--checklist", str(small_checklist), "--names")
    assert [Path(name["file"]).name for name in document["names"]] == [
        f"student-{n}.json" for n in range(5)
    ]
    plain = runner.invoke(app, ["class-summary", str(results), "--checklist", str(small_checklist)])
    assert plain.exit_code == 0
    assert "student-" not in plain.stdout


def test_the_screen_shows_totals_grouped_by_priority(results: Path, small_checklist: Path) -> None:
    shown = runner.invoke(
        app, ["class-summary", str(results), "--checklist", str(small_checklist), "--plain"]
    )
    assert shown.exit_code == 0, shown.output
    text = shown.stdout
    assert "5 results" in text
    assert text.index("Essential:") < text.index("Recommended:")
    assert "done 3, not yet 1, not for me 0, skipped 0, not answered 1" in text
    assert "What to teach next" in text


def test_the_page_has_an_svg_chart_per_item_and_no_script(
    results: Path, small_checklist: Path, tmp_path: Path
) -> None:
    page = tmp_path / "class.html"
    args = ["class-summary", str(results), "--checklist", str(small_checklist), "--lang", "fr"]
    shown = runner.invoke(app, [*args, "--html", str(page)])
    assert shown.exit_code == 0, shown.output
    text = page.read_text(encoding="utf-8")
    tags: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append(tag)

    Tags().feed(text)
    assert tags.count("svg") == 4  # one chart per item
    assert "script" not in tags
    assert "<script" not in text.lower()
    assert '<html lang="fr">' in text
    assert "pas encore" in text  # the bars are labelled in the reader's language
    # every bar is labelled with its count (readable printed in black and white)
    alpha = re.findall(r"<title>([^<]*)</title>", text)[1]
    assert alpha.startswith("fait : 3; pas encore : 1;"), alpha


def test_not_a_result_is_refused_naming_each_file_and_nothing_is_written(
    results: Path, small_checklist: Path, tmp_path: Path
) -> None:
    bad = {
        "notes.json": '{"hello": 1}',
        "broken.json": '{"schema": 1, "kind": "check",',
        "other.json": json.dumps(
            {"schema": 1, "kind": "check", "checklist": {"id": "x", "items": []}}
        ),
        "newer.json": json.dumps({"schema": 2, "kind": "check"}),
        "changed.json": json.dumps(
            {"schema": 1, "kind": "check", "checklist": {"id": "small", "items": [{"id": "zeta"}]}}
        ),
    }
    folder = tmp_path / "bad"
    folder.mkdir()
    for name, text in bad.items():
        (folder / name).write_text(text)
    page = tmp_path / "class.html"
    args = ["class-summary", str(results), str(folder), "--checklist", str(small_checklist)]
    result = runner.invoke(app, [*args, "--html", str(page), "--json"])
    assert result.exit_code == ExitCode.BAD_INPUT
    document = json.loads(result.stdout)
    jsonschema.validate(document, SCHEMA)
    assert document["kind"] == "error"
    assert sorted(Path(d["file"]).name for d in document["details"]) == sorted(bad)
    for name in bad:
        assert re.search(rf"{name}(:\d+)?: ", result.stderr), name
    assert "not a safecheck result" in result.stderr
    assert "schema 2" in result.stderr
    assert "another version of the checklist" in result.stderr
    assert "not JSON" in result.stderr
    assert not page.exists()


def test_hostile_files_are_refused_without_waiting_or_reading_them_all(
    small_checklist: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(class_summary.RESULT_LIMIT + 1)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000)
    result = runner.invoke(
        app,
        ["class-summary", str(fifo), str(huge), str(deep), "/dev/zero"]
        + ["--checklist", str(small_checklist)],
    )
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "pipe (FIFO)" in result.stderr
    assert "larger than 4 MiB" in result.stderr
    assert "deep.json: this is not JSON" in result.stderr
    assert "device" in result.stderr


def test_a_folder_of_too_many_files_is_refused(
    small_checklist: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(class_summary, "MAX_RESULTS", 10)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(11):
        (folder / f"{n}.json").write_text("{}")
    result = runner.invoke(app, ["class-summary", str(folder), "--checklist", str(small_checklist)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "more than 10 files" in result.stderr


def test_a_status_result_counts_too(small_checklist: Path, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("checklist: prevention\nanswers:\n  accounts-two-step: done\n")
    runner.invoke(app, ["check", "prevention", "--answers", str(answers), "--no-input"])
    status = runner.invoke(app, ["status", "--json"])
    (tmp_path / "status.json").write_text(status.stdout)
    code, document = summary_json(str(tmp_path / "status.json"))
    assert code == 0
    assert document["results"] == 1
    two_step = next(i for i in document["items"] if i["id"] == "accounts-two-step")
    assert two_step["done"] == 1


def test_the_page_replaces_the_table_and_an_old_page_needs_force(
    results: Path, small_checklist: Path, tmp_path: Path
) -> None:
    page = tmp_path / "class.html"
    args = ["class-summary", str(results), "--checklist", str(small_checklist), "--html", str(page)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert first.stdout.strip() == f"Wrote {page}."
    before = page.read_bytes()
    again = runner.invoke(app, args)
    assert again.exit_code != 0
    assert "--force" in again.stderr
    assert page.read_bytes() == before
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0


def test_the_screen_speaks_dutch(results: Path, small_checklist: Path) -> None:
    shown = runner.invoke(
        app,
        ["class-summary", str(results), "--checklist", str(small_checklist), "--lang", "nl"]
        + ["--plain"],
    )
    assert shown.exit_code == 0, shown.output
    assert "5 resultaten" in shown.stdout
    assert "gedaan 3, nog niet 1" in shown.stdout
    assert "Alfa doen (alpha)" in shown.stdout


def test_a_half_median_is_written_with_the_reader_s_decimal_mark(
    small_checklist: Path, tmp_path: Path
) -> None:
    first = result_of(small_checklist, {"alpha": "done", "beta": "done"}, tmp_path, 10)  # 50
    second = result_of(small_checklist, {"alpha": "done"}, tmp_path, 11)  # 25
    args = ["class-summary", str(first), str(second), "--checklist", str(small_checklist)]
    _, document = summary_json(*args[1:])
    assert document["scores"]["median"] == 37.5
    assert "median 37.5%" in runner.invoke(app, [*args, "--plain"]).stdout
    assert "médiane 37,5 %" in runner.invoke(app, [*args, "--plain", "--lang", "fr"]).stdout
