"""safecheck: protect yourself against sextortion, and act well when it happens."""

from __future__ import annotations

__version__ = "0.1.0"
