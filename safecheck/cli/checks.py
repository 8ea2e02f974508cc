"""Checklists from the command line: check, status and verify."""

from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.context import finish, run_of
from safecheck.cli.options import (
    ChecklistsOption,
    JsonOption,
    LangOption,
    PlainOption,
    PriorityName,
    checklist_option,
    complete_checklist,
    min_score_option,
)
from safecheck.core.i18n import N_


def check(
    ctx: typer.Context,
    checklist: Annotated[
        str,
        typer.Argument(
            help=N_("A checklist id (prevention) or the path of a checklist file."),
            autocompletion=complete_checklist,
        ),
    ] = "prevention",
    lang: LangOption = None,
    restart: Annotated[
        bool, typer.Option("--restart", help=N_("Forget earlier answers and start from the top."))
    ] = False,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help=N_("A YAML file of answers by item id (see README), saved before any question."),
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help=N_("Never ask; unanswered items stay open. For scripts.")),
    ] = False,
    answers_template: Annotated[
        bool,
        typer.Option(
            "--answers-template",
            help=N_(
                "Print an answers file to fill in (every item id, its title as a comment, the "
                "answer empty) and stop. For instructors to hand out."
            ),
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
    from safecheck.app.checks import CheckRequest
    from safecheck.app.checks import check as use_case

    run = run_of(ctx, lang, plain, json_output)
    request = CheckRequest(checklist, answers, restart, no_input, json_output, checklist_dirs or ())
    finish(run, use_case(run, request._replace(template=answers_template)), json=json_output)


def status(
    ctx: typer.Context,
    checklists: Annotated[
        list[str] | None,
        typer.Argument(
            help=N_("Checklist ids or files (default: every built-in checklist and your own)."),
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
    from safecheck.app.checks import StatusRequest
    from safecheck.app.checks import status as use_case

    run = run_of(ctx, lang, plain, json_output)
    request = StatusRequest(checklists or (), json_output, checklist_dirs or ())
    finish(run, use_case(run, request), json=json_output)


def verify(
    ctx: typer.Context,
    checklist: Annotated[
        str,
        checklist_option(
            help=N_("The checklist to verify: an id or the path of a checklist file.")
        ),
    ] = "prevention",
    min_score: Annotated[
        int | None, min_score_option(help=N_("Holds when the score is at least this percent."))
    ] = None,
    require_priority: Annotated[
        list[PriorityName] | None,
        typer.Option(
            "--require-priority",
            metavar="PRIORITY",
            help=N_(
                "Holds when every item of this priority (essential, recommended or advanced) "
                "is done or not for you. Repeatable."
            ),
            show_default=False,
        ),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option(
            "--junit",
            metavar="FILE",
            help=N_(
                "Also write the result as JUnit XML for CI systems and graders: a test case "
                "per item and one for the requirement (FILE is replaced)."
            ),
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
            N_("give --min-score, --require-priority, or both"), param_hint="requirement"
        )
    from safecheck.app.checks import VerifyRequest
    from safecheck.app.checks import verify as use_case

    run = run_of(ctx, lang, plain, json_output)
    priorities = [name.value for name in require_priority or []]
    request = VerifyRequest(checklist, min_score, priorities, json_output, checklist_dirs or ())
    finish(run, use_case(run, request._replace(junit=junit)), json=json_output)
