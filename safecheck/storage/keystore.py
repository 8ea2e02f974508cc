"""The key of the saved state in the OS keyring. The only module that talks to keyring.

Secret Service on Linux, Keychain on macOS, Credential Locker on Windows, as
`keyring` finds them (`PYTHON_KEYRING_BACKEND` chooses one by name). There is one
entry per state folder: service "safecheck", user name the folder's full path,
so two folders (and two tests) never share a key.

On Linux, where keyring would choose the Secret Service anyway, safecheck uses its own
Secret Service client (`secret_service.py`, under safecheck's own application id): keyring
and its discovery of backends cost 60-130 ms before the first question (README, "Speed and
memory").
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from typing import Any

from safecheck.storage.secret_service import Locked, SecretService

SERVICE = "safecheck"


class KeystoreUnavailable(Exception):
    """The keyring cannot be used now; `reason` says why, in a few words.

    `no_keyring` is True when there is no keyring at all (nothing could be stored
    there), False when there is one that fails (locked, not answering).
    """

    def __init__(self, reason: str, *, no_keyring: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.no_keyring = no_keyring


class Keystore:
    """Get, store and delete the one key of a state folder."""

    def __init__(self, home: Path, service: str = SERVICE) -> None:
        self.service = service
        self.user = str(home.expanduser().resolve())
        self._backend: Any = None

    def backend_name(self) -> str:
        """The backend's class (e.g. safecheck.storage.secret_service.SecretService, or keyring's
        keyring.backends.macOS.Keyring), or why there is none."""
        try:
            backend = self._keyring()
        except KeystoreUnavailable as error:
            return f"none ({error.reason})"
        return f"{type(backend).__module__}.{type(backend).__qualname__}"

    def get(self) -> bytes | None:
        """The stored key, or None when there is none. A malformed entry is returned as is."""
        try:
            stored: str | None = self._keyring().get_password(self.service, self.user)
        except KeystoreUnavailable:
            raise
        except Exception as error:  # backends raise their own kinds (D-Bus, locked, ...)
            raise KeystoreUnavailable(_describe(error)) from None
        if stored is None:
            return None
        try:
            return base64.urlsafe_b64decode(stored.encode("ascii"))
        except (binascii.Error, UnicodeEncodeError, ValueError):
            return stored.encode("utf-8", "replace")

    def put(self, key: bytes) -> None:
        try:
            self._keyring().set_password(
                self.service, self.user, base64.urlsafe_b64encode(key).decode("ascii")
            )
        except KeystoreUnavailable:
            raise
        except Exception as error:
            raise KeystoreUnavailable(_describe(error)) from None

    def delete(self) -> bool:
        """Remove the entry; False when there was none."""
        backend = self._keyring()
        try:
            if isinstance(backend, SecretService):  # every entry, older ones too
                return backend.delete_password(self.service, self.user)
            if backend.get_password(self.service, self.user) is None:
                return False
            backend.delete_password(self.service, self.user)
        except KeystoreUnavailable:
            raise
        except Exception as error:
            if type(error).__name__ == "PasswordDeleteError":  # keyring's: there was none
                return False
            raise KeystoreUnavailable(_describe(error)) from None
        return True

    def _keyring(self) -> Any:
        """The backend, chosen afresh for this keystore (so the environment is honoured)."""
        if self._backend is None:
            backend = SecretService.connect() if _secret_service_wanted() else None
            self._backend = backend if backend is not None else _discovered()
        return self._backend


_SECRET_SERVICE = "keyring.backends.SecretService.Keyring"


def _secret_service_wanted() -> bool:
    """On Linux with no other backend configured, keyring would choose the Secret Service.

    Asking for it directly skips keyring's discovery of every backend (its macOS backend
    alone loads for ~50 ms on Linux), which sits before the first question.
    """
    import os
    import sys

    named = os.environ.get("PYTHON_KEYRING_BACKEND")
    if named is not None:
        return named == _SECRET_SERVICE
    if not sys.platform.startswith("linux"):
        return False
    return not (_keyring_config_root() / "keyringrc.cfg").exists()


def _keyring_config_root() -> Path:
    """Where keyring looks for its configuration on Linux (keyring.util.platform_,
    `_config_root_Linux`), found without importing keyring."""
    import os

    root = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(root, "python_keyring")


def _discovered() -> Any:
    """The backend keyring itself chooses (config file, PYTHON_KEYRING_BACKEND, priority)."""
    import keyring.core
    from keyring.backends import fail, null

    try:
        keyring.core.init_backend()
    except Exception as error:  # a backend named in PYTHON_KEYRING_BACKEND is not viable
        raise KeystoreUnavailable(_describe(error), no_keyring=True) from None
    backend = keyring.core.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        raise KeystoreUnavailable("no keyring is available on this computer", no_keyring=True)
    return backend


def _describe(error: Exception) -> str:
    if isinstance(error, Locked):
        return str(error)
    text = str(error).strip().rstrip(".!")
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
