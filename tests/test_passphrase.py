"""No keyring (a headless lab machine): a passphrase, or explicitly no encryption,
and never a silent fall back to plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner, Result

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.core.i18n import t
from safecheck.storage import sealing
from safecheck.storage.sealing import Source, parse, peek
from safecheck.storage.store import open_store
from tests import keys
from tests.conftest import child_env, spawn, until_ended

runner = CliRunner()
QUESTION = t("en", "Where are you with this?")
# Only the live question lists its choices (the answered one echoes QUESTION too): a key sent
# before they show would be typed ahead, and typeahead is discarded in a terminal.
ASKING = t("en", "Skip for now")
ANSWER_WORDS = ("alpha", "beta", "small", "done", "not_yet", "answers")


def on_disk(home: Path) -> bytes:
    return b"".join(path.read_bytes() for path in home.iterdir() if path.is_file())


@pytest.mark.slow
@pytest.mark.usefixtures("no_keyring")
def test_safecheck_passphrase_protects_the_state(
    home: Path, pipe: PipeInput, small_checklist: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECHECK_PASSPHRASE", "a long and private passphrase")
    pipe.send_text(keys.DONE + keys.NOT_YET + keys.CTRL_C)
    result = runner.invoke(app, ["check", str(small_checklist)])

    assert result.exit_code == ExitCode.INTERRUPTED, result.output
    assert parse((home / "state").read_bytes()).source is Source.PASSPHRASE
    for word in ANSWER_WORDS:
        assert word.encode() not in on_disk(home), word
    assert set(open_store(home).load().answers_for("small")) == {"alpha", "beta"}


@pytest.mark.slow
@pytest.mark.usefixtures("no_keyring")
def test_a_wrong_safecheck_passphrase_leaves_the_file_alone(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECHECK_PASSPHRASE", "the right passphrase")
    open_store(home).update(lambda state: state.with_setting("lang", "nl"))
    original = (home / "state").read_bytes()

    monkeypatch.setenv("SAFECHECK_PASSPHRASE", "a wrong passphrase")
    result = runner.invoke(app, ["status"])

    assert result.exit_code == ExitCode.BAD_STATE
    assert (
        f"{home / 'state'}: Your saved state cannot be opened: the passphrase in "
        "SAFECHECK_PASSPHRASE does not open it. The file was left as it is." in result.output
    )
    assert (home / "state").read_bytes() == original
    assert not list(home.glob("state.unreadable-*"))


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    """A script's answers: saving them needs a key, and nothing may be asked."""
    path = tmp_path / "answers.yaml"
    path.write_text("checklist: small\nanswers:\n  alpha: done\n", encoding="utf-8")
    return path


def save_from_script(small_checklist: Path, answers_file: Path) -> Result:
    return runner.invoke(
        app, ["check", str(small_checklist), "--answers", str(answers_file), "--no-input"]
    )


@pytest.mark.usefixtures("no_keyring")
def test_a_short_safecheck_passphrase_is_refused_for_a_new_state(
    home: Path, monkeypatch: pytest.MonkeyPatch, small_checklist: Path, answers_file: Path
) -> None:
    monkeypatch.setenv("SAFECHECK_PASSPHRASE", "short")
    result = save_from_script(small_checklist, answers_file)
    assert result.exit_code == ExitCode.USAGE
    assert "SAFECHECK_PASSPHRASE is too short for a new passphrase: use at least 8" in (
        result.output
    )
    assert not (home / "state").exists()


@pytest.mark.usefixtures("no_keyring")
def test_no_keyring_no_passphrase_and_no_terminal_saves_nothing(
    home: Path, small_checklist: Path, answers_file: Path
) -> None:
    result = save_from_script(small_checklist, answers_file)

    assert result.exit_code == ExitCode.NO_KEY
    assert (
        "safecheck: safecheck cannot keep your answers safe: it cannot use a safe place on this "
        "computer to keep a key (there is none on this computer), no passphrase in SAFECHECK_PASSPHRASE, "
        "and standard input is not a terminal to ask for one." in result.output
    )
    assert "or use --no-encryption to save without encryption" in result.output
    assert not (home / "state").exists()


