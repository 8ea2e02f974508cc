"""Checklist files: the built-in ones are complete, broken ones are reported with file:line."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import checklist
from safecheck.core.errors import ExitCode, InputFileError
from tests.conftest import ROOT, SMALL_CHECKLIST

BUILTIN = checklist.checklist_paths(ROOT / "checklists")


def test_the_builtin_checklists_are_found() -> None:
    assert checklist.builtin_dir() == ROOT / "checklists"
    assert "prevention" in {path.stem for path in BUILTIN}


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.stem)
def test_every_builtin_checklist_is_complete(path: Path) -> None:
    loaded = checklist.load(path)  # validates both languages, ids and sources
    ids = [section.id for section in loaded.sections] + [item.id for _, item in loaded.items()]
    assert len(ids) == len(set(ids))
    for _, item in loaded.items():
        for text in (item.title, item.why, item.how, *(steps for _, steps in item.platforms)):
            assert text["nl"].strip()
            assert text["en"].strip()
            assert text["nl"] != text["en"] or len(text["en"]) < 12, (
                f"{item.id}: nl is a copy of en"
            )
        assert item.source.strip()
        assert re.search(r"seed 00[01]|\.(be|nl|org|com)", item.source), item.source


def test_prevention_covers_what_the_sources_ask() -> None:
    prevention = checklist.load(ROOT / "checklists" / "prevention.yaml")
    assert prevention.item_count >= 12
    english = " ".join(
        f"{item.title['en']} {item.why['en']} {item.how['en']}" for _, item in prevention.items()
    ).lower()
    for topic in (
        "password manager",
        "two-factor",
        "reverse image search",
        "video call",
        "webcam",
        "tattoo",
        "code",
        "deepfake",
        "private",
    ):
        assert topic in english, topic


# The ids of items in saved answers must never silently disappear. When an item is
# retired on purpose, remove its id here in the same commit.
STABLE_PREVENTION_IDS = {
    "images-your-choice",
    "images-follow-your-feeling",
    "images-not-recognisable",
    "contacts-check-profile",
    "contacts-warning-signs",
    "contacts-ask-questions",
    "contacts-video-call",
    "privacy-hide-contact-lists",
    "privacy-private-accounts",
    "accounts-strong-passwords",
    "accounts-two-step",
    "accounts-never-share-codes",
    "accounts-password-manager",
    "accounts-cover-webcam",
    "support-reality-check",
    "support-talk-openly",
    "support-know-where-help-is",
}


def test_prevention_ids_are_stable() -> None:
    prevention = checklist.load(ROOT / "checklists" / "prevention.yaml")
    ids = {item.id for _, item in prevention.items()}
    assert STABLE_PREVENTION_IDS <= ids


def broken(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def small_with(old: str, new: str) -> str:
    assert old in SMALL_CHECKLIST
    return SMALL_CHECKLIST.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("id: small\ntitle: [unclosed\n", 3, "not valid YAML"),
        ("- just\n- a list\n", 1, "must be a mapping"),
        (small_with("title: {nl: Klein, en: Small}", "title: {nl: Klein}"), 2, 'no "en" text'),
        (small_with("id: beta", "id: alpha"), 16, 'the id "alpha" is used twice (first on line 8)'),
        (small_with("priority: recommended", "priority: urgent"), 17, "priority must be one of"),
        (small_with("        source: test\n", ""), 8, '"source" is missing'),
        (small_with("id: small", "id: other"), 1, "must match the file name"),
        (
            small_with("          instagram:", "          myspace:"),
            14,
            'unknown platform "myspace"',
        ),
        (small_with("        source: test\n", "        sauce: test\n"), 15, 'unknown key "sauce"'),
        (small_with("id: gamma", "id: Gamma!"), 25, "lower-case letters"),
        (
            small_with("title: {nl: Klein, en: Small}", "title: {nl: Klein, en: Small}\nid: x"),
            3,
            "appears twice",
        ),
    ],
)
def test_a_broken_checklist_names_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = broken(tmp_path, text)
    with pytest.raises(InputFileError) as raised:
        checklist.load(path)
    assert str(raised.value).startswith(f"{path}:{line}: ")
    assert words in str(raised.value)


def test_the_cli_reports_a_broken_checklist_without_a_traceback(tmp_path: Path) -> None:
    path = broken(tmp_path, small_with("priority: essential", "priority: top"))
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert f"{path}:9: " in result.output
    assert "Traceback" not in result.output
    assert result.output.count("\n") == 1  # one paragraph


def test_an_unknown_checklist_lists_the_known_ones() -> None:
    result = CliRunner().invoke(app, ["check", "nonsense"])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert 'there is no checklist "nonsense"' in result.output
    assert "prevention" in result.output


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(tmp_path / "gone.yaml")])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "gone.yaml: there is no such file" in result.output
