"""Exports: the report, and printable handouts."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import finish, run_of
from safecheck.cli.options import (
    AgeGroupOption,
    ChecklistsOption,
    ImagesOption,
    LangOption,
    RegionOption,
    force_option,
)
from safecheck.core.i18n import N_


class FormatName(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


def export_command(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=N_("Where to write the export. Nothing is written anywhere else."),
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    bundle: Annotated[
        Path | None,
        typer.Option(
            "--bundle",
            metavar="FOLDER",
            help=N_(
                "Instead of one file: a new folder for the police, with the report, the "
                "evidence as JSON and CSV, the kept files, a manifest and SHA256SUMS."
            ),
            show_default=False,
        ),
    ] = None,
    as_zip: Annotated[
        bool, typer.Option("--zip", help=N_("With --bundle: write the bundle as one zip file."))
    ] = False,
    format_name: Annotated[
        FormatName | None,
        typer.Option(
            "--format",
            help=N_("markdown, json or html (default: from the file name)."),
            show_default=False,
        ),
    ] = None,
    handout: Annotated[
        str | None,
        typer.Option(
            "--handout",
            metavar="CHECKLIST",
            help=N_(
                "Instead of your report: a printable checklist with tick boxes "
                "(e.g. prevention), with none of your answers. html or markdown."
            ),
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, force_option(help=N_("Replace the file if it is there."))] = False,
    lang: LangOption = None,
    region: RegionOption = None,
    age_group: AgeGroupOption = None,
    images: ImagesOption = None,
    checklist_dirs: ChecklistsOption = None,
) -> None:
    """Write your evidence log and emergency plan to a file: Markdown, JSON, or an HTML page that
    prints on A4. The file is not encrypted.

    Example: safecheck export --output report.html

    Example: safecheck export --bundle for-the-police

    Example: safecheck export --handout prevention --lang nl --output handout.html
    """
    from safecheck.app.export import ExportRequest, export

    run = run_of(ctx, lang)
    form = format_name.value if format_name else None
    request = ExportRequest(output, bundle, as_zip, form, handout, force, region, age_group, images)
    finish(run, export(run, request._replace(folders=checklist_dirs or ())))
