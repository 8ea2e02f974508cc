"""Text from files and the state, made safe to show: no control character reaches a terminal."""

from __future__ import annotations

import re

# Characters that a terminal acts on instead of showing: C0 controls (ESC starts escape
# sequences, BEL rings, CR overwrites a line), DEL and the C1 controls (CSI, OSC, NEL...).
# Newline and tab are text. Checked in files by the YAML reader (a file holding one is
# refused); escaped again before anything reaches the terminal.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escaped(char: str) -> str:
    """How one control character is shown: `\\x1b`, visibly and harmlessly."""
    return f"\\x{ord(char):02x}"


def safe_text(text: str) -> str:
    """`text` with every control character but newline and tab shown as `\\xNN`."""
    if CONTROL.search(text) is None:
        return text
    return CONTROL.sub(lambda match: escaped(match.group()), text)
