"""Help-line data: complete, from CONTENT.md only, shown per region, broken files reported."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import checklist, helplines
from safecheck.core.audience import INTERNATIONAL, AgeGroup
from safecheck.core.errors import ExitCode, InputFileError
from safecheck.core.region import Region, default_region
from tests.conftest import ROOT

# The help-line rows of the content guide (shared/CONTENT.md), copied into the repository.
CONTENT = ROOT / "tests" / "data" / "helplines-content.md"
LINES = helplines.load()
runner = CliRunner()


@dataclass(frozen=True)
class Row:
    country: str
    name: str
    contact: str
    note: str
    source: str

    @property
    def numbers(self) -> list[str]:
        """The phone numbers in the contact column (web addresses left out)."""
        without_sites = re.sub(r"\S+\.(?:be|nl|org)\S*", "", self.contact)
        return re.findall(r"\d+(?: \d+)*", without_sites)


def content_text() -> str:
    return CONTENT.read_text(encoding="utf-8")


def content_rows() -> list[Row]:
    """The Belgian and Dutch help-line tables of CONTENT.md."""
    rows, country = [], None
    for line in content_text().splitlines():
        if line.strip() in ("Belgium", "Netherlands"):
            country = "BE" if line.strip() == "Belgium" else "NL"
        elif country and line.startswith("| ") and not line.startswith("| name"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if set(cells[0]) <= {"-", " "}:
                continue
            rows.append(Row(country, *cells))
        elif line.startswith("Removal"):
            country = None
    return rows


def section(title: str) -> str:
    text = content_text()
    start = text.index(title)
    end = text.find("\n\n", start)
    return text[start : end if end > 0 else None]


def added_section() -> str:
    """CONTENT.md's section of 2026-12-04: adults, other countries, images made under 18."""
    text = content_text()
    return text[text.index("## Added 2026-12-04") :]


def confirmed_later(line: helplines.HelpLine) -> list[str]:
    """The line's numbers that a paragraph of the 2026-12-04 section naming it quotes."""
    paragraphs = [
        re.sub(r"[\s–-]+", " ", paragraph)
        for paragraph in added_section().split("\n\n")
        if f"**{line.name['en']}**" in paragraph
    ]
    return [phone for phone in line.phones if any(phone in text for text in paragraphs)]


def data_line(row: Row) -> helplines.HelpLine:
    found = [
        line
        for line in LINES
        if line.country == row.country and row.name in (line.name["en"], line.name["nl"])
    ]
    assert len(found) == 1, f"{row.country} {row.name}: {len(found)} lines in the data"
    return found[0]


def test_the_content_tables_are_read() -> None:
    rows = content_rows()
    assert {row.country for row in rows} == {"BE", "NL"}
    assert len(rows) >= 14
    zelfmoordlijn = next(row for row in rows if row.name == "Zelfmoordlijn 1813")
    assert zelfmoordlijn.numbers == ["1813"]
    assert next(row for row in rows if row.name.startswith("113")).numbers == ["113", "0800 0113"]


def test_every_line_has_a_country_a_contact_and_a_source() -> None:
    assert LINES
    for line in LINES:
        assert line.country in ("BE", "NL", "OTHER", INTERNATIONAL), line.id
        assert line.phones or line.chat or line.url, line.id
        assert line.source.strip(), line.id
        for text in (line.who, line.name):
            assert text["nl"].strip(), line.id
            assert text["en"].strip(), line.id


@pytest.mark.parametrize("row", content_rows(), ids=str)
def test_each_content_row_is_in_the_data_with_the_same_numbers(row: Row) -> None:
    line = data_line(row)
    # Copied exactly, none added, none left out; a number confirmed since (the section of
    # 2026-12-04: Helpwanted's phone) is the only addition.
    later = [phone for phone in confirmed_later(line) if phone not in row.numbers]
    assert list(line.phones) == row.numbers + later
    # CONTENT.md names the organisation's site; the data names the full URL of the page
    # the facts were checked on (test_helpline_sources checks those), which may be a
    # dated news report, so only the sites are compared here.
    for site in (line.chat, line.url):
        if site is not None:
            assert site in f"{row.contact} {row.source}", f"{line.id}: {site}"
    if line.hours is not None and "24/7" in line.hours["en"]:
        assert "24/7" in row.note, f"{line.id}: hours {line.hours['en']!r}"


