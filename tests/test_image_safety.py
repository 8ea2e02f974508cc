"""No text in any checklist leads anyone to copy, keep or pass on an intimate image.

Evidence is the messages, the profile, the username, the phone number and the payment
demand; where the image itself is in view, it is left out and its place (link, site,
date) written down. For an image of someone under 18 a copy is illegal even in the
victim's or a parent's hands, and Take It Down's own FAQ says never to download or share
an image to report it. Two checks, per language (nl, en, fr): phrases that were once in the content
and must never come back, and a rule for any sentence that joins an act of copying or
passing on with an intimate image, unless the sentence says not to.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from safecheck.content.checklist import builtin_dir

FILES = sorted(builtin_dir().rglob("*.yaml"))
ROOT = Path(__file__).resolve().parent.parent

# Harmful sentences as they once stood, and their close relatives.
PHRASES = {
    "nl": [
        r"vind je iets\?\s*maak screenshots",
        r"(geef|stuur|bezorg)\w* (een |de )?kopie",
        r"maak\w* screenshots? als bewijs",
        r"screenshots? van de (berichten en )?dreiging",
        r"bewaar (het|de|je|dat) (intieme )?(beeld|beelden|foto|foto's|video|naaktfoto)",
    ],
    "en": [
        r"found something\?\s*take screenshots",
        r"give (them |someone )?a copy",
        r"take screenshots? as evidence",
        r"screenshots? of the (messages and )?threats",
        r"(keep|save) (the|your|that) (intimate )?(image|images|photo|photos|video|nude)",
    ],
    "fr": [
        r"trouvé quelque chose \?\s*fais des captures",
        r"(donne|envoie|transf[eè]re)\w* (lui |leur )?(une |la )?copie",
        r"(fais|faire|prends|prendre) des captures? d'écran comme preuves?",
        r"captures? d'écran des (messages et des )?menaces",
        r"\b(garde|conserve|enregistre)\w* (l'|cette |ton |ta |tes |les )(image|photo|vidéo|nude)s?\b",
        r"tu trouves quelque chose\W*fais des captures",
        r"(donne|envoie|transmets)\w* (une |la )?copie",
        r"fai\w* des captures d'écran comme preuve",
        r"captures? d'écran des (messages et des )?menaces",
        r"(garde|conserve|enregistre)\w* (l'|ton |ta |tes |cette |ces )(image|photo|vidéo)",
    ],
}
# A sentence that copies or passes on ...
ACTS = {
    "nl": r"screenshot|kopie|kopieer|bewaar|opslaan|download|doorstu|stuur .*door|deel",
    "en": r"screenshot|cop(y|ies)|keep|save|download|forward|pass .*on|send|share",
    "fr": r"capture|copi|\bgard|conserv|enregistr|télécharg|transf[eè]r|fai\w* suivre|envo[iy]|partag",
}
# ... an intimate image ...
IMAGES = {
    "nl": r"(intiem|naakt)\w*|het beeld\b|de beelden\b",
    "en": r"intimate|nude|naked|the image\b|the images\b",
    "fr": r"intime|\bnue?s?\b|nudité|dénudé|\bl'image\b|\bles images\b",
}
# ... is only allowed when it says not to, speaks of the perpetrator, or is about
# whether to share your own image at all (prevention: only if you want to and trust them),
# or about keeping your face out of one.
NOT = {
    "nl": r"\b(niet|nooit|geen|niemand)\b|de dader|de ander|iemand anders|alleen als je|buiten",
    "en": r"\b(not|never|no|don't|doesn't|nobody|anyone)\b|perpetrator|the other person|"
    r"only share .* when you|out of",
    "fr": r"\b(ne|pas|jamais|aucune?|personne|sans)\b|\bn'|auteur|l'autre|quelqu'un d'autre|"
    r"que si tu|hors d|vêtements|même si",  # "même si tu as envoyé…": not advice
}


def texts(node: object, key: str = "") -> Iterator[tuple[str, str]]:
    """Every (language, text) a reader sees; `source` is a citation, not advice."""
    if isinstance(node, dict):
        for child_key, value in node.items():
            if child_key == "source":
                continue
            if child_key in ("nl", "en", "fr") and isinstance(value, str):
                yield str(child_key), value
            else:
                yield from texts(value, str(child_key))
    elif isinstance(node, list):
        for value in node:
            yield from texts(value, key)


def sentences(text: str) -> Iterator[str]:
    for line in text.splitlines():
        yield from (part for part in re.split(r"(?<=[.!?:])\s+", line) if part.strip())


def harmful(document: object) -> list[str]:
    found = []
    for lang, text in texts(document):
        for phrase in PHRASES[lang]:
            if re.search(phrase, text, re.IGNORECASE):
                found.append(f"[{lang}] {phrase!r} in {text.strip()[:120]!r}")
        for sentence in sentences(text):
            if (
                re.search(ACTS[lang], sentence, re.IGNORECASE)
                and re.search(IMAGES[lang], sentence, re.IGNORECASE)
                and not re.search(NOT[lang], sentence, re.IGNORECASE)
            ):
                found.append(f"[{lang}] {sentence.strip()!r}")
    return found


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_no_text_says_to_copy_keep_or_send_an_intimate_image(path: Path) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert harmful(document) == []


def test_the_check_catches_the_old_emergency_plan() -> None:
    """The plan as it stood at c51c31e told people to screenshot what they found."""
    try:
        old = subprocess.run(
            ["git", "show", "c51c31e:checklists/emergency.yaml"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("no git history here")
    found = harmful(yaml.safe_load(old))
    assert any("vind je iets" in item for item in found)
    assert any("give (them |someone )?a copy" in item for item in found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Staan ze er? Maak screenshots als bewijs."),
        ("nl", "Bewaar het beeld op een veilige plek."),
        ("nl", "Stuur de naaktfoto door naar de politie."),
        ("en", "Keep the image somewhere safe."),
        ("en", "Forward the nude to a teacher you trust."),
        ("en", "Take screenshots as evidence."),
        ("fr", "Garde l'image dans un endroit sûr."),
        ("fr", "Transfère la photo de nu à la police."),
        ("fr", "Fais des captures d'écran comme preuve."),
    ],
)
def test_the_check_catches_new_ways_of_saying_it(lang: str, text: str) -> None:
    assert harmful({"how": {lang: text}})


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Staat het intieme beeld op je scherm? Maak daar geen screenshot van."),
        ("nl", "Maak screenshots van de berichten en het profiel."),
        ("en", "Never pass on the image itself, not even as evidence."),
        ("en", "A perpetrator saves every photo and can record a video call."),
        ("fr", "Ne fais pas de capture d'écran de l'image elle-même, et ne la transfère jamais."),
        ("fr", "Fais des captures d'écran des messages et du profil."),
    ],
)
def test_the_check_lets_safe_advice_through(lang: str, text: str) -> None:
    assert not harmful({"how": {lang: text}})


# -- nobody is sent looking for images of a minor --------------------------------------------

# Searching for oneself online is advice for images made at 18 or older only: images made
# under 18 are images of sexual abuse of minors, which nobody looks for (not the young
# person, not a parent, teacher or youth worker); help lines and the police search.
SEARCHING = {
    "nl": re.compile(
        r"\bzoek\w* jezelf|\bzoek\w* samen (of|online|naar)\b|^\W*zoek\w* .{0,30}\b(beelden|online)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"search\w* (for )?yourself|search\w* online together|search\w* together (whether|if|for)"
        r"|^\W*(offer to )?search\w* .{0,30}\b(online|images)\b|look\w* (for|at) the images",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"cherche-toi|recherche sur toi|cherch\w* ensemble (si|en ligne|des images)"
        r"|^\W*cherch\w* .{0,30}\b(images|en ligne)\b",
        re.IGNORECASE,
    ),
}
NOT_SEARCHING = {
    "nl": re.compile(r"\b(niet|geen|nooit|niemand)\b", re.IGNORECASE),
    "en": re.compile(r"\b(don't|not|never|nobody)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(ne|n'|pas|jamais|personne)\b", re.IGNORECASE),
}


def searching(node: object, adults_only: bool = False) -> Iterator[str]:
    """Sentences that send someone searching, outside items for images made at 18+."""
    if isinstance(node, dict):
        when = node.get("when")
        if isinstance(when, dict):
            made = when.get("images")
            adults_only = made in ("adult", ["adult"])
        for key, value in node.items():
            if key in SEARCHING and isinstance(value, str):
                if adults_only:
                    continue
                for sentence in re.split(r"(?<=[.?!])\s+|\n", value):
                    found = SEARCHING[key].search(sentence)
                    if found and not NOT_SEARCHING[key].search(sentence):
                        yield f"[{key}] {sentence.strip()}"
            else:
                yield from searching(value, adults_only)
    elif isinstance(node, list):
        for value in node:
            yield from searching(value, adults_only)


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_nobody_is_sent_searching_for_images_of_a_minor(path: Path) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(searching(document)) == []


def test_the_search_finder_finds_the_old_advice() -> None:
    old = {
        "items": [
            {"how": {"nl": "- Zoek jezelf online op.", "en": "- Search for yourself online."}},
            {"title": {"en": "Offer to search online together", "fr": "Cherchez ensemble si"}},
            {"when": {"images": "adult"}, "how": {"en": "Search for yourself online."}},
            {"how": {"en": "Don't search for the images.", "nl": "Zoek niet naar de beelden."}},
        ]
    }
    assert len(list(searching(old))) == 4  # the adults-only item and the "don't" pass
