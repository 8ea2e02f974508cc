"""The words safecheck says itself (checklist content lives in the YAML files)."""

from __future__ import annotations

import os

from safecheck.checklist import LANGS

MESSAGES: dict[str, dict[str, str]] = {
    "answer.done": {"en": "Done", "nl": "Gedaan"},
    "answer.not_yet": {"en": "Not yet", "nl": "Nog niet"},
    "answer.not_for_me": {"en": "Not for me", "nl": "Niet voor mij"},
    "answer.how": {"en": "Tell me how", "nl": "Vertel me hoe"},
    "answer.skipped": {"en": "Skip for now", "nl": "Nu overslaan"},
    "ask.item": {"en": "Where are you with this?", "nl": "Hoe ver ben je hiermee?"},
    "ask.instruction": {
        "en": "(arrow keys or a number, then Enter)",
        "nl": "(pijltjestoetsen of een cijfer, dan Enter)",
    },
    "why": {"en": "Why", "nl": "Waarom"},
    "how": {"en": "How", "nl": "Hoe"},
    "progress": {"en": "{answered} of {total} answered", "nl": "{answered} van {total} beantwoord"},
    "resume": {
        "en": "Welcome back. You answered {answered} of {total}; we go on where you left off.",
        "nl": "Welkom terug. Je beantwoordde {answered} van {total}; we gaan verder waar je was.",
    },
    "all_answered": {
        "en": "You have answered every item. Use --restart to go through them again.",
        "nl": "Je hebt alles beantwoord. Gebruik --restart om alles opnieuw te doorlopen.",
    },
    "interrupted": {
        "en": "Stopped. Your answers so far are saved; run the same command to go on.",
        "nl": "Gestopt. Je antwoorden tot nu toe zijn bewaard; voer dezelfde opdracht uit om verder te gaan.",
    },
    "summary.title": {"en": "Your summary", "nl": "Jouw overzicht"},
    "summary.score": {"en": "Score", "nl": "Score"},
    "summary.priority": {"en": "Priority", "nl": "Prioriteit"},
    "summary.done": {"en": "done", "nl": "gedaan"},
    "summary.overall": {"en": "Overall", "nl": "Totaal"},
    "summary.next": {
        "en": "The most important things still open:",
        "nl": "Het belangrijkste dat nog openstaat:",
    },
    "summary.nothing_open": {
        "en": "Nothing important is open. Well done.",
        "nl": "Er staat niets belangrijks meer open. Goed gedaan.",
    },
    "summary.not_applicable": {"en": "not for me", "nl": "niet voor mij"},
    "priority.essential": {"en": "Essential", "nl": "Essentieel"},
    "priority.recommended": {"en": "Recommended", "nl": "Aanbevolen"},
    "priority.advanced": {"en": "Advanced", "nl": "Gevorderd"},
    "not_interactive": {
        "en": "safecheck asks its questions in a terminal, and standard input is not one. "
        "Run it in a terminal, or give your answers in a file with --answers FILE "
        "(see the README).",
        "nl": "safecheck stelt zijn vragen in een terminal, en de standaardinvoer is er geen. "
        "Start het in een terminal, of geef je antwoorden in een bestand met --answers BESTAND "
        "(zie de README).",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang` (English if that language lacks it)."""
    texts = MESSAGES[key]
    text = texts.get(lang) or texts["en"]
    return text.format(**values) if values else text


def default_lang(environ: dict[str, str] | None = None) -> str:
    """`nl` when the locale is Dutch (nl_BE, nl_NL, ...), else `en`."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGS else "en"
    return "en"
