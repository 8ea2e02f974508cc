"""Exports: the report, and printable handouts."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import reporting, run_of
from safecheck.cli.options import (
    AgeGroupOption,
    ChecklistsOption,
    LangOption,
    RegionOption,
)


class FormatName(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


def export_command(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the export. Nothing is written anywhere else.",
            dir_okay=False,
        ),
    ],
    format_name: Annotated[
        FormatName | None,
        typer.Option(
            "--format",
            help="markdown, json or html (default: from the file name).",
            show_default=False,
        ),
    ] = None,
    handout: Annotated[
        str | None,
        typer.Option(
            "--handout",
            metavar="CHECKLIST",
            help="Instead of your report: a printable checklist with tick boxes "
            "(e.g. prevention), with none of your answers. html or markdown.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the file if it is there.")
    ] = False,
    lang: LangOption = None,
    region: RegionOption = None,
    age_group: AgeGroupOption = None,
    checklist_dirs: ChecklistsOption = None,
) -> None:
    """Write your evidence log and emergency plan to a file: Markdown, JSON, or an HTML page that
    prints on A4. The file is not encrypted.

    Example: safecheck export --output report.html

    Example: safecheck export --handout prevention --lang nl --output handout.html
    """
    run = run_of(ctx, lang)
    with reporting(run.lang):
        from safecheck.content import checklist as checklists
        from safecheck.core.audience import remembered_age_group, remembered_region
        from safecheck.core.i18n import t
        from safecheck.core.region import region_of
        from safecheck.evidence import export, report
        from safecheck.flows.start import saved_settings
        from safecheck.storage import settings as plain_settings_file

        fmt = export.format_for(
            output, export.Format(format_name) if format_name else None, run.lang
        )

        if handout is not None:  # no answers in a handout: the state is read only if needed
            from safecheck.content import custom

            def settings() -> Mapping[str, object]:  # read only, never asks for a passphrase
                return saved_settings(run.store(asker=None, prepare=False, readonly=True))

            def plain_settings() -> Mapping[str, object]:
                return {"region": plain_settings_file.read().region}

            path = custom.find(handout, checklist_dirs or [], settings)
            chosen = region_of(region) if region else remembered_region(plain_settings())
            lines = report.region_help_lines(chosen, run.lang)
            text = export.render_handout(checklists.load(path), run.lang, fmt, lines)
            written = export.save(output, text, run.lang, force=force)
            typer.echo(t(run.lang, "export.handout_saved", path=written), err=True)
            return
        state = run.asking_store(saving=False).load()
        chosen = region_of(region) if region else remembered_region(state.settings)
        age_group = age_group or remembered_age_group(state.settings)
        plan = report.plan_checklist([checklists.builtin_dir()])
        built = report.build_report(
            state,
            run.lang,
            plan=plan,
            helplines=report.region_help_lines(chosen, run.lang, age_group),
            region=chosen.value,
        )
        written = export.save(output, export.render(built, fmt), run.lang, force=force)
        typer.echo(t(run.lang, "export.saved", path=written, count=len(built.entries)), err=True)
        typer.echo(t(run.lang, "export.warning"), err=True)
