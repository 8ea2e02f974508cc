"""Write the help-line table of docs/helplines.md from `checklists/data/helplines.yaml`.

    python tools/helpline_table.py          # rewrite the table in docs/helplines.md
    python tools/helpline_table.py --check  # exit 1 when that table is out of date

The table sits between two marker lines (`helplines.TABLE_START`, `TABLE_END`), so the
data file is the only copy: `safecheck helplines` and the page come from it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from safecheck.content import helplines
from tools.pages import write_or_check

PAGE = Path(__file__).resolve().parent.parent / "docs" / "helplines.md"


def main(args: list[str]) -> int:
    made = helplines.with_table(PAGE.read_text(encoding="utf-8"), helplines.load())
    return write_or_check(PAGE, made, args, tool="tools/helpline_table.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
