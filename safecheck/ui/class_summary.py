"""A class summary drawn for people: lines for the screen, and a printable HTML page.

The page is one self-contained file like the export: inline CSS, no script, nothing
loaded from anywhere (the export's Content-Security-Policy), and every text escaped.
Each item has a small bar chart drawn as inline SVG: one bar per answer, labelled with
its name and count, so it reads the same printed in black and white.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from safecheck.core import labels
from safecheck.core.i18n import t, tn
from safecheck.core.text import safe_text
from safecheck.evidence.html import CSP, e
from safecheck.progress.class_summary import ClassSummary, ItemTotals

COLUMNS = ("done", "not_yet", "not_for_me", "skipped", "unanswered")
TEACH_NEXT = 5  # items shown under "what to teach next"


def counts(totals: ItemTotals) -> tuple[int, ...]:
    return (totals.done, totals.not_yet, totals.not_for_me, totals.skipped, totals.unanswered)


def _scores_line(summary: ClassSummary, lang: str) -> str:
    scores = summary.scores
    return t(
        lang,
        "Scores: lowest {lowest}%, median {median}%, highest {highest}%.",
        lowest=scores.lowest,
        median=_number(scores.median, lang),
        highest=scores.highest,
    )


def _number(value: float, lang: str) -> str:
    """A median such as 62.5, with the decimal comma of Dutch and French."""
    text = str(value)
    return text.replace(".", ",") if lang in ("nl", "fr") else text


def _meeting_line(summary: ClassSummary, lang: str) -> str | None:
    scores = summary.scores
    if scores.min_score is None or scores.meeting is None:
        return None
    return tn(
        lang,
        "{meeting} of {count} result has a score of at least {min_score}%.",
        "{meeting} of {count} results have a score of at least {min_score}%.",
        len(summary.results),
        meeting=scores.meeting,
        min_score=scores.min_score,
    )


def _teach_line(totals: ItemTotals, summary: ClassSummary, lang: str) -> str:
    return t(
        lang,
        "{open} of {count} still open: {title} ({id})",
        open=totals.still_open,
        count=len(summary.results),
        title=totals.item.title[lang],
        id=totals.item.id,
    )


def _heading(summary: ClassSummary, lang: str) -> str:
    return tn(
        lang,
        "{title}: {count} result",
        "{title}: {count} results",
        len(summary.results),
        title=summary.checklist.title[lang],
    )


def screen_lines(
    summary: ClassSummary, lang: str, *, plain: bool = False, names: bool = False
) -> list[str]:
    """The summary as lines of text: a table, or with `plain` one sentence per item."""
    names_of = [t(lang, labels.STATE[column]) for column in COLUMNS]
    lines = [_heading(summary, lang), _scores_line(summary, lang)]
    meeting = _meeting_line(summary, lang)
    if meeting:
        lines.append(meeting)
    teach = summary.teach_next()[:TEACH_NEXT]
    if teach:
        lines += ["", t(lang, "What to teach next (most often still open):")]
        lines += [f"- {_teach_line(totals, summary, lang)}" for totals in teach]
    widths = [max(len(name), 4) for name in names_of]
    for priority, group in summary.by_priority():
        lines += ["", t(lang, "{priority}:", priority=t(lang, labels.PRIORITY[priority.value]))]
        if plain:
            for totals in group:
                parts = [f"{name} {n}" for name, n in zip(names_of, counts(totals), strict=True)]
                lines.append(f"- {totals.item.title[lang]} ({totals.item.id}): {', '.join(parts)}")
            continue
        lines.append("  ".join(name.rjust(w) for name, w in zip(names_of, widths, strict=True)))
        for totals in group:
            numbers = "  ".join(
                str(n).rjust(w) for n, w in zip(counts(totals), widths, strict=True)
            )
            title = f"{totals.item.title[lang]} ({totals.item.id})"
            wrapped = textwrap.wrap(title, 70, break_on_hyphens=False, break_long_words=False)
            lines += [numbers, *(f"    {part}" for part in wrapped)]
    if names:
        lines += ["", t(lang, "Score per file:")]
        lines += [f"- {result.source}: {result.score}%" for result in summary.results]
    return [safe_text(line) for line in lines]  # titles and file names may hold escapes


# --- the printable page ----------------------------------------------------------------

CSS = """
@page { size: A4; margin: 15mm; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt;
       line-height: 1.4; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 180mm; padding: 6mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #000; break-after: avoid; }
.item { margin: 0 0 4mm; break-inside: avoid; }
.item h3 { font-size: 10.5pt; margin: 0 0 1mm; }
.id { font-weight: normal; color: #333; }
svg { display: block; }
svg text { font-size: 11px; fill: #000; }
@media print { body { padding: 0; max-width: none; } }
"""

BAR_LEFT = 120  # room for the answer's name
BAR_WIDTH = 300
ROW = 16


def _chart(totals: ItemTotals, summary: ClassSummary, lang: str) -> str:
    """One bar per answer, its length the part of the class, its name and count beside it."""
    count = max(len(summary.results), 1)
    rows = list(zip(COLUMNS, counts(totals), strict=True))
    height = ROW * len(rows)
    label = "; ".join(
        t(lang, "{answer}: {count}", answer=t(lang, labels.STATE[c]), count=n) for c, n in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{BAR_LEFT + BAR_WIDTH + 40}" '
        f'height="{height}" viewBox="0 0 {BAR_LEFT + BAR_WIDTH + 40} {height}" '
        f'aria-label="{e(label)}">',
        f"<title>{e(label)}</title>",
    ]
    for row, (column, n) in enumerate(rows):
        y = row * ROW
        width = round(BAR_WIDTH * n / count)
        parts += [
            f'<text x="0" y="{y + 12}">{e(t(lang, labels.STATE[column]))}</text>',
            f'<rect x="{BAR_LEFT}" y="{y + 3}" width="{BAR_WIDTH}" height="{ROW - 6}" '
            'fill="none" stroke="#999" stroke-width="0.5"/>',
            f'<rect x="{BAR_LEFT}" y="{y + 3}" width="{width}" height="{ROW - 6}" '
            f'fill="#000" stroke="#000" stroke-width="1"/>',
            f'<text x="{BAR_LEFT + BAR_WIDTH + 6}" y="{y + 12}">{n}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def _page_body(summary: ClassSummary, lang: str, names: bool) -> Iterator[str]:
    title = t(lang, "Class summary: {title}", title=summary.checklist.title[lang])
    yield f"<h1>{e(title)}</h1>\n"
    results = tn(lang, "{count} result", "{count} results", len(summary.results))
    yield f"<p>{e(results)}</p>\n<p>{e(_scores_line(summary, lang))}</p>\n"
    meeting = _meeting_line(summary, lang)
    if meeting:
        yield f"<p>{e(meeting)}</p>\n"
    teach = summary.teach_next()[:TEACH_NEXT]
    if teach:
        yield f"<h2>{e(t(lang, 'What to teach next (most often still open):'))}</h2>\n<ol>\n"
        yield "".join(f"<li>{e(_teach_line(totals, summary, lang))}</li>\n" for totals in teach)
        yield "</ol>\n"
    for priority, group in summary.by_priority():
        yield f"<h2>{e(t(lang, labels.PRIORITY[priority.value]))}</h2>\n"
        for totals in group:
            yield (
                f'<div class="item"><h3>{e(totals.item.title[lang])} '
                f'<span class="id">({e(totals.item.id)})</span></h3>\n'
                f"{_chart(totals, summary, lang)}</div>\n"
            )
    if names:
        yield f"<h2>{e(t(lang, 'Score per file:'))}</h2>\n<ul>\n"
        yield "".join(f"<li>{e(r.source)}: {r.score}%</li>\n" for r in summary.results)
        yield "</ul>\n"


def class_summary_html(summary: ClassSummary, lang: str, *, names: bool = False) -> str:
    """The printable page: the scores, what to teach next, and a chart per item."""
    title = t(lang, "Class summary: {title}", title=summary.checklist.title[lang])
    head = (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
    )
    return head + "".join(_page_body(summary, lang, names)) + "</body>\n</html>\n"
