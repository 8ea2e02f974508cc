"""How the saved state is protected on disk: the file format, and where its key comes from.

Every state file starts with a small header that says how to open it:

    magic        10 bytes  b"SAFECHECK\\0"
    version       1 byte   FORMAT_VERSION
    source        1 byte   0 plain (--no-encryption), 1 keyring, 2 passphrase
    -- passphrase only --
    scrypt cost   3 bytes  log2(n), r, p
    salt         16 bytes
    -- keyring and passphrase --
    key check     8 bytes  tells a wrong key apart from a damaged file
    -- all --
    length        4 bytes  of the body that follows (big-endian): tells "cut off"
    body                   encrypted: nonce (12 bytes), then AES-256-GCM of the
                           JSON state (tag last), with the header above as
                           associated data; plain: the JSON state

Nothing here imports `cryptography` or `keyring` at start-up; they are imported
only when a key is really needed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import NamedTuple, Protocol

from safecheck.core.errors import (
    DamagedStateError,
    NoKeyError,
    SafecheckError,
    StateError,
    UsageError,
)
from safecheck.core.i18n import N_, Message, msg
from safecheck.storage.keystore import Keystore, KeystoreUnavailable

MAGIC = b"SAFECHECK\x00"
FORMAT_VERSION = 1
SALT_BYTES = 16
CHECK_BYTES = 8
NONCE_BYTES = 12
TAG_BYTES = 16
LENGTH_BYTES = 4
MIN_PASSPHRASE = 8
PASSPHRASE_TRIES = 3
PASSPHRASE_ENV = "SAFECHECK_PASSPHRASE"


class Source(IntEnum):
    """Where the key of a state file comes from."""

    PLAIN = 0
    KEYRING = 1
    PASSPHRASE = 2


class Cost(NamedTuple):
    """scrypt's work factors, stored in the header so they can grow later."""

    log2_n: int
    r: int
    p: int

    def reasonable(self) -> bool:
        """Within what safecheck ever writes: a hand-edited header cannot ask for 100 GB."""
        return (
            10 <= self.log2_n <= 20
            and 1 <= self.r <= 16
            and 1 <= self.p <= 4
            and 128 * self.r * 2**self.log2_n <= 1 << 30
        )


# About half a second and 128 MiB on a laptop: slow for guessing, fine once per start.
SCRYPT_COST = Cost(log2_n=17, r=8, p=1)


class Header(NamedTuple):
    source: Source
    associated: bytes  # the header bytes, authenticated together with the ciphertext
    body: bytes  # nonce + ciphertext, or the plain JSON
    check: bytes = b""
    salt: bytes = b""
    cost: Cost | None = None


def parse(data: bytes) -> Header:
    """Read the header of a state file; the reason it cannot be opened is an error."""
    if not data:
        raise DamagedStateError(N_("the file is empty"))
    prefix = len(MAGIC) + 2
    if len(data) < prefix:
        if MAGIC.startswith(data[: len(MAGIC)]):
            raise DamagedStateError(
                N_("the file is cut off (it may have been copied or saved only in part)")
            )
        raise DamagedStateError(
            N_(
                "the file does not start like a safecheck state file (it may have been edited "
                "or replaced)"
            )
        )
    if not data.startswith(MAGIC):
        raise DamagedStateError(
            N_(
                "the file does not start like a safecheck state file (it may have been edited "
                "or replaced)"
            )
        )
    version, source_byte = data[len(MAGIC)], data[len(MAGIC) + 1]
    if version > FORMAT_VERSION:
        raise StateError(
            N_("it was written by a newer safecheck (format {version}); please update safecheck"),
            version=version,
        )
    if version != FORMAT_VERSION:
        raise DamagedStateError(
            N_("the file has an unknown format version ({version})"), version=version
        )
    try:
        source = Source(source_byte)
    except ValueError:  # safecheck writes only these: the header was changed
        raise DamagedStateError(
            N_(
                "the file does not pass its integrity check (it was damaged or changed after "
                "it was saved)"
            )
        ) from None
    offset = prefix
    salt = b""
    cost = None
    check = b""
    if source is Source.PASSPHRASE:
        if len(data) < offset + 3 + SALT_BYTES:
            raise DamagedStateError(
                N_("the file is cut off (it may have been copied or saved only in part)")
            )
        cost = Cost(*data[offset : offset + 3])
        if not cost.reasonable():  # safecheck never writes these: the header was changed
            raise DamagedStateError(
                N_(
                    "the file does not pass its integrity check (it was damaged or changed after "
                    "it was saved)"
                )
            )
        salt = data[offset + 3 : offset + 3 + SALT_BYTES]
        offset += 3 + SALT_BYTES
    if source is not Source.PLAIN:
        check = data[offset : offset + CHECK_BYTES]
        offset += CHECK_BYTES
    if len(data) < offset + LENGTH_BYTES:
        raise DamagedStateError(
            N_("the file is cut off (it may have been copied or saved only in part)")
        )
    length = int.from_bytes(data[offset : offset + LENGTH_BYTES], "big")
    offset += LENGTH_BYTES
    body = data[offset:]
    if len(body) < length:
        raise DamagedStateError(
            N_("the file is cut off (it may have been copied or saved only in part)")
        )
    if len(body) > length:
        raise DamagedStateError(
            N_("the file is longer than safecheck wrote it (it may have been edited)")
        )
    if source is not Source.PLAIN and length < NONCE_BYTES + TAG_BYTES:
        raise DamagedStateError(
            N_("the file is cut off (it may have been copied or saved only in part)")
        )
    return Header(source, data[:offset], body, check=check, salt=salt, cost=cost)


