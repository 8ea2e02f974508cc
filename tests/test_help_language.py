"""--help and usage errors speak the reader's language (nl, en, fr), from the catalogues."""

from __future__ import annotations

from pathlib import Path

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
    assert expected in result.output, result.output
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
        result.output
    )
    assert runner.invoke(app, ["--lang", "en", "check", "--help"]).output.startswith("Usage: ")
