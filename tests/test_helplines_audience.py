"""Every reader gets the lines that fit them, and a step never names a line it does not show.

Adults in Belgium get Tele-Onthaal 106 (Dutch) or Télé-Accueil 107 (French), not the
children's lines; another country gets 112 and a directory of help lines; and the plan,
walked for every language, region, age group and image age, names only lines on its screen.
"""

from __future__ import annotations

import itertools
import json
import re

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import checklist, helplines
from safecheck.content.checklist import Item
from safecheck.core.audience import AgeGroup, ImageAge, images_for
from safecheck.core.i18n import LANGUAGES
from safecheck.core.region import Region
from safecheck.flows import first_lines
from safecheck.flows.crisis import footer_text, lines_for
from safecheck.flows.emergency import step_images

runner = CliRunner()
LINES = helplines.load()
PLAN = checklist.load(checklist.builtin_dir() / "emergency.yaml")


def listed(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["helplines", "--json", *args])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    return list(document["helplines"])


def phones(lines: list[dict[str, object]]) -> set[str]:
    return {phone for line in lines for phone in line["phones"]}  # type: ignore[attr-defined]


def test_a_french_speaking_adult_in_belgium_gets_tele_accueil_not_a_childrens_line() -> None:
    adult = phones(listed("--region", "BE", "--lang", "fr", "--age-group", "adult"))
    assert "107" in adult
    assert "103" not in adult  # Écoute-Enfants is a children's line, like Awel
    assert "102" not in adult


def test_a_french_speaking_minor_in_belgium_gets_ecoute_enfants() -> None:
    minor = listed("--region", "BE", "--lang", "fr", "--age-group", "minor")
    assert "103" in phones(minor)
    assert any(line["chat"] == "maintenantjenparle.be" for line in minor)


def test_a_dutch_speaking_adult_in_belgium_gets_tele_onthaal_and_1712() -> None:
    adult = listed("--region", "BE", "--lang", "nl", "--age-group", "adult")
    assert {"106", "1712"} <= phones(adult)
    assert "102" not in phones(adult)
    assert all(line["name"] != "Payboy (Child Focus)" for line in adult)  # a site for the young


@pytest.mark.parametrize("region", ["US", "OTHER", "JP"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_another_country_gets_the_emergency_number_and_a_directory(region: str, lang: str) -> None:
    lines = listed("--region", region, "--lang", lang)
    crisis = [line for line in lines if line["crisis"]]
    assert [line["phones"] for line in crisis if line["kind"] == "emergency"] == [["112"]]
    directory = [line for line in crisis if line["url"] == "findahelpline.com"]
    assert len(directory) == 1
    alone = {"nl": "Blijf niet alleen", "en": "Don't stay alone", "fr": "Ne reste pas seul"}
    assert alone[lang] in str(directory[0]["for"])
    assert str(directory[0]["source"]).startswith("https://")


def test_another_country_sees_the_directory_on_the_helplines_screen() -> None:
    result = runner.invoke(app, ["helplines", "--region", "US", "--lang", "en"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "findahelpline.com" in out
    assert "112" in out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_very_first_lines_for_another_country_show_the_directory(lang: str) -> None:
    texts, _ = first_lines.make()
    text = texts[first_lines.key(lang, "OTHER")]
    assert "findahelpline.com" in text
    assert "112" in text
    assert text.count("\n") >= 2  # "don't stay alone" under the lines


def test_helpwanted_can_be_called() -> None:
    lines = listed("--region", "NL", "--lang", "en")
    helpwanted = next(line for line in lines if line["name"] == "Helpwanted")
    assert helpwanted["phones"] == ["020 261 52 75"]
    assert "English" in str(helpwanted["for"])


# -- a step names only the lines its screen shows ------------------------------------------


def key(line: helplines.HelpLine) -> str:
    """The name a text would use for a line: `Child Focus`, `Payboy`, `Take It Down`."""
    name = line.name["en"].split(" (")[0].split(":")[0]
    return name.removesuffix(".org")


# Lines named by a word a text could use for something else are matched by their number.
GENERIC = {"emergency", "police"}
NAMES = sorted({key(line) for line in LINES if line.kind not in GENERIC}, key=len, reverse=True)
NUMBERS = sorted({phone for line in LINES for phone in line.phones}, key=len, reverse=True)


def named(text: str) -> set[str]:
    """The lines a text names, by name or by number."""
    found = {name for name in NAMES if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)}
    found |= {
        number
        for number in NUMBERS
        if re.search(rf"(?<!\d)(?<!\d ){re.escape(number)}(?! ?\d)", text)
    }
    return found


def texts(item: Item, lang: str) -> str:
    parts = [item.title[lang], item.why[lang], item.how[lang]]
    parts += [text[lang] for _, text in item.platforms]
    if item.reminder is not None:
        parts.append(item.reminder[lang])
    return "\n".join(parts)


def on_screen(lines: tuple[helplines.HelpLine, ...], lang: str) -> set[str]:
    return {key(line) for line in lines} | {phone for line in lines for phone in line.phones}


COMBINATIONS = list(itertools.product(LANGUAGES, list(Region), list(AgeGroup), list(ImageAge)))


@pytest.mark.parametrize(
    ("lang", "region", "age_group", "images"),
    COMBINATIONS,
    ids=[
        f"{lang}-{region.value}-{age.value}-{made.value}"
        for lang, region, age, made in COMBINATIONS
    ],
)
def test_every_line_a_step_names_is_on_its_screen(
    lang: str, region: Region, age_group: AgeGroup, images: ImageAge
) -> None:
    images = images_for(age_group, images) or images
    footer = lines_for(region, LINES, lang=lang)  # the footer under every step
    assert footer_text(LINES, region, lang)
    missing = []
    for section in PLAN.narrowed(region, age_group, images).sections:
        for item in section.items:
            made = step_images(item, images)
            shown = helplines.select(
                LINES, region, age_group, item.helplines, speaks=lang, images=made
            )
            visible = on_screen(shown + footer, lang)
            for name in named(texts(item, lang)) - visible:
                missing.append(f"{item.id}: {name}")
    assert missing == []


def test_the_name_finder_finds_lines() -> None:
    assert named("in Belgium Child Focus, in the Netherlands Helpwanted") == {
        "Child Focus",
        "Helpwanted",
    }
    assert named("call 1813 or 0800 32 123") == {"1813", "0800 32 123"}
    assert named("11 December 1712") >= {"1712"}
