"""`safecheck lint` reports every broken file with file:line; `new-checklist` writes one that passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from safecheck.app.own import starter
from safecheck.app.run import Run
from safecheck.cli.app import app
from safecheck.content import checklist
from safecheck.content.custom import starter_text
from safecheck.core.errors import ExitCode
from tests.conftest import ROOT, SMALL_CHECKLIST

runner = CliRunner()


def small(checklist_id: str, old: str = "", new: str = "") -> str:
    assert old in SMALL_CHECKLIST
    return SMALL_CHECKLIST.replace("id: small", f"id: {checklist_id}", 1).replace(old, new, 1)


# One file for each kind of mistake the issue names: (file name, text, line, words).
BROKEN = [
    ("bad-yaml", "id: bad-yaml\ntitle: nl: Kapot\nintro: x\n", 2, "not valid YAML"),
    (
        "no-english",
        small("no-english", "title: {nl: Alfa doen, en: Do alpha}", "title: {nl: Alfa doen}"),
        10,
        'title has no "en" text',
    ),
    ("twice", small("twice", "id: delta", "id: beta"), 31, 'the id "beta" is used twice'),
    (
        "urgent",
        small("urgent", "priority: recommended", "priority: urgent"),
        17,
        "priority must be one of essential, recommended, advanced",
    ),
    ("unsourced", small("unsourced", "        source: test\n", ""), 8, '"source" is missing'),
]


@pytest.fixture
def broken_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "broken"
    folder.mkdir()
    for name, text, _, _ in BROKEN:
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    (folder / "fine.yaml").write_text(small("fine"), encoding="utf-8")
    return folder


def test_lint_reports_every_broken_file_with_file_and_line(broken_folder: Path) -> None:
    result = runner.invoke(app, ["lint", str(broken_folder), "--lang", "en"])

    assert result.exit_code == ExitCode.BAD_INPUT
    assert "Traceback" not in result.output
    for name, _, line, words in BROKEN:
        path = broken_folder / f"{name}.yaml"
        match = re.search(rf"^{re.escape(str(path))}:(\d+): (.*)$", result.output, re.MULTILINE)
        assert match, f"{name} is not reported"
        assert int(match.group(1)) == line, name
        assert words in match.group(2), name
    assert "fine.yaml" not in result.output
    assert "5 of 6 files have a problem" in result.output


def test_lint_passes_on_the_builtin_checklists_and_the_workshop() -> None:
    result = runner.invoke(
        app, ["lint", str(ROOT / "checklists"), str(ROOT / "checklists" / "workshop")]
    )
    assert result.exit_code == 0, result.output
    count = len(checklist.checklist_paths(ROOT / "checklists")) + 2
    assert result.output.strip() == f"OK: {count} files checked, no problems found."


def test_lint_takes_files_and_says_ok_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(small("mine"), encoding="utf-8")
    result = runner.invoke(app, ["lint", str(path), "--lang", "nl"])
    assert result.exit_code == 0
    assert "OK: 1 bestand gecontroleerd" in result.output


def test_a_builtin_id_in_your_own_folder_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "prevention.yaml"
    path.write_text(small("prevention"), encoding="utf-8")
    result = runner.invoke(app, ["lint", str(tmp_path)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert f"{path}:1: " in result.output
    assert 'a built-in checklist already has the id "prevention"' in result.output


def test_the_same_id_in_two_folders_is_an_error(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "shared.yaml").write_text(small("shared"), encoding="utf-8")
    result = runner.invoke(app, ["lint", str(tmp_path / "one"), str(tmp_path / "two")])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert f"{tmp_path / 'two' / 'shared.yaml'}:1: " in result.output
    assert f"also used by {tmp_path / 'one' / 'shared.yaml'}" in result.output


def test_lint_names_missing_paths_empty_folders_and_yml_files(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "list.yml").write_text(small("list"), encoding="utf-8")
    (tmp_path / "other" / "_draft.yaml").write_text("not: [checked", encoding="utf-8")
    result = runner.invoke(
        app, ["lint", str(tmp_path / "gone"), str(tmp_path / "empty"), str(tmp_path / "other")]
    )
    assert result.exit_code == ExitCode.BAD_INPUT
    out = result.output
    assert f"{tmp_path / 'gone'}: there is no such file or folder" in out
    assert f"{tmp_path / 'empty'}: this folder has no .yaml files" in out
    assert f"{tmp_path / 'other' / 'list.yml'}: safecheck reads only files ending in .yaml" in out
    assert "_draft" not in out  # files starting with _ are skipped, as when loading


def test_lint_checks_workshop_files_by_their_kind(tmp_path: Path) -> None:
    text = (ROOT / "checklists" / "workshop" / "quiz.yaml").read_text(encoding="utf-8")
    path = tmp_path / "quiz.yaml"
    path.write_text(text.replace("    answer: 1\n", "    answer: 0\n", 1), encoding="utf-8")
    result = runner.invoke(app, ["lint", str(path)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert re.search(rf"{re.escape(str(path))}:\d+: .*answer must be the number", result.output)


def test_an_unknown_kind_is_named(tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text("id: odd\nkind: poster\n", encoding="utf-8")
    result = runner.invoke(app, ["lint", str(path)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert f"{path}:2: kind must be one of checklist, plan, workshop, quiz" in result.output


def test_lint_needs_a_path() -> None:
    result = runner.invoke(app, ["lint"])
    assert result.exit_code == ExitCode.USAGE


# --- new-checklist --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_the_starter_file_passes_lint_and_explains_itself(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "online-safety.yaml"
    result = runner.invoke(app, ["new-checklist", str(path), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert str(path) in result.output

    text = path.read_text(encoding="utf-8")
    assert text.count("\n#") >= 10  # commented
    assert "id: online-safety\n" in text
    loaded = checklist.load(path)
    assert loaded.item_count == 2
    assert runner.invoke(app, ["lint", str(path)]).exit_code == 0

    # The commented-out platform block is valid once uncommented.
    uncommented = re.sub(r"(?m)^(\s*)# (platforms:|  instagram:|    (nl|en|fr): )", r"\1\2", text)
    assert "        platforms:\n" in uncommented
    yaml.safe_load(uncommented)
    path.write_text(uncommented, encoding="utf-8")
    assert checklist.load(path).item("first-item").platforms  # type: ignore[union-attr]


def test_new_checklist_in_a_folder_uses_the_default_name(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new-checklist", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert checklist.load(tmp_path / "my-checklist.yaml").id == "my-checklist"


def test_new_checklist_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["new-checklist", str(path)])
    assert result.exit_code == ExitCode.USAGE
    assert "there is a file here already" in result.output
    assert path.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    ("name", "words"),
    [("My List.yaml", "lower-case letters"), ("list.yml", "ends in .yaml")],
)
def test_new_checklist_needs_a_name_that_can_be_an_id(
    tmp_path: Path, name: str, words: str
) -> None:
    result = runner.invoke(app, ["new-checklist", str(tmp_path / name)])
    assert result.exit_code == ExitCode.USAGE
    assert words in result.output
    assert not (tmp_path / name).exists()


def test_the_starter_names_every_platform() -> None:
    for name in checklist.PLATFORMS:
        assert name in starter_text("x", starter(Run(lang="en")))


@pytest.mark.parametrize(
    ("lang", "rules", "title"),
    [
        ("fr", "Les règles", "Ma checklist"),
        ("nl", "De regels", "Mijn checklist"),
        ("en", "The rules", "My checklist"),
    ],
)
def test_the_starter_speaks_the_readers_language_and_has_every_language(
    tmp_path: Path, lang: str, rules: str, title: str
) -> None:
    """The rules are in the reader's language (French too), and every text of the example
    is there in each language safecheck speaks, from the catalogues."""
    path = tmp_path / "mine.yaml"
    assert runner.invoke(app, ["new-checklist", str(path), "--lang", lang]).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert f"# {rules}" in text
    loaded = checklist.load(path)
    assert loaded.title[lang] == title
    assert loaded.title["fr"] == "Ma checklist"  # not the English text
    item = loaded.item("first-item")
    assert item is not None
    assert item.how["fr"].splitlines() == ["- Première étape.", "- Deuxième étape."]


def test_the_documented_example_checklist_passes_lint(tmp_path: Path) -> None:
    readme = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    example = readme.split("<!-- example-checklist -->\n```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "online-safety.yaml"
    path.write_text(example, encoding="utf-8")
    result = runner.invoke(app, ["lint", str(path)])
    assert result.exit_code == 0, result.output
    assert checklist.load(path).item_count == 2


def test_the_reference_names_every_platform() -> None:
    readme = " ".join((ROOT / "docs" / "reference.md").read_text(encoding="utf-8").split())
    rules = readme.split("the known platforms are", 1)[1].split(".", 1)[0]
    assert set(re.findall(r"[a-z]+", rules)) - {"and"} == set(checklist.PLATFORMS)
