"""Training labs: the totals of a class's results (`safecheck class-summary`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from safecheck.app.result import Result, Said, To, said
from safecheck.app.run import Run
from safecheck.core.i18n import msg
from safecheck.storage.intent import Intent


class ClassSummaryRequest(NamedTuple):
    results: Sequence[Path]
    checklist: str = "prevention"
    min_score: int | None = None
    names: bool = False
    html: Path | None = None  # the printable page instead of the table
    force: bool = False
    json: bool = False
    folders: Sequence[Path] = ()


def class_summary(run: Run, request: ClassSummaryRequest) -> Result:
    """Totals over many results of one checklist: a table, a page, or the JSON document."""
    from safecheck.app.documents import class_summary_data
    from safecheck.content import checklist as checklists
    from safecheck.content import custom
    from safecheck.progress.class_summary import summarise
    from safecheck.ui.class_summary import class_summary_html, screen_lines

    def settings() -> Mapping[str, object]:
        return run.store(Intent.READ).load().settings

    loaded = checklists.load(custom.find(request.checklist, request.folders, settings))
    summary = summarise(loaded, request.results, min_score=request.min_score)
    shown: tuple[Said, ...] = ()
    if request.html is not None:  # the page instead of the table; with --json, as well
        from safecheck.evidence.export import save

        page = class_summary_html(summary, run.lang, names=request.names)
        written = save(request.html, page, force=request.force, home=run.home)
        wrote = msg("Wrote {path}.", path=written)
        shown = said(wrote, to=To.ERR if request.json else To.OUT)
    elif not request.json:
        lines = screen_lines(summary, run.lang, plain=run.plain, names=request.names)
        shown = said(*lines)
    data = class_summary_data(summary, run.lang, names=request.names)
    return Result("class-summary", data, shown)
