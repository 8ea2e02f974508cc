"""Exports: the report (one file, or a bundle for the police), and printable handouts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from safecheck.app.evidence import UNENCRYPTED
from safecheck.app.result import Result, To, said
from safecheck.app.run import Run
from safecheck.core.audience import AgeGroup, ImageAge
from safecheck.core.i18n import N_, msg, msgn
from safecheck.core.region import Region
from safecheck.storage.intent import Intent


@dataclass(frozen=True)
class ExportRequest:
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
    from safecheck.evidence.bundle import write_bundle

    store = run.asking_store(Intent.READ)
    state = store.load()
    region, age, images = _region(run, request), request.age_group, request.images
    built = report.export_report(state, run.lang, region, age, images)
    done = write_bundle(store, state, built, folder, as_zip=request.as_zip)
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
    return Result("export", None, said(wrote, msg(UNENCRYPTED), to=To.ERR))


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
    return Result("export", None, said(wrote, msg(UNENCRYPTED), to=To.ERR))
