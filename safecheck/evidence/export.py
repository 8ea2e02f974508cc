"""Exports: the evidence log and the emergency plan as Markdown, JSON or a printable HTML page,
and a printable checklist handout (for youth workers) from the same code.

`report.build_report` gathers what goes in; `render` turns it into text; `save` writes it
only where the person said, never over a file that is there unless they asked.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from safecheck.core.errors import UsageError
from safecheck.core.i18n import Message, msg
from safecheck.evidence.html import to_html
from safecheck.evidence.markdown import to_markdown
from safecheck.evidence.report import Report, to_json
from safecheck.storage.files import atomic_writer, writing


class ExportError(UsageError):
    """An export that cannot be written where the person asked."""


class Format(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


SUFFIXES = {".md": Format.markdown, ".markdown": Format.markdown, ".json": Format.json}
SUFFIXES |= {".html": Format.html, ".htm": Format.html}


def format_for(
    path: Path,
    given: Format | None,
) -> Format:
    """The format asked for, or the one the file name ends in."""
    if given is not None:
        return given
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise ExportError(
            msg(
                "{path}: say which format with --format markdown, json or html (or end the "
                "name in .md, .json or .html).",
                path=path,
            )
        )
    return found


def closing_notice(*, minor: bool) -> Message:
    """What to do with an export: it is not encrypted; files go to the police only."""
    notice = msg(
        "Careful: what was written is NOT encrypted. Anyone who can open it can read it. Keep "
        "it somewhere safe, and delete it when you no longer need it. Give the files to the "
        "police only. A bank needs only the payment details (amount, date, reference, "
        "account), never the screenshots or files."
    )
    if not minor:
        return notice
    in_person = msg(
        "You are under 18: give the evidence to the police in person, together with an "
        "adult you trust."
    )
    return Message("{notice} {in_person}", {"notice": notice, "in_person": in_person})


# --- what goes in ------------------------------------------------------------------------


# --- rendering ---------------------------------------------------------------------------


def render(report: Report, fmt: Format | str) -> str:
    """The report as text in `fmt`. The benchmark times this with 10,000 entries."""
    fmt = Format(fmt)
    if fmt is Format.json:
        return to_json(report)
    if fmt is Format.markdown:
        return to_markdown(report)
    return to_html(report)


# --- writing -----------------------------------------------------------------------------


def _inside_home(target: Path, home: Path | None) -> bool:
    """Whether `target` (links followed) is safecheck's folder or in it: never written over."""
    from safecheck.storage.safefile import real_path
    from safecheck.storage.settings import default_home

    folder, where = real_path(home or default_home()), real_path(target)
    return where == folder or folder in where.parents


def save(path: Path, text: str, *, force: bool = False, home: Path | None = None) -> Path:
    """Write `text` to `path` (mode 0600), all or nothing; never over a file without `force`,
    and never into safecheck's folder `home`."""
    target = path.expanduser()
    if target.is_dir():
        raise ExportError(msg("{path} is a folder; give the name of a file.", path=path))
    if _inside_home(target, home):
        raise ExportError(
            msg(
                "{path} is in safecheck's own folder, where it keeps your saved state; write the "
                "export somewhere else.",
                path=path,
            )
        )
    there = msg(
        "{path} is already there; choose another name, or add --force to replace it.", path=path
    )
    if target.exists() and not force:
        raise ExportError(there)
    if not target.parent.is_dir():
        raise ExportError(msg("the folder of {path} does not exist.", path=path))
    # a file made meanwhile is never replaced without `force`
    with writing(path, there, ExportError), atomic_writer(target, replace=force) as handle:
        handle.write(text.encode("utf-8"))
    return target
