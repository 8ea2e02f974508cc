"""Training labs from the command line: `safecheck class-summary`."""

from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import finish, run_of
from safecheck.cli.options import (
    ChecklistsOption,
    JsonOption,
    LangOption,
    PlainOption,
    checklist_option,
    force_option,
    min_score_option,
)
from safecheck.core.i18n import N_


def class_summary(
    ctx: typer.Context,
    results: Annotated[
        list[Path],
        typer.Argument(
            help=N_(
                "Result files (the output of check --json or status --json), or folders "
                "of them (their .json files)."
            ),
            show_default=False,
        ),
    ],
    checklist: Annotated[
        str,
        checklist_option(
            help=N_("The checklist to summarise: an id or the path of a checklist file.")
        ),
    ] = "prevention",
    min_score: Annotated[
        int | None, min_score_option(help=N_("Also count the results with at least this score."))
    ] = None,
    names: Annotated[
        bool,
        typer.Option("--names", help=N_("Show each result's file and score (anonymous without).")),
    ] = False,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html",
            metavar="FILE",
            help=N_("Write a printable page with a chart per item instead."),
        ),
    ] = None,
    force: Annotated[
        bool, force_option(help=N_("Replace the --html file if it is there."))
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
    from safecheck.app.lab import ClassSummaryRequest
    from safecheck.app.lab import class_summary as use_case

    run = run_of(ctx, lang, plain, json_output)
    request = ClassSummaryRequest(
        results, checklist, min_score, names, html, force, json_output, checklist_dirs or ()
    )
    finish(run, use_case(run, request), json=json_output)
