"""safecheck verify: exit 0 only when the requirement holds, else exit 6 and what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import checklist
from safecheck.content.checklist import Priority
from safecheck.core.errors import ExitCode
from safecheck.progress.summary import summarize
from safecheck.progress.verify import verify
from safecheck.storage.state import Answer, Record

runner = CliRunner()


def answer(tmp_path: Path, small_checklist: Path, **answers: str) -> None:
    path = tmp_path / "answers.yaml"
    lines = "".join(f"  {item}: {value}\n" for item, value in answers.items())
    path.write_text(f"checklist: small\nanswers:\n{lines}", encoding="utf-8")
    result = runner.invoke(app, ["check", str(small_checklist), "--answers", str(path)])
    assert result.exit_code == 0, result.output


def run_verify(small_checklist: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["verify", "--checklist", str(small_checklist), *args])
    return result.exit_code, result.stdout


def test_min_score_holds_at_the_boundary(tmp_path: Path, small_checklist: Path) -> None:
    # 3 of 4 apply (gamma is not for me), 2 done: 67%.
    answer(tmp_path, small_checklist, alpha="done", delta="done", gamma="not_for_me")
    assert run_verify(small_checklist, "--min-score", "67")[0] == 0
    code, out = run_verify(small_checklist, "--min-score", "68")
    assert code == ExitCode.CHECK_FAILED
    assert "the score, 67%, is below 68%" in out
    assert "- beta: Do beta (Recommended, not answered)" in out
    assert "gamma" not in out  # not for me is never missing


def test_require_priority_lists_only_that_priority(tmp_path: Path, small_checklist: Path) -> None:
    answer(tmp_path, small_checklist, alpha="skipped", beta="not_yet")
    code, out = run_verify(small_checklist, "--require-priority", "essential")
    assert code == ExitCode.CHECK_FAILED
    assert "items with priority essential still open: 2" in out
    missing = out[out.index("Still missing:") :]
    assert "- alpha: Do alpha (Essential, skipped)" in missing
    assert "- delta: Do delta (Essential, not answered)" in missing
    assert "beta" not in missing


def test_not_for_me_satisfies_a_priority(tmp_path: Path, small_checklist: Path) -> None:
    answer(tmp_path, small_checklist, alpha="done", delta="not_for_me")
    code, out = run_verify(small_checklist, "--require-priority", "essential")
    assert code == 0
    assert "the requirement is met" in out
    assert "Still missing" not in out


def test_every_requirement_must_hold(tmp_path: Path, small_checklist: Path) -> None:
    answer(tmp_path, small_checklist, alpha="done", delta="done")
    code, out = run_verify(
        small_checklist,
        "--require-priority",
        "essential",
        "--require-priority",
        "recommended",
        "--min-score",
        "50",
    )
    assert code == ExitCode.CHECK_FAILED
    assert "every item with priority essential is done" in out
    assert "items with priority recommended still open: 1" in out
    assert "the score, 50%, is at least 50%" in out
    missing = out[out.index("Still missing:") :]
    assert "beta" in missing
    assert "gamma" not in missing  # only the recommended requirement fails


def test_the_missing_list_is_most_important_first(small_checklist: Path) -> None:
    code, out = run_verify(small_checklist, "--min-score", "100")
    assert code == ExitCode.CHECK_FAILED
    order = [out.index(f"- {item}:") for item in ("alpha", "delta", "beta", "gamma")]
    assert order == sorted(order)


@pytest.mark.parametrize(
    "args",
    [(), ("--min-score", "101"), ("--min-score", "-1"), ("--require-priority", "urgent")],
)
def test_a_wrong_requirement_is_a_usage_error(small_checklist: Path, args: tuple[str, ...]) -> None:
    result = runner.invoke(app, ["verify", "--checklist", str(small_checklist), *args])
    assert result.exit_code == ExitCode.USAGE


def test_an_unknown_checklist_is_bad_input() -> None:
    result = runner.invoke(app, ["verify", "--checklist", "nonsense", "--min-score", "1"])
    assert result.exit_code == ExitCode.BAD_INPUT


def test_verify_in_dutch_and_plain(tmp_path: Path, small_checklist: Path) -> None:
    code, out = run_verify(small_checklist, "--min-score", "10", "--lang", "nl", "--plain")
    assert code == ExitCode.CHECK_FAILED
    assert "aan de eis is nog niet voldaan" in out
    assert "- alpha: Alfa doen (Essentieel, niet beantwoord)" in out


def test_core_verify_needs_a_requirement(small_checklist: Path) -> None:
    summary = summarize(checklist.load(small_checklist), {})
    with pytest.raises(ValueError, match="requirement"):
        verify(summary)


def test_core_verify_with_nothing_applicable_holds(small_checklist: Path) -> None:
    loaded = checklist.load(small_checklist)
    record = Record(Answer.NOT_FOR_ME, "2026-01-01T00:00:00+00:00")
    summary = summarize(loaded, {item.id: record for _, item in loaded.items()})
    result = verify(summary, min_score=100, priorities=[Priority.ESSENTIAL, Priority.ESSENTIAL])
    assert result.ok
    assert len(result.checks) == 2  # the repeated priority is checked once
    assert result.missing == ()
