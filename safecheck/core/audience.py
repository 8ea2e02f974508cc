"""Who the help is for: a region (which help lines and law) and an age group.

Both decide what the emergency plan shows: help lines of the person's own region,
and Take It Down (under 18) or StopNCII (18 and older), never guessed. `Region`
itself and its default from the locale live in `safecheck.core.region`.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from safecheck.core.region import Region, default_region, parse_region_code, region_of


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


def parse_region(value: object) -> Region | None:
    """A saved region setting (BE, NL, OTHER or a country code), or None when there is none."""
    code = parse_region_code(value) if isinstance(value, str) else None
    return region_of(code) if code is not None else None


def remembered_region(settings: Mapping[str, Any]) -> Region:
    """The region chosen before, else the one of the locale."""
    return parse_region(settings.get("region")) or default_region()


def remembered_age_group(settings: Mapping[str, Any]) -> AgeGroup | None:
    """The age group the person gave before; never guessed, so None when there is none."""
    try:
        return AgeGroup(settings["age_group"]) if "age_group" in settings else None
    except ValueError:
        return None
