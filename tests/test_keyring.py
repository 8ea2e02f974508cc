"""The key in a real Secret Service (gnome-keyring in a private D-Bus session).

Each check of what is in the keyring asks the Secret Service directly (through
secretstorage), not through safecheck's own keystore.
"""

from __future__ import annotations

import base64
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import secretstorage
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.storage.keystore import SERVICE, Keystore
from safecheck.storage.sealing import Source, peek
from safecheck.storage.store import open_store
from tests import keys
from tests.conftest import ROOT, child_env, needs_secret_service

pytestmark = needs_secret_service
runner = CliRunner()
DIRECT = "safecheck.storage.secret_service.SecretService"


@pytest.fixture
def secret_service() -> Iterator[Any]:
    """A connection of our own to the Secret Service (jeepney's, untyped)."""
    connection = secretstorage.dbus_init()
    yield connection
    connection.close()


def entries(connection: Any, home: Path) -> list[bytes]:
    """The secrets stored for this state folder, straight from the Secret Service."""
    user = str(home.resolve())
    found = secretstorage.search_items(connection, {"service": SERVICE, "username": user})
    return [item.get_secret() for item in found]


def test_the_secret_service_backend_is_found_without_being_named(home: Path) -> None:
    """As a person runs it: no PYTHON_KEYRING_BACKEND, the Secret Service is found (and
    spoken to through secretstorage, without loading keyring)."""
    env = child_env(home)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from safecheck.storage.keystore import Keystore;"
            "print(Keystore(Path(sys.argv[1])).backend_name())",
            str(home),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip() == DIRECT
    assert Keystore(home).backend_name() == DIRECT


def test_the_first_save_puts_a_random_key_in_the_keyring(home: Path, secret_service: Any) -> None:
    assert entries(secret_service, home) == []
    store = open_store(home)
    store.update(lambda state: state.with_setting("lang", "nl"))

    (stored,) = entries(secret_service, home)
    assert len(base64.urlsafe_b64decode(stored)) == 32
    assert peek(store.path.read_bytes()) is Source.KEYRING
    assert stored not in store.path.read_bytes()  # the key is never in the file

    other = open_store(home)  # a new run finds the same key
    assert other.load().settings == {"lang": "nl"}
    assert len(entries(secret_service, home)) == 1


def test_the_bytes_on_disk_show_no_answer(
    home: Path, pipe: PipeInput, small_checklist: Path
) -> None:
    pipe.send_text(keys.DONE + keys.NOT_YET + keys.NOT_FOR_ME + keys.SKIP)
    result = runner.invoke(app, ["check", str(small_checklist), "--lang", "en"])
    assert result.exit_code == 0, result.output

    assert len(open_store(home).load().answers_for("small")) == 4
    on_disk = b"".join(path.read_bytes() for path in home.iterdir())
    assert peek((home / "state").read_bytes()) is Source.KEYRING
    for text in ("alpha", "beta", "gamma", "delta", "small", "done", "not_yet", "not_for_me"):
        assert text.encode() not in on_disk, text
    for text in ("skipped", "answers", "schema", "settings"):
        assert text.encode() not in on_disk, text


def test_wipe_leaves_no_file_and_no_keyring_entry(
    home: Path, pipe: PipeInput, small_checklist: Path, secret_service: Any
) -> None:
    pipe.send_text(keys.DONE + keys.CTRL_C)
    runner.invoke(app, ["check", str(small_checklist)])
    (home / "state.unreadable-20260101T000000").write_bytes(b"kept aside earlier")
    (home / ".state.x1y2.tmp").write_bytes(b"left by a crash")
    assert len(entries(secret_service, home)) == 1
    made = sorted(home.iterdir())

    result = runner.invoke(app, ["wipe", "--yes"])

    assert result.exit_code == 0, result.output
    assert not home.exists()
    assert entries(secret_service, home) == []
    for path in made:
        assert f"Removed {path}" in result.output
    assert f"Removed the folder {home}" in result.output
    assert (
        f'Removed the key from your keyring (service "safecheck", user name "{home.resolve()}")'
        in result.output
    )

    again = runner.invoke(app, ["wipe", "--yes"])
    assert again.exit_code == 0
    assert f"There were no safecheck files in {home}." in again.output
    assert "There was no safecheck key in your keyring." in again.output


def test_two_state_folders_have_two_keys(tmp_path: Path, home: Path, secret_service: Any) -> None:
    other = tmp_path / "other"
    try:
        open_store(home).update(lambda state: state.with_setting("who", "home"))
        open_store(other).update(lambda state: state.with_setting("who", "other"))
        assert entries(secret_service, home) != entries(secret_service, other)
        assert open_store(home).load().settings == {"who": "home"}
        assert open_store(other).load().settings == {"who": "other"}
    finally:
        Keystore(other).delete()


def test_keys_stored_through_keyring_and_through_secretstorage_are_the_same_entries(
    home: Path, tmp_path: Path
) -> None:
    """An older safecheck stored its key through keyring; this one talks to the Secret
    Service with its own client. Each finds and deletes what the other stored."""
    from keyring.backends.SecretService import Keyring

    through_keyring: Any = Keyring()  # type: ignore[no-untyped-call]
    ours = Keystore(home)
    assert ours.backend_name() == DIRECT
    key = bytes(range(32))
    through_keyring.set_password(SERVICE, ours.user, base64.urlsafe_b64encode(key).decode())
    assert ours.get() == key

    other = Keystore(tmp_path / "other")
    other.put(bytes(32))
    stored = through_keyring.get_password(SERVICE, other.user)
    assert base64.urlsafe_b64decode(stored) == bytes(32)
    other.put(key)  # replaced, not added
    assert through_keyring.get_password(SERVICE, other.user) == base64.urlsafe_b64encode(
        key
    ).decode("ascii")
    assert other.get() == key
    assert other.delete() is True
    assert through_keyring.get_password(SERVICE, other.user) is None
    assert other.delete() is False
    assert ours.delete() is True
    assert through_keyring.get_password(SERVICE, ours.user) is None


def test_status_json_never_loads_keyring_on_linux(home: Path) -> None:
    """The Secret Service is asked directly (jeepney; secretstorage only off the short way of
    reading an unlocked key): keyring's ~50 ms import is skipped."""
    open_store(home).update(lambda state: state.with_setting("lang", "en"))
    code = (
        "import sys; from safecheck.cli.app import main; main();"
        "print(sorted({'keyring', 'secretstorage', 'jeepney'} & set(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "status", "--json"],
        cwd=ROOT,
        env=child_env(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "['jeepney']"
