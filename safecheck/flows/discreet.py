"""Discreet mode: a neutral window title, the screen wiped at the end, a quick way out.

Light on purpose (the standard library and the plain settings file): every command asks
whether it is on, and the entry point sets the title before the first line is printed.
"""

from __future__ import annotations

from pathlib import Path

from safecheck.storage import settings as plain_settings

NEUTRAL_TITLE = "Terminal"


def discreet_mode(home: Path, flag: bool | None) -> bool:
    """`--discreet`/`--no-discreet` are remembered (in the plain settings file, read
    without any key); without either, the saved choice holds."""
    if flag is not None:
        plain_settings.update(home, discreet=flag)
        return flag
    return plain_settings.read(home).discreet
