"""safecheck's own Secret Service client (storage/secret_service.py) against a real
gnome-keyring in a private D-Bus session: its application id, and the move of entries stored
under keyring's id by an older safecheck. What is stored is read back through secretstorage
and keyring, not through the client."""

from __future__ import annotations

import base64
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import secretstorage

from safecheck.storage import secret_service
from safecheck.storage.keystore import SERVICE, Keystore
from safecheck.storage.store import open_store
from tests.conftest import ROOT, child_env, needs_secret_service

pytestmark = needs_secret_service


@pytest.fixture
def connection() -> Iterator[Any]:
    connection = secretstorage.dbus_init()
    yield connection
    connection.close()


def stored(connection: Any, home: Path) -> list[dict[str, str]]:
    """The attributes of every entry for this state folder, whoever stored it."""
    query = {"service": SERVICE, "username": str(home.resolve())}
    return [item.get_attributes() for item in secretstorage.search_items(connection, query)]


def stored_as_before(home: Path, key: bytes) -> None:
    """The key as safecheck stored it before issue 28: through keyring, under its id."""
    from keyring.backends.SecretService import Keyring

    through_keyring: Any = Keyring()  # type: ignore[no-untyped-call]
    encoded = base64.urlsafe_b64encode(key).decode("ascii")
    through_keyring.set_password(SERVICE, str(home.resolve()), encoded)


def test_the_key_is_stored_under_safecheck_s_own_application_id(
    home: Path, connection: Any
) -> None:
    open_store(home).update(lambda state: state.with_setting("lang", "en"))
    (attributes,) = stored(connection, home)
    assert attributes["application"] == "safecheck"
    assert attributes["username"] == str(home.resolve())
    (item,) = secretstorage.search_items(connection, {"username": str(home.resolve())})
    assert item.get_label() == f"safecheck key for {home.resolve()}"


def test_a_key_stored_by_an_older_safecheck_is_read_and_moved(home: Path, connection: Any) -> None:
    key = bytes(range(32))
    stored_as_before(home, key)
    assert [a["application"] for a in stored(connection, home)] == ["Python keyring library"]

    assert Keystore(home).get() == key
    assert [a["application"] for a in stored(connection, home)] == ["safecheck"]
    assert Keystore(home).get() == key  # read again from the moved entry


def test_a_state_saved_by_an_older_safecheck_opens(home: Path, connection: Any) -> None:
    """The whole way: a state encrypted with the old entry's key still opens."""
    open_store(home).update(lambda state: state.with_setting("lang", "nl"))
    key = Keystore(home).get()
    assert key is not None
    Keystore(home).delete()
    stored_as_before(home, key)
    assert open_store(home).load().settings == {"lang": "nl"}
    assert [a["application"] for a in stored(connection, home)] == ["safecheck"]


def test_delete_removes_the_entry_and_any_older_one(home: Path, connection: Any) -> None:
    Keystore(home).put(bytes(32))
    stored_as_before(home, bytes(range(32)))  # say, after running an older version once
    assert len(stored(connection, home)) == 2
    assert Keystore(home).delete() is True
    assert stored(connection, home) == []
    assert Keystore(home).delete() is False


def test_a_folder_with_no_key_has_none(home: Path, tmp_path: Path) -> None:
    Keystore(home).put(bytes(32))
    assert Keystore(tmp_path / "other").get() is None


@pytest.mark.parametrize("key", [bytes(32), bytes(range(32)), b"\xff" * 15, b"k" * 48])
def test_an_unlocked_key_is_read_directly_and_decrypted(home: Path, key: bytes) -> None:
    """The short way of reading an entry (jeepney, the encrypted session decrypted here)
    gives exactly what secretstorage's items give, for keys of every length of padding."""
    Keystore(home).put(key)
    client = secret_service.SecretService.connect()
    assert client is not None
    direct = client._unlocked_secret(SERVICE, str(home.resolve()))
    assert direct is not None
    assert base64.urlsafe_b64decode(direct) == key
    assert Keystore(home).get() == key


def test_the_short_way_leaves_entries_it_does_not_know_to_secretstorage(
    home: Path, tmp_path: Path
) -> None:
    stored_as_before(home, bytes(32))  # an older safecheck's entry: moved the long way
    client = secret_service.SecretService.connect()
    assert client is not None
    assert client._unlocked_secret(SERVICE, str(home.resolve())) is None
    assert client._unlocked_secret(SERVICE, str(tmp_path / "none")) is None
    assert Keystore(home).get() == bytes(32)


def test_no_secret_service_on_the_bus_gives_no_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    assert secret_service.SecretService.connect() is None


# In a keyring of its own (a nested private session): a locked keyring stays locked for
# the rest of its session, as the desktop's unlock prompt cannot be answered here.
LOCKED = """
import sys
from pathlib import Path
import secretstorage
from safecheck.storage.keystore import Keystore, KeystoreUnavailable
home = Path(sys.argv[1])
Keystore(home).put(bytes(32))
connection = secretstorage.dbus_init()
secretstorage.get_default_collection(connection).lock()
try:
    Keystore(home).get()
except KeystoreUnavailable as error:
    print("unavailable:", error.reason, error.no_keyring)
"""


def test_a_locked_keyring_whose_prompt_is_dismissed_is_said_in_words(
    home: Path, tmp_path: Path
) -> None:
    """The locked path goes through secretstorage's unlock prompt; here none can be shown
    (no display), as when a person dismisses it: one clear reason, no traceback."""
    done = subprocess.run(
        [
            "sh",
            str(ROOT / "tests" / "run-with-keyring.sh"),
            sys.executable,
            "-c",
            LOCKED,
            str(home),
        ],
        cwd=ROOT,
        env=child_env(home, DISPLAY="", WAYLAND_DISPLAY=""),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.strip() == "unavailable: the keyring entry is locked False", done.stderr
    assert "Traceback" not in done.stderr


def test_an_entry_deleted_while_it_is_listed_is_looked_up_again(
    home: Path, connection: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program (a second safecheck, the desktop) deletes an entry between the search
    that lists it and the reading: the real Secret Service then says it does not exist. The
    key is looked up again instead of the keyring being called unusable."""
    username = str(home.resolve())
    attributes = {"application": "safecheck", "service": SERVICE, "username": username}
    collection = secretstorage.get_default_collection(connection)
    kept = collection.create_item("kept", attributes, b"the kept key")
    gone = collection.create_item("gone", attributes, b"a key deleted meanwhile")
    listed = secretstorage.search_items

    def deleted_while_listed(bus: Any, query: dict[str, str]) -> Iterator[Any]:
        monkeypatch.setattr(secretstorage, "search_items", listed)  # once only
        found = listed(bus, query)  # lists both, then reads each in turn
        first = next(found)
        (gone if first == kept else kept).delete()  # by the other program, before it is read
        yield first
        yield from found

    monkeypatch.setattr(secretstorage, "search_items", deleted_while_listed)
    client = secret_service.SecretService.connect()
    assert client is not None
    assert client.get_password(SERVICE, username) in ("the kept key", "a key deleted meanwhile")
