"""Every help line carries the page its facts come from and the day they were checked.

A line's text may call it free, 24/7 or give its hours only when one of its `sources`
says so (`claims`), and a line that says what a call costs needs a source for the cost.
The loader refuses a line without `source` or `checked`, naming file and line.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from safecheck.content import helplines
from safecheck.core.errors import InputFileError

DATA = helplines.builtin_path()
RECORDS = yaml.safe_load(DATA.read_text(encoding="utf-8"))["helplines"]
URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")

# The words that make a claim, per claim, in nl, en and fr; "niet gratis" / "not free" /
# "pas gratuit" is a cost, not free.
WORDS = {
    "free": re.compile(
        r"(?<!niet )(?<!not )(?<!pas )\b(gratis|free|gratuite?s?|gratuitement)\b", re.IGNORECASE
    ),
    "24/7": re.compile(
        r"24/7|24 uur|dag en nacht|day and night|24 hours|24 ?h/24|jour et nuit|24 heures",
        re.IGNORECASE,
    ),
    "cost": re.compile(
        r"niet gratis|not free|pas gratuit|tarief|\btarif\b|\brate\b|\bcents?\b|\bcentimes?\b",
        re.IGNORECASE,
    ),
}


def texts(record: dict[str, object]) -> list[str]:
    """Every text of a record that a reader sees."""
    found: list[str] = []
    for key in ("name", "for", "hours"):
        value = record.get(key)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            found.extend(str(text) for text in value.values())
    return found


def claims(record: dict[str, object]) -> set[str]:
    sources = record.get("sources") or []
    assert isinstance(sources, list)
    return {claim for source in sources for claim in source.get("claims", [])}


def ids() -> list[str]:
    return [str(record["id"]) for record in RECORDS]


@pytest.mark.parametrize("record", RECORDS, ids=ids())
def test_every_line_has_a_source_url_and_a_check_date(record: dict[str, object]) -> None:
    assert URL.match(str(record.get("source", ""))), f"{record['id']}: no full source URL"
    assert isinstance(record.get("checked"), date), f"{record['id']}: no check date"
    for source in record.get("sources") or []:  # type: ignore[attr-defined]
        assert URL.match(str(source.get("url", ""))), f"{record['id']}: a source has no URL"
        assert isinstance(source.get("checked"), date), f"{record['id']}: a source has no date"


@pytest.mark.parametrize("record", RECORDS, ids=ids())
def test_free_24_7_and_cost_only_with_a_source_that_says_so(record: dict[str, object]) -> None:
    said = claims(record)
    for text in texts(record):
        for claim, words in WORDS.items():
            if words.search(text):
                assert claim in said, f"{record['id']}: {text!r} says {claim}, no source does"
    if "hours" in record:
        assert said & {"hours", "24/7"}, f"{record['id']}: hours without a source for them"


def test_the_suicide_line_chat_is_never_called_24_7() -> None:
    """Zelfmoordlijn 1813: the phone is 24/7, the chat is 17:00-24:00 (hbvl.be, 2021)."""
    line = next(line for line in helplines.load() if line.id == "be-zelfmoordlijn")
    assert line.hours is not None
    for lang in ("nl", "en"):
        assert line.hours[lang] != "24/7"
        phone, chat = line.hours[lang].split(";")
        assert "24/7" in phone
        assert "24/7" not in chat
        assert "17" in chat


def test_take_it_down_goes_by_the_age_when_the_images_were_made() -> None:
    lines = {line.id: line for line in helplines.load()}
    assert lines["take-it-down"].images == {"under-18"}
    assert not lines["take-it-down"].ages  # an adult whose images were made at 16 too
    assert lines["stopncii"].images == {"adult"}


LINE = """helplines:
  - id: some-line
    country: BE
    kind: support
    name: "Some line"
    phone: "1234"
    for: {nl: "Voor iedereen.", en: "For everyone."}
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("    checked: 2026-11-30\n", '"source" is missing'),
        ('    source: "https://example.org/page"\n', '"checked" is missing'),
        ('    source: "example.org"\n    checked: 2026-11-30\n', "full URL"),
        ('    source: "https://example.org/"\n    checked: "last week"\n', "a date like"),
        (
            '    source: "https://example.org/"\n    checked: 2026-11-30\n'
            "    sources:\n      - url: https://example.org/a\n        checked: 2026-11-30\n"
            "        claims: [cheap]\n",
            "claims must be one of",
        ),
        ('    source: "https://example.org/"\n    checked: 2026-11-30\n    images: 16\n', "images"),
        ('    source: "https://example.org/"\n    checked: 2026-11-30\n    lang: de\n', "lang"),
    ],
)
def test_a_line_without_source_or_check_date_fails_with_file_and_line(
    tmp_path: Path, extra: str, message: str
) -> None:
    path = tmp_path / "helplines.yaml"
    path.write_text(LINE + extra, encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        helplines.load(path)
    assert message in str(caught.value)
    assert re.search(r"helplines\.yaml:\d+", str(caught.value)), str(caught.value)


def test_a_complete_line_loads(tmp_path: Path) -> None:
    path = tmp_path / "helplines.yaml"
    path.write_text(
        LINE + '    source: "https://example.org/"\n    checked: 2026-11-30\n'
        "    lang: fr\n    images: [under-18, adult]\n",
        encoding="utf-8",
    )
    (line,) = helplines.load(path)
    assert line.checked == "2026-11-30"
    assert line.langs == {"fr"}
    assert line.images == {"under-18", "adult"}
