"""safecheck status: the progress of every checklist."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import checklist
from tests.conftest import ROOT

runner = CliRunner()


def test_status_says_not_started_for_every_checklist_never_opened() -> None:
    prevention = checklist.load(ROOT / "checklists" / "prevention.yaml")
    result = runner.invoke(app, ["status", "--plain"])
    assert result.exit_code == 0, result.output
    assert f"{prevention.title['en']} (prevention)" in result.output
    assert "not started" in result.output  # never opened: no count, no score of 0%
    assert "score 0%" not in result.output
    rich = runner.invoke(app, ["status", "--lang", "en"]).output
    assert "not started" in rich
    assert "0%" not in rich


def test_status_counts_answers_and_open_items_by_priority(
    tmp_path: Path, small_checklist: Path
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("checklist: small\nanswers: {alpha: done, beta: not_for_me, gamma: not_yet}")
    runner.invoke(app, ["check", str(small_checklist), "--answers", str(answers)])

    plain = runner.invoke(app, ["status", str(small_checklist), "--plain"])
    assert plain.exit_code == 0, plain.output
    assert plain.output.splitlines() == [
        "Your progress",
        "",
        "Small (small)",
        "3 of 4 answered, 1 done, score 33%",
        "Still open: 1 essential, 1 advanced",
    ]

    table = runner.invoke(app, ["status", str(small_checklist)])
    assert table.exit_code == 0
    for words in ("Small (small)", "3 / 4", "1 essential, 1 advanced", "33%"):
        assert words in table.output


def test_status_of_several_checklists(tmp_path: Path, small_checklist: Path) -> None:
    result = runner.invoke(app, ["status", "prevention", str(small_checklist), "--plain"])
    assert result.exit_code == 0
    assert result.output.index("(prevention)") < result.output.index("(small)")


def test_status_in_dutch(small_checklist: Path) -> None:
    result = runner.invoke(app, ["status", str(small_checklist), "--lang", "nl", "--plain"])
    assert "Je voortgang" in result.output
    assert "nog niet begonnen" in result.output
    assert "Nog open: 2 essentieel, 1 aanbevolen, 1 gevorderd" in result.output


def test_status_with_nothing_open(tmp_path: Path, small_checklist: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "checklist: small\nanswers: {alpha: done, beta: done, gamma: done, delta: done}"
    )
    runner.invoke(app, ["check", str(small_checklist), "--answers", str(answers)])
    result = runner.invoke(app, ["status", str(small_checklist), "--plain"])
    assert "Still open: nothing" in result.output
    assert "score 100%" in result.output
