"""What a command opens the state for; `storage.store.settle` decides what each means.

Light on purpose (no import beyond the standard library), so the application layer can
name an intent before anything of the store loads.
"""

from __future__ import annotations

from enum import Enum


class Intent(Enum):
    PEEK = "peek"  # read a setting on the way: nothing moved aside, fixed or switched
    CRISIS = "crisis"  # crisis screens: read only, a damaged file stays where it is
    READ = "read"  # permissions checked, a damaged file moved aside, --encryption applied
    REPAIR = "repair"  # reset: as READ, but the file keeps its form (plain or encrypted)
    WRITE = "write"  # as READ, and the key for saving found first (a passphrase asked)
