"""The export and the handout as one self-contained, printable HTML page.

Inline CSS, no scripts, no fonts, images or links to anything outside it, and a
Content-Security-Policy that forbids loading anything at all. Every value a person
typed is escaped.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator, Sequence

from safecheck.content.checklist import Checklist, Item
from safecheck.core import labels
from safecheck.core.i18n import labelled, t
from safecheck.evidence import model
from safecheck.evidence.markdown import file_facts, same_content
from safecheck.evidence.model import Entry
from safecheck.evidence.report import (
    HelpLineRow,
    Report,
    answer_label,
    answered_at,
    copy_problem_text,
    entry_heading,
    entry_rows,
)
from safecheck.storage.state import Answer

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
/* An entry may break inside (a long note never leaves page 1 empty); its heading stays
   with what follows, and a line of the note is never split. */
.entry { border: 1px solid #888; padding: 2.5mm 3mm; margin: 0 0 3mm; }
.entry h3, .entry dl { break-inside: avoid; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
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
         padding: 1mm 2mm 1mm 0; overflow-wrap: break-word; }
/* Names and contacts are never broken inside a word ("Emerg/ency", "childfocus./be");
   a long address may break only where <wbr> allows it: after a slash. */
.helplines .name, .helplines .contact { overflow-wrap: normal; word-break: keep-all;
                                            hyphens: manual; }
.helplines .name { width: 28%; }
.helplines .contact { width: 30%; }
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


def _page_css(lang: str) -> str:
    """A page number on every printed page: "page 2 of 4", in the page's language."""
    words = t(lang, "page {page} of {pages}", page="\x00", pages="\x01")
    parts = []
    for chunk in re.split(r"([\x00\x01])", words):
        if chunk == "\x00":
            parts.append("counter(page)")
        elif chunk == "\x01":
            parts.append("counter(pages)")
        elif chunk:
            parts.append(json.dumps(chunk))
    return "@page { @bottom-center { content: " + " ".join(parts) + "; font-size: 9pt; } }\n"


def _page(lang: str, title: str, body: Iterable[str]) -> str:
    head = (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}{_page_css(lang)}</style>\n</head>\n<body>\n"
    )
    return head + "<main>\n" + "".join(body) + "</main>\n</body>\n</html>\n"


def to_html(report: Report) -> str:
    return _page(report.lang, t(report.lang, "Evidence and emergency plan"), _html_body(report))


def _html_body(report: Report) -> Iterator[str]:
    lang = report.lang
    yield f"<header>\n<h1>{e(t(lang, 'Evidence and emergency plan'))}</h1>\n"
    generated = t(lang, "Made with safecheck on {date}.", date=model.format_when(report.generated))
    yield f'<p class="meta">{e(generated)}</p>\n'
    yield f'<p class="notice">{e(t(lang, "This file is not encrypted: anyone who can open it can read it. Keep it where only you and the people you choose can reach it."))}</p>\n</header>\n'
    yield f"<section>\n<h2>{e(t(lang, 'Timeline'))}</h2>\n"
    if not report.entries:
        yield f"<p>{e(t(lang, 'The evidence log is empty.'))}</p>\n"
    for entry in report.entries:
        yield from _html_entry(entry, lang)
    yield "</section>\n"
    if report.copy_problems:
        yield f"<section>\n<h2>{e(t(lang, 'Files not as they were kept'))}</h2>\n<ul>\n"
        for problem in report.copy_problems:
            yield f"<li>{e(copy_problem_text(problem, lang))}</li>\n"
        yield "</ul>\n</section>\n"
    if report.plan is not None:
        yield f"<section>\n<h2>{e(t(lang, '{title}: what has been done', title=report.plan.title))}</h2>\n"
        yield '<ul class="steps">\n'
        for step in report.plan.steps:
            mark = "✓" if step.answer is Answer.DONE else ""
            when = f" ({e(answered_at(step))})" if step.at else ""
            yield (
                f'<li><span class="box" aria-hidden="true">{mark}</span>'
                f"<span>{labelled(lang, e(step.title), f'<b>{e(answer_label(step, lang))}</b>')}{when}"
                "</span></li>\n"
            )
        yield "</ul>\n</section>\n"
    yield from _html_helplines(report.helplines, lang)
    yield (
        f"<footer>\n<h2>{e(t(lang, 'Checking that a file is unchanged'))}</h2>\n"
        f"<p>{e(t(lang, 'The SHA-256 of a file is its fingerprint: if one byte changes, it changes. To check a file, compute its SHA-256 and compare it with the one above: on Linux sha256sum FILE, on a Mac shasum -a 256 FILE, on Windows certutil -hashfile FILE SHA256.'))}</p>\n</footer>\n"
    )


