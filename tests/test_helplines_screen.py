"""`safecheck helplines`: the crisis lines on the first screen at 80x24, and `--json`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import helplines
from safecheck.core import jsonout
from safecheck.core.region import Region
from tests.conftest import Tmux
from tests.test_plain import SAFECHECK

SCHEMA = json.loads(jsonout.SCHEMA_FILE.read_text(encoding="utf-8"))
runner = CliRunner()


def test_helplines_json_has_the_envelope_and_every_line_with_its_source() -> None:
    result = runner.invoke(app, ["helplines", "--region", "BE", "--json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)  # the whole of stdout is one document
    jsonschema.validate(document, SCHEMA)
    assert list(document)[:2] == ["schema", "kind"]
    assert document["kind"] == "helplines"
    assert document["region"] == "BE"
    expected = helplines.select(helplines.load(), Region.BE, speaks="en")
    assert [line["id"] for line in document["helplines"]] == [line.id for line in expected]
    by_id = {line["id"]: line for line in document["helplines"]}
    assert by_id["be-emergency"]["phones"] == ["112"]
    assert by_id["be-emergency"]["crisis"] is True
    assert by_id["be-zelfmoordlijn"]["crisis"] is True
    assert by_id["be-police"]["crisis"] is False
    assert all(line["source"] for line in document["helplines"])


def test_with_no_region_known_the_help_lines_of_every_country_come(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # a locale that names no country
    result = runner.invoke(app, ["helplines", "--json"])
    document = json.loads(result.stdout)
    jsonschema.validate(document, SCHEMA)
    assert document["region"] is None
    phones = {phone for line in document["helplines"] for phone in line["phones"]}
    assert {"112", "1813", "113"} <= phones  # Belgium's and the Netherlands' crisis lines
    screen = runner.invoke(app, ["helplines", "--all"])
    assert "1813" in screen.output
    assert "113" in screen.output


def test_helplines_json_in_dutch_for_a_minor_in_the_netherlands() -> None:
    result = runner.invoke(
        app, ["helplines", "--region", "NL", "--age-group", "minor", "--lang", "nl", "--json"]
    )
    document = json.loads(result.stdout)
    jsonschema.validate(document, SCHEMA)
    ids = [line["id"] for line in document["helplines"]]
    assert "take-it-down" in ids
    assert "stopncii" not in ids  # images taken before 18 go to Take It Down
    assert document["age_group"] == "minor"
    assert any(line["name"] == "Noodnummer" for line in document["helplines"])


def test_the_first_screen_shows_the_crisis_and_main_lines_at_80x24(
    tmux: type[Tmux], tmp_path: Path
) -> None:
    command = f"{SAFECHECK} helplines --region BE; sleep 60"  # the screen stays after the end
    session = tmux(f"sc18h-{tmp_path.name}", ["sh", "-c", command])
    lines = helplines.select(helplines.load(), Region.BE, speaks="en")
    names = [line.name["en"] for line in lines]
    screen = session.wait_for("Show every line in full", *names)
    shown = "\n".join(screen)
    assert len(screen) <= 24
    assert all(len(row) <= 80 for row in screen)
    for number in ("112", "1813", "101", "116 000", "102"):
        assert number in shown
    # The crisis lines come before everything else.
    assert shown.index("Emergency: 112") < shown.index("Police: 101")
    assert shown.index("Zelfmoordlijn 1813: 1813") < shown.index("Police: 101")
    session.keys("Enter")  # yes: the rest follows below
    session.wait_for("Source:", "https://support.google.com")  # the sources follow, to the end


def test_helplines_all_shows_everything_at_once(tmux: type[Tmux], tmp_path: Path) -> None:
    session = tmux(
        f"sc18a-{tmp_path.name}",
        ["sh", "-c", f"{SAFECHECK} helplines --region NL --all; sleep 60"],
    )
    screen = session.wait_for("Another region: --region BE, NL or OTHER.")
    assert "Show every line in full" not in "\n".join(screen)


def test_helplines_no_stops_after_the_first_screen(tmux: type[Tmux], tmp_path: Path) -> None:
    session = tmux(
        f"sc18n-{tmp_path.name}",
        ["sh", "-c", f"{SAFECHECK} helplines --region BE; echo ended-$?; sleep 60"],
    )
    session.wait_for("Show every line in full")
    session.keys("n", "Enter")
    screen = "\n".join(session.wait_for("ended-0"))
    assert "safecheck helplines --all" in screen
    assert "Source:" not in screen


def test_without_a_terminal_every_line_follows_the_first_screen() -> None:
    result = runner.invoke(app, ["helplines", "--region", "BE"])
    assert result.exit_code == 0
    first, rest = result.stdout.split("Every line in full", 1)
    assert "Emergency: 112" in first
    assert "Source:" in rest
    assert "1712.be" in rest
