"""The options that several commands share, declared once."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from safecheck.core.audience import AgeGroup, ImageAge
from safecheck.core.i18n import LANGUAGES, N_

# --lang takes every language of core.i18n.LANGUAGES (a catalogue in safecheck/locale/).
Lang = StrEnum("Lang", [(code, code) for code in LANGUAGES])  # type: ignore[misc]


class PriorityName(StrEnum):
    essential = "essential"
    recommended = "recommended"
    advanced = "advanced"


def complete_checklist(incomplete: str) -> list[str]:
    """Shell completion: the ids of the built-in checklists."""
    from safecheck.content import checklist as checklists

    ids = [path.stem for path in checklists.checklist_paths(checklists.builtin_dir())]
    return [name for name in ids if name.startswith(incomplete)]


# Options that several commands have under one name and one shape, each with its own help text
# (what the option does there): `force: Annotated[bool, force_option(help="...")] = False`.
def checklist_option(help: str) -> Any:
    """--checklist: a checklist id (completed from the built-in ones) or a checklist file."""
    return typer.Option("--checklist", help=help, autocompletion=complete_checklist)


def choice_option(flag: str, help: str) -> Any:
    """An option of a few named choices (an enum), written in any case."""
    return typer.Option(flag, case_sensitive=False, help=help)


def min_score_option(help: str) -> Any:
    """--min-score: a percentage, 0 to 100."""
    return typer.Option("--min-score", min=0, max=100, help=help)


def force_option(help: str) -> Any:
    """--force: replace what is there."""
    return typer.Option("--force", help=help)


LangOption = Annotated[
    Lang | None,
    choice_option(
        "--lang",
        N_("Language: en, nl, fr, in any case (default: as chosen before, else your locale)."),
    ),
]
# --plain and --json are options of each command (`safecheck check prevention --plain`; the
# top-level --plain works after any command too: cli/anywhere.py); SAFECHECK_PLAIN=1 and
# TERM=dumb also give plain output.
PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain",
        help=N_(
            "Plain linear text for screen readers: no boxes, colour or redrawn bars; "
            "questions as numbered lines. Also on with SAFECHECK_PLAIN=1 or TERM=dumb."
        ),
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option(
        "--json",
        help=N_("Print one JSON document (see README) on stdout and nothing else; never asks."),
    ),
]


def region_code(value: str | None) -> str | None:
    """--region: any ISO 3166 country code (or OTHER), in any case; upper case after."""
    if value is None:
        return None
    from safecheck.core.region import parse_region_code

    code = parse_region_code(value)
    if code is None:
        raise typer.BadParameter(
            f"{value!r} is not a country code: use BE, NL, another two-letter ISO 3166 code "
            "(US, FR, ...) or OTHER."
        )
    return code


RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        metavar="COUNTRY",
        callback=region_code,
        help=N_(
            "Whose help lines: BE, NL, or any other country's two-letter code (US, fr, ...), "
            "in any case; other countries get the international lines (default: as chosen "
            "before, else your locale)."
        ),
    ),
]
AgeGroupOption = Annotated[
    AgeGroup | None,
    choice_option(
        "--age-group", N_("minor (under 18) or adult (18 or older); asked when left out.")
    ),
]
ImagesOption = Annotated[
    ImageAge | None,
    choice_option(
        "--images",
        N_(
            "When the images were made: under-18 (Take It Down, at any age now), adult "
            "(18 or older: StopNCII) or both (not sure: both routes); asked when left out."
        ),
    ),
]
ChecklistsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--checklists",
        metavar="DIR",
        help=N_(
            "A folder of your own checklists, read after the built-in ones "
            "(instead of the folder saved with: safecheck config checklists DIR)."
        ),
    ),
]
YesOption = Annotated[
    bool, typer.Option("--yes", help=N_("Do not ask for confirmation (for scripts)."))
]
