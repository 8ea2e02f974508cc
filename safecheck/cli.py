"""The command line. Thin: parse options, call the core, map errors to exit codes."""

import contextlib
import sys
from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from safecheck.audience import AgeGroup
from safecheck.errors import ExitCode, Interrupted, QuickExit, SafecheckError
from safecheck.region import Region

if TYPE_CHECKING:
    from safecheck.display import Display
    from safecheck.prompts import PlainPrompter, Prompter
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


RegionOption = Annotated[
    Region | None,
    typer.Option(
        "--region",
        case_sensitive=False,
        help="Whose help lines: BE, NL or OTHER (default: as chosen before, else your locale).",
    ),
]
AgeGroupOption = Annotated[
    AgeGroup | None,
    typer.Option(
        "--age-group",
        case_sensitive=False,
        help="minor (under 18) or adult (18 or older); asked when left out.",
    ),
]


def complete_checklist(incomplete: str) -> list[str]:
    """Shell completion: the ids of the built-in checklists."""
    from safecheck import checklist as checklists

    ids = [path.stem for path in checklists.checklist_paths(checklists.builtin_dir())]
    return [name for name in ids if name.startswith(incomplete)]


ChecklistsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--checklists",
        metavar="DIR",
        help="A folder of your own checklists, read after the built-in ones "
        "(instead of the folder saved with: safecheck config checklists DIR).",
    ),
]


def _lang(lang: Lang | None) -> str:
    from safecheck.i18n import default_lang

    return lang.value if lang is not None else default_lang()


@contextlib.contextmanager
def reporting(lang: str) -> Iterator[None]:
    """Turn safecheck's own errors into one calm paragraph and a documented exit code."""
    try:
        yield
    except QuickExit:
        raise typer.Exit(ExitCode.OK) from None
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
# Commands that are always interactive: the top-level callback may ask for the passphrase
# for them (to read the remembered settings); other commands ask, at most once, themselves.
_ASK_IN_CALLBACK = {None, "plan"}
_STORE = "safecheck.store"


def _open_store(
    ctx: typer.Context,
    language: str,
    *,
    asker: "PassphraseAsker | None",
    prepare: bool,
    switch: bool = True,
    readonly: bool = False,
) -> "Store":
    """The one state store of this run, protected as --no-encryption/--encryption say.

    The first call opens it; later calls (the callback first, then the command)
    add what they need: `asker` for passphrases (None: never ask), `prepare` to
    have the key for saving before any question, `switch` to re-save the state
    in the form asked for; `readonly` just reads (see `store.settle`).
    """
    from safecheck.store import open_store, settle

    root = ctx.find_root()
    store: Store | None = root.meta.get(_STORE)
    if store is None:
        encryption = root.obj
        store = open_store(
            lang=language,
            encryption=encryption if isinstance(encryption, bool) else None,
            asker=asker,
            warn=_warn,
            prepare=prepare,
            switch=switch,
            readonly=readonly,
        )
        root.meta[_STORE] = store
    else:
        settle(store, asker=asker, prepare=prepare, switch=switch, readonly=readonly)
    return store


def _discreet_from(ctx: typer.Context, store: "Store", plain: bool) -> None:
    """Discreet mode remembered in a state that only the command itself could open."""
    from safecheck.start import NEUTRAL_TITLE, saved_settings

    if not _discreet["on"] and saved_settings(store).get("discreet") is True:
        _discreet["on"] = True
        screen = _display(plain=plain)
        screen.set_title(NEUTRAL_TITLE)
        ctx.call_on_close(screen.wipe)


def _confirmer(language: str, not_interactive: str) -> Callable[[str], bool]:
    """A yes/no question in a terminal; without one, a message that says what to add."""
    from safecheck.errors import NotInteractiveError
    from safecheck.i18n import t
    from safecheck.prompts import make_prompter
    from safecheck.terminal import plain_wanted

    prompter = make_prompter(language, plain=plain_wanted())

    def confirm(message: str) -> bool:
        if not prompter.can_ask():
            raise NotInteractiveError(t(language, not_interactive))
        return prompter.confirm(message)

    return confirm


# Whether this run is discreet; the top-level callback sets it before any command runs.
_discreet = {"on": False}


def _display(*, plain: bool, file: IO[str] | None = None) -> "Display":
    """The display of this run. Rich loads only here, so --json output never waits for it."""
    from safecheck.display import make_display

    return make_display(plain=plain, file=file)


