"""Exports: the evidence log and the emergency plan as Markdown, JSON or a printable HTML page,
and a printable checklist handout (for youth workers) from the same code.

`build_report` gathers what goes in; `render` turns it into text; `save` writes it only
where the person said, never over a file that is there unless they asked. Every value a
person typed is escaped for the format it goes into. The HTML page is self-contained:
inline CSS, no scripts, no fonts, images or links to anything outside it, and a
Content-Security-Policy that forbids loading anything at all.

The JSON shape is `schemas/export-v1.json` beside this module (documented in the README).
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from safecheck.content.checklist import Checklist, Item
from safecheck.core.audience import AgeGroup
from safecheck.core.errors import ExitCode, SafecheckError
from safecheck.core.i18n import t
from safecheck.core.region import Region
from safecheck.evidence import log, model
from safecheck.evidence.model import Attachment, Entry
from safecheck.storage.state import Answer, State

FORMAT_NAME = "safecheck-export"
FORMAT_VERSION = 1
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "export-v1.json"
PLAN_ID = "emergency"  # the emergency plan's checklist id


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
        raise ExportError(t(lang, "export.error.format", path=path))
    return found


# --- what goes in ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanStep:
    id: str
    title: str
    answer: Answer | None  # None: not answered yet
    at: str | None


@dataclass(frozen=True, slots=True)
class Plan:
    id: str
    title: str
    steps: tuple[PlanStep, ...]


@dataclass(frozen=True, slots=True)
class HelpLineRow:
    """A help line as an export shows it, already in the report's language."""

    name: str
    country: str
    contact: str  # phone numbers, chat and site, as one line
    hours: str | None
    who: str
    source: str


@dataclass(frozen=True, slots=True)
class Report:
    lang: str
    generated: datetime
    entries: tuple[Entry, ...]  # the timeline: oldest first
    plan: Plan | None
    helplines: tuple[HelpLineRow, ...]
    region: str | None = None


def region_help_lines(
    region: Region, lang: str, age_group: AgeGroup | None = None
) -> tuple[HelpLineRow, ...]:
    """The help lines of `region` (and the removal services that work anywhere) as export rows.

    From the help-line data (`checklists/data/helplines.yaml`), which keeps each line's
    source; with an age group, only the lines for that age (Take It Down or StopNCII).
    """
    from safecheck.content import helplines

    return tuple(
        HelpLineRow(
            name=line.name(lang),
            country=_country(line.country, lang),
            contact=helplines.contact(line, lang, separator="; "),
            hours=line.hours(lang) if line.hours else None,
            who=line.who(lang),
            source=line.source,
        )
        for line in helplines.select(helplines.load(), region, age_group)
    )


def _country(country: str, lang: str) -> str:
    from safecheck.core.i18n import MESSAGES

    key = f"region.{country}"
    return t(lang, key) if key in MESSAGES else t(lang, "export.anywhere")


def plan_checklist(folders: Sequence[Path]) -> Checklist | None:
    """The emergency plan (`emergency`), or else the first checklist of kind `plan`, if any."""
    from safecheck.content import checklist as checklists

    for folder in folders:
        path = folder / f"{PLAN_ID}.yaml"
        if path.is_file():
            return checklists.load(path)
    for folder in folders:
        for path in checklists.checklist_paths(folder):
            loaded = checklists.load(path)
            if loaded.kind == "plan":
                return loaded
    return None


def plan_progress(plan: Checklist, state: State, lang: str) -> Plan:
    answers = state.answers_for(plan.id)
    steps = tuple(
        PlanStep(
            id=item.id,
            title=item.title(lang),
            answer=answers[item.id].answer if item.id in answers else None,
            at=answers[item.id].at if item.id in answers else None,
        )
        for _, item in plan.items()
    )
    return Plan(id=plan.id, title=plan.title(lang), steps=steps)


