"""French (fr) is whole: every checklist text has nl, en and fr, and a translation keeps
the numbers and web addresses of the text it translates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from safecheck.content import checklist, workshop
from safecheck.content.checklist import builtin_dir

# Every checklist, the workshop and the quiz are in French too (help lines: test_french.py).
FILES_WITH_FRENCH = tuple(
    sorted(
        path.relative_to(builtin_dir()).as_posix()
        for path in builtin_dir().rglob("*.yaml")
        if path.parent.name != "data"
    )
)
LANG_KEYS = {"nl", "en", "fr"}


def language_texts(node: object, where: str = "") -> Iterator[tuple[str, dict[str, object]]]:
    """Every mapping with language keys (title, why, how, slides, chat lines, choices ...)."""
    if isinstance(node, dict):
        if LANG_KEYS & set(node):
            yield where, node
            return
        for key, value in node.items():
            yield from language_texts(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from language_texts(value, f"{where}[{index}]")


def document(name: str) -> object:
    return yaml.safe_load((builtin_dir() / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", FILES_WITH_FRENCH)
def test_every_text_is_in_dutch_english_and_french(name: str) -> None:
    found = list(language_texts(document(name)))
    assert len(found) > 40, name
    for where, texts in found:
        for lang in sorted(LANG_KEYS):
            value = texts.get(lang)
            assert isinstance(value, str), f"{name}: {where} has no {lang} text"
            assert value.strip(), f"{name}: {where}.{lang} is empty"
        short = len(str(texts["en"])) < 25  # "Quiz", "Instagram": the same in every language
        assert texts["fr"] != texts["en"] or short, f"{name}: {where}.fr is the English text"
        assert texts["fr"] != texts["nl"] or short, f"{name}: {where}.fr is the Dutch text"


# What a translation must keep: numbers (Sam is 16, 300 euros, steps 1 to 9) and addresses.
KEPT = re.compile(r"\d+|\b[\w-]+\.(?:org|be|nl|com)\b", re.IGNORECASE)


@pytest.mark.parametrize("name", FILES_WITH_FRENCH)
def test_french_keeps_the_numbers_and_addresses(name: str) -> None:
    for where, texts in language_texts(document(name)):
        both = set(KEPT.findall(str(texts["nl"]))) & set(KEPT.findall(str(texts["en"])))
        missing = both - set(KEPT.findall(str(texts["fr"])))
        assert not missing, f"{name}: {where}.fr lacks {sorted(missing)}"


def test_the_loaders_show_french_to_a_french_reader() -> None:
    prevention = checklist.load(builtin_dir() / "prevention.yaml")
    assert prevention.title["fr"] == "Prévention : protège-toi contre la sextorsion"
    assert prevention.title["nl"].startswith("Voorkomen")
    talk, quiz = workshop.load_builtin()
    first = talk.parts[1].slides[1]
    assert first.question is not None
    assert first.question["fr"].startswith("Vous voyez le signal d'alarme ?")
    assert quiz.questions[0].choices[1]["fr"] == "Arrêter de payer, même si Sam a déjà payé."


def test_a_text_without_french_falls_back_to_english(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    text = """\
id: mine
kind: checklist
title: {nl: "Mijn lijst", en: "My list"}
intro: {nl: "Inleiding", en: "Intro"}
sections:
  - id: one
    title: {nl: "Een", en: "One", fr: "Un"}
    items:
      - id: one-item
        priority: essential
        title: {nl: "Doe het", en: "Do it"}
        why: {nl: "Daarom", en: "Because"}
        how: {nl: "Zo", en: "Like this"}
        source: "mine"
"""
    loaded = checklist.load(path, text)
    assert loaded.title["fr"] == "My list"
    assert loaded.sections[0].title["fr"] == "Un"
