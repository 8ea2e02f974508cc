"""`verify --junit FILE`: JUnit XML that a real JUnit reader (junitparser) reads back."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: N817
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml, Skipped
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.evidence.export import ExportError
from tests.conftest import SMALL_CHECKLIST

runner = CliRunner()


def answer(tmp_path: Path, checklist: Path, answers: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(f"checklist: small\nanswers: {{{answers}}}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(checklist), "--answers", str(path), "--no-input"])
    assert result.exit_code == 0, result.output


def junit(checklist: Path, report: Path, *requirement: str) -> tuple[int, JUnitXml]:
    args = ["verify", "--checklist", str(checklist), *requirement, "--junit", str(report)]
    result = runner.invoke(app, args)
    return result.exit_code, JUnitXml.fromfile(str(report))


def cases_of(xml: JUnitXml) -> dict[str, list[object]]:
    [suite] = list(xml)
    return {case.name: list(case.result) for case in suite}


def test_one_case_per_item_open_items_fail_not_for_me_is_skipped(
    small_checklist: Path, tmp_path: Path
) -> None:
    answer(tmp_path, small_checklist, "alpha: done, beta: not_yet, gamma: not_for_me")
    report = tmp_path / "report.xml"
    code, xml = junit(small_checklist, report, "--require-priority", "essential")
    assert code == ExitCode.CHECK_FAILED
    [suite] = list(xml)
    assert suite.name == "small"
    assert (suite.tests, suite.failures, suite.skipped, suite.errors) == (5, 3, 1, 0)
    cases = cases_of(xml)
    assert list(cases) == ["alpha", "beta", "gamma", "delta", "requirement"]
    assert cases["alpha"] == []
    [beta] = cases["beta"]
    assert isinstance(beta, Failure)
    assert beta.message == "not yet"
    assert beta.type == "not_yet"
    [delta] = cases["delta"]
    assert isinstance(delta, Failure)
    assert delta.message == "not answered"
    assert isinstance(cases["gamma"][0], Skipped)
    [requirement] = cases["requirement"]
    assert isinstance(requirement, Failure)
    assert "not met" in (requirement.message or "")
    titles = {case.name: case.system_out for case in suite}
    assert titles["alpha"] == "Do alpha"


def test_the_requirement_case_passes_when_it_holds(small_checklist: Path, tmp_path: Path) -> None:
    answer(tmp_path, small_checklist, "alpha: done, beta: not_yet, delta: done")
    report = tmp_path / "report.xml"
    code, xml = junit(small_checklist, report, "--min-score", "50")
    assert code == ExitCode.OK
    cases = cases_of(xml)
    assert cases["requirement"] == []
    [suite] = list(xml)
    assert (suite.tests, suite.failures, suite.skipped) == (5, 2, 0)  # beta and gamma open


def test_a_json_run_writes_the_same_report_and_replaces_an_old_one(
    small_checklist: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.xml"
    report.write_text("old")
    result = runner.invoke(
        app,
        ["verify", "--checklist", str(small_checklist), "--min-score", "0"]
        + ["--junit", str(report), "--json"],
    )
    assert result.exit_code == 0
    [suite] = list(JUnitXml.fromfile(str(report)))
    assert suite.tests == 5


@pytest.mark.parametrize("title", ['<b>&amp; "quoted" ]]> \u00e9', "<script>x</script> & 'y'"])
def test_every_text_is_escaped(tmp_path: Path, title: str) -> None:
    checklist = tmp_path / "small.yaml"
    checklist.write_text(
        SMALL_CHECKLIST.replace("en: Do alpha}", f"en: {title!r}}}"), encoding="utf-8"
    )
    report = tmp_path / "report.xml"
    code, xml = junit(checklist, report, "--min-score", "0")
    assert code == 0, report
    ET.parse(report)  # well-formed for a strict parser too
    [suite] = list(xml)
    out = {case.name: case.system_out for case in suite}["alpha"]
    assert out == title


def test_a_report_in_a_folder_that_is_not_there_is_refused(
    small_checklist: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        app,
        ["verify", "--checklist", str(small_checklist), "--min-score", "0"]
        + ["--junit", str(tmp_path / "gone" / "report.xml")],
    )
    assert result.exit_code == ExportError.exit_code
    assert "does not exist" in result.stderr
