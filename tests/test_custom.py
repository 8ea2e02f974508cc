"""Your own checklists: a folder beside the built-in ones, walked and saved like them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import custom
from safecheck.content.checklist import builtin_dir
from safecheck.core.errors import ExitCode
from safecheck.storage.state import Answer
from safecheck.storage.store import Store
from tests import keys
from tests.conftest import ROOT, SMALL_CHECKLIST

runner = CliRunner()


@pytest.fixture
def own_folder(tmp_path: Path) -> Path:
    """A youth worker's folder with one checklist of their own, dropped in."""
    folder = tmp_path / "team-checklists"
    folder.mkdir()
    (folder / "small.yaml").write_text(SMALL_CHECKLIST, encoding="utf-8")
    return folder


def saved(home: Path, checklist_id: str = "small") -> dict[str, Answer]:
    return {k: v.answer for k, v in Store(home).load().answers_for(checklist_id).items()}


def test_a_checklist_in_your_folder_is_walked_and_saved_by_its_id(
    pipe: PipeInput, own_folder: Path, home: Path
) -> None:
    pipe.send_text(keys.DONE + keys.NOT_YET + keys.NOT_FOR_ME + keys.SKIP)
    result = runner.invoke(app, ["check", "small", "--checklists", str(own_folder), "--lang", "en"])

    assert result.exit_code == 0, result.output
    assert "Do alpha" in result.output
    assert "Your summary" in result.output
    assert saved(home) == {
        "alpha": Answer.DONE,
        "beta": Answer.NOT_YET,
        "gamma": Answer.NOT_FOR_ME,
        "delta": Answer.SKIPPED,
    }


