"""The plain settings file is read the same with or without tomllib (storage/settings.py reads
a file as safecheck writes it itself, and leaves every other file to tomllib)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safecheck.storage import settings

WORDS = st.sampled_from(["BE", "NL", "OTHER", "fr", "nl", "en", "keyring", "plain", "é", ""])
SETTINGS = st.builds(
    settings.Settings,
    region=st.none() | WORDS,
    lang=st.none() | WORDS,
    discreet=st.booleans(),
    key=st.none() | WORDS,
)


def through_tomllib(text: str) -> object:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}


@given(SETTINGS)
def test_what_safecheck_writes_reads_as_tomllib_reads_it(saved: settings.Settings) -> None:
    text = settings.dumps(saved)
    assert settings._table(text) == through_tomllib(text)


@pytest.mark.parametrize(
    "text",
    [
        'lang = "fr"\nlang = "nl"\n',  # twice: not TOML
        'lang = "fr"\r\n',
        'lang = "f\\u0072"\n',
        'lang="fr"\n',
        "# a comment with a control character \x01\n",
        '#no space\nlang = "fr"\n',
        'lang = "fr" # said so\n',
        'other = "x"\n',
        "discreet = True\n",
        'region = "B E"\n',
        '[table]\nlang = "fr"\n',
        "\ufeff# safecheck\n",
    ],
)
def test_any_other_file_is_read_as_tomllib_reads_it(text: str) -> None:
    assert settings._table(text) == through_tomllib(text)


@given(st.text(alphabet=st.sampled_from(list('ab=" #\n\r\t\x00é[]{}truefals')), max_size=60))
def test_any_text_is_read_as_tomllib_reads_it(text: str) -> None:
    assert settings._table(text) == through_tomllib(text)


def test_the_language_chosen_before_is_read_back(tmp_path: Path) -> None:
    settings.write(tmp_path, settings.Settings(lang="fr", region="BE", discreet=True))
    assert settings.read(tmp_path) == settings.Settings(lang="fr", region="BE", discreet=True)
