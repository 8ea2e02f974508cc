"""`safecheck lint` reports every problem of a file, and an unchanged copy of a built-in
checklist is not a clash (a changed copy is, with how to make it your own)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import checklist
from safecheck.content.lint import lint
from safecheck.core.errors import ExitCode
from tests.conftest import ROOT, SMALL_CHECKLIST

runner = CliRunner()


def line_of(text: str, needle: str, after: int = 0) -> int:
    lines = text.splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and needle in line)


def test_lint_reports_every_problem_of_one_file(tmp_path: Path) -> None:
    text = (
        SMALL_CHECKLIST.replace("priority: essential", "priority: urgent", 1)  # alpha
        .replace("        how: {nl: Zo doe je beta., en: This is how you do beta.}\n", "", 1)
        .replace("priority: advanced", "priority: later", 1)  # gamma, second section
        .replace("title: {nl: Delta doen, en: Do delta}", "title: {nl: Delta doen}", 1)
    )
    path = tmp_path / "small.yaml"
    path.write_text(text, encoding="utf-8")

    result = runner.invoke(app, ["lint", str(path)])

    assert result.exit_code == ExitCode.BAD_INPUT
    reported = re.findall(rf"^{re.escape(str(path))}:(\d+): (.*)$", result.output, re.MULTILINE)
    assert [(int(line), words) for line, words in reported] == [
        (line_of(text, "priority: urgent"), reported[0][1]),
        (line_of(text, "- id: beta"), reported[1][1]),
        (line_of(text, "priority: later"), reported[2][1]),
        (line_of(text, "title: {nl: Delta doen}"), reported[3][1]),
    ]
    assert "urgent" in reported[0][1]
    assert '"how" is missing' in reported[1][1]
    assert "later" in reported[2][1]
    assert 'has no "en" text' in reported[3][1]
    assert "1 of 1 files has a problem" in result.output  # one file: "has"


def test_a_file_with_one_problem_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_CHECKLIST.replace("priority: essential", "priority: x", 1), "utf-8")
    assert len(checklist.problems_of(path)) == 1


def test_lint_of_the_repository_with_safecheck_installed_elsewhere(tmp_path: Path) -> None:
    """`safecheck lint checklists/*.yaml` in the repository, from an installed safecheck:
    its built-in checklists are copies of these files, and identical is no clash."""
    installed = tmp_path / "site-packages" / "checklists"
    shutil.copytree(ROOT / "checklists", installed)
    files = sorted((ROOT / "checklists").glob("*.yaml"))
    assert len(files) >= 3

    report = lint(files, builtin=installed)

    assert report.ok, [str(problem) for problem in report.problems]


def test_an_unchanged_copy_in_your_own_folder_passes_lint(tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(ROOT / "checklists" / "prevention.yaml", own / "prevention.yaml")
    result = runner.invoke(app, ["lint", str(own)])
    assert result.exit_code == 0, result.output


def test_a_changed_copy_still_clashes_and_says_how_to_make_it_yours(tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    text = (ROOT / "checklists" / "prevention.yaml").read_text(encoding="utf-8")
    changed = own / "prevention.yaml"
    changed.write_text(text + "\n# our club's version\n", encoding="utf-8")

    result = runner.invoke(app, ["lint", str(own)])

    assert result.exit_code == ExitCode.BAD_INPUT
    line = line_of(text, "id: prevention")
    assert f"{changed}:{line}: " in result.output
    assert 'a built-in checklist already has the id "prevention"' in result.output
    assert '"id: my-prevention" in my-prevention.yaml' in result.output