def build_report(
    state: State,
    lang: str,
    *,
    plan: Checklist | None = None,
    helplines: Sequence[HelpLineRow] = (),
    region: str | None = None,
    clock: Callable[[], datetime] = model.now,
) -> Report:
    return Report(
        lang=lang,
        generated=clock(),
        entries=tuple(model.timeline(log.entries(state))),
        plan=plan_progress(plan, state, lang) if plan is not None else None,
        helplines=tuple(helplines),
        region=region,
    )


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
        raise ExportError(t(lang, "export.error.handout_format"))
    if fmt is Format.markdown:
        return handout_markdown(checklist, lang, helplines)
    return handout_html(checklist, lang, helplines)


def _size(size: int, lang: str) -> str:
    text = f"{size:,}"
    return t(lang, "export.bytes", size=text.replace(",", ".") if lang == "nl" else text)


def _amount(entry: Entry) -> str | None:
    if entry.amount is None:
        return None
    return f"{entry.amount} {entry.currency or ''}".strip()


def entry_rows(entry: Entry, lang: str) -> list[tuple[str, str]]:
    """The fields of an entry that have a value, as (label, text) in reading order."""
    label = model.field_label
    rows: list[tuple[str, str | None]] = [
        (label(lang, "when"), model.format_when(entry.when)),
        (label(lang, "platform"), entry.platform),
        (label(lang, "account"), entry.account),
        (label(lang, "profile_url"), entry.profile_url),
        (label(lang, "phone"), entry.phone),
        (
            label(lang, "demands"),
            ", ".join(t(lang, f"evidence.demand.{d.value}") for d in entry.demands) or None,
        ),
        (label(lang, "amount"), _amount(entry)),
        (label(lang, "paid"), t(lang, "ask.yes") if entry.paid else None),
        (label(lang, "payment_method"), entry.payment_method),
        (label(lang, "payment_reference"), entry.payment_reference),
        (label(lang, "recorded"), model.format_when(entry.recorded)),
    ]
    return [(name, value) for name, value in rows if value]


def _entry_heading(entry: Entry) -> str:
    parts = [model.format_when(entry.when)]
    parts += [value for value in (entry.platform, entry.account) if value]
    return " · ".join(parts)


def _answered_at(step: PlanStep) -> str:
    """When a step was answered, as times are shown elsewhere (as saved if it is unusual)."""
    if step.at is None:
        return ""
    try:
        return model.format_when(datetime.fromisoformat(step.at))
    except ValueError:
        return step.at


def _answer_label(step: PlanStep, lang: str) -> str:
    if step.answer is None:
        return t(lang, "export.plan.unanswered")
    return t(lang, f"answer.{step.answer.value}")


# JSON


