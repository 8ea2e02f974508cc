"""The words safecheck says itself (checklist content lives in the YAML files)."""

from __future__ import annotations

import os

from safecheck.core import messages_chain, messages_evidence, messages_screens, messages_state

# The languages of the program and of every checklist text; English is the fallback.
LANGS = ("nl", "en")

# The program's own words, by key, in every language (checklist content lives in the YAML).
MESSAGES: dict[str, dict[str, str]] = {
    **messages_screens.MESSAGES,
    **messages_state.MESSAGES,
    **messages_evidence.MESSAGES,
    **messages_chain.MESSAGES,
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
