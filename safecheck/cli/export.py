"""Exports: the report, and printable handouts."""

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import reporting, run_of
from safecheck.cli.options import (
    AgeGroupOption,
    ChecklistsOption,
    ImagesOption,
    LangOption,
    RegionOption,
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
            help="Where to write the export. Nothing is written anywhere else.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    bundle: Annotated[
        Path | None,
        typer.Option(
            "--bundle",
            metavar="FOLDER",
            help="Instead of one file: a new folder for the police, with the report, the "
            "evidence as JSON and CSV, the kept files, a manifest and SHA256SUMS.",
            show_default=False,
        ),
    ] = None,
    as_zip: Annotated[
        bool, typer.Option("--zip", help="With --bundle: write the bundle as one zip file.")
    ] = False,
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
    images: ImagesOption = None,
    checklist_dirs: ChecklistsOption = None,
) -> None:
    """Write your evidence log and emergency plan to a file: Markdown, JSON, or an HTML page that
    prints on A4. The file is not encrypted.

    Example: safecheck export --output report.html

    Example: safecheck export --bundle for-the-police

    Example: safecheck export --handout prevention --lang nl --output handout.html
    """
    run = run_of(ctx, lang)
    with reporting(run.lang):
        from safecheck.content import checklist as checklists
        from safecheck.core.audience import remembered_region
        from safecheck.core.i18n import t, tn
        from safecheck.core.region import Region, region_of
        from safecheck.evidence import export, report
        from safecheck.flows.runner import saved_settings
        from safecheck.storage import settings as plain_settings_file

        def chosen_region() -> Region:  # --region, else as chosen before (the plain file)
            saved = {"region": plain_settings_file.read().region}
            return region_of(region) if region else remembered_region(saved)

        if (output is None) == (bundle is None) or (as_zip and bundle is None):
            wrong = N_("--zip goes with --bundle.") if output and as_zip else None
            raise export.ExportError(
                t(
                    run.lang,
                    wrong or N_("Give either --output FILE or --bundle FOLDER (one of them)."),
                )
            )
        if bundle is not None:
            from safecheck.evidence.bundle import write_bundle

            store = run.asking_store(saving=False)
            state = store.load()
            built = report.export_report(state, run.lang, chosen_region(), age_group, images)
            done = write_bundle(store, state, built, bundle, as_zip=as_zip)
            key = (
                N_("Written: {path} ({entries}, {files}).")
                if as_zip
                else N_(
                    "Written: {path} ({entries}, {files}). Check it with: cd {path} && "
                    "sha256sum -c SHA256SUMS"
                )
            )
            entries = tn(run.lang, "{count} entry", "{count} entries", done.entries)
            files = tn(run.lang, "{count} file", "{count} files", done.files)
            typer.echo(t(run.lang, key, path=done.path, entries=entries, files=files), err=True)
            typer.echo(
                t(
                    run.lang,
                    "Careful: this file is NOT encrypted. Anyone who can open it can read it. Keep "
                    "it somewhere safe, share it only with people you trust (the police, your "
                    "bank, a help line), and delete it when you no longer need it.",
                ),
                err=True,
            )
            return
        assert output is not None
        fmt = export.format_for(
            output, export.Format(format_name) if format_name else None, run.lang
        )

        if handout is not None:  # no answers in a handout: the state is read only if needed
            from safecheck.content import custom

            def settings() -> Mapping[str, object]:  # read only, never asks for a passphrase
                return saved_settings(run.store(asker=None, prepare=False, readonly=True))

            path = custom.find(handout, checklist_dirs or [], settings)
            lines = report.region_help_lines(chosen_region(), run.lang)
            text = export.render_handout(checklists.load(path), run.lang, fmt, lines)
            written = export.save(output, text, run.lang, force=force)
            typer.echo(t(run.lang, "Written: {path}", path=written), err=True)
            return
        state = run.asking_store(saving=False).load()
        built = report.export_report(state, run.lang, chosen_region(), age_group, images)
        written = export.save(output, export.render(built, fmt), run.lang, force=force)
        typer.echo(
            t(
                run.lang,
                "Written: {path} (entries in the evidence log: {count}).",
                path=written,
                count=len(built.entries),
            ),
            err=True,
        )
        typer.echo(
            t(
                run.lang,
                "Careful: this file is NOT encrypted. Anyone who can open it can read it. Keep "
                "it somewhere safe, share it only with people you trust (the police, your "
                "bank, a help line), and delete it when you no longer need it.",
            ),
            err=True,
        )
