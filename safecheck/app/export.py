"""Exports: the report (one file, or a bundle for the police), and printable handouts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from safecheck.app.result import Result, To, said
from safecheck.app.run import Run
from safecheck.core.audience import AgeGroup, ImageAge
from safecheck.core.errors import ExitCode
from safecheck.core.i18n import N_, Message, msg, msgn
from safecheck.core.region import Region
from safecheck.storage.intent import Intent

if TYPE_CHECKING:
    from safecheck.evidence.report import CopyProblem
    from safecheck.storage.state import State


class ExportRequest(NamedTuple):
    output: Path | None = None
    bundle: Path | None = None
    as_zip: bool = False
    format: str | None = None
    handout: str | None = None
    force: bool = False
    region: str | None = None
    age_group: AgeGroup | None = None
    images: ImageAge | None = None
    folders: Sequence[Path] = ()


def export(run: Run, request: ExportRequest) -> Result:
    """One of: the bundle, a handout, or the report in one file."""
    from safecheck.evidence.export import ExportError

    output, bundle = request.output, request.bundle
    if (output is None) == (bundle is None) or (request.as_zip and bundle is None):
        wrong = N_("--zip goes with --bundle.") if output and request.as_zip else None
        raise ExportError(
            wrong or N_("Give either --output FILE or --bundle FOLDER (one of them).")
        )
    if bundle is not None:
        return _bundle(run, request, bundle)
    assert output is not None
    if request.handout is not None:
        return _handout(run, request, output, request.handout)
    return _report(run, request, output)


def _region(run: Run, request: ExportRequest) -> Region:
    """--region, else as chosen before (the plain file)."""
    from safecheck.core.audience import remembered_region
    from safecheck.core.region import region_of

    if request.region:
        return region_of(request.region)
    return remembered_region({"region": run.settings.region})


def _bundle(run: Run, request: ExportRequest, folder: Path) -> Result:
    from safecheck.evidence import report
    from safecheck.evidence.bundle import planned_names, write_bundle

    store = run.asking_store(Intent.READ)
    state = store.load()
    region, age, images = _region(run, request), request.age_group, request.images
    built = report.export_report(state, run.lang, region, age, images)
    _show_contents(run, planned_names(store, built.entries))
    done = write_bundle(store, state, built, folder, as_zip=request.as_zip)
    removed = [
        warning(
            msg(
                "Removed {path}: the unfinished copy of an earlier bundle that was "
                "stopped midway (it held plain copies of your evidence).",
                path=leftover,
            )
        )
        for leftover in done.leftovers
    ]
    written = (
        N_("Written: {path} ({entries}, {files}).")
        if request.as_zip
        else N_(
            "Written: {path} ({entries}, {files}). Check it with: cd {path} && "
            "sha256sum -c SHA256SUMS"
        )
    )
    entries = msgn("{count} entry", "{count} entries", done.entries)
    files = msgn("{count} file", "{count} files", done.files)
    wrote = msg(written, path=done.path, entries=entries, files=files)
    shown = said(*removed, wrote, closing(state, request.age_group), to=To.ERR)
    made = msg(
        "The bundle was made; it is listed in manifest.json and the report. To see what "
        "changed in your evidence: safecheck evidence verify"
    )
    return incomplete(Result("export", None, shown), run, done.problems, made)


def _handout(run: Run, request: ExportRequest, output: Path, name: str) -> Result:
    """No answers in a handout: the state is read only if needed, and never asks."""
    from safecheck.content import checklist as checklists
    from safecheck.content import custom
    from safecheck.evidence import export, report
    from safecheck.flows.runner import saved_settings

    fmt = export.format_for(output, export.Format(request.format) if request.format else None)

    def settings() -> Mapping[str, object]:
        return saved_settings(run.store(Intent.PEEK))

    path = custom.find(name, request.folders, settings)
    lines = report.region_help_lines(_region(run, request), run.lang)
    if fmt is export.Format.json:
        raise export.ExportError(N_("the handout comes as html or markdown."))
    if fmt is export.Format.markdown:
        from safecheck.evidence.markdown import handout_markdown as handout
    else:
        from safecheck.evidence.html import handout_html as handout
    text = handout(checklists.load(path), run.lang, lines)
    written = export.save(output, text, force=request.force, home=run.home)
    return Result("export", None, said(msg("Written: {path}", path=written), to=To.ERR))


def _report(run: Run, request: ExportRequest, output: Path) -> Result:
    from safecheck.evidence import export, report

    fmt = export.format_for(output, export.Format(request.format) if request.format else None)
    state = run.asking_store(Intent.READ).load()
    region, age, images = _region(run, request), request.age_group, request.images
    built = report.export_report(state, run.lang, region, age, images)
    written = export.save(output, export.render(built, fmt), force=request.force, home=run.home)
    wrote = msg(
        "Written: {path} (entries in the evidence log: {count}).",
        path=written,
        count=len(built.entries),
    )
    return Result("export", None, said(wrote, closing(state, request.age_group), to=To.ERR))


def closing(state: State, age_group: AgeGroup | None) -> Message:
    """Not encrypted; files to the police only; for a minor, in person with a trusted adult."""
    from safecheck.core.audience import AgeGroup, remembered_age_group
    from safecheck.evidence.export import closing_notice

    group = age_group or remembered_age_group(state.settings)
    return closing_notice(minor=group is AgeGroup.MINOR)


def incomplete(result: Result, run: Run, problems: Sequence[CopyProblem], then: Message) -> Result:
    """`result`, and every kept copy that was damaged or missing named (with `then`) and exit
    10: made, but not complete."""
    from safecheck.evidence.report import copy_problem_text

    if not problems:
        return result
    named = [f"safecheck: {copy_problem_text(problem, run.lang)}" for problem in problems]
    shown = (*result.shown, *said(*named, warning(then), to=To.ERR))
    return result._replace(shown=shown, exit_code=ExitCode.INCOMPLETE)


def warning(message: Message) -> Message:
    """A warning as the run says one: after `safecheck: `."""
    return Message("safecheck: {warning}", {"warning": message})


def _show_contents(run: Run, names: Sequence[str]) -> None:
    """The kept files a bundle will hold, with the warning; in a terminal, asked first."""
    from safecheck.app.render import render
    from safecheck.evidence.export import ExportError
    from safecheck.evidence.model import image_warning

    if not names:
        return
    listed = [f"  files/{name}" for name in names]
    heading = msg("The bundle will hold these files:")
    render(run, Result("export", None, said(heading, *listed, image_warning(), to=To.ERR)))
    prompter = run.prompter(quick_exit=False)
    if not prompter.can_ask():  # a script: the list and the warning are on its error output
        return
    if not prompter.confirm(run.text(N_("None of these shows the intimate image?"))):
        raise ExportError(
            N_(
                "Nothing was written. Remove the file that shows the image from its entry "
                "(safecheck evidence edit N --drop-file M), then make the bundle again."
            )
        )
