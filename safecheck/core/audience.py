"""Who the help is for: a region (which help lines and law) and an age group.

Both decide what the emergency plan shows: help lines of the person's own region and
age. The removal service goes by when the images were made (`ImageAge`): Take It Down
for images made under 18, at any age now; StopNCII for images made at 18 or older. `Region`
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


class ImageAge(StrEnum):
    """When the images were made: this, not the age now, chooses the removal service."""

    UNDER_18 = "under-18"  # Take It Down, whatever the age now
    ADULT = "adult"  # 18 or older: StopNCII
    BOTH = "both"  # not sure, or some of each: both routes

    @property
    def ages(self) -> frozenset[str]:
        """The `images` values (of a plan step's `when`, a help line) this answer covers."""
        if self is ImageAge.BOTH:
            return frozenset({ImageAge.UNDER_18.value, ImageAge.ADULT.value})
        return frozenset({self.value})


# Where a help line works: a region's own country, anywhere, or (OTHER) every country whose
# lines safecheck does not know: the way to find a line there (112, a directory).
INTERNATIONAL = "international"
COUNTRIES = (Region.BE.value, Region.NL.value, Region.OTHER.value, INTERNATIONAL)

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


def remembered_images(settings: Mapping[str, Any]) -> ImageAge | None:
    """When the images were made, as answered before; None when never asked.

    Someone under 18 now can only have images made under 18 (states saved before the
    question existed hold only the age group).
    """
    try:
        if "images" in settings:
            return ImageAge(settings["images"])
    except ValueError:
        return None
    return ImageAge.UNDER_18 if remembered_age_group(settings) is AgeGroup.MINOR else None


def images_for(age_group: AgeGroup | None, images: ImageAge | None) -> ImageAge | None:
    """The image age to route by: someone under 18 now has images made under 18."""
    return ImageAge.UNDER_18 if age_group is AgeGroup.MINOR else images


def remembered_age_group(settings: Mapping[str, Any]) -> AgeGroup | None:
    """The age group the person gave before; never guessed, so None when there is none."""
    try:
        return AgeGroup(settings["age_group"]) if "age_group" in settings else None
    except ValueError:
        return None