def to_document(report: Report) -> dict[str, Any]:
    """The export as plain data, in the shape of `schemas/export-v1.json`."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generated": report.generated.isoformat(),
        "lang": report.lang,
        "region": report.region,
        "evidence": [model.to_dict(entry) for entry in report.entries],
        "plan": None
        if report.plan is None
        else {
            "id": report.plan.id,
            "title": report.plan.title,
            "steps": [
                {
                    "id": step.id,
                    "title": step.title,
                    "answer": None if step.answer is None else step.answer.value,
                    "at": step.at,
                }
                for step in report.plan.steps
            ],
        },
        "helplines": [
            {
                "name": line.name,
                "country": line.country,
                "contact": line.contact,
                "hours": line.hours,
                "for": line.who,
                "source": line.source,
            }
            for line in report.helplines
        ],
    }


def to_json(report: Report) -> str:
    return json.dumps(to_document(report), ensure_ascii=False, indent=2) + "\n"


# Markdown

_MD_ESCAPES = str.maketrans({char: "\\" + char for char in "\\`*_[]<>|#~&!"})


def md(text: str) -> str:
    """Text that Markdown shows as it is: its special characters escaped."""
    return text.translate(_MD_ESCAPES)


def _fence(text: str) -> str:
    """A fenced block that no run of `~` inside `text` can close."""
    longest = max((len(run) for run in re.findall(r"~+", text)), default=0)
    fence = "~" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


def to_markdown(report: Report) -> str:
    return "".join(_markdown_parts(report))


def _markdown_parts(report: Report) -> Iterator[str]:
    lang = report.lang
    yield f"# {md(t(lang, 'export.title'))}\n\n"
    yield md(t(lang, "export.generated", date=model.format_when(report.generated))) + "\n\n"
    yield f"> {md(t(lang, 'export.not_encrypted'))}\n\n"
    yield f"## {md(t(lang, 'export.timeline'))}\n\n"
    if not report.entries:
        yield md(t(lang, "export.no_entries")) + "\n\n"
    for number, entry in enumerate(report.entries, start=1):
        yield f"### {number}. {md(_entry_heading(entry))}\n\n"
        for name, value in entry_rows(entry, lang):
            yield f"- **{md(name)}:** {md(value)}\n"
        yield f"- **{md(model.field_label(lang, 'id'))}:** {entry.id}\n"
        if entry.files:
            yield f"- **{md(model.field_label(lang, 'files'))}:**\n"
            for attachment in entry.files:
                yield f"  - {md(attachment.name)} ({md(_file_facts(attachment, lang))})\n"
                yield f"    SHA-256: `{attachment.sha256}`\n"
        if entry.note:
            yield f"\n**{md(model.field_label(lang, 'note'))}:**\n\n{_fence(entry.note)}\n"
        yield "\n"
    if report.plan is not None:
        yield f"## {md(t(lang, 'export.plan', title=report.plan.title))}\n\n"
        for step in report.plan.steps:
            box = "x" if step.answer is Answer.DONE else " "
            when = f" ({md(_answered_at(step))})" if step.at else ""
            yield f"- [{box}] {md(step.title)}: {md(_answer_label(step, lang))}{when}\n"
        yield "\n"
    yield from _markdown_helplines(report.helplines, lang)
    yield f"## {md(t(lang, 'export.hashes.title'))}\n\n{md(t(lang, 'export.hashes.how'))}\n"


def _file_facts(attachment: Attachment, lang: str) -> str:
    facts = [
        _size(attachment.size, lang),
        t(lang, "export.modified", date=model.format_when(attachment.mtime)),
    ]
    if attachment.kept:
        facts.append(t(lang, "export.kept"))
    return ", ".join(facts)


def _markdown_helplines(lines: Sequence[HelpLineRow], lang: str) -> Iterator[str]:
    if not lines:
        return
    yield f"## {md(t(lang, 'export.helplines'))}\n\n"
    for line in lines:
        hours = f" ({md(line.hours)})" if line.hours else ""
        yield f"- **{md(line.name)}** ({md(line.country)}): {md(line.contact)}{hours}. "
        yield f"{md(line.who)} {md(t(lang, 'export.source', source=line.source))}\n"
    yield "\n"


def handout_markdown(checklist: Checklist, lang: str, helplines: Sequence[HelpLineRow]) -> str:
    parts = [f"# {md(checklist.title(lang))}\n\n", checklist.intro(lang).strip() + "\n\n"]
    parts.append(md(t(lang, "handout.instructions")) + "\n\n")
    for section in checklist.sections:
        parts.append(f"## {md(section.title(lang))}\n\n")
        for item in section.items:
            priority = t(lang, f"priority.{item.priority.value}")
            parts.append(f"- [ ] **{md(item.title(lang))}** ({md(priority)})  \n")
            parts.append(f"  {md(t(lang, 'why'))}: {item.why(lang).strip()}\n\n")
            for line in item.how(lang).strip().splitlines():
                parts.append(f"  {line}\n")
            parts.append("\n")
    parts.extend(_markdown_helplines(helplines, lang))
    parts.append(md(t(lang, "handout.footer")) + "\n")
    return "".join(parts)


# HTML

CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt;
       line-height: 1.4; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 180mm; padding: 6mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #000; break-after: avoid; }
h3 { font-size: 11pt; margin: 0 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.meta { color: #333; }
.notice { border: 2px solid #000; padding: 2mm 3mm; font-weight: bold; }
.entry { border: 1px solid #888; padding: 2.5mm 3mm; margin: 0 0 3mm; break-inside: avoid; }
dl { display: grid; grid-template-columns: 48mm 1fr; gap: 0.5mm 3mm; margin: 0 0 1.5mm; }
dt { font-weight: bold; }
dd { margin: 0; overflow-wrap: anywhere; }
.files { list-style: none; margin: 1mm 0 0; padding: 0; }
.files li { margin: 0 0 1.5mm; break-inside: avoid; }
.hash { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8.5pt;
        white-space: nowrap; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 2px solid #888;
        padding-left: 3mm; margin: 1.5mm 0 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #bbb;
         padding: 1mm 2mm 1mm 0; overflow-wrap: anywhere; }
.steps, .items { list-style: none; padding: 0; margin: 0; }
.steps > li, .items > li { display: flex; gap: 3mm; margin: 0 0 2mm; break-inside: avoid; }
.box { flex: none; display: inline-block; width: 4.5mm; height: 4.5mm; border: 1.5px solid #000;
       margin-top: 0.5mm; text-align: center; line-height: 4mm; font-weight: bold; }
.item-title { font-weight: bold; }
.how { margin: 1mm 0 0; padding-left: 5mm; }
.how li { margin: 0 0 0.5mm; }
.why { margin: 0.5mm 0 0; }
.source { color: #333; font-size: 9pt; }
footer { margin-top: 6mm; font-size: 9pt; color: #333; }
@media print { body { padding: 0; max-width: none; } a { color: #000; text-decoration: none; } }
"""

