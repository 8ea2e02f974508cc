"""--json: one documented, versioned document on stdout, the same envelope for every command."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import typer.main
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core import jsonout
from safecheck.core.errors import ExitCode
from tests.conftest import ROOT

SCHEMA = json.loads(jsonout.SCHEMA_FILE.read_text(encoding="utf-8"))
REFERENCE = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
runner = CliRunner()


def invoke_json(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, [*args, "--json"])
    document = json.loads(result.stdout)  # the whole of stdout is one document
    jsonschema.validate(document, SCHEMA)
    return result.exit_code, document


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["schema"] == {"const": jsonout.SCHEMA_VERSION}


def test_the_envelope_comes_first_and_takes_a_plain_dict() -> None:
    out = io.StringIO()
    jsonout.emit("helplines", {"lang": "en", "lines": [{"name": "Emergency"}]}, out)
    text = out.getvalue()
    assert text.endswith("}\n")
    document = json.loads(text)
    assert list(document)[:2] == ["schema", "kind"]
    assert document == {
        "schema": 1,
        "kind": "helplines",
        "lang": "en",
        "lines": [{"name": "Emergency"}],
    }


def test_the_envelope_keys_cannot_be_overwritten() -> None:
    with pytest.raises(ValueError, match="schema"):
        jsonout.document("status", {"schema": 2})


def test_non_ascii_text_stays_readable() -> None:
    assert '"Prioriteit: essentiële"' in jsonout.dumps("x", {"t": "Prioriteit: essentiële"})


def test_check_json(small_checklist: Path, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("checklist: small\nanswers: {alpha: done, gamma: skipped}\n")
    code, document = invoke_json("check", str(small_checklist), "--answers", str(answers))
    assert code == 0
    assert document["kind"] == "check"
    summary = document["checklist"]
    assert (summary["answered"], summary["done"], summary["open"], summary["score"]) == (
        2,
        1,
        3,
        25,
    )
    assert summary["open_items"] == ["delta", "beta", "gamma"]
    assert [item["answer"] for item in summary["items"]] == ["done", None, "skipped", None]
    essential = summary["by_priority"][0]
    assert essential == {
        "priority": "essential",
        "total": 2,
        "done": 1,
        "not_for_me": 0,
        "open": 1,
        "score": 50,
    }


def test_check_json_never_asks_even_without_a_terminal(small_checklist: Path) -> None:
    code, document = invoke_json("check", str(small_checklist))
    assert code == 0
    assert document["checklist"]["answered"] == 0


def test_check_json_in_dutch(small_checklist: Path) -> None:
    _, document = invoke_json("check", str(small_checklist), "--lang", "nl")
    assert document["lang"] == "nl"
    assert document["checklist"]["title"] == "Klein"


def test_status_json_lists_every_builtin_checklist() -> None:
    code, document = invoke_json("status")
    assert code == 0
    assert "prevention" in [summary["id"] for summary in document["checklists"]]


def test_verify_json(small_checklist: Path) -> None:
    code, document = invoke_json(
        "verify", "--checklist", str(small_checklist), "--require-priority", "essential"
    )
    assert code == ExitCode.CHECK_FAILED
    assert document["ok"] is False
    assert document["requirements"] == [
        {
            "requirement": "require-priority",
            "met": False,
            "priority": "essential",
            "open_items": ["alpha", "delta"],
        }
    ]
    assert [item["id"] for item in document["missing"]] == ["alpha", "delta"]


def invoke_error(*args: str) -> tuple[Any, dict[str, Any]]:
    """A command that fails under --json: stdout is one `error` document, stderr the message."""
    result = runner.invoke(app, [*args, "--json"])
    document = json.loads(result.stdout)  # the whole of stdout is one document
    jsonschema.validate(document, SCHEMA)
    assert document["kind"] == "error"
    assert document["code"] == result.exit_code
    assert document["message"] in result.stderr
    return result, document


def test_errors_go_to_stderr_and_one_error_document_to_stdout(tmp_path: Path) -> None:
    result, document = invoke_error("check", str(tmp_path / "gone.yaml"))
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "gone.yaml" in result.stderr
    assert document["error"] == "there is no such file"
    assert document["details"] == [
        {
            "file": str(tmp_path / "gone.yaml"),
            "line": None,
            "error": "there is no such file",
            "message": f"{tmp_path / 'gone.yaml'}: there is no such file",
        }
    ]


@pytest.mark.parametrize("word", ["no", "yes", "off"])
def test_a_yaml_no_in_an_answers_file_is_a_json_error_with_its_line(
    small_checklist: Path, tmp_path: Path, word: str
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(f"checklist: small\nanswers:\n  alpha: done\n  beta: {word}\n")
    result, document = invoke_error(
        "check", str(small_checklist), "--answers", str(answers), "--no-input"
    )
    assert result.exit_code == ExitCode.BAD_INPUT == document["code"]
    assert document["error"].startswith("the answer to {item_id} must be one of")
    [detail] = document["details"]
    assert (detail["file"], detail["line"]) == (str(answers), 4)
    assert "YAML reads yes/no" in detail["message"]


def test_a_json_error_is_in_the_reader_s_language(tmp_path: Path) -> None:
    result, document = invoke_error("check", str(tmp_path / "gone.yaml"), "--lang", "nl")
    assert document["lang"] == "nl"
    assert document["error"] == "there is no such file"  # the id stays English
    assert "there is no such file" not in document["message"]


def test_errors_of_status_and_verify_are_json_documents(tmp_path: Path) -> None:
    result, document = invoke_error("status", "no-such-checklist")
    assert result.exit_code == ExitCode.BAD_INPUT
    result, document = invoke_error(
        "verify", "--checklist", str(tmp_path / "gone.yaml"), "--min-score", "50"
    )
    assert result.exit_code == ExitCode.BAD_INPUT


def test_a_damaged_state_is_a_json_error_with_exit_4(home: Path) -> None:
    runner.invoke(app, ["status", "--json"])  # makes the state folder
    home.mkdir(parents=True, exist_ok=True)
    (home / "state").write_bytes(b"\x00not a state file")
    for command in (["evidence", "list"], ["status"]):
        result, document = invoke_error(*command)
        assert result.exit_code == ExitCode.BAD_STATE == document["code"]


def json_commands() -> set[str]:
    group = typer.main.get_command(app)
    return {
        name
        for name, command in group.commands.items()  # type: ignore[attr-defined]
        if any("--json" in param.opts for param in command.params)
    }


def test_every_json_kind_is_in_the_schema_and_the_reference() -> None:
    kinds = set(SCHEMA["properties"]["kind"]["enum"])
    assert json_commands() <= kinds
    table = set(re.findall(r"^\| `([a-z-]+)` \| `safecheck ", REFERENCE, flags=re.MULTILINE))
    assert table == kinds


def test_every_command_with_json_prints_an_error_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new command with --json needs its case here, and `reporting(..., json_output=...)`."""
    gone = str(tmp_path / "gone.yaml")
    cases = {
        "check": ["check", gone],
        "status": ["status", "no-such-checklist"],
        "verify": ["verify", "--checklist", gone, "--min-score", "1"],
        "class-summary": ["class-summary", str(tmp_path / "gone.json")],
        "helplines": ["helplines"],
    }
    assert set(cases) == json_commands()
    from safecheck.content import helplines
    from safecheck.core.errors import InputFileError

    def broken() -> None:  # the help-line data cannot break in a release; the boundary can
        raise InputFileError("there is no such file", path=tmp_path / "helplines.yaml")

    monkeypatch.setattr(helplines, "load", broken)
    for name, args in cases.items():
        result, document = invoke_error(*args)
        assert result.exit_code == ExitCode.BAD_INPUT, name
        assert document["message"].strip(), name
