"""French for French-speaking Belgium: whole texts, unchanged facts, and the right lines.

Within Belgium the reader's language chooses the regional lines: Flemish ones for `nl`,
French-language ones for `fr`, both for `en` (an English reader may live in either
community). The national lines (112, 101, Child Focus 116 000, Payboy) and the removal
services are for everyone.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from safecheck.content import helplines
from safecheck.content.checklist import builtin_dir
from safecheck.core.audience import AgeGroup
from safecheck.core.region import Region
from safecheck.flows import crisis, first_lines
from safecheck.flows.helplines import helplines_data, show
from safecheck.ui.display import Display

ROOT = builtin_dir()
FILES = sorted(path.relative_to(ROOT).as_posix() for path in ROOT.rglob("*.yaml"))
# Every file has French too: a text missing in nl, en or fr fails.
FILES_WITH_FRENCH = tuple(FILES)
LANG_KEYS = ("nl", "en", "fr")

FLEMISH_ONLY = ("1813", "102", "1712", "0800 13 500", "nupraatikerover", "CAW", "Awel")
FRENCH_LANGUAGE = ("0800 32 123", "103", "Écoute-Enfants", "Centre de Prévention du Suicide")
NATIONAL = ("112", "101", "116 000", "payboy.be")


def language_texts(node: object, where: str = "") -> Iterator[tuple[str, dict[str, str]]]:
    """Every text with a key per language, and where it is (`sections.0.items.1.why`)."""
    if isinstance(node, dict):
        if node and set(node) <= set(LANG_KEYS):
            yield where, node
            return
        for key, value in node.items():
            if key != "source":
                yield from language_texts(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from language_texts(value, f"{where}.{index}")


def load(name: str) -> object:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def test_the_list_of_french_files_names_real_files() -> None:
    assert set(FILES_WITH_FRENCH) <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_every_text_is_whole_in_each_of_its_languages(name: str) -> None:
    """nl and en everywhere; fr too in the files translated so far; none of them empty."""
    wanted = set(LANG_KEYS) if name in FILES_WITH_FRENCH else {"nl", "en"}
    found = list(language_texts(load(name)))
    assert found, f"{name}: no texts found"
    problems = [
        f"{name}: {where} has no {lang!r} text"
        for where, texts in found
        for lang in sorted(wanted)
        if not isinstance(texts.get(lang), str) or not texts[lang].strip()
    ]
    assert problems == []


def test_the_check_finds_a_missing_french_text() -> None:
    document = {"items": [{"why": {"nl": "Omdat.", "en": "Because."}}]}
    assert [where for where, texts in language_texts(document) if "fr" not in texts] == [
        "items.0.why"
    ]


URL = re.compile(r"https?://\S+?(?=[\s)\"',;]|\.?$|\.\s)")
DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:be|nl|org|com|eu|net)\b(?:/\S*)?", re.IGNORECASE)
COMMAND = re.compile(r"`[^`]+`")
NUMBER = re.compile(r"\b\d{3,}(?: \d{2,})*\b")
KNOWN_PHONES = {phone for line in helplines.load() for phone in line.phones}


def facts(text: str) -> tuple[set[str], set[str], set[str]]:
    """The web addresses, the `commands` and the phone-like numbers of a text."""
    urls = {url.rstrip(".") for url in URL.findall(text)}
    rest = URL.sub(" ", text)
    domains = {domain.lower().rstrip(".") for domain in DOMAIN.findall(rest)}
    rest = DOMAIN.sub(" ", rest)
    return urls | domains, set(COMMAND.findall(text)), set(NUMBER.findall(rest))


@pytest.mark.parametrize("name", FILES)
def test_a_translation_keeps_every_url_command_and_number(name: str) -> None:
    """URLs and commands are the same in every language; a number that is not in every
    language is a help line's own number (the French names its French-language line)."""
    problems = []
    for where, texts in language_texts(load(name)):
        per_lang = {lang: facts(text) for lang, text in texts.items() if isinstance(text, str)}
        (urls, commands, _), *others = per_lang.values()
        for lang, (other_urls, other_commands, _) in per_lang.items():
            if other_urls != urls or other_commands != commands:
                problems.append(f"{name}: {where}: {lang} has {other_urls} {other_commands}")
        shared = set.intersection(*(numbers for _, _, numbers in per_lang.values()))
        for lang, (_, _, numbers) in per_lang.items():
            unknown = numbers - shared - KNOWN_PHONES
            if unknown:
                problems.append(f"{name}: {where}: {lang} has unknown numbers {unknown}")
    assert problems == []