def test_the_data_has_no_line_that_content_does_not_name() -> None:
    rows = content_rows()
    for line in LINES:
        if line.country == INTERNATIONAL:
            continue
        named = any(
            row.country == line.country and row.name in (line.name["en"], line.name["nl"])
            for row in rows
        )
        # Payboy and the French-language Belgian lines are named in CONTENT.md outside
        # the two tables read here (a paragraph, and a table of their own).
        # The lines of 2026-12-04 (adults, other countries, images made under 18) are
        # named in that section.
        elsewhere = line.id == "be-payboy" or line.langs == {"fr"}
        key = line.name["en"].split(" (")[0].split(":")[0]
        later = key in added_section() or (
            line.country == "OTHER" and all(phone in added_section() for phone in line.phones)
        )
        assert named or later or (elsewhere and key in content_text()), (
            f"{line.id} is not in CONTENT.md"
        )


def test_removal_services_are_the_two_content_names_with_their_ages() -> None:
    removal = section("Removal (any region)").lower()
    international = {line.id: line for line in LINES if line.country == INTERNATIONAL}
    assert set(international) == {"stopncii", "take-it-down", "google-removal"}
    google = international.pop("google-removal")  # the removal request for search results
    assert google.url is not None
    assert google.source.startswith("https://support.google.com/")
    assert google.images == {"adult"}  # images made under 18: nobody looks, others search
    for line in international.values():
        assert line.kind == "removal"
        assert line.name["en"].lower() in removal
        assert line.url is not None
        assert line.url.lower() in removal
        assert not line.phones
    # Removal goes by the age when the images were made: Take It Down is for images made
    # under 18, whatever the age now; StopNCII only for images made at 18 or older.
    assert international["stopncii"].ages == {AgeGroup.ADULT}
    assert international["stopncii"].images == {"adult"}
    assert not international["take-it-down"].ages
    assert international["take-it-down"].images == {"under-18"}


def test_unconfirmed_numbers_are_not_given() -> None:
    unconfirmed = section("Not confirmed")
    # Helpwanted's number was confirmed on 2026-12-04 (the section "Added 2026-12-04").
    for name in ("Fier", "Offlimits"):
        assert name in unconfirmed
        for line in LINES:
            if name in (line.name["en"], line.name["nl"]):
                assert not line.phones, f"{line.id} has a phone number"
    helpwanted = next(line for line in LINES if line.name["en"] == "Helpwanted")
    assert list(helpwanted.phones) == confirmed_later(helpwanted) == ["020 261 52 75"]
    assert helpwanted.source == "http://www.helpwanted.nl/en"
    assert "Child Focus chat hours" in unconfirmed
    child_focus = next(line for line in LINES if line.name["en"] == "Child Focus")
    assert child_focus.chat is None


def test_every_region_has_an_emergency_and_a_suicide_prevention_line() -> None:
    for region in (Region.BE, Region.NL):
        kinds = {line.kind for line in helplines.select(LINES, region, speaks="nl")}
        assert {"emergency", "suicide-prevention", "police"} <= kinds
    numbers = {
        region: [
            phone
            for line in helplines.select(LINES, region, kinds=["suicide-prevention"], speaks="nl")
            for phone in line.phones
        ]
        for region in (Region.BE, Region.NL)
    }
    assert numbers == {Region.BE: ["1813"], Region.NL: ["113", "0800 0113"]}
    # Another country: the EU's emergency number and a directory of help lines by country.
    other = helplines.select(
        LINES, Region.OTHER, kinds=["emergency", "suicide-prevention"], speaks="en"
    )
    assert [(line.phones, line.url) for line in other] == [
        (("112",), None),
        ((), "findahelpline.com"),
    ]


def test_age_groups_choose_the_lines() -> None:
    minor = {line.id for line in helplines.select(LINES, Region.BE, AgeGroup.MINOR, speaks="nl")}
    adult = {line.id for line in helplines.select(LINES, Region.BE, AgeGroup.ADULT, speaks="nl")}
    assert "take-it-down" in minor
    assert "stopncii" not in minor
    assert "stopncii" in adult
    assert "take-it-down" in adult  # images made under 18, whatever the age now
    assert "be-awel" in minor
    assert "be-awel" not in adult
    assert "be-zelfmoordlijn" in minor
    assert "be-zelfmoordlijn" in adult


def test_the_help_line_file_is_not_taken_for_a_checklist() -> None:
    paths = checklist.checklist_paths(ROOT / "checklists")
    assert helplines.builtin_path().is_file()
    assert helplines.builtin_path() not in paths


@pytest.mark.parametrize(
    ("environ", "region"),
    [
        ({"LANG": "nl_BE.UTF-8"}, Region.BE),
        ({"LANG": "nl_NL.UTF-8"}, Region.NL),
        ({"LC_ALL": "fr_BE.UTF-8", "LANG": "nl_NL.UTF-8"}, Region.BE),
        ({"LANG": "en_GB.UTF-8"}, Region.OTHER),
        ({"LANG": "C"}, Region.OTHER),
        ({}, Region.OTHER),
    ],
)
def test_the_region_follows_the_locale(environ: dict[str, str], region: Region) -> None:
    assert default_region(environ) is region


