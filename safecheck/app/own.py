"""For youth workers: the workshop, and checklists of your own (lint, new-checklist, config)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from safecheck.app.result import Result, said
from safecheck.app.run import Run
from safecheck.core.errors import ExitCode, NotInteractiveError
from safecheck.core.i18n import N_, msg, msgn
from safecheck.core.region import Region
from safecheck.storage.intent import Intent

if TYPE_CHECKING:
    from safecheck.content.custom import Starter


def workshop(run: Run, region: Region | None) -> Result:
    """Present the workshop to a group, in a terminal; saves nothing."""
    from safecheck.content.workshop import load_builtin
    from safecheck.core.region import default_region
    from safecheck.flows.workshop import present
    from safecheck.ui.presenter import PlainPresenterDisplay, PresenterDisplay

    run.stopped = N_("Workshop stopped. Nothing was saved on this computer.")
    if not run.interactive:
        raise NotInteractiveError(
            N_(
                "The workshop is presented in a terminal, and standard input is not one. Start "
                "safecheck workshop in a terminal (with --lang, --region BE, NL or OTHER, and "
                "--plain for a screen reader)."
            )
        )
    content, quiz = load_builtin()
    stage = PlainPresenterDisplay() if run.plain else PresenterDisplay()
    chosen = region or default_region()
    present(content, quiz, run.prompter(quick_exit=False), stage, run.lang, chosen)
    return Result("workshop")


def lint(run: Run, paths: Sequence[Path]) -> Result:
    """Every problem of the checklist files, then a count; exit 3 (BAD_INPUT) when any."""
    from safecheck.content.lint import lint as lint_paths

    report = lint_paths(paths)
    problems = said(*report.problems)
    if not report.ok:
        failed = msgn(
            "{failed} of {checked} files has a problem (see above).",
            "{failed} of {checked} files have a problem (see above).",
            report.failed,
            failed=report.failed,
            checked=report.checked,
        )
        return Result("lint", None, (*problems, *said(failed)), ExitCode.BAD_INPUT)
    done = msgn(
        "OK: {count} file checked, no problems found.",
        "OK: {count} files checked, no problems found.",
        report.checked,
    )
    return Result("lint", None, (*problems, *said(done)))


def new_checklist(run: Run, path: Path) -> Result:
    """A commented starter checklist that passes lint as it is."""
    from safecheck.content.custom import write_starter

    written = write_starter(path, starter(run))
    wrote = msg("Wrote {path}. Edit it, then check it with:  safecheck lint {path}", path=written)
    return Result("new-checklist", None, said(wrote))


def starter(run: Run) -> Starter:
    """The starter file's words from the catalogues: the rules in the reader's language, the
    example's texts in every language safecheck speaks."""
    from safecheck.content import custom
    from safecheck.content.checklist import Text
    from safecheck.core.i18n import LANGUAGES, t

    texts = {
        key: Text({lang: t(lang, text) for lang in LANGUAGES})
        for key, text in custom.STARTER_TEXTS.items()
    }
    return custom.Starter(
        run.text(custom.STARTER_HEADER),
        run.text(custom.STARTER_NOTE),
        run.text(custom.STARTER_SOURCE),
        texts,
    )


class ConfigRequest(NamedTuple):
    name: str
    value: Path | None = None
    unset: bool = False


def config(run: Run, request: ConfigRequest) -> Result:
    """See, change or forget the folder of your own checklists."""
    from safecheck.content import custom

    changing = request.unset or request.value is not None
    store = run.asking_store(Intent.WRITE if changing else Intent.READ)
    if request.unset:
        custom.forget(store)
        return Result(
            "config", None, said(msg("safecheck reads only its built-in checklists again."))
        )
    if request.value is not None:
        folder = custom.remember(store, request.value)
        now = msg("safecheck now also reads your own checklists from {path}.", path=folder)
        return Result("config", None, said(now))
    saved = custom.remembered(store.load().settings)
    if saved is None:
        none = msg(
            "No folder of your own checklists is set. Set one with:  safecheck config "
            "checklists FOLDER"
        )
        return Result("config", None, said(none))
    return Result(
        "config", None, said(msg("Your own checklists are read from {path}.", path=saved))
    )
