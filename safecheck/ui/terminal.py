"""What kind of terminal this run has; light enough to ask before anything is shown."""

from __future__ import annotations

import os
from collections.abc import Mapping


def plain_wanted(flag: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """Plain output: asked for with --plain or SAFECHECK_PLAIN=1, or a dumb terminal."""
    env = os.environ if environ is None else environ
    setting = env.get("SAFECHECK_PLAIN", "").strip().lower()
    return (
        flag
        or setting not in ("", "0", "false", "no", "off")
        or env.get("TERM", "").lower() in ("dumb", "unknown")
    )