GOOD = """\
helplines:
  - id: one
    country: BE
    kind: emergency
    name: {nl: Noodnummer, en: Emergency}
    phone: "112"
    for: {nl: Acuut gevaar., en: Acute danger.}
    source: https://www.1712.be/nl/over-1712
    checked: 2026-11-30
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ('    phone: "112"\n', "", 2, "needs a way to reach it"),
        ("    source: https://www.1712.be/nl/over-1712\n", "", 2, '"source" is missing'),
        ("    checked: 2026-11-30\n", "", 2, '"checked" is missing'),
        ("country: BE", "country: FR", 3, "country must be one of"),
        ("kind: emergency", "kind: urgent", 4, "kind must be one of"),
        ('phone: "112"', "phone: 112", 6, "must be a non-empty text"),
        ('phone: "112"', 'phone: "1-1-2"', 6, "only digits and single spaces"),
        ("en: Acute danger.}", "}", 7, 'no "en" text'),
        (
            "    checked: 2026-11-30\n",
            "    checked: 2026-11-30\n    fax: 1\n",
            10,
            'unknown key "fax"',
        ),
    ],
)
def test_a_broken_help_line_file_names_file_and_line(
    tmp_path: Path, old: str, new: str, line: int, words: str
) -> None:
    assert old in GOOD
    path = tmp_path / "helplines.yaml"
    path.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputFileError) as raised:
        helplines.load(path)
    assert str(raised.value).startswith(f"{path}:{line}: ")
    assert words in str(raised.value)
    assert raised.value.exit_code == ExitCode.BAD_INPUT


def test_a_duplicate_help_line_id_is_reported(tmp_path: Path) -> None:
    body = GOOD.split("\n", 1)[1]
    path = tmp_path / "helplines.yaml"
    path.write_text(GOOD + body, encoding="utf-8")
    with pytest.raises(InputFileError, match=r'the id "one" is used twice \(first on line 2\)'):
        helplines.load(path)


def test_helplines_command_shows_the_region_as_a_table() -> None:
    result = runner.invoke(app, ["helplines", "--region", "BE", "--lang", "en"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Help lines: Belgium" in out
    for expected in (
        "Zelfmoordlijn 1813",
        "1813",
        "116 000",
        "0800 13 500",
        "1712.be",
    ):
        assert expected in out
    assert "0800 0113" not in out  # a Dutch line
    assert "StopNCII" in out
    assert "Take It Down" in out
    assert "┃" in out  # a Rich table


def test_helplines_command_in_dutch_for_the_netherlands() -> None:
    result = runner.invoke(app, ["helplines", "--region", "nl", "--lang", "nl"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Hulplijnen: Nederland" in out
    assert "113 of 0800 0113" in out
    assert "0900 8844" in out
    assert "1813" not in out
    assert "Bron" in out


def test_helplines_for_a_minor_leave_out_stopncii() -> None:
    result = runner.invoke(app, ["helplines", "--region", "BE", "--age-group", "minor"])
    assert "Take It Down" in result.output
    assert "StopNCII" not in result.output


def test_helplines_for_another_country_are_honest() -> None:
    result = runner.invoke(app, ["helplines", "--region", "OTHER", "--lang", "en"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "only knows the help lines of Belgium and the Netherlands" in out
    assert "112" in out
    assert "local emergency number" in out
    assert "1813" not in out
    assert "0800 0113" not in out
    assert "StopNCII" in out
    assert "Take It Down" in out


def test_helplines_region_defaults_from_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    result = runner.invoke(app, ["helplines"])
    assert "Hulplijnen: Nederland" in result.output


def test_the_helplines_file_docs_match_the_kinds() -> None:
    readme = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    header = textwrap.dedent(helplines.builtin_path().read_text(encoding="utf-8"))
    from safecheck.core.audience import HELPLINE_KINDS

    for kind in HELPLINE_KINDS:
        assert kind in readme, kind
        assert kind in header, kind


def test_helplines_in_plain_text() -> None:
    result = runner.invoke(app, ["helplines", "--plain", "--region", "NL", "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "113 Zelfmoordpreventie (24/7)" in lines
    assert "Contact: 113 or 0800 0113 · chat: 113.nl" in lines
    assert any(line.startswith("Source: https://") for line in lines)
    assert not any("\u2500" <= char <= "\u259f" for char in result.output)