def peek(data: bytes) -> Source | None:
    """How a file is protected, from its first bytes; None when that cannot be told."""
    try:
        return parse(data).source
    except SafecheckError:
        return None


def _length(size: int) -> bytes:
    return size.to_bytes(LENGTH_BYTES, "big")


def seal_plain(plain: bytes) -> bytes:
    return MAGIC + bytes([FORMAT_VERSION, Source.PLAIN]) + _length(len(plain)) + plain


@dataclass(frozen=True, slots=True)
class Key:
    """A key and what the header must say so the file can be opened again."""

    source: Source
    secret: bytes = field(repr=False)
    salt: bytes = b""
    cost: Cost | None = None

    def seal(self, plain: bytes) -> bytes:
        """Header, then nonce and ciphertext; the header is authenticated too."""
        from safecheck.storage import crypto

        header = self.header(NONCE_BYTES + len(plain) + TAG_BYTES)
        return header + crypto.encrypt(self.secret, plain, header)

    def header(self, body_length: int) -> bytes:
        """The header this key writes before a body of `body_length` bytes."""
        from safecheck.storage import crypto

        header = MAGIC + bytes([FORMAT_VERSION, self.source])
        if self.source is Source.PASSPHRASE:
            assert self.cost is not None
            header += bytes([self.cost.log2_n, self.cost.r, self.cost.p]) + self.salt
        header += crypto.key_check(self.secret)
        return header + _length(body_length)

    def sealed_before(self, header: Header) -> bool:
        """True when this key opens the body under the header it would have written itself:
        the file was sealed with this key, and its header changed since (a flipped bit)."""
        from safecheck.storage import crypto

        try:
            crypto.decrypt(self.secret, header.body, self.header(len(header.body)))
        except crypto.AuthenticationFailed:
            return False
        return True

    def opens(self, header: Header) -> bool:
        """True when this key is the one `header` was sealed with."""
        from safecheck.storage import crypto

        return (
            header.source is self.source
            and header.salt == self.salt
            and header.cost == self.cost
            and crypto.key_check(self.secret) == header.check
        )


class PassphraseAsker(Protocol):
    """Asks for a passphrase in a terminal (safecheck.ui.prompts.Prompter is one)."""

    def can_ask(self) -> bool: ...

    def password(
        self, message: Message, *, problem: Callable[[str], Message | None] | None = None
    ) -> str:
        """The typed text; `problem(text)` returns why it is not acceptable, or None."""
        ...


class PassphraseTooShort(UsageError):
    """SAFECHECK_PASSPHRASE is too short for a new passphrase."""


