"""The region a person is in: it decides which help lines apply (Belgium, the Netherlands, other)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import StrEnum


class Region(StrEnum):
    BE = "BE"
    NL = "NL"
    OTHER = "OTHER"


def default_region(environ: Mapping[str, str] | None = None) -> Region:
    """BE or NL when the locale names that country (nl_BE, fr_BE, nl_NL, ...), else OTHER."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            country = value.split(".")[0].split("@")[0].partition("_")[2].upper()
            return Region(country) if country in ("BE", "NL") else Region.OTHER
    return Region.OTHER