def _html_entry(entry: Entry, lang: str) -> Iterator[str]:
    yield f'<article class="entry">\n<h3>{e(entry_heading(entry, lang))}</h3>\n<dl>\n'
    for name, value in entry_rows(entry, lang):
        yield f"<dt>{e(name)}</dt><dd>{e(value)}</dd>\n"
    yield "</dl>\n"
    if entry.files:
        yield f'<p><b>{e(model.field_label(lang, "files"))}</b></p>\n<ul class="files">\n'
        for attachment, same in zip(entry.files, same_content(entry.files), strict=True):
            yield (
                f"<li><b>{e(attachment.name)}</b> ({e(file_facts(attachment, lang, same))})<br>"
                f'<span class="hash">SHA-256: {e(attachment.sha256)}</span></li>\n'
            )
        yield "</ul>\n"
    if entry.note:
        yield f'<p class="note">{e(entry.note)}</p>\n'
    yield "</article>\n"


def _html_helplines(lines: Sequence[HelpLineRow], lang: str) -> Iterator[str]:
    if not lines:
        return
    yield f'<section>\n<h2>{e(t(lang, "Help lines"))}</h2>\n<table class="helplines">\n'
    yield (
        f'<thead><tr><th scope="col">{e(t(lang, "Name"))}</th>'
        f'<th scope="col">{e(t(lang, "Contact"))}</th>'
        f'<th scope="col">{e(t(lang, "For whom"))}</th></tr></thead>\n<tbody>\n'
    )
    for line in lines:
        hours = f"<br>{e(line.hours)}" if line.hours else ""
        yield (
            f'<tr><th scope="row" class="name"><b>{e(line.name)}</b><br>{e(line.country)}</th>'
            f'<td class="contact">{_breakable(line.contact)}{hours}</td>'
            f'<td>{e(line.who)}<br><span class="source">'
            f"{e(t(lang, 'Source: {source}.', source=line.source))}</span></td></tr>\n"
        )
    yield "</tbody>\n</table>\n</section>\n"


def _breakable(text: str) -> str:
    """Escaped text in which a long address may break after a slash, and nowhere else."""
    return "/<wbr>".join(e(part) for part in text.split("/"))


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
        yield f"<header>\n<h1>{e(checklist.title[lang])}</h1>\n"
        for line in checklist.intro[lang].strip().splitlines():
            yield f"<p>{e(line)}</p>\n"
        yield f'<p class="meta">{e(t(lang, "Tick each box when it is done. Start with the essential steps; the rest can wait."))}</p>\n</header>\n'
        for section in checklist.sections:
            yield f'<section>\n<h2>{e(section.title[lang])}</h2>\n<ul class="items">\n'
            for item in section.items:
                yield _handout_item(item, lang)
            yield "</ul>\n</section>\n"
        yield from _html_helplines(helplines, lang)
        yield f"<footer><p>{e(t(lang, 'Made with safecheck. If it happens anyway: it is not your fault. Stop sending and paying, keep the evidence, and talk to someone you trust or a help line.'))}</p></footer>\n"

    return _page(lang, checklist.title[lang], body())


def _handout_item(item: Item, lang: str) -> str:
    priority = t(lang, labels.PRIORITY[item.priority.value])
    return (
        '<li><span class="box" aria-hidden="true"></span><div>'
        f'<span class="item-title">{e(item.title[lang])}</span> ({e(priority)})'
        f'<p class="why"><b>{e(t(lang, "Why"))}:</b> {e(item.why[lang].strip())}</p>'
        f"{_how_html(item.how[lang])}</div></li>\n"
    )
