"""Who the help is for: a region (which help lines and law) and an age group.

Both decide what the emergency plan shows: help lines of the person's own region,
and Take It Down (under 18) or StopNCII (18 and older), never guessed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import StrEnum
from typing import Any


class Region(StrEnum):
    BE = "BE"
    NL = "NL"
    OTHER = "OTHER"


class AgeGroup(StrEnum):
    MINOR = "minor"  # under 18
    ADULT = "adult"  # 18 or older


# Where a help line works: a region's own country, or anywhere.
INTERNATIONAL = "international"
COUNTRIES = (Region.BE.value, Region.NL.value, INTERNATIONAL)

# What a help line is for. Plan steps and the crisis screen ask for lines by kind.
HELPLINE_KINDS = (
    "emergency",  # acute danger
    "police",
    "suicide-prevention",
    "support",  # talk, advice and help: general, for young people, for victims
    "online-abuse",  # online sexual abuse and exploitation, help with removal
    "removal",  # services that take images down (StopNCII, Take It Down)
)


def region_from_locale(environ: Mapping[str, str] | None = None) -> Region:
    """The region of the locale's territory: `nl_BE` is BE, `nl_NL` is NL, the rest OTHER."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            locale = value.split(":")[0].split(".")[0].split("@")[0]
            _, _, territory = locale.partition("_")
            return Region(territory.upper()) if territory.upper() in ("BE", "NL") else Region.OTHER
    return Region.OTHER


def parse_region(value: object) -> Region | None:
    """A saved region setting, or None when it is missing or not one we know."""
    try:
        return Region(str(value).upper()) if value is not None else None
    except ValueError:
        return None


def remembered_region(settings: Mapping[str, Any]) -> Region:
    """The region chosen before, else the one of the locale."""
    return parse_region(settings.get("region")) or region_from_locale()


def remembered_age_group(settings: Mapping[str, Any]) -> AgeGroup | None:
    """The age group the person gave before; never guessed, so None when there is none."""
    try:
        return AgeGroup(settings["age_group"]) if "age_group" in settings else None
    except ValueError:
        return None
