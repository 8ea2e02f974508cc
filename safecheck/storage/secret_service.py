"""safecheck's own Secret Service client (Linux): the key of a state folder in the desktop's
keyring (GNOME Keyring, KWallet's Secret Service), through secretstorage; an unlocked
entry is read the short way, with jeepney (`_unlocked_secret`).

Why not keyring's API: fetching a key through keyring's Secret Service backend took 136 ms
as a whole process against 73 ms through this module, and 222 ms with keyring's discovery of
its backends (README, "Speed and memory"); the key sits before the first question and
`status --json`. keyring stays the interface everywhere else (macOS, Windows, a backend
named in PYTHON_KEYRING_BACKEND or keyringrc.cfg): see `keystore.py`, which chooses.

What is stored: one item per state folder in the default collection, labelled
"safecheck key for FOLDER", with the attributes

    application = "safecheck"   service = "safecheck"   username = the folder's full path

`service` and `username` are the attributes keyring searches by, so keyring (and safecheck
versions that used it) still find, replace and delete the entry.

Migration: safecheck up to issue 28 stored its entry as keyring does, under keyring's
application id ("Python keyring library"). Such an entry is still read; the first time it
is, it is stored again under safecheck's id and the old item deleted (when the keyring
refuses, the old entry stays and is read as before). `delete` removes both kinds.

Other programs change the keyring at the same time (another safecheck, the desktop): an
entry listed by a search can be gone before it is read, and the Secret Service then says the
item does not exist. Each call is then made again, a few times, as a second look.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

APPLICATION = "safecheck"
OLD_APPLICATION = "Python keyring library"  # keyring's SecretService backend's appid


# The Secret Service's names, and its encrypted transfer: Diffie-Hellman in the 1024-bit
# group of RFC 2409 (the second Oakley group), the AES-128 key made with HKDF-SHA256 (no
# salt, no info), the secret in AES-128-CBC with PKCS#7 padding (the specification's
# "dh-ietf1024-sha256-aes128-cbc-pkcs7", as secretstorage and libsecret speak it).
BUS_NAME = "org.freedesktop.secrets"
SERVICE_PATH = "/org/freedesktop/secrets"
INTERFACE = "org.freedesktop.Secret"
DH_ALGORITHM = "dh-ietf1024-sha256-aes128-cbc-pkcs7"
DH_PRIME = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A0879"
    "8E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B"
    "0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF",
    16,
)


def _aes_key(shared: bytes) -> bytes:
    """The session's AES-128 key: HKDF-SHA256 of the shared secret, with no salt and no
    info, as the Secret Service specification's algorithm says."""
    from safecheck.storage.crypto import hkdf_sha256

    return hkdf_sha256(shared, 16)


class Locked(Exception):
    """The keyring or the entry stays locked (the person dismissed the desktop's prompt)."""