def test_the_check_finds_a_translated_url_and_a_changed_number() -> None:
    assert facts("Va sur https://stopncii.org/fr/ et payboy.be.")[0] == {
        "https://stopncii.org/fr/",
        "payboy.be",
    }
    assert facts("Appelle le 0800 32 124.")[2] == {"0800 32 124"}
    assert "0800 32 124" not in KNOWN_PHONES


def shown(lang: str, age_group: AgeGroup | None = None) -> str:
    """`safecheck helplines --region BE --all` as the real display prints it."""
    out = io.StringIO()
    display = Display(Console(file=out, width=200, color_system=None))
    show(display, helplines.load(), lang, Region.BE, age_group, everything=True)
    return re.sub(r"https?://\S+", "", out.getvalue())  # 1712.be is 112's and 101's source


def test_a_french_reader_in_belgium_gets_the_national_and_the_french_language_lines() -> None:
    screen = shown("fr")
    for text in (*NATIONAL, *FRENCH_LANGUAGE):
        assert text in screen, text
    for text in FLEMISH_ONLY:
        assert not re.search(rf"(?<![\d ]){re.escape(text)}(?![\d])", screen), text
    assert "Numéro d'urgence" in screen
    assert "Si tu penses au suicide" in screen  # the French text, not the English one


def test_a_dutch_reader_in_belgium_gets_the_flemish_lines_and_not_the_french_ones() -> None:
    screen = shown("nl")
    for text in (*NATIONAL, *FLEMISH_ONLY):
        assert text in screen, text
    for text in FRENCH_LANGUAGE:
        assert not re.search(rf"(?<![\d ]){re.escape(text)}(?![\d])", screen), text


def test_an_english_reader_in_belgium_gets_both_each_saying_its_language() -> None:
    screen = shown("en", AgeGroup.MINOR)
    for text in (*NATIONAL, "1813", "102", "0800 32 123", "103"):
        assert text in screen, text
    assert "In Dutch." in screen
    assert "In French." in screen


@pytest.mark.parametrize(
    ("lang", "there", "not_there"),
    [
        ("fr", {"be-prevention-suicide", "be-ecoute-enfants"}, {"be-zelfmoordlijn", "be-1712"}),
        ("nl", {"be-zelfmoordlijn", "be-awel", "be-caw"}, {"be-prevention-suicide"}),
        ("en", {"be-zelfmoordlijn", "be-prevention-suicide"}, set()),
    ],
)
def test_the_json_list_follows_the_language(
    lang: str, there: set[str], not_there: set[str]
) -> None:
    data = helplines_data(helplines.load(), lang, Region.BE)
    ids = {line["id"] for line in data["helplines"]}
    assert {"be-emergency", "be-police", "be-child-focus", "be-payboy"} <= ids
    assert there <= ids
    assert not (not_there & ids)


def test_dutch_lines_in_the_netherlands_do_not_depend_on_the_language() -> None:
    for lang in LANG_KEYS:
        ids = {line.id for line in helplines.select(helplines.load(), Region.NL, speaks=lang)}
        assert {"nl-emergency", "nl-113", "nl-helpwanted"} <= ids


def test_the_crisis_lines_of_a_french_reader_in_belgium(tmp_path: Path) -> None:
    """The first lines on screen, precompiled per language, before any question."""
    path = tmp_path / "first_lines.bin"
    french = first_lines.text("fr", "BE", path)
    assert "112" in french
    assert "0800 32 123" in french
    assert "1813" not in french
    dutch = first_lines.text("nl", "BE", path)  # read back from the same precompiled file
    assert "1813" in dutch
    assert "0800 32 123" not in dutch
    texts, _ = first_lines.make()  # what is precompiled: a text per language and region
    assert texts["fr:BE"] == french
    assert texts["fr:BE"] != texts["en:BE"] != texts["nl:BE"]
    lines = crisis.lines_for(Region.BE, helplines.load(), lang="fr")
    assert [line.phones for line in lines] == [("112",), ("0800 32 123",)]
