"""The region a person is in: it decides which help lines apply (Belgium, the Netherlands, other).

`Region` chooses content (BE, NL, or OTHER for every other country). A person may name
any country with its ISO 3166 alpha-2 code (`us`, `NL`); the code is what is remembered,
and `region_of` turns it into the `Region` whose lines are shown. Nothing here imports
more than the standard library, so it can run before anything slow is loaded.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import StrEnum


class Region(StrEnum):
    BE = "BE"
    NL = "NL"
    OTHER = "OTHER"


# ISO 3166-1 alpha-2, as listed in tzdata's iso3166.tab (ISO/TC 46 N1108, 2023-04-05).
COUNTRY_CODES = frozenset(
    (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI "
        "BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN "
        "CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK "
        "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
        "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
        "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
        "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP "
        "NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF "
        "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
        "VN VU WF WS YE YT ZA ZM ZW "
    ).split()
)


def parse_region_code(text: str | None) -> str | None:
    """A country code as typed (`be`, `US`, `other`), upper case; None when it is not one."""
    if text is None:
        return None
    code = text.strip().upper()
    if code == Region.OTHER.value or code in COUNTRY_CODES:
        return code
    return None


def region_of(code: str) -> Region:
    """The region whose help lines apply to a country code: BE, NL, else OTHER."""
    return Region(code) if code in (Region.BE.value, Region.NL.value) else Region.OTHER


def locale_country(environ: Mapping[str, str] | None = None) -> str | None:
    """The country the locale names (`nl_BE.UTF-8` gives BE); None for C, POSIX or none."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            country = value.split(".")[0].split("@")[0].partition("_")[2].upper()
            return country or None
    return None


def known_region(code: str | None, environ: Mapping[str, str] | None = None) -> Region | None:
    """The region of the country chosen before (`code`), else BE or NL when the locale
    names it; None: not known (every line we know is shown)."""
    if code is not None:
        return region_of(code)
    country = locale_country(environ)
    return region_of(country) if country in (Region.BE.value, Region.NL.value) else None


def default_region(environ: Mapping[str, str] | None = None) -> Region:
    """BE or NL when the locale names that country (nl_BE, fr_BE, nl_NL, ...), else OTHER."""
    country = locale_country(environ)
    return region_of(country) if country else Region.OTHER
