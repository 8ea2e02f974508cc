"""The command line. Thin: parse options, call the core, map errors to exit codes."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.errors import ExitCode, Interrupted, SafecheckError

if TYPE_CHECKING:
    from safecheck.sealing import PassphraseAsker
    from safecheck.store import Store

app = typer.Typer(
    name="safecheck",
    help="Protect yourself against sextortion, and act well when it happens.",
    no_args_is_help=False,
    pretty_exceptions_enable=False,  # never print local variables (answers) in a traceback
    rich_markup_mode=None,
)


class Lang(StrEnum):
    nl = "nl"
    en = "en"


class PriorityName(StrEnum):
    essential = "essential"
    recommended = "recommended"
    advanced = "advanced"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="Language: nl or en (default: from your locale)."),
]
# --plain and --json are options of each command (`safecheck check prevention --plain`),
# so they go where people type them; SAFECHECK_PLAIN=1 and TERM=dumb also give plain output.
PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="Plain linear text for screen readers: no boxes, colour or redrawn bars; "
        "questions as numbered lines. Also on with SAFECHECK_PLAIN=1 or TERM=dumb.",
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option(
        "--json",
        help="Print one JSON document (see README) on stdout and nothing else; never asks.",
    ),
]


def complete_checklist(incomplete: str) -> list[str]:
    """Shell completion: the ids of the built-in checklists."""
    from safecheck import checklist as checklists

    ids = [path.stem for path in checklists.checklist_paths(checklists.builtin_dir())]
    return [name for name in ids if name.startswith(incomplete)]


def _lang(lang: Lang | None) -> str:
    from safecheck.i18n import default_lang

    return lang.value if lang is not None else default_lang()


@contextlib.contextmanager
def reporting(lang: str) -> Iterator[None]:
    """Turn safecheck's own errors into one calm paragraph and a documented exit code."""
    try:
        yield
    except Interrupted:
        from safecheck.i18n import t

        typer.echo(t(lang, "interrupted"), err=True)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except SafecheckError as error:
        typer.echo(f"safecheck: {error.text(lang)}", err=True)
        raise typer.Exit(error.exit_code) from None


def _warn(text: str) -> None:
    typer.echo(f"safecheck: {text}", err=True)


YesOption = Annotated[
    bool, typer.Option("--yes", help="Do not ask for confirmation (for scripts).")
]


@app.callback(invoke_without_command=True)
def start(
    ctx: typer.Context,
    no_encryption: Annotated[
        bool | None,
        typer.Option(
            "--no-encryption/--encryption",
            envvar="SAFECHECK_NO_ENCRYPTION",
            help="Save without encryption (plain files that anyone who can read your files can "
            "read), or turn encryption back on. Remembered until changed. See the README.",
        ),
    ] = None,
) -> None:
    """Start safecheck. With no command, the prevention check starts."""
    ctx.obj = None if no_encryption is None else not no_encryption
    if ctx.invoked_subcommand is None:
        ctx.invoke(check, ctx=ctx, checklist="prevention", lang=None, restart=False)


def _open_store(
    ctx: typer.Context,
    language: str,
    *,
    asker: PassphraseAsker | None,
    prepare: bool,
    switch: bool = True,
) -> Store:
    """The state store, protected as --no-encryption/--encryption and the saved state say.

    `asker` asks for a passphrase when one is needed (None: never ask); with
    `prepare`, the key for saving is found now, before any question.
    """
    from safecheck.store import open_store

    encryption = ctx.find_root().obj
    return open_store(
        lang=language,
        encryption=encryption if isinstance(encryption, bool) else None,
        asker=asker,
        warn=_warn,
        prepare=prepare,
        switch=switch,
    )


def _confirmer(language: str, not_interactive: str) -> Callable[[str], bool]:
    """A yes/no question in a terminal; without one, a message that says what to add."""
    from safecheck.display import plain_wanted
    from safecheck.errors import NotInteractiveError
    from safecheck.i18n import t
    from safecheck.prompts import make_prompter

    prompter = make_prompter(language, plain=plain_wanted())

    def confirm(message: str) -> bool:
        if not prompter.can_ask():
            raise NotInteractiveError(t(language, not_interactive))
        return prompter.confirm(message)

    return confirm


