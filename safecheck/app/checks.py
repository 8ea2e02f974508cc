"""Checklists: check, status and verify."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from safecheck.app.result import Result, Said, Screen, To, said
from safecheck.app.run import Run
from safecheck.core.errors import ExitCode, NotInteractiveError
from safecheck.core.i18n import N_, msgn
from safecheck.storage.intent import Intent


class CheckRequest(NamedTuple):
    checklist: str = "prevention"
    answers: Path | None = None
    restart: bool = False
    no_input: bool = False
    json: bool = False
    folders: Sequence[Path] = ()
    template: bool = False  # --answers-template: print an answers file to fill in, and stop


def check(run: Run, request: CheckRequest) -> Result:
    """Save the answers given, then walk the checklist in a terminal, or show the summary."""
    from safecheck.content import checklist as checklists
    from safecheck.content import custom
    from safecheck.flows.walk import apply_answers

    # Your own folder is read from the saved settings only for a checklist that is not
    # built in, so for those the state is still opened after the decision below.
    path = custom.find(
        request.checklist, request.folders, lambda: run.store(Intent.READ).load().settings
    )
    loaded = checklists.load(path)
    if request.template:  # nothing is opened, asked or saved
        header = [
            run.text(N_("Answers for: safecheck check {id} --answers FILE"), id=loaded.id),
            run.text(
                N_(
                    "Write after each item: done, not_yet, not_for_me or skipped "
                    "(left empty: not answered)."
                )
            ),
        ]
        from safecheck.app.documents import answers_template

        return Result("check", None, said(answers_template(loaded, run.lang, header), to=To.RAW))
    given = None
    if request.answers is not None:
        from safecheck.content import answers as answers_file

        given = answers_file.load(request.answers, loaded)
    ask = not (request.no_input or request.json)
    if ask and not run.interactive:
        # Decided before the state is opened, so nothing can wait on a closed input.
        if given is None:
            raise NotInteractiveError(
                N_(
                    "safecheck asks its questions in a terminal, and standard input is not one. "
                    "Run it in a terminal, give your answers in a file with --answers FILE, or add "
                    "--no-input to see your progress without questions (see the README)."
                )
            )
        ask = False  # a script gave its answers: save them, ask nothing
    # the key for saving, before any question
    store = run.store(Intent.WRITE if ask or given is not None else Intent.READ, ask=ask)
    if ask:
        run.go_discreet()
    forget_first = request.restart and (given is not None or not ask)
    summary = apply_answers(loaded, store, given.answers if given else {}, restart=forget_first)
    saved: tuple[Said, ...] = ()
    if given is not None:
        count = len(given.answers)
        message = msgn(
            "Saved {count} answer from {path}.",
            "Saved {count} answers from {path}.",
            count,
            path=request.answers,
        )
        saved = (Said(message, To.SCREEN),)
    if request.json:  # stdout holds the JSON alone, and rich is never loaded
        from safecheck.app.documents import summary_data

        data = {"lang": run.lang, "checklist": summary_data(summary, run.lang)}
        return Result("check", data, saved)
    if not ask:
        return Result("check", None, (*saved, Screen("summary", (summary,))))
    from safecheck.app.render import render
    from safecheck.flows.runner import run_checklist

    render(run, Result("check", None, saved))  # before the first question
    # a plan goes through its crisis question first
    restart = request.restart and not forget_first
    run_checklist(loaded, store, run.prompter(), run.display(), run.lang, restart=restart)
    return Result("check")


class StatusRequest(NamedTuple):
    checklists: Sequence[str] = ()
    json: bool = False
    folders: Sequence[Path] = ()


def status(run: Run, request: StatusRequest) -> Result:
    """Progress on every checklist asked for (default: all of them)."""
    from safecheck.app.documents import status_data
    from safecheck.content import custom
    from safecheck.progress.status import load_checklists, summaries

    state = run.store(Intent.READ, ask=not request.json).load()
    folders = custom.folders(request.folders, state.settings)
    found = summaries(load_checklists(request.checklists, folders), state)
    if request.json:
        return Result("status", status_data(found, run.lang))
    return Result("status", None, (Screen("status", (found,)),))


class VerifyRequest(NamedTuple):
    checklist: str = "prevention"
    min_score: int | None = None
    priorities: Sequence[str] = ()
    json: bool = False
    folders: Sequence[Path] = ()
    junit: Path | None = None  # also the result as JUnit XML, in this file (replaced)


def verify(run: Run, request: VerifyRequest) -> Result:
    """Whether the requirement holds; exit 6 (CHECK_FAILED) when it does not."""
    from safecheck.app.documents import verification_data
    from safecheck.content import checklist as checklists
    from safecheck.content import custom
    from safecheck.content.checklist import Priority
    from safecheck.progress.summary import progress_of
    from safecheck.progress.verify import verify as check_requirements

    state = run.store(Intent.READ, ask=not request.json).load()
    found = custom.find(request.checklist, request.folders, lambda: state.settings)
    summary = progress_of(checklists.load(found), state)
    priorities = [Priority(name) for name in request.priorities]
    result = check_requirements(summary, min_score=request.min_score, priorities=priorities)
    if request.junit is not None:
        from safecheck.evidence.export import save
        from safecheck.ui.junit import junit_xml

        save(request.junit, junit_xml(result, run.lang).decode("utf-8"), force=True, home=run.home)
    code = ExitCode.OK if result.ok else ExitCode.CHECK_FAILED
    if request.json:
        return Result("verify", verification_data(result, run.lang), exit_code=code)
    return Result("verify", None, (Screen("verification", (result,)),), code)
