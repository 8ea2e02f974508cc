"""Exports: the report, and printable handouts."""

from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli.context import reporting, run_of, warn
from safecheck.cli.options import (
    AgeGroupOption,
    ChecklistsOption,
    ImagesOption,
    LangOption,
    RegionOption,
)
from safecheck.core.i18n import N_
from safecheck.core.text import safe_text

if TYPE_CHECKING:
    from safecheck.cli.context import Run
    from safecheck.core.audience import AgeGroup
    from safecheck.evidence.report import CopyProblem
    from safecheck.storage.state import State


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
            from safecheck.evidence import bundle as bundles

            store = run.asking_store(saving=False)
            state = store.load()
            built = report.export_report(state, run.lang, chosen_region(), age_group, images)
            _show_contents(run, bundles.planned_names(store, built.entries))
            done = bundles.write_bundle(store, state, built, bundle, as_zip=as_zip)
            for leftover in done.leftovers:
                warn(
                    t(
                        run.lang,
                        "Removed {path}: the unfinished copy of an earlier bundle that was "
                        "stopped midway (it held plain copies of your evidence).",
                        path=leftover,
                    )
                )
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
            typer.echo(_closing(run.lang, state, age_group), err=True)
            _report_problems(run.lang, done.problems)
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
        typer.echo(_closing(run.lang, state, age_group), err=True)


def _closing(lang: str, state: "State", age_group: "AgeGroup | None") -> str:
    """Not encrypted; files to the police only; for a minor, in person with a trusted adult."""
    from safecheck.core.audience import AgeGroup, remembered_age_group
    from safecheck.evidence.export import closing_notice

    group = age_group or remembered_age_group(state.settings)
    return closing_notice(lang, minor=group is AgeGroup.MINOR)


def _show_contents(run: "Run", names: "list[str]") -> None:
    """The kept files a bundle will hold, with the warning; in a terminal, asked first."""
    from safecheck.core.i18n import t
    from safecheck.evidence.export import ExportError
    from safecheck.evidence.model import image_warning

    if not names:
        return
    typer.echo(t(run.lang, "The bundle will hold these files:"), err=True)
    for name in names:
        typer.echo(f"  files/{safe_text(name)}", err=True)
    typer.echo(image_warning(run.lang), err=True)
    prompter = run.prompter(quick_exit=False)
    if not prompter.can_ask():  # a script: the list and the warning are on its error output
        return
    if not prompter.confirm(t(run.lang, "None of these shows the intimate image?")):
        raise ExportError(
            t(
                run.lang,
                "Nothing was written. Remove the file that shows the image from its entry "
                "(safecheck evidence edit N --drop-file M), then make the bundle again.",
            )
        )


def _report_problems(lang: str, problems: "Sequence[CopyProblem]") -> None:
    """Name every kept copy that was damaged or missing; exit 10: made, but not complete."""
    from safecheck.core.errors import ExitCode
    from safecheck.core.i18n import t
    from safecheck.evidence.report import copy_problem_text

    if not problems:
        return
    for problem in problems:
        warn(copy_problem_text(problem, lang))
    warn(
        t(
            lang,
            "The bundle was made; it is listed in manifest.json and the report. To see what "
            "changed in your evidence: safecheck evidence verify",
        )
    )
    raise typer.Exit(ExitCode.INCOMPLETE)