class Keys:
    """Finds the key for a state file, or makes one for a new file.

    For a new file: SAFECHECK_PASSPHRASE if set, else the keyring, else a
    passphrase asked in the terminal; with none of these, `NoKeyError`. It never
    falls back to plain text: that is only ever chosen with --no-encryption.
    """

    def __init__(
        self,
        home: Path,
        *,
        asker: PassphraseAsker | None = None,
        warn: Callable[[Message], None] | None = None,
        environ: Mapping[str, str] | None = None,
        keystore: Keystore | None = None,
    ) -> None:
        self.asker = asker
        self.warn = warn or (lambda text: None)
        self.environ = os.environ if environ is None else environ
        self.keystore = keystore or Keystore(home)
        self._known: list[Key] = []  # keys found in this run: each is asked for once
        self._refused: dict[bytes, StateError] = {}  # headers no passphrase opened this run

    def for_file(self, header: Header) -> Key:
        for key in self._known:
            if key.opens(header):
                return key
        if header.source is Source.KEYRING:
            key = self._keyring_key(header)
        else:
            key = self._passphrase_key(header)
        self._known.append(key)
        return key

    def try_again(self) -> None:
        """Forget which files no passphrase opened this run: the person asked to try again."""
        self._refused.clear()

    def new(self) -> Key:
        passphrase = self.environ.get(PASSPHRASE_ENV)
        if passphrase:
            if len(passphrase) < MIN_PASSPHRASE:
                raise PassphraseTooShort(
                    N_(
                        "SAFECHECK_PASSPHRASE is too short for a new passphrase: use at least {n} "
                        "characters."
                    ),
                    n=MIN_PASSPHRASE,
                )
            key = _derive(passphrase, _new_salt(), SCRYPT_COST)
        else:
            try:
                key = self._new_keyring_key()
            except KeystoreUnavailable as error:
                reason = unavailable_reason(error)
                if self.asker is None or not self.asker.can_ask():
                    raise NoKeyError(
                        N_(
                            "safecheck cannot keep your answers safe: it cannot use a safe place on "
                            "this computer to keep a key ({reason}), no passphrase in SAFECHECK_PASSPHRASE, and standard input is not a terminal "
                            "to ask for one. Run safecheck in a terminal to choose a passphrase, set "
                            "SAFECHECK_PASSPHRASE, or use --no-encryption to save without encryption (see "
                            "the README). Nothing was saved."
                        ),
                        reason=reason,
                    ) from None
                self.warn(
                    msg(
                        "safecheck cannot use a safe place on this computer to keep the key to "
                        "your answers ({reason}). Choose a passphrase instead: safecheck asks for it "
                        "each time it starts. If you forget it, your saved answers cannot be "
                        "recovered.",
                        reason=reason,
                    )
                )
                key = _derive(self._ask_new_passphrase(), _new_salt(), SCRYPT_COST)
        self._known.append(key)
        return key

    def _keyring_key(self, header: Header) -> Key:
        try:
            secret = self.keystore.get()
        except KeystoreUnavailable as error:
            reason = unavailable_reason(error)
            raise NoKeyError(
                N_(
                    "Your saved state is encrypted with a key in your keyring, and the keyring "
                    "cannot be used now ({reason}). Unlock your keyring (for example by logging in "
                    "to your desktop) and try again, or run `safecheck reset` to start again with "
                    "empty answers (the file is kept aside)."
                ),
                reason=reason,
            ) from None
        if secret is None:
            raise DamagedStateError(
                N_(
                    "its key is no longer in your keyring (it may have been deleted), so it cannot "
                    "be decrypted"
                )
            )
        wrong = DamagedStateError(N_("the key in your keyring is not the key it was saved with"))
        return _opening(Key(Source.KEYRING, secret), header, wrong)

    def _new_keyring_key(self) -> Key:
        from safecheck.storage import crypto

        secret = self.keystore.get()
        if secret is None or len(secret) != crypto.KEY_BYTES:
            secret = crypto.new_key()
            self.keystore.put(secret)
        return Key(Source.KEYRING, secret)

    def _passphrase_key(self, header: Header) -> Key:
        assert header.cost is not None
        passphrase = self.environ.get(PASSPHRASE_ENV)
        if passphrase:
            wrong = StateError(N_("the passphrase in SAFECHECK_PASSPHRASE does not open it"))
            return _opening(_derive(passphrase, header.salt, header.cost), header, wrong)
        if self.asker is None or not self.asker.can_ask():
            raise NoKeyError(
                N_(
                    "Your saved state is protected with a passphrase, and safecheck cannot ask for "
                    "it because standard input is not a terminal. Run safecheck in a terminal, or "
                    "set SAFECHECK_PASSPHRASE."
                )
            )
        if header.associated in self._refused:  # three tries are enough for one run
            raise self._refused[header.associated]
        for attempt in range(PASSPHRASE_TRIES):
            message = (
                N_("Passphrase for your saved answers:")
                if attempt == 0
                else N_("That passphrase does not open your saved answers. Try again:")
            )
            key = _derive(self.asker.password(msg(message)), header.salt, header.cost)
            if key.opens(header):
                return key
            if key.sealed_before(header):  # the right passphrase; the header changed
                raise DamagedStateError(
                    N_(
                        "the file does not pass its integrity check (it was damaged or changed after "
                        "it was saved)"
                    )
                )
        self._refused[header.associated] = StateError(N_("the passphrase does not open it"))
        raise self._refused[header.associated]

    def _ask_new_passphrase(self) -> str:
        assert self.asker is not None

        def problem(text: str) -> Message | None:
            if len(text) < MIN_PASSPHRASE:
                return msg("Use at least {n} characters.", n=MIN_PASSPHRASE)
            return None

        while True:
            first = self.asker.password(
                msg("Choose a passphrase (at least {n} characters):", n=MIN_PASSPHRASE),
                problem=problem,
            )
            if self.asker.password(msg("Type the passphrase again:")) == first:
                return first
            self.warn(msg("The two passphrases are not the same. Please try again."))