def _prompter(language: str, plain: bool) -> "Prompter | PlainPrompter":
    """The prompter of this run; in discreet mode Esc twice or q leaves at once."""
    from safecheck.prompts import make_prompter

    return make_prompter(language, plain=plain, quick_exit=_discreet["on"])


@app.callback(invoke_without_command=True)
def start(
    ctx: typer.Context,
    lang: LangOption = None,
    region: RegionOption = None,
    discreet: Annotated[
        bool | None,
        typer.Option(
            "--discreet/--no-discreet",
            help="Discreet mode, remembered: a neutral window title, the screen cleared at "
            "the end, and Esc twice or q quits at once.",
        ),
    ] = None,
    plain: PlainOption = False,
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
    """Start safecheck. With no command, a menu opens; its first choice is the emergency plan."""
    ctx.obj = None if no_encryption is None else not no_encryption
    ctx.meta.pop(_STORE, None)  # one store per run (tests run many in one process)
    _discreet["on"] = False
    language = _lang(lang)
    with reporting(language):
        from safecheck.errors import NoKeyError, NotInteractiveError, StateError
        from safecheck.i18n import t
        from safecheck.prompts import input_is_interactive, make_prompter
        from safecheck.start import NEUTRAL_TITLE, discreet_mode, run_start
        from safecheck.terminal import plain_wanted

        if ctx.invoked_subcommand is None and not input_is_interactive():
            raise NotInteractiveError(t(language, "not_interactive"))  # before any output
        plain = plain_wanted(plain)
        may_ask = ctx.invoked_subcommand in _ASK_IN_CALLBACK and input_is_interactive()
        asker = make_prompter(language, plain=plain) if may_ask else None
        store = _open_store(ctx, language, asker=asker, prepare=False, readonly=True)
        try:
            _discreet["on"] = discreet_mode(store, discreet)
        except (StateError, NoKeyError):  # the state cannot be opened now: honour the flag
            _discreet["on"] = bool(discreet)
        if _discreet["on"]:
            screen = _display(plain=plain)
            screen.set_title(NEUTRAL_TITLE)
            ctx.call_on_close(screen.wipe)
        if ctx.invoked_subcommand is None:
            # Crisis first: the key is found when something is first saved, never before
            # the start screen (without a keyring that means a passphrase question).
            _open_store(ctx, language, asker=asker, prepare=False)
            run_start(
                store,
                _prompter(language, plain),
                _display(plain=plain),
                language,
                region=region,
            )


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
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never ask; unanswered items stay open. For scripts."),
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
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import answers as answers_file
        from safecheck import checklist as checklists
        from safecheck import custom, jsonout
        from safecheck.errors import NotInteractiveError
        from safecheck.i18n import t
        from safecheck.progress import summarize
        from safecheck.prompts import input_is_interactive, make_prompter
        from safecheck.start import run_checklist
        from safecheck.status import summary_data
        from safecheck.terminal import plain_wanted
        from safecheck.walk import apply_answers

        def settings() -> Mapping[str, object]:
            return _open_store(ctx, language, asker=None, prepare=False).load().settings

        # Your own folder is read from the saved settings only for a checklist that is not
        # built in, so for those the state is still opened after the decision below.
        path = custom.find(checklist, checklist_dirs or [], settings)
        loaded = checklists.load(path)
        given = answers_file.load(answers, loaded) if answers is not None else None
        ask = not (no_input or json_output)
        if ask and not input_is_interactive():
            # Decided before the state is opened, so nothing can wait on a closed input.
            if given is None:
                raise NotInteractiveError(t(language, "not_interactive"))
            ask = False  # a script gave its answers: save them, ask nothing
        plain = plain_wanted(plain)
        display = _display(plain=plain, file=sys.stderr if json_output else None)
        store = _open_store(
            ctx,
            language,
            asker=make_prompter(language, plain=plain) if ask else None,
            prepare=ask or given is not None,  # the key for saving, before any question
        )
        if ask:
            _discreet_from(ctx, store, plain)
        forget_first = restart and (given is not None or not ask)
        summary = apply_answers(loaded, store, given.answers if given else {}, restart=forget_first)
        if loaded.kind == "plan":  # count only the steps of the saved region and age group
            summary = summarize(loaded.as_remembered(store.load().settings), summary.answers)
        if given is not None:
            display.message(t(language, "answers.applied", count=len(given.answers), path=answers))
        if ask:  # a plan goes through its crisis question first
            run_checklist(
                loaded,
                store,
                _prompter(language, plain),
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
    language = _lang(lang)
    with reporting(language):
        from safecheck import custom, jsonout
        from safecheck.prompts import make_prompter
        from safecheck.status import load_checklists, status_data, summaries
        from safecheck.terminal import plain_wanted

        asker = None if json_output else make_prompter(language, plain=plain_wanted(plain))
        state = _open_store(ctx, language, asker=asker, prepare=False).load()
        folders = custom.folders(checklist_dirs or [], state.settings)
        loaded = load_checklists(checklists or [], folders)
        found = summaries(loaded, state)
        if json_output:
            jsonout.emit("status", status_data(found, language))
        else:
            _display(plain=plain_wanted(plain)).status(found, language)


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
    checklist_dirs: ChecklistsOption = None,
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
        from safecheck import custom, jsonout
        from safecheck.checklist import Priority
        from safecheck.progress import summarize
        from safecheck.prompts import make_prompter
        from safecheck.terminal import plain_wanted
        from safecheck.verify import verification_data
        from safecheck.verify import verify as check_requirements

        asker = None if json_output else make_prompter(language, plain=plain_wanted(plain))
        state = _open_store(ctx, language, asker=asker, prepare=False).load()
        loaded = checklists.load(
            custom.find(checklist, checklist_dirs or [], lambda: state.settings)
        )
        summary = summarize(loaded.as_remembered(state.settings), state.answers_for(loaded.id))
        result = check_requirements(
            summary,
            min_score=min_score,
            priorities=[Priority(name.value) for name in require_priority or []],
        )
        if json_output:
            jsonout.emit("verify", verification_data(result, language))
        else:
            _display(plain=plain_wanted(plain)).verification(result, language)
        if not result.ok:
            raise typer.Exit(ExitCode.CHECK_FAILED)


@app.command()
def plan(
    ctx: typer.Context,
    lang: LangOption = None,
    region: RegionOption = None,
    age_group: AgeGroupOption = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Forget which steps you ticked and start again.")
    ] = False,
    plain: PlainOption = False,
) -> None:
    """The emergency plan: what to do when someone threatens you now, step by step.

    It asks first whether you are in danger, and shows the help lines of your region.

    Example: safecheck plan --region BE --age-group minor
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import checklist as checklists
        from safecheck import helplines as helpline_data
        from safecheck.emergency import run_plan
        from safecheck.errors import NotInteractiveError
        from safecheck.i18n import t
        from safecheck.prompts import input_is_interactive, make_prompter
        from safecheck.start import EMERGENCY_PLAN, saved_settings
        from safecheck.terminal import plain_wanted

        if not input_is_interactive():
            raise NotInteractiveError(t(language, "plan.not_interactive"))
        plain = plain_wanted(plain)
        asker = make_prompter(language, plain=plain)
        # Crisis first: the crisis question and its help lines come before any passphrase.
        store = _open_store(ctx, language, asker=asker, prepare=False)
        run_plan(
            checklists.load(checklists.find(EMERGENCY_PLAN, [checklists.builtin_dir()])),
            helpline_data.load(),
            store,
            _prompter(language, plain),
            _display(plain=plain),
            language,
            settings=saved_settings(store),
            region=region,
            age_group=age_group,
            restart=restart,
        )


@app.command()
def helplines(
    ctx: typer.Context,
    lang: LangOption = None,
    region: RegionOption = None,
    age_group: AgeGroupOption = None,
    plain: PlainOption = False,
) -> None:
    """List the help lines of your region and the removal services, each with its source.

    Example: safecheck helplines --region NL
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import helplines as helpline_data
        from safecheck.audience import remembered_region
        from safecheck.emergency import show_helplines
        from safecheck.start import saved_settings
        from safecheck.terminal import plain_wanted

        store = _open_store(ctx, language, asker=None, prepare=False, readonly=True)
        chosen = region or remembered_region(saved_settings(store))
        display = _display(plain=plain_wanted(plain))
        show_helplines(display, helpline_data.load(), language, chosen, age_group)


# --- workshop mode and custom checklists (issue 7) ---

WorkshopRegionOption = Annotated[
    Region | None,
    typer.Option(
        "--region",
        case_sensitive=False,
        help="Whose help lines to show: BE, NL or OTHER (default: from your locale).",
    ),
]


class Setting(StrEnum):
    checklists = "checklists"


@app.command()
def workshop(lang: LangOption = None, region: WorkshopRegionOption = None) -> None:
    """Present a workshop about sextortion to a group: five parts and a quiz. Saves nothing.

    Choose a part from the menu; Enter goes on, b goes back, m returns to the menu.

    Example: safecheck workshop --lang nl --region BE
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import workshop as workshops
        from safecheck.display import PresenterDisplay
        from safecheck.errors import NotInteractiveError
        from safecheck.i18n import t
        from safecheck.prompts import Prompter, input_is_interactive
        from safecheck.region import default_region

        if not input_is_interactive():
            raise NotInteractiveError(t(language, "workshop.not_interactive"))
        content, quiz = workshops.load_builtin()
        try:
            workshops.present(
                content,
                quiz,
                Prompter(language),
                PresenterDisplay(),
                language,
                region or default_region(),
            )
        except Interrupted:
            typer.echo(t(language, "workshop.stopped"), err=True)
            raise typer.Exit(ExitCode.INTERRUPTED) from None


@app.command()
def lint(
    paths: Annotated[
        list[Path], typer.Argument(help="Checklist files, or folders of them.", show_default=False)
    ],
    lang: LangOption = None,
) -> None:
    """Check checklist files for mistakes; each problem is shown as file:line: message.

    Example: safecheck lint ~/team-checklists
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck.i18n import t
        from safecheck.lint import lint as lint_paths

        report = lint_paths(paths)
        for problem in report.problems:
            typer.echo(str(problem))
        if not report.ok:
            typer.echo(t(language, "lint.failed", failed=report.failed, count=report.checked))
            raise typer.Exit(ExitCode.BAD_INPUT)
        typer.echo(t(language, "lint.ok", count=report.checked))


@app.command("new-checklist")
def new_checklist(
    path: Annotated[
        Path, typer.Argument(help="The new file (NAME.yaml), or a folder to put it in.")
    ] = Path("my-checklist.yaml"),
    lang: LangOption = None,
) -> None:
    """Write a commented starter checklist for you to fill in; it passes lint as it is.

    Example: safecheck new-checklist ~/team-checklists/online-safety.yaml
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck.custom import write_starter
        from safecheck.i18n import t

        written = write_starter(path, language)
        typer.echo(t(language, "new_checklist.written", path=written))


@app.command()
def config(
    ctx: typer.Context,
    name: Annotated[Setting, typer.Argument(help="The setting: checklists.")],
    value: Annotated[
        Path | None,
        typer.Argument(help="checklists: the folder of your own checklists. Leave out to see it."),
    ] = None,
    unset: Annotated[bool, typer.Option("--unset", help="Forget the setting.")] = False,
    lang: LangOption = None,
) -> None:
    """See or change a remembered setting, such as the folder of your own checklists.

    Example: safecheck config checklists ~/team-checklists
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import custom
        from safecheck.i18n import t
        from safecheck.prompts import input_is_interactive, make_prompter
        from safecheck.terminal import plain_wanted

        asker = make_prompter(language, plain=plain_wanted()) if input_is_interactive() else None
        store = _open_store(ctx, language, asker=asker, prepare=unset or value is not None)
        if unset:
            custom.forget(store)
            typer.echo(t(language, "config.checklists.unset"))
        elif value is not None:
            folder = custom.remember(store, value)
            typer.echo(t(language, "config.checklists.set", path=folder))
        else:
            saved = custom.remembered(store.load().settings)
            if saved is None:
                typer.echo(t(language, "config.checklists.none"))
            else:
                typer.echo(t(language, "config.checklists.show", path=saved))


# --- private, durable state (issue 4) ---


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
        from safecheck.housekeeping import reset as reset_state
        from safecheck.prompts import make_prompter
        from safecheck.terminal import plain_wanted

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


# --- evidence log and exports (issue 5) ---------------------------------------------------

evidence_app = typer.Typer(
    help="Keep the evidence in order: what happened, when, who, and the files that show it.\n\n"
    "Example: safecheck evidence add",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(evidence_app, name="evidence")


class DemandName(StrEnum):
    money = "money"
    images = "images"
    meeting = "meeting"
    other = "other"


class FormatName(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


EntryId = Annotated[
    int, typer.Argument(help="The entry's number, as `safecheck evidence list` shows it.")
]
When = Annotated[
    str | None,
    typer.Option(
        "--when", help="When it happened: 2026-03-02 21:15 (your local time). Default: now."
    ),
]
Platform = Annotated[
    str | None, typer.Option("--platform", help="Where it happened, e.g. Instagram.")
]
Account = Annotated[
    str | None,
    typer.Option(
        "--account",
        help="Their account name (username). Options show in the process list to other users: "
        "on a shared computer, answer the questions or use --from FILE.",
    ),
]
ProfileUrl = Annotated[str | None, typer.Option("--profile-url", help="The link to their profile.")]
Phone = Annotated[str | None, typer.Option("--phone", help="Their phone number.")]
Demands = Annotated[
    list[DemandName] | None,
    typer.Option("--demand", help="What they asked for (repeatable).", show_default=False),
]
Amount = Annotated[
    str | None, typer.Option("--amount", help="The amount asked or paid: 250 or 250,50.")
]
Currency = Annotated[
    str | None, typer.Option("--currency", help="ISO 4217 currency code, e.g. EUR.")
]
Paid = Annotated[
    bool | None, typer.Option("--paid/--not-paid", help="Whether you paid.", show_default=False)
]
PaymentMethod = Annotated[
    str | None, typer.Option("--payment-method", help="How you paid: bank transfer, gift card, ...")
]
PaymentReference = Annotated[
    str | None,
    typer.Option("--payment-reference", help="The payment's reference or transaction id."),
]
Note = Annotated[
    str | None,
    typer.Option(
        "--note",
        help="Anything else worth writing down (visible in the process list: see --account).",
    ),
]
Files = Annotated[
    list[Path] | None,
    typer.Option("--file", help="A screenshot or other file (repeatable).", show_default=False),
]
KeepCopy = Annotated[
    bool,
    typer.Option(
        "--keep-copy/--no-keep-copy",
        help="Keep a copy of each --file inside safecheck's storage, so deleting the original "
        "does not lose it.",
    ),
]


def _entry_values(**values: Any) -> dict[str, Any]:
    demands = values.pop("demands")
    values["demands"] = [d.value for d in demands] if demands else None
    return values


def _evidence_store(ctx: typer.Context, language: str, plain: bool, *, saving: bool) -> "Store":
    """The state store for an evidence command; in a terminal a passphrase can be asked,
    before any other question when something will be saved."""
    from safecheck.prompts import input_is_interactive, make_prompter

    asker = make_prompter(language, plain=plain) if input_is_interactive() else None
    return _open_store(ctx, language, asker=asker, prepare=saving)


@evidence_app.command("add")
def evidence_add(
    ctx: typer.Context,
    when: When = None,
    platform: Platform = None,
    account: Account = None,
    profile_url: ProfileUrl = None,
    phone: Phone = None,
    demand: Demands = None,
    amount: Amount = None,
    currency: Currency = None,
    paid: Paid = None,
    payment_method: PaymentMethod = None,
    payment_reference: PaymentReference = None,
    note: Note = None,
    file: Files = None,
    keep_copy: KeepCopy = True,
    from_file: Annotated[
        Path | None,
        typer.Option("--from", help="Add the entries of a YAML file (format: see README)."),
    ] = None,
    lang: LangOption = None,
    plain: PlainOption = False,
) -> None:
    """Write down what happened. Without options, safecheck asks, one question at a time.

    Example: safecheck evidence add --platform Instagram --account someone --demand money --file shot.png
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.display import make_display, plain_wanted
        from safecheck.errors import NotInteractiveError
        from safecheck.i18n import t
        from safecheck.prompts import input_is_interactive

        plain = plain_wanted(plain)
        display = make_display(plain=plain)
        values = _entry_values(
            when=when, platform=platform, account=account, profile_url=profile_url, phone=phone,
            demands=demand, amount=amount, currency=currency, paid=paid,
            payment_method=payment_method, payment_reference=payment_reference, note=note,
        )  # fmt: skip
        scripted = from_file is not None or evidence.has_values(values) or bool(file)
        if from_file is not None and (evidence.has_values(values) or file):
            raise evidence.EvidenceError(t(language, "evidence.error.from_and_options"))
        if not scripted and not input_is_interactive():
            raise NotInteractiveError(t(language, "not_interactive"))  # before any output
        # Files and values are checked before the state is opened (and a passphrase asked).
        if from_file is not None:
            drafts = evidence.load_file(from_file, language)
        elif scripted:
            drafts = [evidence.from_options(language, values, add_files=file or (), keep=keep_copy)]
        store = _evidence_store(ctx, language, plain, saving=True)
        if not scripted:
            from safecheck.evidence_form import ask_entry

            _discreet_from(ctx, store, plain)
            display.message(t(language, "evidence.add.intro"))
            drafts = [ask_entry(_prompter(language, plain), language)]
        added = evidence.add(store, drafts, language)
        for entry in added:
            display.message(t(language, "evidence.added", id=entry.id))
        display.message(t(language, "evidence.added.after"))


@evidence_app.command("list")
def evidence_list(
    ctx: typer.Context,
    lang: LangOption = None,
    json_output: JsonOption = False,
    plain: PlainOption = False,
) -> None:
    """Show the evidence log as a table, oldest first and the newest last.

    Example: safecheck evidence list
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.display import plain_wanted

        if json_output:
            from safecheck import jsonout

            state = _open_store(ctx, language, asker=None, prepare=False).load()
            entries = evidence.timeline(state.evidence)
            data = {"lang": language, "entries": [evidence.to_dict(e) for e in entries]}
            jsonout.emit("evidence", data)
            return
        from safecheck.display import make_display

        plain = plain_wanted(plain)
        state = _evidence_store(ctx, language, plain, saving=False).load()
        make_display(plain=plain).evidence_table(evidence.timeline(state.evidence), language)


@evidence_app.command("show")
def evidence_show(
    ctx: typer.Context, entry_id: EntryId, lang: LangOption = None, plain: PlainOption = False
) -> None:
    """Show one entry in full, and whether each file is still as it was when it was added
    (a file changed or missing since then is named in capitals).

    Example: safecheck evidence show 3
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.display import make_display, plain_wanted

        plain = plain_wanted(plain)
        store = _evidence_store(ctx, language, plain, saving=False)
        entry = evidence.find(store.load(), entry_id, language)
        checks = [evidence.check_file(store, attachment) for attachment in entry.files]
        make_display(plain=plain).evidence_entry(entry, checks, language)


@evidence_app.command("edit")
def evidence_edit(
    ctx: typer.Context,
    entry_id: EntryId,
    when: When = None,
    platform: Platform = None,
    account: Account = None,
    profile_url: ProfileUrl = None,
    phone: Phone = None,
    demand: Demands = None,
    amount: Amount = None,
    currency: Currency = None,
    paid: Paid = None,
    payment_method: PaymentMethod = None,
    payment_reference: PaymentReference = None,
    note: Note = None,
    file: Files = None,
    drop_file: Annotated[
        list[int] | None,
        typer.Option(
            "--drop-file",
            help="Remove the file with this number (as `show` lists them; repeatable).",
            show_default=False,
        ),
    ] = None,
    keep_copy: KeepCopy = True,
    lang: LangOption = None,
    plain: PlainOption = False,
) -> None:
    """Change an entry. Without options, safecheck asks every question again, with the saved
    answer filled in. An empty value (--note "") clears a field.

    Example: safecheck evidence edit 3 --payment-reference NL12-3456
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.display import make_display, plain_wanted
        from safecheck.errors import NotInteractiveError
        from safecheck.i18n import t
        from safecheck.prompts import input_is_interactive

        plain = plain_wanted(plain)
        values = _entry_values(
            when=when, platform=platform, account=account, profile_url=profile_url, phone=phone,
            demands=demand, amount=amount, currency=currency, paid=paid,
            payment_method=payment_method, payment_reference=payment_reference, note=note,
        )  # fmt: skip
        scripted = evidence.has_values(values) or bool(file) or bool(drop_file)
        if not scripted and not input_is_interactive():
            raise NotInteractiveError(t(language, "not_interactive"))
        store = _evidence_store(ctx, language, plain, saving=True)
        base = evidence.find(store.load(), entry_id, language)
        if scripted:
            entry = evidence.from_options(
                language,
                values,
                base=base,
                add_files=file or (),
                drop_files=drop_file or (),
                keep=keep_copy,
            )
        else:
            from safecheck.evidence_form import ask_entry

            _discreet_from(ctx, store, plain)
            entry = ask_entry(_prompter(language, plain), language, base=base)
        evidence.update(store, entry, language)
        make_display(plain=plain).message(t(language, "evidence.edited", id=entry.id))


@evidence_app.command("remove")
def evidence_remove(
    ctx: typer.Context,
    entry_id: EntryId,
    yes: YesOption = False,
    lang: LangOption = None,
    plain: PlainOption = False,
) -> None:
    """Remove an entry, and the copies of its files that no other entry uses. Asks first.

    Example: safecheck evidence remove 3
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.display import make_display, plain_wanted
        from safecheck.i18n import t

        plain = plain_wanted(plain)
        display = make_display(plain=plain)
        store = _evidence_store(ctx, language, plain, saving=True)
        entry = evidence.find(store.load(), entry_id, language)
        if not yes:
            when_text = evidence.format_when(entry.when)
            question = t(language, "evidence.remove.ask", id=entry.id, when=when_text)
            if not _confirmer(language, "evidence.remove.not_interactive")(question):
                display.message(t(language, "evidence.remove.kept", id=entry.id))
                return
        evidence.remove(store, entry_id, language)
        display.message(t(language, "evidence.removed", id=entry_id))


@evidence_app.command("restore")
def evidence_restore(
    ctx: typer.Context,
    entry_id: EntryId,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The folder to put the files in.", file_okay=False),
    ],
    lang: LangOption = None,
) -> None:
    """Get back the kept copies of an entry's files, for when the originals are gone.

    Files already in the folder are never replaced.

    Example: safecheck evidence restore 3 --output evidence-copies
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import evidence
        from safecheck.display import plain_wanted
        from safecheck.i18n import t

        store = _evidence_store(ctx, language, plain_wanted(), saving=False)
        entry = evidence.find(store.load(), entry_id, language)
        kept = [a for a in entry.files if a.kept]
        if not kept:
            raise evidence.EvidenceError(t(language, "evidence.restore.none", id=entry_id))
        for attachment in kept:
            target = output.expanduser() / attachment.name
            evidence.restore_copy(store, attachment, target, language)
            typer.echo(t(language, "evidence.restored", path=target))
        typer.echo(t(language, "export.warning"), err=True)


@app.command("export")
def export_command(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the export. Nothing is written anywhere else.",
            dir_okay=False,
        ),
    ],
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
    checklist_dirs: ChecklistsOption = None,
) -> None:
    """Write your evidence log and emergency plan to a file: Markdown, JSON, or an HTML page that
    prints on A4. The file is not encrypted.

    Example: safecheck export --output report.html

    Example: safecheck export --handout prevention --lang nl --output handout.html
    """
    language = _lang(lang)
    with reporting(language):
        from safecheck import checklist as checklists
        from safecheck import export
        from safecheck.audience import remembered_age_group, remembered_region
        from safecheck.display import plain_wanted
        from safecheck.i18n import t
        from safecheck.start import saved_settings

        fmt = export.format_for(
            output, export.Format(format_name) if format_name else None, language
        )

        def store() -> "Store":
            return _evidence_store(ctx, language, plain_wanted(), saving=False)

        if handout is not None:  # no answers in a handout: the state is read only if needed
            from safecheck import custom

            def settings() -> Mapping[str, object]:  # read only, never asks for a passphrase
                return saved_settings(
                    _open_store(ctx, language, asker=None, prepare=False, readonly=True)
                )

            path = custom.find(handout, checklist_dirs or [], settings)
            chosen = region or remembered_region(settings())
            lines = export.region_help_lines(chosen, language)
            text = export.render_handout(checklists.load(path), language, fmt, lines)
            written = export.save(output, text, language, force=force)
            typer.echo(t(language, "export.handout_saved", path=written), err=True)
            return
        state = store().load()
        region = region or remembered_region(state.settings)
        age_group = age_group or remembered_age_group(state.settings)
        plan = export.plan_checklist([checklists.builtin_dir()])
        report = export.build_report(
            state,
            language,
            plan=plan.as_remembered(state.settings) if plan is not None else None,
            helplines=export.region_help_lines(region, language, age_group),
            region=region.value,
        )
        written = export.save(output, export.render(report, fmt), language, force=force)
        typer.echo(t(language, "export.saved", path=written, count=len(report.entries)), err=True)
        typer.echo(t(language, "export.warning"), err=True)


def main() -> None:
    from safecheck.hardening import harden

    harden()  # first, before any secret is in memory: no core dumps; calm SIGTERM/HUP/PIPE
    app(prog_name="safecheck")
    sys.exit(0)
