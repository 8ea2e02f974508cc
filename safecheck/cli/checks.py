"""Checklists from the command line: check, status and verify."""

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import reporting, run_of
from safecheck.cli.options import (
    ChecklistsOption,
    JsonOption,
    LangOption,
    PlainOption,
    PriorityName,
    complete_checklist,
)
from safecheck.core.errors import ExitCode


def check(
    ctx: typer.Context,
    checklist: Annotated[
        str,
        typer.Argument(
            help="A checklist id (prevention) or the path of a checklist file.",
            autocompletion=complete_checklist,
        ),
    ] = "prevention",
    lang: LangOption = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Forget earlier answers and start from the top.")
    ] = False,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="A YAML file of answers by item id (see README), saved before any question.",
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never ask; unanswered items stay open. For scripts."),
    ] = False,
    answers_template: Annotated[
        bool,
        typer.Option(
            "--answers-template",
            help="Print an answers file to fill in (every item id, its title as a comment, the "
            "answer empty) and stop. For instructors to hand out.",
        ),
    ] = False,
    json_output: JsonOption = False,
    plain: PlainOption = False,
    checklist_dirs: ChecklistsOption = None,
) -> None:
    """Walk through a checklist item by item; answers are saved as you go.

    Without a terminal on standard input, give --answers FILE or --no-input;
    otherwise safecheck stops at once with exit code 5.

    Example: safecheck check prevention --lang nl

    Example: safecheck check prevention --answers answers.yaml --no-input --json

    Example: safecheck check prevention --answers-template > answers.yaml
    """
    run = run_of(ctx, lang, plain)
    with reporting(run.lang, json_output=json_output):
        from safecheck.content import answers as answers_file
        from safecheck.content import checklist as checklists
        from safecheck.content import custom
        from safecheck.core import jsonout
        from safecheck.core.errors import NotInteractiveError
        from safecheck.core.i18n import N_, t, tn
        from safecheck.flows.runner import run_checklist
        from safecheck.flows.walk import apply_answers
        from safecheck.progress.status import summary_data

        def settings() -> Mapping[str, object]:
            return run.store(asker=None, prepare=False).load().settings

        # Your own folder is read from the saved settings only for a checklist that is not
        # built in, so for those the state is still opened after the decision below.
        path = custom.find(checklist, checklist_dirs or [], settings)
        loaded = checklists.load(path)
        if answers_template:  # nothing is opened, asked or saved
            header = [
                t(run.lang, "Answers for: safecheck check {id} --answers FILE", id=loaded.id),
                t(
                    run.lang,
                    "Write after each item: done, not_yet, not_for_me or skipped "
                    "(left empty: not answered).",
                ),
            ]
            typer.echo(answers_file.template(loaded, run.lang, header), nl=False)
            return
        given = answers_file.load(answers, loaded) if answers is not None else None
        ask = not (no_input or json_output)
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
        store = run.store(
            asker=run.prompter(quick_exit=False) if ask else None,
            prepare=ask or given is not None,  # the key for saving, before any question
        )
        if ask:
            run.go_discreet(ctx)
        forget_first = restart and (given is not None or not ask)
        summary = apply_answers(loaded, store, given.answers if given else {}, restart=forget_first)
        if json_output:  # stdout holds the JSON alone, and rich is never loaded
            if given is not None:
                typer.echo(
                    tn(
                        run.lang,
                        "Saved {count} answer from {path}.",
                        "Saved {count} answers from {path}.",
                        len(given.answers),
                        path=answers,
                    ),
                    err=True,
                )
            jsonout.emit("check", {"lang": run.lang, "checklist": summary_data(summary, run.lang)})
            return
        display = run.display()
        if given is not None:
            display.message(
                tn(
                    run.lang,
                    "Saved {count} answer from {path}.",
                    "Saved {count} answers from {path}.",
                    len(given.answers),
                    path=answers,
                )
            )
        if ask:  # a plan goes through its crisis question first
            run_checklist(
                loaded,
                store,
                run.prompter(),
                display,
                run.lang,
                restart=restart and not forget_first,
            )
        else:
            display.summary(summary, run.lang)


