"""A page made from the program or its data: write it, or (`--check`) say it is out of date."""

from __future__ import annotations

from pathlib import Path


def write_or_check(page: Path, made: str, args: list[str], *, tool: str) -> int:
    """With `--check` in args: 0 when `page` holds `made`, else 1 and a line naming `tool`.
    Otherwise write `made` to `page` when it differs, and return 0."""
    current = page.read_text(encoding="utf-8") if page.exists() else ""
    if "--check" in args:
        if made != current:
            print(f"{page.parent.name}/{page.name} is out of date; run python {tool}")
            return 1
        return 0
    if made != current:
        page.write_text(made, encoding="utf-8")
    return 0
