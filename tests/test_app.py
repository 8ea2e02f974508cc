"""The application layer: use cases return results, one render prints them, one boundary ends them."""

from __future__ import annotations

import ast
import io
import json
import subprocess
import sys
from collections.abc import Mapping
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from safecheck.app import checks, housekeeping, render
from safecheck.app.result import Result, Said, Screen, To
from safecheck.app.run import Run
from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.core.i18n import Message, translate
from safecheck.evidence import chain
from safecheck.storage import settings as plain_settings
from safecheck.storage import store as stores
from safecheck.storage.intent import Intent
from tests.conftest import ROOT, child_env

PACKAGE = ROOT / "safecheck"
runner = CliRunner()


def calls_in_package(name: str) -> list[str]:
    """Where the package calls `name(...)` (a function, or a method of that name)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if called == name:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_the_error_boundary_is_entered_in_one_place() -> None:
    assert len(calls_in_package("reporting")) == 1
    # and typer's own boundary is off: main() gets exit codes back, it does not catch them
    assert "standalone_mode=False" in (PACKAGE / "cli" / "app.py").read_text(encoding="utf-8")


def test_the_home_folder_is_found_in_the_run_and_by_the_entry_point_only() -> None:
    callers = {place.rsplit(":", 1)[0] for place in calls_in_package("default_home")}
    # the last three only when they are not given the folder (as the Run always does)
    assert callers <= {"safecheck/app/run.py", "safecheck/entry.py", "safecheck/storage/settings.py",
                       "safecheck/storage/store.py", "safecheck/evidence/export.py"}  # fmt: skip
    assert not [place for place in calls_in_package("harden") if "cli/" in place]


def test_nobody_outside_storage_sets_the_stores_fields() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "storage" in path.parts:
            continue
        assert ".quarantine =" not in path.read_text(encoding="utf-8"), path


def test_a_use_case_is_checked_by_the_value_it_returns(home: Path) -> None:
    run = Run(lang="nl")
    result = checks.status(run, checks.StatusRequest(json=True))
    assert result.kind == "status"
    assert result.exit_code == ExitCode.OK
    assert result.data is not None
    assert result.data["lang"] == "nl"
    assert {document["id"] for document in result.data["checklists"]} >= {"prevention"}
    assert result.shown == ()  # nothing to say besides the document


def test_json_and_screen_come_from_the_same_result() -> None:
    drawn: list[tuple[object, ...]] = []

    class Screenish:
        def status(self, found: object, lang: str) -> None:
            drawn.append((found, lang))

        def message(self, text: str) -> None:
            drawn.append((text,))

    run = Run(lang="fr")
    run._display = Screenish()  # type: ignore[assignment]
    result = Result(
        "status",
        {"lang": "fr", "checklists": []},
        (Said(Message("Nothing was removed.")), Screen("status", ("found",))),
        ExitCode.CHECK_FAILED,
    )
    out = io.StringIO()
    with redirect_stdout(out):
        assert render.render(run, result, json=True) == ExitCode.CHECK_FAILED
    assert json.loads(out.getvalue()) == {
        "schema": 1,
        "kind": "status",
        "lang": "fr",
        "checklists": [],
    }
    assert drawn == []  # with --json nothing is drawn
    out = io.StringIO()
    with redirect_stdout(out):
        assert render.render(run, result) == ExitCode.CHECK_FAILED
    assert out.getvalue() == "Rien n'a été supprimé.\n"
    assert drawn == [("found", "fr")]


def test_a_message_goes_where_it_is_meant_and_to_stderr_with_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run = Run(lang="en")
    result = Result(
        "export", {"ok": True}, (Said(Message("Written: {path}", {"path": "x"}), To.ERR),)
    )
    render.render(run, result)
    assert capsys.readouterr().err == "Written: x\n"
    render.render(run, result, json=True)
    captured = capsys.readouterr()
    assert captured.err == "Written: x\n"
    assert json.loads(captured.out)["ok"] is True


def test_housekeeping_lines_are_messages_shown_in_the_readers_language(home: Path) -> None:
    lines = housekeeping.where(Run(lang="fr")).shown
    assert lines
    assert all(isinstance(line, Said) and isinstance(line.message, Message) for line in lines)
    first = lines[0]
    assert isinstance(first, Said)
    assert isinstance(first.message, Message)
    assert translate("fr", first.message).startswith("Dossier")
    assert translate("en", first.message).startswith("Folder")


def test_the_chains_findings_are_messages_in_any_language() -> None:
    findings = chain.verify_chain([{"seq": 2}])
    assert not findings[0].holds
    english = {translate("en", finding.message) for finding in findings}
    dutch = {translate("nl", finding.message) for finding in findings}
    assert english != dutch
    assert any("CHANGED" in text for text in english)


def test_peek_never_moves_a_damaged_file_and_read_keeps_it_aside(home: Path) -> None:
    stores.open_store(home).update(lambda state: state.with_setting("lang", "en"))
    (home / "state").write_bytes(b"SAFECHECK garbage")
    peeked = stores.open_store(home, intent=Intent.PEEK)
    with pytest.raises(Exception):  # noqa: B017, PT011 - reported, whatever its kind
        peeked.load()
    assert (home / "state").exists()  # left exactly where it was
    read = stores.open_store(home, intent=Intent.READ)
    with pytest.raises(Exception):  # noqa: B017, PT011
        read.load()
    assert not (home / "state").exists()
    assert read.kept_aside()


def test_the_plain_settings_are_read_once_per_run(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_settings.update(home, region="BE", lang="en")
    parsed: list[str] = []
    parse = plain_settings._table

    def counted(text: str) -> Mapping[str, Any]:
        parsed.append(text)
        return parse(text)

    monkeypatch.setattr(plain_settings, "_table", counted)
    plain_settings._read.clear()
    result = runner.invoke(app, ["helplines", "--json"])
    assert result.exit_code == 0, result.output
    assert len(parsed) == 1


def test_a_usage_error_comes_back_to_main_as_its_exit_code(home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "safecheck", "status", "--no-such-option"],
        env=child_env(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == ExitCode.USAGE
    assert "No such option" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_refused_value_is_explained_in_the_readers_language_at_every_edge(
    tmp_path: Path,
) -> None:
    """The parsers refuse with a message value; the form's check, the importer's file:line
    error and the command line each show it in the reader's language."""
    from safecheck.core.errors import InputFileError
    from safecheck.evidence import importer, model
    from safecheck.flows.evidence_form import _checked

    assert "geen bedrag" in (_checked(model.parse_amount, "nl")("veel") or "")
    assert "is not an amount" in (_checked(model.parse_amount, "en")("veel") or "")
    source = tmp_path / "entries.yaml"
    source.write_text("entries:\n  - when: 2026-03-02 21:15\n    amount: veel\n", "utf-8")
    with pytest.raises(InputFileError) as refused:
        importer.load_file(source)
    assert f"{source}:3: " in refused.value.text("nl")
    assert "geen bedrag" in refused.value.text("nl")
    result = runner.invoke(app, ["evidence", "add", "--from", str(source), "--lang", "nl"])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "geen bedrag" in result.output