# Forbids every request the page could make: no fetch, image, font, frame or script.
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def e(text: object) -> str:
    """HTML-escaped text, quotes included: safe in element content and attributes."""
    return html.escape(str(text), quote=True)


def _page(lang: str, title: str, body: Iterable[str]) -> str:
    head = (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
    )
    return head + "".join(body) + "</body>\n</html>\n"


def to_html(report: Report) -> str:
    return _page(report.lang, t(report.lang, "export.title"), _html_body(report))


def _html_body(report: Report) -> Iterator[str]:
    lang = report.lang
    yield f"<header>\n<h1>{e(t(lang, 'export.title'))}</h1>\n"
    generated = t(lang, "export.generated", date=model.format_when(report.generated))
    yield f'<p class="meta">{e(generated)}</p>\n'
    yield f'<p class="notice">{e(t(lang, "export.not_encrypted"))}</p>\n</header>\n'
    yield f"<section>\n<h2>{e(t(lang, 'export.timeline'))}</h2>\n"
    if not report.entries:
        yield f"<p>{e(t(lang, 'export.no_entries'))}</p>\n"
    for number, entry in enumerate(report.entries, start=1):
        yield from _html_entry(number, entry, lang)
    yield "</section>\n"
    if report.plan is not None:
        yield f"<section>\n<h2>{e(t(lang, 'export.plan', title=report.plan.title))}</h2>\n"
        yield '<ul class="steps">\n'
        for step in report.plan.steps:
            mark = "✓" if step.answer is Answer.DONE else ""
            when = f" ({e(_answered_at(step))})" if step.at else ""
            yield (
                f'<li><span class="box" aria-hidden="true">{mark}</span>'
                f"<span>{e(step.title)}: <b>{e(_answer_label(step, lang))}</b>{when}</span></li>\n"
            )
        yield "</ul>\n</section>\n"
    yield from _html_helplines(report.helplines, lang)
    yield (
        f"<footer>\n<h2>{e(t(lang, 'export.hashes.title'))}</h2>\n"
        f"<p>{e(t(lang, 'export.hashes.how'))}</p>\n</footer>\n"
    )


def _html_entry(number: int, entry: Entry, lang: str) -> Iterator[str]:
    yield f'<article class="entry">\n<h3>{number}. {e(_entry_heading(entry))}</h3>\n<dl>\n'
    for name, value in entry_rows(entry, lang):
        yield f"<dt>{e(name)}</dt><dd>{e(value)}</dd>\n"
    yield f"<dt>{e(model.field_label(lang, 'id'))}</dt><dd>{entry.id}</dd>\n</dl>\n"
    if entry.files:
        yield f'<ul class="files" aria-label="{e(model.field_label(lang, "files"))}">\n'
        for attachment in entry.files:
            yield (
                f"<li><b>{e(attachment.name)}</b> ({e(_file_facts(attachment, lang))})<br>"
                f'<span class="hash">SHA-256: {e(attachment.sha256)}</span></li>\n'
            )
        yield "</ul>\n"
    if entry.note:
        yield f'<p class="note">{e(entry.note)}</p>\n'
    yield "</article>\n"


