"""Discreet mode: a neutral window title, the screen wiped at the end, a quick way out.

Light on purpose (nothing imported): the run remembers whether it is on (`app.run.Run`),
and the entry point sets the title before the first line is printed.
"""

from __future__ import annotations

NEUTRAL_TITLE = "Terminal"
