"""Exports: the evidence log and the emergency plan as Markdown, JSON or a printable HTML page,
and a printable checklist handout (for youth workers) from the same code.

`report.build_report` gathers what goes in; `render` turns it into text; `save` writes it
only where the person said, never over a file that is there unless they asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from safecheck.content.checklist import Checklist
from safecheck.core.errors import ExitCode, SafecheckError
from safecheck.core.i18n import t
from safecheck.evidence.html import handout_html, to_html
from safecheck.evidence.markdown import handout_markdown, to_markdown
from safecheck.evidence.report import HelpLineRow, Report, to_json
from safecheck.storage.files import atomic_writer


class ExportError(SafecheckError):
    """An export that cannot be written where the person asked."""

    exit_code = ExitCode.USAGE


class Format(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


SUFFIXES = {".md": Format.markdown, ".markdown": Format.markdown, ".json": Format.json}
SUFFIXES |= {".html": Format.html, ".htm": Format.html}


def format_for(path: Path, given: Format | None, lang: str) -> Format:
    """The format asked for, or the one the file name ends in."""
    if given is not None:
        return given
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise ExportError(
            t(
                lang,
                "{path}: say which format with --format markdown, json or html (or end the "
                "name in .md, .json or .html).",
                path=path,
            )
        )
    return found


def closing_notice(lang: str, *, minor: bool) -> str:
    """What to do with an export: it is not encrypted; files go to the police only."""
    text = t(
        lang,
        "Careful: what was written is NOT encrypted. Anyone who can open it can read it. Keep "
        "it somewhere safe, and delete it when you no longer need it. Give the files to the "
        "police only. A bank needs only the payment details (amount, date, reference, "
        "account), never the screenshots or files.",
    )
    if minor:
        text += " " + t(
            lang,
            "You are under 18: give the evidence to the police in person, together with an "
            "adult you trust.",
        )
    return text


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


def render_handout(
    checklist: Checklist,
    lang: str,
    fmt: Format | str,
    helplines: Sequence[HelpLineRow] = (),
) -> str:
    """A printable checklist with a tick box per item (HTML or Markdown)."""
    fmt = Format(fmt)
    if fmt is Format.json:
        raise ExportError(t(lang, "the handout comes as html or markdown."))
    if fmt is Format.markdown:
        return handout_markdown(checklist, lang, helplines)
    return handout_html(checklist, lang, helplines)


# --- writing -----------------------------------------------------------------------------


def _inside_home(target: Path) -> bool:
    """Whether `target` (links followed) is safecheck's folder or in it: never written over."""
    from safecheck.storage.safefile import real_path
    from safecheck.storage.settings import default_home

    home, where = real_path(default_home()), real_path(target)
    return where == home or home in where.parents


def save(path: Path, text: str, lang: str, *, force: bool = False) -> Path:
    """Write `text` to `path` (mode 0600), all or nothing; never over a file without `force`."""
    target = path.expanduser()
    if target.is_dir():
        raise ExportError(t(lang, "{path} is a folder; give the name of a file.", path=path))
    if _inside_home(target):
        raise ExportError(
            t(
                lang,
                "{path} is in safecheck's own folder, where it keeps your saved state; write the "
                "export somewhere else.",
                path=path,
            )
        )
    if target.exists() and not force:
        raise ExportError(
            t(
                lang,
                "{path} is already there; choose another name, or add --force to replace it.",
                path=path,
            )
        )
    if not target.parent.is_dir():
        raise ExportError(t(lang, "the folder of {path} does not exist.", path=path))
    try:
        with atomic_writer(target, replace=force) as handle:
            handle.write(text.encode("utf-8"))
    except FileExistsError:  # made meanwhile: never replaced without `force`
        raise ExportError(
            t(
                lang,
                "{path} is already there; choose another name, or add --force to replace it.",
                path=path,
            )
        ) from None
    except OSError as error:
        raise ExportError(
            t(lang, "{path} cannot be written ({reason}).", path=path, reason=error.strerror)
        ) from None
    return target