def _html_helplines(lines: Sequence[HelpLineRow], lang: str) -> Iterator[str]:
    if not lines:
        return
    yield f"<section>\n<h2>{e(t(lang, 'export.helplines'))}</h2>\n<table>\n"
    for line in lines:
        hours = f"<br>{e(line.hours)}" if line.hours else ""
        yield (
            f"<tr><td><b>{e(line.name)}</b><br>{e(line.country)}</td>"
            f"<td>{e(line.contact)}{hours}</td>"
            f'<td>{e(line.who)}<br><span class="source">'
            f"{e(t(lang, 'export.source', source=line.source))}</span></td></tr>\n"
        )
    yield "</table>\n</section>\n"


def _how_html(text: str) -> str:
    """A checklist's how-to text: lines starting with "- " become a list."""
    out: list[str] = []
    bullets: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if line.startswith("- "):
            bullets.append(f"<li>{e(line[2:])}</li>")
            continue
        if bullets:
            out.append('<ul class="how">' + "".join(bullets) + "</ul>")
            bullets = []
        if line:
            out.append(f"<p>{e(line)}</p>")
    if bullets:
        out.append('<ul class="how">' + "".join(bullets) + "</ul>")
    return "".join(out)


def handout_html(checklist: Checklist, lang: str, helplines: Sequence[HelpLineRow]) -> str:
    def body() -> Iterator[str]:
        yield f"<header>\n<h1>{e(checklist.title(lang))}</h1>\n"
        for line in checklist.intro(lang).strip().splitlines():
            yield f"<p>{e(line)}</p>\n"
        yield f'<p class="meta">{e(t(lang, "handout.instructions"))}</p>\n</header>\n'
        for section in checklist.sections:
            yield f'<section>\n<h2>{e(section.title(lang))}</h2>\n<ul class="items">\n'
            for item in section.items:
                yield _handout_item(item, lang)
            yield "</ul>\n</section>\n"
        yield from _html_helplines(helplines, lang)
        yield f"<footer><p>{e(t(lang, 'handout.footer'))}</p></footer>\n"

    return _page(lang, checklist.title(lang), body())


def _handout_item(item: Item, lang: str) -> str:
    priority = t(lang, f"priority.{item.priority.value}")
    return (
        '<li><span class="box" aria-hidden="true"></span><div>'
        f'<span class="item-title">{e(item.title(lang))}</span> ({e(priority)})'
        f'<p class="why"><b>{e(t(lang, "why"))}:</b> {e(item.why(lang).strip())}</p>'
        f"{_how_html(item.how(lang))}</div></li>\n"
    )


# --- writing -----------------------------------------------------------------------------


def save(path: Path, text: str, lang: str, *, force: bool = False) -> Path:
    """Write `text` to `path` (mode 0600), all or nothing; never over a file without `force`."""
    target = path.expanduser()
    if target.is_dir():
        raise ExportError(t(lang, "export.error.is_dir", path=path))
    if target.exists() and not force:
        raise ExportError(t(lang, "export.error.exists", path=path))
    folder = target.parent
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except FileNotFoundError:
        raise ExportError(t(lang, "export.error.no_folder", path=path)) from None
    except OSError as error:
        raise ExportError(
            t(lang, "evidence.error.cannot_write", path=path, reason=error.strerror)
        ) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            temp.replace(target)
        else:
            try:
                os.link(temp, target)  # fails rather than replace a file made meanwhile
            except FileExistsError:
                raise ExportError(t(lang, "export.error.exists", path=path)) from None
    except OSError as error:
        raise ExportError(
            t(lang, "evidence.error.cannot_write", path=path, reason=error.strerror)
        ) from None
    finally:
        temp.unlink(missing_ok=True)
    return target