def status(
    ctx: typer.Context,
    checklists: Annotated[
        list[str] | None,
        typer.Argument(
            help="Checklist ids or files (default: every built-in checklist and your own).",
            autocompletion=complete_checklist,
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
    plain: PlainOption = False,
    checklist_dirs: ChecklistsOption = None,
) -> None:
    """Show your progress on every checklist: answered, done, still open, score.

    Example: safecheck status --json
    """
    run = run_of(ctx, lang, plain)
    with reporting(run.lang, json_output=json_output):
        from safecheck.content import custom
        from safecheck.core import jsonout
        from safecheck.progress.status import load_checklists, status_data, summaries

        asker = None if json_output else run.prompter(quick_exit=False)
        state = run.store(asker=asker, prepare=False).load()
        folders = custom.folders(checklist_dirs or [], state.settings)
        loaded = load_checklists(checklists or [], folders)
        found = summaries(loaded, state)
        if json_output:
            jsonout.emit("status", status_data(found, run.lang))
        else:
            run.display().status(found, run.lang)


def verify(
    ctx: typer.Context,
    checklist: Annotated[
        str,
        typer.Option(
            "--checklist",
            help="The checklist to verify: an id or the path of a checklist file.",
            autocompletion=complete_checklist,
        ),
    ] = "prevention",
    min_score: Annotated[
        int | None,
        typer.Option(
            "--min-score", min=0, max=100, help="Holds when the score is at least this percent."
        ),
    ] = None,
    require_priority: Annotated[
        list[PriorityName] | None,
        typer.Option(
            "--require-priority",
            metavar="PRIORITY",
            help="Holds when every item of this priority (essential, recommended or advanced) "
            "is done or not for you. Repeatable.",
            show_default=False,
        ),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option(
            "--junit",
            metavar="FILE",
            help="Also write the result as JUnit XML for CI systems and graders: a test case "
            "per item and one for the requirement (FILE is replaced).",
        ),
    ] = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
    plain: PlainOption = False,
    checklist_dirs: ChecklistsOption = None,
) -> None:
    """For graders: exit 0 when the requirement holds, else exit 6 and list what is missing.

    Example: safecheck verify --min-score 80 --require-priority essential

    Example: safecheck verify --min-score 80 --junit report.xml
    """
    if min_score is None and not require_priority:
        raise typer.BadParameter(
            "give --min-score, --require-priority, or both", param_hint="requirement"
        )
    run = run_of(ctx, lang, plain)
    with reporting(run.lang, json_output=json_output):
        from safecheck.content import checklist as checklists
        from safecheck.content import custom
        from safecheck.content.checklist import Priority
        from safecheck.core import jsonout
        from safecheck.progress.summary import progress_of
        from safecheck.progress.verify import verification_data
        from safecheck.progress.verify import verify as check_requirements

        asker = None if json_output else run.prompter(quick_exit=False)
        state = run.store(asker=asker, prepare=False).load()
        loaded = checklists.load(
            custom.find(checklist, checklist_dirs or [], lambda: state.settings)
        )
        summary = progress_of(loaded, state)
        result = check_requirements(
            summary,
            min_score=min_score,
            priorities=[Priority(name.value) for name in require_priority or []],
        )
        if junit is not None:
            from safecheck.evidence.export import save
            from safecheck.ui.junit import junit_xml

            save(junit, junit_xml(result, run.lang).decode("utf-8"), run.lang, force=True)
        if json_output:
            jsonout.emit("verify", verification_data(result, run.lang))
        else:
            run.display().verification(result, run.lang)
        if not result.ok:
            raise typer.Exit(ExitCode.CHECK_FAILED)
