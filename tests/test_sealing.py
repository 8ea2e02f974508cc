"""The state file format: what is on disk, and that every damage is caught and named."""

from __future__ import annotations

from pathlib import Path

import pytest

from safecheck.core.errors import DamagedStateError, SafecheckError, StateError
from safecheck.storage import crypto, sealing
from safecheck.storage.sealing import Cost, Key, Keys, Sealer, Source, parse, peek
from safecheck.storage.state import Answer, Record, State, decode, encode
from safecheck.storage.store import Store
from tests import saver

SECRET_ITEMS = ("webcam-cover-marker", "reverse-image-search-marker")


def answered() -> State:
    state = State()
    for item in SECRET_ITEMS:
        state = state.with_answer("prevention", item, Record(Answer.NOT_YET, "2026-01-02T03:04:05"))
    return state.with_setting("lang", "nl")


def test_the_cryptography_constants_agree() -> None:
    assert crypto.NONCE_BYTES == sealing.NONCE_BYTES
    assert crypto.TAG_BYTES == sealing.TAG_BYTES
    assert crypto.CHECK_BYTES == sealing.CHECK_BYTES
    assert crypto.SALT_BYTES == sealing.SALT_BYTES


def test_a_keyring_sealed_file_round_trips_and_shows_nothing() -> None:
    key = Key(Source.KEYRING, crypto.new_key())
    plain = encode(answered())
    sealed = Sealer(None, key=key).seal(plain)

    assert sealed.startswith(sealing.MAGIC + bytes([sealing.FORMAT_VERSION, Source.KEYRING]))
    assert peek(sealed) is Source.KEYRING
    for secret in (*SECRET_ITEMS, "not_yet", "prevention", "answers", "schema"):
        assert secret.encode() not in sealed
    assert decode(Sealer(None, key=key).open(sealed)) == answered()


def test_each_save_uses_a_fresh_nonce() -> None:
    sealer = Sealer(None, key=Key(Source.KEYRING, crypto.new_key()))
    plain = encode(answered())
    assert sealer.seal(plain) != sealer.seal(plain)


@pytest.mark.slow
@pytest.mark.real_scrypt
def test_a_passphrase_sealed_file_stores_salt_and_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECHECK_PASSPHRASE", "a passphrase for testing")
    keys = Keys(Path("unused"))
    sealed = Sealer(keys).seal(encode(answered()))
    header = parse(sealed)
    assert header.source is Source.PASSPHRASE
    assert header.cost == sealing.SCRYPT_COST
    assert len(header.salt) == sealing.SALT_BYTES
    for secret in SECRET_ITEMS:
        assert secret.encode() not in sealed
    # A new run derives the key again from the same passphrase and the stored salt.
    assert decode(Sealer(Keys(Path("unused"))).open(sealed)) == answered()


def test_a_plain_file_is_marked_plain() -> None:
    sealed = Sealer(None, encrypt=False).seal(b'{"schema": 1}')
    assert peek(sealed) is Source.PLAIN
    assert sealed.endswith(b'{"schema": 1}')


def test_plain_saving_needs_no_key_and_encrypted_saving_never_falls_back() -> None:
    with pytest.raises(DamagedStateError):  # no keys at all: refuse, never write plain
        Sealer(None).seal(b"{}")


@pytest.mark.parametrize(
    ("cost", "reasonable"),
    [
        (sealing.SCRYPT_COST, True),
        (Cost(log2_n=30, r=8, p=1), False),  # 128 GiB of memory
        (Cost(log2_n=20, r=16, p=1), False),  # 2 GiB
        (Cost(log2_n=4, r=8, p=1), False),  # too weak to have been written by safecheck
        (Cost(log2_n=17, r=8, p=200), False),
    ],
)
def test_scrypt_costs_are_bounded(cost: Cost, reasonable: bool) -> None:
    assert cost.reasonable() is reasonable


def test_a_header_asking_for_huge_scrypt_work_is_refused_before_any_work() -> None:
    key = Key(Source.PASSPHRASE, crypto.new_key(), salt=b"s" * 16, cost=sealing.SCRYPT_COST)
    sealed = bytearray(key.seal(b"{}"))
    sealed[len(sealing.MAGIC) + 2] = 30  # log2(n)
    with pytest.raises(DamagedStateError, match="does not pass its integrity check"):
        parse(bytes(sealed))


@pytest.mark.slow
def test_flipping_any_single_bit_is_caught(home: Path) -> None:
    """Every bit of a sealed file, flipped one at a time: never read as something else."""
    secret = crypto.new_key()
    store = saver.sealed_store(home, secret)
    store.update(lambda state: answered())
    original = store.path.read_bytes()
    outcomes: set[str] = set()
    for index in range(len(original) * 8):
        damaged = bytearray(original)
        damaged[index // 8] ^= 1 << (index % 8)
        store.path.write_bytes(bytes(damaged))
        with pytest.raises(StateError) as raised:
            Store(home, saver.sealed_store(home, secret).codec).load()
        reason = raised.value.values["reason"]
        assert isinstance(reason, SafecheckError)
        assert reason.msgid is not None
        outcomes.add(reason.msgid)
        for aside in home.glob("state.unreadable-*"):
            aside.unlink()
    assert outcomes >= {
        "the file does not start like a safecheck state file (it may have been edited or replaced)",
        "it was written by a newer safecheck (format {version}); please update safecheck",
        "the file has an unknown format version ({version})",
        "the file is cut off (it may have been copied or saved only in part)",
        "the file is longer than safecheck wrote it (it may have been edited)",
        "the file does not pass its integrity check (it was damaged or changed after it was saved)",
    }
    # The key in the keyring is the right one: a flipped bit in the header (its source,
    # its key check) is damage, as the README says, never "another key" (issue 15).
    assert "the key in your keyring is not the key it was saved with" not in outcomes
    assert "the file names a kind of protection safecheck does not know" not in outcomes


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"SAFE", "the file is cut off (it may have been copied or saved only in part)"),
        (
            b'{"schema": 1, "answers": {}}',
            "the file does not start like a safecheck state file (it may have been edited "
            "or replaced)",
        ),
        (sealing.MAGIC + bytes([0, 0]), "the file has an unknown format version ({version})"),
        (
            sealing.MAGIC + bytes([1, 9]),
            "the file does not pass its integrity check (it was damaged or changed after "
            "it was saved)",
        ),
        (
            sealing.MAGIC + bytes([1, 1]) + b"12345678",
            "the file is cut off (it may have been copied or saved only in part)",
        ),
    ],
)
def test_broken_headers_name_their_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DamagedStateError) as raised:
        parse(data)
    assert raised.value.msgid == reason


def test_a_newer_format_is_not_called_damaged() -> None:
    data = sealing.MAGIC + bytes([sealing.FORMAT_VERSION + 1, 1]) + b"\0" * 64
    with pytest.raises(StateError) as raised:
        parse(data)
    assert not isinstance(raised.value, DamagedStateError)
    assert "newer safecheck" in str(raised.value)
