"""--help and usage errors speak the reader's language (nl, en, fr), from the catalogues."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.storage import settings as plain_settings

runner = CliRunner()


@pytest.mark.parametrize(
    "args",
    [["--lang", "fr", "check", "--help"], ["check", "--help", "--lang", "fr"]],
)
def test_check_help_in_french(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == ExitCode.OK
    shown = result.output
    assert shown.startswith("Utilisation : safecheck check")
    for french in (
        "Parcours une liste de contrôle point par point",
        "Oublier les réponses d'avant",
        "Afficher cette aide et quitter.",
        "[par défaut : prevention]",
    ):
        assert french in " ".join(shown.split()), shown
    for english in ("Usage:", "Walk through a checklist", "Show this message", "[default:"):
        assert english not in shown


def test_the_start_help_in_dutch() -> None:
    shown = runner.invoke(app, ["--lang", "nl", "--help"]).output
    assert shown.startswith("Gebruik: safecheck")
    assert "Bescherm jezelf tegen sextortion" in shown
    assert "Opdrachten" in shown
    assert "Toon deze hulp en stop." in shown


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--lang", "fr", "plan", "--age-group", "x"],
            "Erreur : Valeur non valable pour '--age-group' : 'x' n'est pas l'une de ces "
            "valeurs : 'minor', 'adult'.",
        ),
        (["check", "--bogus", "--lang", "fr"], "Erreur : Cette option n'existe pas : --bogus"),
        (["chek", "--lang", "nl"], "Fout: Deze opdracht bestaat niet: 'chek'. Bedoel je 'check'?"),
        (
            ["verify", "--min-score", "200", "--lang=nl"],
            "Fout: Ongeldige waarde voor '--min-score': 200 ligt niet binnen 0<=x<=100.",
        ),
        (["plan", "--lang", "fr", "--region"], "Erreur : L'option '--region' demande une valeur."),
        (
            ["--lang", "fr", "helplines", "--region", "XX"],
            "Erreur : Valeur non valable pour '--region' : 'XX' n'est pas un code de pays",
        ),
    ],
)
def test_usage_errors_in_the_readers_language(args: list[str], expected: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == ExitCode.USAGE
    assert expected in " ".join(result.output.split()), result.output  # wrapped at 80
    assert "Error:" not in result.output
    assert "Try '" not in result.output


def test_the_usage_and_the_hint_are_translated_too() -> None:
    shown = runner.invoke(app, ["--lang", "fr", "plan", "--age-group", "x"]).output
    assert shown.startswith("Utilisation : safecheck plan [OPTIONS]")
    assert "Pour de l'aide : 'safecheck plan --help'." in shown


def test_the_language_chosen_before_is_the_language_of_help(home: Path) -> None:
    plain_settings.update(home, lang="nl")
    result = runner.invoke(app, ["check", "--help"])
    assert "Loop een checklist punt voor punt door" in result.output
    result = runner.invoke(app, ["check", "--bogus"])
    assert "Fout: Deze optie bestaat niet: --bogus" in result.output


def test_english_stays_english() -> None:
    result = runner.invoke(app, ["--lang", "en", "plan", "--age-group", "x"])
    assert "Error: Invalid value for '--age-group': 'x' is not one of 'minor', 'adult'." in (
        " ".join(result.output.split())
    )
    assert runner.invoke(app, ["--lang", "en", "check", "--help"]).output.startswith("Usage: ")


def _command_paths() -> list[tuple[str, ...]]:
    """Every command of the tree, groups and their commands too: () is safecheck itself."""
    import typer.main

    paths: list[tuple[str, ...]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        paths.append(path)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return paths


COMMANDS = _command_paths()
OPTION_NAME = re.compile(r"^\s*(-\S+|\S+\.\.\.|\w[\w-]*\s{2,})")


def _sentences(shown: str) -> list[str]:
    """The lines of a --help that hold English words: option and command names, example
    command lines, metavars and file names are the same in every language."""
    found = []
    for line in shown.splitlines():
        text = " ".join(OPTION_NAME.sub("", line).split())
        words = [
            word
            for word in re.findall(r"[^\s]+", text)
            if re.fullmatch(r"[A-Za-z']+[,.;:)]?", word) and word.lower() not in UNTRANSLATED
        ]
        if len(words) >= 3:
            found.append(text)
    return found


# Words of a --help that stay as they are: the program, its commands and their values.
UNTRANSLATED = {"safecheck", "check", "prevention", "evidence", "add", "backup", "create"}


def test_every_command_is_in_the_list() -> None:
    assert ("evidence", "add") in COMMANDS
    assert ("backup", "restore") in COMMANDS
    assert ("class-summary",) in COMMANDS
    assert len(COMMANDS) >= 25


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "safecheck")
def test_every_help_is_in_the_readers_language(path: tuple[str, ...], lang: str) -> None:
    english = runner.invoke(app, ["--lang", "en", *path, "--help"])
    shown = runner.invoke(app, ["--lang", lang, *path, "--help"])
    assert english.exit_code == shown.exit_code == ExitCode.OK, shown.output
    sentences = _sentences(english.output)
    assert sentences, english.output  # the comparison compares something
    flat = " ".join(
        " ".join(OPTION_NAME.sub("", line).split()) for line in shown.output.splitlines()
    )
    left = [sentence for sentence in sentences if sentence in flat]
    assert not left, f"English in the {lang} help of {' '.join(path)}: {left}\n{shown.output}"
    for line in shown.output.splitlines():
        assert len(line) <= 80, line


@pytest.mark.parametrize(
    ("lang", "args", "expected"),
    [
        ("fr", ["evidence", "show", "abc"], "'abc' n'est pas un nombre entier."),
        ("nl", ["evidence", "show", "abc"], "'abc' is geen geheel getal."),
        ("en", ["evidence", "show", "abc"], "'abc' is not a whole number."),
        ("fr", ["verify"], "donne --min-score, --require-priority, ou les deux"),
        ("nl", ["verify"], "geef --min-score, --require-priority, of allebei"),
        ("en", ["verify"], "give --min-score, --require-priority, or both"),
        ("fr", ["check", "--json=3"], "Erreur : L'option '--json' ne prend pas de valeur."),
        ("nl", ["backup", "create", "."], "Fout: Ongeldige waarde voor 'file': '.' is een map"),
        ("en", ["backup", "create", "."], "Error: Invalid value for 'file': '.' is a folder"),
    ],
)
def test_a_usage_error_in_every_language(lang: str, args: list[str], expected: str) -> None:
    result = runner.invoke(app, ["--lang", lang, *args])
    assert result.exit_code == ExitCode.USAGE
    assert expected in " ".join(result.output.split()), result.output
    assert all(len(line) <= 80 for line in result.output.splitlines()), result.output


def test_the_help_of_lang_names_every_language() -> None:
    from safecheck.core.i18n import LANGUAGES

    shown = " ".join(runner.invoke(app, ["--lang", "en", "status", "--help"]).output.split())
    assert f"Language: {', '.join(LANGUAGES)}, in any case" in shown