def unavailable_reason(error: KeystoreUnavailable) -> Message | str:
    """Why the keyring cannot be used: a message when it is simply not there."""
    return msg("there is none on this computer") if error.no_keyring else error.reason


def _opening(key: Key, header: Header, wrong: StateError) -> Key:
    """`key` when it opens `header`; `wrong` when it does not, unless it is the right key and
    the header changed since (then the file is damaged)."""
    if key.opens(header):
        return key
    if key.sealed_before(header):  # the header changed, not the key
        raise DamagedStateError(
            N_(
                "the file does not pass its integrity check (it was damaged or changed after "
                "it was saved)"
            )
        )
    raise wrong


def _new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def _derive(passphrase: str, salt: bytes, cost: Cost) -> Key:
    from safecheck.storage import crypto

    secret = crypto.derive_key(passphrase, salt, log2_n=cost.log2_n, r=cost.r, p=cost.p)
    return Key(Source.PASSPHRASE, secret, salt=salt, cost=cost)


class Sealer:
    """The `Codec` of the store: opens any state file, and seals new ones.

    It writes plain files only when made with `encrypt=False`. Once a file has
    been opened, later saves use the same key (keyring or passphrase), so the
    passphrase is asked once per run, and the kind of protection stays put.
    """

    def __init__(self, keys: Keys | None, *, encrypt: bool = True, key: Key | None = None) -> None:
        self.keys = keys
        self.encrypt = encrypt
        self._key = key

    @property
    def key_source(self) -> Source | None:
        """The source of the key new saves will use, once it is known."""
        if not self.encrypt:
            return Source.PLAIN
        return self._key.source if self._key is not None else None

    def ready(self) -> None:
        """Make sure a key for saving is at hand (asks or fails now, not after an answer)."""
        if self.encrypt and self._key is None:
            self._key = self._need_keys().new()

    def seal(self, plain: bytes) -> bytes:
        if not self.encrypt:
            return seal_plain(plain)
        self.ready()
        assert self._key is not None
        return self._key.seal(plain)

    def open(self, sealed: bytes) -> bytes:
        from safecheck.storage import crypto

        header = parse(sealed)
        if header.source is Source.PLAIN:
            return header.body
        if self._key is not None and self._key.opens(header):
            key = self._key
        elif self._key is not None and self._key.sealed_before(header):
            raise DamagedStateError(
                N_(
                    "the file does not pass its integrity check (it was damaged or changed after "
                    "it was saved)"
                )
            )  # the header changed
        else:
            key = self._need_keys().for_file(header)
        try:
            plain = crypto.decrypt(key.secret, header.body, header.associated)
        except crypto.AuthenticationFailed:
            raise DamagedStateError(
                N_(
                    "the file does not pass its integrity check (it was damaged or changed after "
                    "it was saved)"
                )
            ) from None
        self._key = key
        return plain

    def _need_keys(self) -> Keys:
        if self.keys is None:
            raise DamagedStateError(N_("the key in your keyring is not the key it was saved with"))
        return self.keys