class SecretService:
    """Get, store and delete secrets by service and user name, on one D-Bus connection."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection  # jeepney's; closed when safecheck ends
        self._prompts_heard = False

    @classmethod
    def connect(cls) -> SecretService | None:
        """A client on the session bus, or None when no Secret Service answers there (running,
        or started by D-Bus when asked). Spoken with jeepney: secretstorage is imported only
        for what the short way of reading a key does not do (`_secretstorage`)."""
        try:
            from jeepney.bus_messages import message_bus
            from jeepney.io.blocking import Proxy, open_dbus_connection

            connection = open_dbus_connection(bus="SESSION")
        except Exception:  # no D-Bus session
            return None
        try:
            bus = Proxy(message_bus, connection)
            if bus.NameHasOwner(BUS_NAME)[0] == 1 or BUS_NAME in bus.ListActivatableNames()[0]:
                return cls(connection)  # the one connection of this run
        except Exception:
            pass
        connection.close()
        return None

    def _secretstorage(self) -> Any:
        """secretstorage, with the connection listening for the desktop's unlock prompts
        (secretstorage.dbus_init's match rule: one round trip, made once, only here)."""
        import secretstorage
        from secretstorage.util import add_match_rules

        if not self._prompts_heard:
            add_match_rules(self.connection)
            self._prompts_heard = True
        return secretstorage

    def get_password(self, service: str, username: str) -> str | None:
        """The secret (text), or None when there is none."""
        with contextlib.suppress(Exception):  # anything unusual: secretstorage's way below
            secret = self._unlocked_secret(service, username)
            if secret is not None:
                return secret
        return _again(lambda: self._get_password(service, username))

    def _get_password(self, service: str, username: str) -> str | None:
        found = self._items(service, username, APPLICATION)
        if found:
            return self._secret(found[0])
        old = self._items(service, username, OLD_APPLICATION)
        if not old:
            return None
        secret = self._secret(old[0])
        with contextlib.suppress(Exception):  # stored again next time
            self.set_password(service, username, secret)
            for item in old:
                item.delete()
        return secret

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store the secret, replacing safecheck's entry for the same service and user."""
        attributes = {"application": APPLICATION, "service": service, "username": username}
        label = f"safecheck key for {username}"
        _again(lambda: self._collection().create_item(label, attributes, password, replace=True))

    def delete_password(self, service: str, username: str) -> bool:
        """Remove every entry for the service and user (safecheck's and older ones); False
        when there was none."""
        secretstorage = self._secretstorage()

        query = {"service": service, "username": username}
        found = _again(lambda: list(secretstorage.search_items(self.connection, query)))
        for item in found:
            with contextlib.suppress(secretstorage.exceptions.ItemNotFoundException):
                item.delete()  # gone already: as wanted
        return bool(found)

    def _unlocked_secret(self, service: str, username: str) -> str | None:
        """The secret of safecheck's entry when it is there and unlocked, in three round
        trips (search, open an encrypted session, get the secret), spoken with jeepney;
        None in every other case (no entry, locked, an older entry), which
        secretstorage's items handle. secretstorage's way took five, and loaded
        cryptography's whole OpenSSL backend to decrypt: about 15 ms before `status`
        or the first question."""
        from jeepney import DBusAddress, new_method_call
        from jeepney.wrappers import unwrap_msg

        def call(address: DBusAddress, method: str, signature: str, *body: Any) -> Any:
            reply = self.connection.send_and_get_reply(
                new_method_call(address, method, signature, body)
            )
            return unwrap_msg(reply)

        secrets = DBusAddress(SERVICE_PATH, BUS_NAME, f"{INTERFACE}.Service")
        query = {"application": APPLICATION, "service": service, "username": username}
        unlocked, _locked = call(secrets, "SearchItems", "a{ss}", query)
        if not unlocked:
            return None
        # A 256-bit private exponent: the 1024-bit group gives about 80 bits of security, and
        # an exponent of at least twice that is as strong (RFC 7919, section 5.2); the two
        # exponentiations then take ~2 ms instead of ~8 ms before the first question.
        private = int.from_bytes(os.urandom(32), "big")
        public = pow(2, private, DH_PRIME).to_bytes(128, "big")
        (kind, theirs), session = call(secrets, "OpenSession", "sv", DH_ALGORITHM, ("ay", public))
        if kind != "ay":
            return None
        shared = pow(int.from_bytes(theirs, "big"), private, DH_PRIME).to_bytes(128, "big")
        item = DBusAddress(unlocked[0], BUS_NAME, f"{INTERFACE}.Item")
        ((_, iv, value, _type),) = call(item, "GetSecret", "o", session)
        from safecheck.storage.crypto import cbc_decrypted

        return cbc_decrypted(_aes_key(shared), bytes(iv), bytes(value)).decode("utf-8")

    def _items(self, service: str, username: str, application: str) -> list[Any]:
        secretstorage = self._secretstorage()

        query = {"application": application, "service": service, "username": username}
        return list(secretstorage.search_items(self.connection, query))

    def _secret(self, item: Any) -> str:
        """The item's secret, unlocking it first when it is locked. get_secret asks the
        service whether the item is locked itself: asking before it too was one more
        round trip on every start."""
        from secretstorage.exceptions import LockedException

        try:
            secret: bytes = item.get_secret()
        except LockedException:
            item.unlock()
            try:
                secret = item.get_secret()
            except LockedException:
                raise Locked("the keyring entry is locked") from None
        return secret.decode("utf-8")

    def _collection(self) -> Any:
        """The default collection, unlocked (which may show the desktop's prompt)."""
        secretstorage = self._secretstorage()

        collection = secretstorage.get_default_collection(self.connection)
        if collection.is_locked():
            collection.unlock()
            if collection.is_locked():
                raise Locked("the keyring is locked")
        return collection


def _again(call: Callable[[], T], tries: int = 3) -> T:
    """`call()`, made again when an item went away while it was used (see above)."""
    from secretstorage.exceptions import ItemNotFoundException

    for _ in range(tries - 1):
        with contextlib.suppress(ItemNotFoundException):
            return call()
    return call()