@app.command()
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
            dir_okay=False,
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never ask; unanswered items stay open. For scripts."),
    ] = False,
    json_output: JsonOption = False,
    plain: PlainOption = False,
) -> None:
    """Walk through a checklist item by item; answers are saved as you go.

    Without a terminal on standard input, give --answers FILE or --no-input;
    otherwise safecheck stops at once with exit code 5.

    Example: safecheck check prevention --lang nl

    Example: safecheck check prevention --answers answers.yaml --no-input --json
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import answers as answers_file
        from safecheck import checklist as checklists
        from safecheck import jsonout
        from safecheck.display import make_display, plain_wanted
        from safecheck.errors import NotInteractiveError
        from safecheck.i18n import t
        from safecheck.prompts import input_is_interactive, make_prompter
        from safecheck.status import summary_data
        from safecheck.walk import apply_answers, walk

        loaded = checklists.load(checklists.find(checklist, [checklists.builtin_dir()]))
        given = answers_file.load(answers, loaded) if answers is not None else None
        ask = not (no_input or json_output)
        if ask and not input_is_interactive():
            # Decided before the state is opened, so nothing can wait on a closed input.
            if given is None:
                raise NotInteractiveError(t(language, "not_interactive"))
            ask = False  # a script gave its answers: save them, ask nothing
        plain = plain_wanted(plain)
        display = make_display(plain=plain, file=sys.stderr if json_output else None)
        store = _open_store(
            ctx,
            language,
            asker=make_prompter(language, plain=plain) if ask else None,
            prepare=ask or given is not None,  # the key for saving, before any question
        )
        forget_first = restart and (given is not None or not ask)
        summary = apply_answers(loaded, store, given.answers if given else {}, restart=forget_first)
        if given is not None:
            display.message(t(language, "answers.applied", count=len(given.answers), path=answers))
        if ask:
            walk(
                loaded,
                store,
                make_prompter(language, plain=plain),
                display,
                language,
                restart=restart and not forget_first,
            )
        elif json_output:
            jsonout.emit("check", {"lang": language, "checklist": summary_data(summary, language)})
        else:
            display.summary(summary, language)


@app.command()
def status(
    ctx: typer.Context,
    checklists: Annotated[
        list[str] | None,
        typer.Argument(
            help="Checklist ids or files (default: every built-in checklist).",
            autocompletion=complete_checklist,
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
    plain: PlainOption = False,
) -> None:
    """Show your progress on every checklist: answered, done, still open, score.

    Example: safecheck status --json
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import jsonout
        from safecheck.display import make_display, plain_wanted
        from safecheck.prompts import make_prompter
        from safecheck.status import load_checklists, status_data, summaries

        loaded = load_checklists(checklists or [])
        asker = None if json_output else make_prompter(language, plain=plain_wanted(plain))
        found = summaries(loaded, _open_store(ctx, language, asker=asker, prepare=False).load())
        if json_output:
            jsonout.emit("status", status_data(found, language))
        else:
            make_display(plain=plain_wanted(plain)).status(found, language)


@app.command()
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
    lang: LangOption = None,
    json_output: JsonOption = False,
    plain: PlainOption = False,
) -> None:
    """For graders: exit 0 when the requirement holds, else exit 6 and list what is missing.

    Example: safecheck verify --min-score 80 --require-priority essential
    """
    if min_score is None and not require_priority:
        raise typer.BadParameter(
            "give --min-score, --require-priority, or both", param_hint="requirement"
        )
    language = _lang(lang)
    with reporting(language):
        from safecheck import checklist as checklists
        from safecheck import jsonout
        from safecheck.checklist import Priority
        from safecheck.display import make_display, plain_wanted
        from safecheck.progress import summarize
        from safecheck.prompts import make_prompter
        from safecheck.verify import verification_data
        from safecheck.verify import verify as check_requirements

        loaded = checklists.load(checklists.find(checklist, [checklists.builtin_dir()]))
        asker = None if json_output else make_prompter(language, plain=plain_wanted(plain))
        store = _open_store(ctx, language, asker=asker, prepare=False)
        summary = summarize(loaded, store.load().answers_for(loaded.id))
        result = check_requirements(
            summary,
            min_score=min_score,
            priorities=[Priority(name.value) for name in require_priority or []],
        )
        if json_output:
            jsonout.emit("verify", verification_data(result, language))
        else:
            make_display(plain=plain_wanted(plain)).verification(result, language)
        if not result.ok:
            raise typer.Exit(ExitCode.CHECK_FAILED)


@app.command()
def where(lang: LangOption = None) -> None:
    """Show where safecheck keeps its files, and how your answers are protected.

    Example: safecheck where
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck.housekeeping import where as where_lines
        from safecheck.store import default_home

        for line in where_lines(default_home(), language):
            typer.echo(line)


@app.command()
def wipe(yes: YesOption = False, lang: LangOption = None) -> None:
    """Remove every file safecheck saved, and its key in your keyring.

    Asks first; --yes does not ask. Says what it removed.

    Example: safecheck wipe --yes
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck.housekeeping import wipe as wipe_all
        from safecheck.i18n import t
        from safecheck.store import default_home

        home = default_home()
        confirm = _confirmer(language, "wipe.not_interactive")
        if not yes and not confirm(t(language, "wipe.confirm", folder=home)):
            typer.echo(t(language, "wipe.cancelled"))
            return
        outcome = wipe_all(home, language)
        for line in outcome.lines:
            typer.echo(line)
        if outcome.error is not None:
            raise outcome.error


@app.command()
def reset(ctx: typer.Context, yes: YesOption = False, lang: LangOption = None) -> None:
    """Start again with empty answers when your saved state cannot be read.

    The unreadable file is moved aside (kept, never deleted). Asks first; --yes
    does not ask.

    Example: safecheck reset
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck.display import plain_wanted
        from safecheck.housekeeping import reset as reset_state
        from safecheck.prompts import make_prompter

        prompter = make_prompter(language, plain=plain_wanted())
        outcome = reset_state(
            _open_store(ctx, language, asker=prompter, prepare=False, switch=False),
            language,
            confirm=(lambda message: True)
            if yes
            else _confirmer(language, "reset.not_interactive"),
        )
        for line in outcome.lines:
            typer.echo(line)


def main() -> None:
    app(prog_name="safecheck")
    sys.exit(0)
