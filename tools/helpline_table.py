"""Write the README's help-line table from `checklists/data/helplines.yaml`.

    python tools/helpline_table.py          # rewrite the table in README.md
    python tools/helpline_table.py --check  # exit 1 when the README's table is out of date

The table sits between two marker lines (`helplines.TABLE_START`, `TABLE_END`), so the
data file is the only copy: `safecheck helplines` and the README come from it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from safecheck.content import helplines

README = Path(__file__).resolve().parent.parent / "README.md"


def main(args: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    made = helplines.with_table(text, helplines.load())
    if "--check" in args:
        if made != text:
            print(
                "README.md: the help-line table differs from the data; run tools/helpline_table.py"
            )
            return 1
        return 0
    if made != text:
        README.write_text(made, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
