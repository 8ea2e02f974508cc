"""Training labs from the command line: `safecheck class-summary`."""

from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import reporting, run_of
from safecheck.cli.options import (
    ChecklistsOption,
    JsonOption,
    LangOption,
    PlainOption,
    complete_checklist,
)


def class_summary(
    ctx: typer.Context,
    results: Annotated[
        list[Path],
        typer.Argument(
            help="Result files (the output of check --json or status --json), or folders "
            "of them (their .json files).",
            show_default=False,
        ),
    ],
    checklist: Annotated[
        str,
        typer.Option(
            "--checklist",
            help="The checklist to summarise: an id or the path of a checklist file.",
            autocompletion=complete_checklist,
        ),
    ] = "prevention",
    min_score: Annotated[
        int | None,
        typer.Option(
            "--min-score", min=0, max=100, help="Also count the results with at least this score."
        ),
    ] = None,
    names: Annotated[
        bool,
        typer.Option("--names", help="Show each result's file and score (anonymous without)."),
    ] = False,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html", metavar="FILE", help="Write a printable page with a chart per item instead."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --html file if it is there.")
    ] = False,
    lang: LangOption = None,
    json_output: JsonOption = False,
    plain: PlainOption = False,
    checklist_dirs: ChecklistsOption = None,
) -> None:
    """For instructors: totals over many people's results of one checklist, anonymous.

    Per item how many answered done, not yet, not for me or skipped, and how many did not
    answer; the spread of the scores; and the items most often still open first.

    Example: safecheck class-summary results/ --min-score 80 --html class.html
    """
    run = run_of(ctx, lang, plain)
    with reporting(run.lang, json_output=json_output):
        from safecheck.content import checklist as checklists
        from safecheck.content import custom
        from safecheck.core import jsonout
        from safecheck.progress.class_summary import class_summary_data, summarise
        from safecheck.ui.class_summary import class_summary_html, screen_lines

        def settings() -> dict[str, object]:
            return dict(run.store(asker=None, prepare=False).load().settings)

        loaded = checklists.load(custom.find(checklist, checklist_dirs or [], settings))
        summary = summarise(loaded, results, min_score=min_score)
        if html is not None:  # the page instead of the table; with --json, as well
            from safecheck.core.i18n import t
            from safecheck.evidence.export import save

            page = class_summary_html(summary, run.lang, names=names)
            written = save(html, page, run.lang, force=force)
            typer.echo(t(run.lang, "Wrote {path}.", path=written), err=json_output)
        if json_output:
            jsonout.emit("class-summary", class_summary_data(summary, run.lang, names=names))
        elif html is None:
            for line in screen_lines(summary, run.lang, plain=run.plain, names=names):
                typer.echo(line)