@pytest.mark.slow
def test_a_checklist_of_your_own_is_walked_saved_and_reported_by_status_like_a_builtin(
    pipe: PipeInput, own_folder: Path, home: Path
) -> None:
    """The acceptance test: drop a file in a folder, walk it, and see it in `status`."""
    assert runner.invoke(app, ["config", "checklists", str(own_folder)]).exit_code == 0
    pipe.send_text(keys.DONE + keys.DONE + keys.NOT_YET + keys.SKIP)
    assert runner.invoke(app, ["check", "small", "--lang", "en"]).exit_code == 0
    pipe.send_text(keys.DONE + keys.CTRL_C)
    runner.invoke(app, ["check", "prevention", "--lang", "en"])

    result = runner.invoke(app, ["status", "--json"])
    assert result.exit_code == 0, result.output
    found = {entry["id"]: entry for entry in json.loads(result.stdout)["checklists"]}
    assert {"prevention", "people-around", "small"} <= set(found)
    assert list(found)[-1] == "small"  # built-in checklists first
    assert found["small"]["answered"] == 4
    assert found["small"]["done"] == 2
    assert found["small"]["open_items"] == ["delta", "gamma"]
    assert found["prevention"]["answered"] == 1

    result = runner.invoke(app, ["status", "--lang", "en"])
    assert "Small (small)" in result.output
    assert "4 / 4" in result.output

    result = runner.invoke(app, ["status", "small", "--json"])
    assert [entry["id"] for entry in json.loads(result.stdout)["checklists"]] == ["small"]

    result = runner.invoke(app, ["verify", "--checklist", "small", "--min-score", "50"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["verify", "--checklist", "small", "--min-score", "80"])
    assert result.exit_code == ExitCode.CHECK_FAILED


def test_status_and_verify_take_checklists_dir_too(
    pipe: PipeInput, own_folder: Path, home: Path
) -> None:
    pipe.send_text(keys.DONE * 4)
    runner.invoke(app, ["check", "small", "--checklists", str(own_folder)])
    result = runner.invoke(app, ["status", "--json", "--checklists", str(own_folder)])
    ids = [entry["id"] for entry in json.loads(result.stdout)["checklists"]]
    assert "small" in ids
    # Without the folder (and no setting) only the built-in checklists are reported.
    result = runner.invoke(app, ["status", "--json"])
    assert "small" not in [entry["id"] for entry in json.loads(result.stdout)["checklists"]]
    result = runner.invoke(
        app,
        ["verify", "--checklist", "small", "--min-score", "100", "--checklists", str(own_folder)],
    )
    assert result.exit_code == 0, result.output


def test_the_remembered_folder_is_used_and_resumed(
    pipe: PipeInput, own_folder: Path, home: Path
) -> None:
    result = runner.invoke(app, ["config", "checklists", str(own_folder), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert str(own_folder) in result.output

    pipe.send_text(keys.DONE + keys.CTRL_C)
    result = runner.invoke(app, ["check", "small", "--lang", "en"])
    assert result.exit_code == ExitCode.INTERRUPTED
    assert saved(home) == {"alpha": Answer.DONE}

    pipe.send_text(keys.DONE + keys.CTRL_C)
    result = runner.invoke(app, ["check", "small", "--lang", "en"])
    assert "Welcome back. You had done 1 of 4" in result.output
    assert saved(home) == {"alpha": Answer.DONE, "delta": Answer.DONE}  # essential first


def test_builtin_checklists_still_come_first(pipe: PipeInput, own_folder: Path, home: Path) -> None:
    pipe.send_text(keys.DONE + keys.CTRL_C)
    result = runner.invoke(
        app, ["check", "prevention", "--checklists", str(own_folder), "--lang", "en"]
    )
    assert result.exit_code == ExitCode.INTERRUPTED
    assert len(saved(home, "prevention")) == 1
    assert custom.folders([own_folder], {}) == [builtin_dir(), own_folder]


def test_your_checklist_may_not_take_a_builtin_id(own_folder: Path) -> None:
    clash = own_folder / "prevention.yaml"
    clash.write_text(SMALL_CHECKLIST.replace("id: small", "id: prevention"), encoding="utf-8")
    result = runner.invoke(app, ["check", "small", "--checklists", str(own_folder)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert f"{clash}:1: " in result.output
    assert 'a built-in checklist already has the id "prevention"' in result.output
    assert result.output.count("\n") == 1  # one paragraph

    result = runner.invoke(app, ["config", "checklists", str(own_folder)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "already has the id" in result.output


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    result = runner.invoke(app, ["check", "small", "--checklists", str(gone)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert f"{gone}: there is no folder of checklists here" in result.output

    result = runner.invoke(app, ["config", "checklists", str(gone)])
    assert result.exit_code == ExitCode.BAD_INPUT


def test_a_remembered_folder_that_is_gone_says_how_to_change_it(
    own_folder: Path, tmp_path: Path
) -> None:
    assert runner.invoke(app, ["config", "checklists", str(own_folder)]).exit_code == 0
    own_folder.rename(tmp_path / "moved")
    result = runner.invoke(app, ["check", "small"])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "safecheck config checklists" in result.output


def test_an_unknown_checklist_lists_your_own_too(own_folder: Path) -> None:
    result = runner.invoke(app, ["check", "nonsense", "--checklists", str(own_folder)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "prevention" in result.output
    assert "small" in result.output


def test_config_shows_sets_and_forgets_the_folder(own_folder: Path, home: Path) -> None:
    result = runner.invoke(app, ["config", "checklists", "--lang", "en"])
    assert "No folder of your own checklists is set" in result.output

    runner.invoke(app, ["config", "checklists", str(own_folder)])
    assert Store(home).load().settings["checklists"] == str(own_folder.resolve())
    result = runner.invoke(app, ["config", "checklists", "--lang", "nl"])
    assert f"Je eigen checklists worden gelezen uit {own_folder.resolve()}" in result.output

    result = runner.invoke(app, ["config", "checklists", "--unset", "--lang", "en"])
    assert result.exit_code == 0
    assert "checklists" not in Store(home).load().settings
    assert runner.invoke(app, ["check", "small"]).exit_code == ExitCode.BAD_INPUT


def test_config_knows_its_settings() -> None:
    result = runner.invoke(app, ["config", "colour", "red"])
    assert result.exit_code == ExitCode.USAGE


def test_the_people_around_checklist_covers_what_the_issue_asks() -> None:
    from safecheck.content import checklist

    people = checklist.load(ROOT / "checklists" / "people-around.yaml")
    assert [section.id for section in people.sections] == ["signs", "react", "refer", "together"]
    english = " ".join(
        f"{item.title['en']} {item.why['en']} {item.how['en']}" for _, item in people.items()
    ).lower()
    for topic in (
        "withdraw",
        "afraid of their phone or laptop",
        "school results",
        "money transfers",
        "it is not your fault",
        "sound like blame",
        "help lines",
        "police",
        "child focus",
        "helpwanted",
    ):
        assert topic in english, topic
