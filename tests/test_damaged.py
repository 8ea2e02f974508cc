"""A state file that cannot be read: the documented message and exit code, the file
kept (moved aside, or left as it is), never written over, and `safecheck reset` as the
way on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner, Result

from safecheck.cli.app import app
from safecheck.core.errors import ExitCode
from safecheck.storage import sealing
from safecheck.storage.crypto import new_key
from safecheck.storage.keystore import Keystore
from safecheck.storage.state import Answer, Record
from safecheck.storage.store import open_store
from tests import keys
from tests.conftest import needs_secret_service

runner = CliRunner()


def save_answers(home: Path) -> bytes:
    store = open_store(home)
    store.update(lambda s: s.with_answer("small", "alpha", Record(Answer.DONE, "2026-01-01")))
    return store.path.read_bytes()


def run_check(pipe: PipeInput, checklist: Path) -> Result:
    """A check that stops at the saved state, before any question (so it sends no keys:
    keys sent ahead would carry over to the next prompt)."""
    return runner.invoke(app, ["check", str(checklist), "--lang", "en"])


def flip_a_body_bit(data: bytes) -> bytes:
    damaged = bytearray(data)
    damaged[-20] ^= 0x04
    return bytes(damaged)


def set_version(version: int) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        return data[: len(sealing.MAGIC)] + bytes([version]) + data[len(sealing.MAGIC) + 1 :]

    return change


MOVED_ASIDE = [
    pytest.param(lambda data: data[:-10], "the file is cut off", id="truncated"),
    pytest.param(lambda data: data[:15], "the file is cut off", id="truncated-in-header"),
    pytest.param(
        flip_a_body_bit,
        "the file does not pass its integrity check (it was damaged or changed after it was saved)",
        id="bit-flipped",
    ),
    pytest.param(lambda data: b"", "the file is empty", id="empty"),
    pytest.param(
        set_version(0), "the file has an unknown format version (0)", id="unknown-version"
    ),
    pytest.param(
        lambda data: b'{"schema": 1, "answers": {}}',
        "the file does not start like a safecheck state file",
        id="edited-by-hand",
    ),
    pytest.param(
        lambda data: data + b"more",
        "the file is longer than safecheck wrote it",
        id="appended-to",
    ),
]


@pytest.mark.parametrize(("damage", "reason"), MOVED_ASIDE)
def test_a_damaged_state_is_moved_aside_with_a_clear_message(
    home: Path,
    pipe: PipeInput,
    small_checklist: Path,
    damage: Callable[[bytes], bytes],
    reason: str,
) -> None:
    damaged = damage(save_answers(home))
    (home / "state").write_bytes(damaged)

    result = run_check(pipe, small_checklist)

    assert result.exit_code == ExitCode.BAD_STATE
    assert_moved_aside(home, result, reason, damaged)
    assert_reset_starts_again(home, pipe, small_checklist, damaged)


def assert_moved_aside(home: Path, result: Result, reason: str, original: bytes) -> Path:
    (aside,) = home.glob("state.unreadable-*")
    assert aside.read_bytes() == original  # kept byte for byte
    assert not (home / "state").exists()
    assert f"safecheck: Your saved state cannot be read: {reason}" in result.output
    assert f"It was moved to {aside}, so nothing is lost" in result.output
    assert "Run `safecheck reset` to start again with empty answers." in result.output
    assert "Traceback" not in result.output
    assert result.output.count("\n") == 1  # one paragraph
    return aside


def assert_reset_starts_again(
    home: Path, pipe: PipeInput, small_checklist: Path, original: bytes
) -> None:
    (aside,) = home.glob("state.unreadable-*")
    # Until the person decides, safecheck does not quietly start empty.
    again = run_check(pipe, small_checklist)
    assert again.exit_code == ExitCode.BAD_STATE
    assert f"Your earlier saved state could not be read and is kept as {aside}" in again.output

    reset = runner.invoke(app, ["reset"])
    assert reset.exit_code == 0, reset.output
    assert "You start again with empty answers." in reset.output
    assert f"Kept aside: {aside}" in reset.output

    pipe.send_text(keys.DONE + keys.CTRL_C)
    result = runner.invoke(app, ["check", str(small_checklist)])
    assert result.exit_code == ExitCode.INTERRUPTED, result.output
    assert set(open_store(home).load().answers_for("small")) == {"alpha"}
    assert aside.read_bytes() == original  # still kept after the reset and new answers


def test_a_state_from_a_newer_safecheck_is_left_alone(
    home: Path, pipe: PipeInput, small_checklist: Path
) -> None:
    newer = set_version(sealing.FORMAT_VERSION + 1)(save_answers(home))
    (home / "state").write_bytes(newer)

    result = run_check(pipe, small_checklist)

    assert result.exit_code == ExitCode.BAD_STATE
    assert (
        f"{home / 'state'}: Your saved state cannot be opened: it was written by a newer "
        "safecheck (format 2); please update safecheck. The file was left as it is."
        in result.output
    )
    assert (home / "state").read_bytes() == newer
    assert not list(home.glob("state.unreadable-*"))

    cancelled = run_reset_answering(pipe, "n")
    assert "Nothing was changed." in cancelled.output
    assert (home / "state").read_bytes() == newer

    reset = runner.invoke(app, ["reset", "--yes"])
    assert reset.exit_code == 0, reset.output
    (aside,) = home.glob("state.unreadable-*")
    assert aside.read_bytes() == newer
    assert open_store(home).load().answers == {}


def run_reset_answering(pipe: PipeInput, reply: str) -> Result:
    pipe.send_text(reply + keys.ENTER)
    return runner.invoke(app, ["reset"])


def test_a_newer_schema_inside_a_good_file_is_left_alone(home: Path) -> None:
    store = open_store(home)
    store.update(lambda s: s)
    sealed = store.codec.seal(b'{"schema": 99, "answers": {}, "settings": {}}')
    store.path.write_bytes(sealed)
    result = runner.invoke(app, ["status"])
    assert result.exit_code == ExitCode.BAD_STATE
    assert "it was written by a newer safecheck (schema 99); please update safecheck" in (
        result.output
    )
    assert store.path.read_bytes() == sealed


def test_reset_without_a_terminal_needs_yes(home: Path) -> None:
    newer = set_version(sealing.FORMAT_VERSION + 1)(save_answers(home))
    (home / "state").write_bytes(newer)
    result = runner.invoke(app, ["reset"])
    assert result.exit_code == ExitCode.NOT_INTERACTIVE
    assert "To reset from a script, add --yes." in result.output


def test_reset_leaves_a_readable_state_alone(home: Path) -> None:
    original = save_answers(home)
    result = runner.invoke(app, ["reset", "--yes"])
    assert result.exit_code == 0
    assert "Your saved state can be read, so there is nothing to reset." in result.output
    assert (home / "state").read_bytes() == original


def test_reset_with_nothing_saved_says_so(home: Path) -> None:
    result = runner.invoke(app, ["reset"])
    assert result.exit_code == 0
    assert "There is nothing to reset: nothing is saved yet." in result.output


def test_the_message_follows_the_language(
    home: Path, pipe: PipeInput, small_checklist: Path
) -> None:
    (home / "state").parent.mkdir(parents=True)
    (home / "state").write_bytes(b"")
    result = runner.invoke(app, ["check", str(small_checklist), "--lang", "nl"])
    assert result.exit_code == ExitCode.BAD_STATE
    assert "Je bewaarde gegevens kunnen niet gelezen worden: het bestand is leeg." in result.output
    assert "Voer `safecheck reset` uit" in result.output


# With the real keyring: the key deleted, or another key in its place.


@needs_secret_service
def test_a_key_deleted_from_the_keyring_is_reported_and_the_file_kept(
    home: Path, pipe: PipeInput, small_checklist: Path
) -> None:
    original = save_answers(home)
    assert Keystore(home).delete()

    result = run_check(pipe, small_checklist)

    assert result.exit_code == ExitCode.BAD_STATE
    assert_moved_aside(
        home,
        result,
        "its key is no longer in your keyring (it may have been deleted), so it cannot be decrypted",
        original,
    )
    assert_reset_starts_again(home, pipe, small_checklist, original)


@needs_secret_service
def test_a_wrong_key_in_the_keyring_is_reported_and_the_file_kept(
    home: Path, pipe: PipeInput, small_checklist: Path
) -> None:
    original = save_answers(home)
    Keystore(home).put(new_key())

    result = run_check(pipe, small_checklist)

    assert result.exit_code == ExitCode.BAD_STATE
    assert_moved_aside(
        home, result, "the key in your keyring is not the key it was saved with", original
    )
    assert_reset_starts_again(home, pipe, small_checklist, original)


@needs_secret_service
def test_a_state_copied_from_another_folder_does_not_open_with_this_key(
    tmp_path: Path, home: Path, pipe: PipeInput, small_checklist: Path
) -> None:
    other = tmp_path / "other"
    try:
        copied = save_answers(other)
        save_answers(home)
        (home / "state").write_bytes(copied)
        result = run_check(pipe, small_checklist)
        assert result.exit_code == ExitCode.BAD_STATE
        assert_moved_aside(
            home, result, "the key in your keyring is not the key it was saved with", copied
        )
    finally:
        Keystore(other).delete()


@pytest.mark.slow
@needs_secret_service
def test_a_locked_or_missing_keyring_leaves_the_file_in_place(
    home: Path, pipe: PipeInput, small_checklist: Path, no_keyring: None
) -> None:
    """The file is fine; only the keyring cannot be reached now: exit 7, nothing moved."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
        original = save_answers(home)

    result = run_check(pipe, small_checklist)

    assert result.exit_code == ExitCode.NO_KEY
    assert (
        "Your saved state is encrypted with a key in your keyring, and the keyring cannot be"
        in (result.output)
    )
    assert "Unlock your keyring" in result.output
    assert (home / "state").read_bytes() == original
    assert not list(home.glob("state.unreadable-*"))

    # No keyring will come back here: start again, protected by a passphrase this time.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAFECHECK_PASSPHRASE", "a long and private passphrase")
        reset = runner.invoke(app, ["reset", "--yes"])
        assert reset.exit_code == 0, reset.output
        (aside,) = home.glob("state.unreadable-*")
        assert aside.read_bytes() == original
        assert sealing.peek((home / "state").read_bytes()) is sealing.Source.PASSPHRASE
        assert open_store(home).load().answers == {}
