"""safecheck's own Secret Service client (Linux): the key of a state folder in the desktop's
keyring (GNOME Keyring, KWallet's Secret Service).

Reading, which every start with a saved state does, speaks the Secret Service API over
jeepney alone: one search, and the secret over an encrypted session of its own
(dh-ietf1024-sha256-aes128-cbc-pkcs7). Writing, deleting and unlocking a locked keyring
(the desktop's prompt) go through secretstorage, which costs ~6 ms more to load.

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
"""

from __future__ import annotations

import contextlib
from typing import Any

APPLICATION = "safecheck"
OLD_APPLICATION = "Python keyring library"  # keyring's SecretService backend's appid

BUS_NAME = "org.freedesktop.secrets"
SERVICE_PATH = "/org/freedesktop/secrets"
SERVICE_IFACE = "org.freedesktop.Secret.Service"
ITEM_IFACE = "org.freedesktop.Secret.Item"
DH_ALGORITHM = "dh-ietf1024-sha256-aes128-cbc-pkcs7"
# The 1024-bit MODP group of RFC 2409 (section 6.2), generator 2: the group the Secret
# Service API names for this algorithm.
DH_PRIME = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A0879"
    "8E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B"
    "0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF",
    16,
)


class Locked(Exception):
    """The keyring or the entry stays locked (the person dismissed the desktop's prompt)."""


class SecretService:
    """Get, store and delete secrets by service and user name, on one D-Bus connection."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection  # jeepney's; closed when safecheck ends

    @classmethod
    def connect(cls) -> SecretService | None:
        """A client on the session bus, or None when no Secret Service answers there."""
        try:
            from jeepney.io.blocking import open_dbus_connection

            connection = open_dbus_connection("SESSION")
        except Exception:  # no D-Bus session, or jeepney missing
            return None
        try:
            client = cls(connection)  # the one connection of this run
            if client._available():
                return client
        except Exception:
            pass
        connection.close()
        return None

    def get_password(self, service: str, username: str) -> str | None:
        """The secret (text), or None when there is none."""
        secret = self._read(service, username, APPLICATION)
        if secret is not None:
            return secret
        secret = self._read(service, username, OLD_APPLICATION)
        if secret is None:
            return None
        with contextlib.suppress(Exception):  # stored again next time
            self.set_password(service, username, secret)
            for item in self._items(service, username, OLD_APPLICATION):
                item.delete()
        return secret

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store the secret, replacing safecheck's entry for the same service and user."""
        attributes = {"application": APPLICATION, "service": service, "username": username}
        label = f"safecheck key for {username}"
        self._collection().create_item(label, attributes, password, replace=True)

    def delete_password(self, service: str, username: str) -> bool:
        """Remove every entry for the service and user (safecheck's and older ones); False
        when there was none."""
        import secretstorage

        query = {"service": service, "username": username}
        found = list(secretstorage.search_items(self.connection, query))
        for item in found:
            item.delete()
        return bool(found)

    # -- reading, on jeepney alone (secretstorage, which writes, loads ~6 ms more) --------

    def _call(self, path: str, interface: str, method: str, signature: str, *args: Any) -> Any:
        """One method call on the bus; a D-Bus error reply is raised (DBusErrorResponse)."""
        from jeepney import DBusAddress, new_method_call
        from jeepney.wrappers import unwrap_msg

        bus_name = BUS_NAME if path.startswith(SERVICE_PATH) else "org.freedesktop.DBus"
        address = DBusAddress(path, bus_name=bus_name, interface=interface)
        message = new_method_call(address, method, signature or None, args)
        return unwrap_msg(self.connection.send_and_get_reply(message))

    def _available(self) -> bool:
        """The Secret Service runs, or D-Bus can start it."""
        bus = ("/org/freedesktop/DBus", "org.freedesktop.DBus")
        (owned,) = self._call(*bus, "NameHasOwner", "s", BUS_NAME)
        if owned:
            return True
        (names,) = self._call(*bus, "ListActivatableNames", "")
        return BUS_NAME in names

    def _read(self, service: str, username: str, application: str) -> str | None:
        """The secret of the first matching entry. An unlocked entry is read here, over an
        encrypted session of our own; a locked one through secretstorage, which shows the
        desktop's unlock prompt."""
        query = {"application": application, "service": service, "username": username}
        unlocked, locked = self._call(SERVICE_PATH, SERVICE_IFACE, "SearchItems", "a{ss}", query)
        if unlocked:
            return self._session_secret(unlocked[0])
        if locked:
            return self._secret(self._items(service, username, application)[0])
        return None

    def _session_secret(self, item: str) -> str:
        """An item's secret over a Diffie-Hellman session (dh-ietf1024-sha256-aes128-cbc-pkcs7,
        as the Secret Service API specifies): the secret never crosses D-Bus in the clear."""
        import os

        from cryptography.hazmat.primitives import padding
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        private = int.from_bytes(os.urandom(128), "big")
        public = pow(2, private, DH_PRIME)
        output, session = self._call(
            SERVICE_PATH,
            SERVICE_IFACE,
            "OpenSession",
            "sv",
            DH_ALGORITHM,
            ("ay", public.to_bytes(128, "big")),
        )
        try:
            shared = pow(int.from_bytes(output[1], "big"), private, DH_PRIME)
            aes_key = _hkdf_sha256(shared.to_bytes(128, "big"), 16)
            (found,) = self._call(item, ITEM_IFACE, "GetSecret", "o", session)
            _session, iv, value, _content_type = found
            decryptor = Cipher(algorithms.AES(aes_key), modes.CBC(bytes(iv))).decryptor()
            padded = decryptor.update(bytes(value)) + decryptor.finalize()
            unpadder = padding.PKCS7(128).unpadder()
            secret = unpadder.update(padded) + unpadder.finalize()
        finally:
            with contextlib.suppress(Exception):
                self._call(session, "org.freedesktop.Secret.Session", "Close", "")
        return secret.decode("utf-8")

    # -- writing, deleting and unlocking, through secretstorage ---------------------------

    def _items(self, service: str, username: str, application: str) -> list[Any]:
        import secretstorage

        query = {"application": application, "service": service, "username": username}
        return list(secretstorage.search_items(self.connection, query))

    def _secret(self, item: Any) -> str:
        if item.is_locked():
            item.unlock()
            if item.is_locked():
                raise Locked("the keyring entry is locked")
        secret: bytes = item.get_secret()
        return secret.decode("utf-8")

    def _collection(self) -> Any:
        """The default collection, unlocked (which may show the desktop's prompt)."""
        import secretstorage

        collection = secretstorage.get_default_collection(self.connection)
        if collection.is_locked():
            collection.unlock()
            if collection.is_locked():
                raise Locked("the keyring is locked")
        return collection


def _hkdf_sha256(secret: bytes, length: int) -> bytes:
    """HKDF (RFC 5869) with SHA-256, no salt and no info, as the algorithm's name says."""
    import hashlib
    import hmac

    pseudo_random_key = hmac.new(b"\x00" * 32, secret, hashlib.sha256).digest()
    return hmac.new(pseudo_random_key, b"\x01", hashlib.sha256).digest()[:length]
