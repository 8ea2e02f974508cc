"""Write the help-line table of docs/helplines.md from `checklists/data/helplines.yaml`.

    python tools/helpline_table.py          # rewrite the table in docs/helplines.md
    python tools/helpline_table.py --check  # exit 1 when that table is out of date

The table sits between two marker lines (`TABLE_START`, `TABLE_END`), so the
data file is the only copy: `safecheck helplines` and the page come from it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from safecheck.content import helplines
from safecheck.content.helplines import HelpLine
from safecheck.core.audience import INTERNATIONAL
from safecheck.core.reach import contact
from tools.pages import write_or_check

PAGE = Path(__file__).resolve().parent.parent / "docs" / "helplines.md"

# The help-line table of docs/helplines.md is written from the data between these two lines;
# tests/test_docs.py fails when they differ.
TABLE_START = "<!-- helplines table: made from checklists/data/helplines.yaml -->"
TABLE_END = "<!-- end of helplines table -->"
_COUNTRY_NAMES = {
    "BE": "Belgium",
    "NL": "Netherlands",
    "OTHER": "another country",
    INTERNATIONAL: "anywhere",
}


def markdown_table(lines: Iterable[HelpLine]) -> str:
    """Every line as a Markdown table row (in English), with its source and the day it was
    checked."""
    english = "en"  # the page is in English: the data's English texts, the msgids as they are

    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|")

    def whom(line: HelpLine) -> str:
        parts = []
        if line.ages:
            parts.append(
                " and ".join(sorted("under 18" if a == "minor" else "18+" for a in line.ages))
            )
        if line.images:
            made = " or ".join(
                "under 18" if i == "under-18" else "at 18+"
                for i in sorted(line.images, reverse=True)
            )
            parts.append(f"images made {made}")
        return "; ".join(parts) or "all"

    rows = [
        "| Country | Name | Kind | Contact | Hours | For | Source | Checked |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for line in lines:
        sources = [
            line.source,
            *(source.url for source in line.sources if source.url != line.source),
        ]
        rows.append(
            "| "
            + " | ".join(
                cell(value)
                for value in (
                    _COUNTRY_NAMES[line.country],
                    line.name[english],
                    line.kind,
                    contact(line, english, separator="; "),
                    line.hours[english] if line.hours else "",
                    whom(line),
                    " ".join(f"<{url}>" for url in sources),
                    line.checked,
                )
            )
            + " |"
        )
    return "\n".join(rows) + "\n"


def with_table(readme: str, lines: Iterable[HelpLine]) -> str:
    """`readme` with the text between the table's two marker lines made from `lines`."""
    start = readme.index(TABLE_START) + len(TABLE_START)
    end = readme.index(TABLE_END, start)
    return f"{readme[:start]}\n{markdown_table(lines)}{readme[end:]}"


def main(args: list[str]) -> int:
    made = with_table(PAGE.read_text(encoding="utf-8"), helplines.load())
    return write_or_check(PAGE, made, args, tool="tools/helpline_table.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