@pytest.mark.terminal
@pytest.mark.real_scrypt  # as a person's computer: the key costs what safecheck writes
@pytest.mark.usefixtures("no_keyring")
def test_a_passphrase_is_chosen_and_then_asked_once_per_run_in_a_terminal(home: Path) -> None:
    env = child_env(home)
    assert "SAFECHECK_PASSPHRASE" not in env

    child = spawn(["-m", "safecheck", "check", "prevention", "--lang", "en"], env, columns=100)
    child.expect_exact("safecheck cannot use a safe place on this computer to keep the key")
    child.expect_exact("Choose a passphrase (at least 8 characters):")
    child.send("short" + keys.ENTER)
    child.expect_exact("Use at least 8 characters.")
    child.send("-but-now-long" + keys.ENTER)
    child.expect_exact("Type the passphrase again:")
    child.send("something else" + keys.ENTER)
    child.expect_exact("The two passphrases are not the same.")
    child.expect_exact("Choose a passphrase")
    child.send("short-but-now-long" + keys.ENTER)
    child.expect_exact("Type the passphrase again:")
    child.send("short-but-now-long" + keys.ENTER)
    for reply in (keys.DONE, keys.NOT_YET):
        child.expect_exact(ASKING)
        child.send(reply)
    child.expect_exact(ASKING)
    until_ended(child, keys.CTRL_C)
    child.close()
    assert child.exitstatus == ExitCode.INTERRUPTED
    assert peek((home / "state").read_bytes()) is Source.PASSPHRASE
    assert parse((home / "state").read_bytes()).cost == sealing.SCRYPT_COST

    child = spawn(["-m", "safecheck", "check", "prevention", "--lang", "en"], env, columns=100)
    child.expect_exact("Passphrase for your saved answers:")
    child.send("not the passphrase" + keys.ENTER)
    child.expect_exact("That passphrase does not open your saved answers. Try again:")
    child.send("short-but-now-long" + keys.ENTER)
    child.expect_exact("You had done 1 of")
    transcript = ""
    for _ in range(3):  # three more saves: the passphrase is not asked again
        child.expect_exact(ASKING)
        transcript += child.before
        child.send(keys.DONE)
    child.expect_exact(ASKING)
    transcript += child.before
    until_ended(child, keys.CTRL_C)
    child.close()
    assert "Passphrase" not in transcript
    assert child.exitstatus == ExitCode.INTERRUPTED

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAFECHECK_PASSPHRASE", "short-but-now-long")
        # two of the first run, and three more: the "not yet" one came back first
        assert len(open_store(home).load().answers_for("prevention")) == 4


@pytest.mark.slow
@pytest.mark.usefixtures("no_keyring")
def test_three_wrong_passphrases_leave_the_file_alone(home: Path, pipe: PipeInput) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAFECHECK_PASSPHRASE", "the right passphrase")
        open_store(home).update(lambda state: state.with_setting("lang", "nl"))
    original = (home / "state").read_bytes()

    pipe.send_text("wrong one\r" + "wrong two\r" + "wrong three\r")
    result = runner.invoke(app, ["check", "prevention"])

    assert result.exit_code == ExitCode.BAD_STATE
    assert "Your saved state cannot be opened: the passphrase does not open it." in result.output
    assert (home / "state").read_bytes() == original


@pytest.mark.slow
@pytest.mark.usefixtures("no_keyring")
def test_no_encryption_is_explicit_warned_remembered_and_reversible(
    home: Path, pipe: PipeInput, small_checklist: Path
) -> None:
    warning = "Encryption is off (--no-encryption): your answers are saved as plain text"

    pipe.send_text(keys.DONE + keys.CTRL_C)
    result = runner.invoke(app, ["--no-encryption", "check", str(small_checklist)])
    assert result.exit_code == ExitCode.INTERRUPTED, result.output
    assert warning in result.output
    assert peek((home / "state").read_bytes()) is Source.PLAIN
    assert b'"alpha"' in (home / "state").read_bytes()  # honestly plain

    pipe.send_text(keys.NOT_YET + keys.CTRL_C)  # remembered, and warned about every time
    result = runner.invoke(app, ["check", str(small_checklist)])
    assert warning in result.output
    assert peek((home / "state").read_bytes()) is Source.PLAIN
    where = runner.invoke(app, ["where"])
    assert "(NOT encrypted: --no-encryption is on)" in where.output
    assert warning in runner.invoke(app, ["status"]).output  # reading it warns too

    pipe.send_text(keys.CTRL_C)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAFECHECK_PASSPHRASE", "a long and private passphrase")
        result = runner.invoke(app, ["--encryption", "check", str(small_checklist)])
        assert "Your saved answers are now encrypted." in result.output
        assert warning not in result.output
        assert peek((home / "state").read_bytes()) is Source.PASSPHRASE
        for word in ANSWER_WORDS:
            assert word.encode() not in on_disk(home), word
        assert set(open_store(home).load().answers_for("small")) == {
            "alpha",
            "delta",
        }  # delta: the most important open one


@pytest.mark.slow
@pytest.mark.usefixtures("no_keyring")
def test_encryption_is_switched_by_any_command_that_opens_the_state(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECHECK_PASSPHRASE", "a long and private passphrase")
    open_store(home).update(lambda state: state.with_setting("lang", "nl"))

    result = runner.invoke(app, ["--no-encryption", "status"])
    assert "Your saved answers are now stored without encryption." in result.output
    assert peek((home / "state").read_bytes()) is Source.PLAIN

    result = runner.invoke(app, ["--encryption", "verify", "--min-score", "0"])
    assert "Your saved answers are now encrypted." in result.output
    assert "Encryption is off" not in result.output
    assert peek((home / "state").read_bytes()) is Source.PASSPHRASE
    assert open_store(home).load().settings == {"lang": "nl"}


@pytest.mark.usefixtures("no_keyring")
def test_the_no_encryption_environment_variable(
    home: Path, pipe: PipeInput, small_checklist: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECHECK_NO_ENCRYPTION", "1")
    pipe.send_text(keys.DONE + keys.CTRL_C)
    result = runner.invoke(app, ["check", str(small_checklist)])
    assert "Encryption is off" in result.output
    assert peek((home / "state").read_bytes()) is Source.PLAIN

    monkeypatch.setenv("SAFECHECK_NO_ENCRYPTION", "maybe")
    result = runner.invoke(app, ["check", str(small_checklist)])
    assert result.exit_code == ExitCode.USAGE
