"""Authenticated encryption of the saved state. The only module that talks to cryptography.

AES-256-GCM seals the state; the header of the file is passed as associated data,
so a change to any byte of the file (header included) fails authentication.
A key comes either from the OS keyring (random, 32 bytes) or from a passphrase
through scrypt. Import this module only where a key is used: `cryptography`
costs start-up time that `safecheck --help` should not pay.
"""

from __future__ import annotations

import os
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
SALT_BYTES = 16
CHECK_BYTES = 8


class AuthenticationFailed(Exception):
    """The sealed bytes, their header or the key do not match: nothing is returned."""


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def encrypt(key: bytes, plain: bytes, associated: bytes) -> bytes:
    """A fresh random nonce, then the ciphertext with its tag."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plain, associated)


def decrypt(key: bytes, sealed: bytes, associated: bytes) -> bytes:
    nonce, body = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    if len(nonce) < NONCE_BYTES or len(body) < TAG_BYTES:
        raise AuthenticationFailed("cut off")
    try:
        return AESGCM(key).decrypt(nonce, body, associated)
    except InvalidTag:
        raise AuthenticationFailed("authentication failed") from None


def derive_key(passphrase: str, salt: bytes, *, log2_n: int, r: int, p: int) -> bytes:
    """The key for `passphrase`; the same text typed on any keyboard gives the same key."""
    normalized = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=KEY_BYTES, n=2**log2_n, r=r, p=p).derive(normalized)


def key_check(key: bytes) -> bytes:
    """A short fingerprint of `key`, stored in the header.

    It tells "this is not the right key" apart from "this file is damaged". It
    reveals nothing the authentication tag does not already let anyone test.
    """
    # cryptography's HMAC-SHA256, not hashlib's: the same bytes, and no second OpenSSL to
    # load (about 3 ms of every start that opens the state).
    check = hmac.HMAC(key, hashes.SHA256())
    check.update(b"safecheck key check")
    return check.finalize()[:CHECK_BYTES]


def hkdf_sha256(secret: bytes, length: int) -> bytes:
    """HKDF-SHA256 (RFC 5869) of `secret`, with no salt and no info: `length` bytes."""
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=None).derive(secret)


def cbc_decrypted(key: bytes, iv: bytes, value: bytes) -> bytes:
    """AES-CBC with PKCS#7 padding, checked and taken off: how the Secret Service sends a
    secret in an encrypted session (secret_service.py). ValueError when it is not that."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(value) + decryptor.finalize()
    pad = padded[-1] if padded else 0
    if not 1 <= pad <= 16 or padded[-pad:] != bytes([pad]) * pad:
        raise ValueError("not a secret the Secret Service encrypted")
    return padded[:-pad]
