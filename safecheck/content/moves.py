"""Where a reader goes from a workshop screen: on, back, or to the menu.

A module of its own so the prompts can name it without loading the workshop's model
(`content/workshop.py`, ~4 ms of imports before the first question of every checklist).
"""

from __future__ import annotations

from enum import StrEnum


class Move(StrEnum):
    NEXT = "next"
    BACK = "back"
    MENU = "menu"
