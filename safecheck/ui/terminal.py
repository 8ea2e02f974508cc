"""What kind of terminal this run has; light enough to ask before anything is shown."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import IO


def plain_wanted(flag: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """Plain output: asked for with --plain or SAFECHECK_PLAIN=1, or a dumb terminal."""
    env = os.environ if environ is None else environ
    setting = env.get("SAFECHECK_PLAIN", "").strip().lower()
    return (
        flag
        or setting not in ("", "0", "false", "no", "off")
        or env.get("TERM", "").lower() in ("dumb", "unknown")
    )


def stdin_is_terminal(stdin: IO[str] | None = None) -> bool:
    """True when standard input is a terminal; False when it is a pipe, a file or closed."""
    stream = sys.stdin if stdin is None else stdin
    if stream is None:  # Python sets sys.stdin to None when file descriptor 0 is closed
        return False
    try:
        return stream.isatty()
    except (ValueError, OSError):  # closed
        return False
