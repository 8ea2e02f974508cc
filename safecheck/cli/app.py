"""The typer application: the start screen, and every command, each group in its own module.

Commands only parse their options, call the core and print; `context.reporting` turns
errors into exit codes. `main()` is the program's entry point.
"""

from typing import Annotated

import typer

from safecheck.cli import backup, checks, evidence, export, housekeeping, lab, own, plan
from safecheck.cli.context import Run, remember_choices, reporting, run_of
from safecheck.cli.options import LangOption, PlainOption, RegionOption
from safecheck.core.errors import ExitCode
from safecheck.core.i18n import default_lang

app = typer.Typer(
    name="safecheck",
    help="Protect yourself against sextortion, and act well when it happens.",
    no_args_is_help=False,
    pretty_exceptions_enable=False,  # never print local variables (answers) in a traceback
    rich_markup_mode=None,
)
app.command()(checks.check)
app.command()(checks.status)
app.command()(checks.verify)
app.command("class-summary")(lab.class_summary)
app.command()(plan.plan)
app.command()(plan.helplines)
app.command()(own.workshop)
app.command()(own.lint)
app.command("new-checklist")(own.new_checklist)
app.command()(own.config)
app.command()(housekeeping.where)
app.command()(housekeeping.wipe)
app.command()(housekeeping.reset)
app.add_typer(evidence.evidence_app, name="evidence")
app.command("export")(export.export_command)
app.add_typer(backup.backup_app, name="backup")


def _show_version(wanted: bool) -> None:
    if wanted:
        import safecheck

        typer.echo(f"safecheck {safecheck.__version__}")
        raise typer.Exit(ExitCode.OK)


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
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_show_version,
            help="Show safecheck's version and stop.",
        ),
    ] = False,
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
    from safecheck.storage import settings as plain_settings

    # The plain settings file needs no key: reading it never asks anything.
    saved = plain_settings.read()
    encryption = None if no_encryption is None else not no_encryption
    chosen_lang = lang.value if lang else saved.lang or default_lang()
    # What the entry point printed before typer loaded (see safecheck/entry.py).
    shown = ctx.obj.crisis_shown if isinstance(ctx.obj, Run) else None
    ctx.obj = Run(lang=chosen_lang, encryption=encryption, region=region, crisis_shown=shown)
    run = run_of(ctx, lang, plain)
    with reporting(run.lang):
        from safecheck.core.errors import NotInteractiveError
        from safecheck.core.i18n import t
        from safecheck.core.region import region_of

        if ctx.invoked_subcommand is None and not run.interactive:
            # Crisis help first, even here: the help lines, then what works without a terminal.
            from safecheck.content import helplines as helpline_data
            from safecheck.flows.crisis import known_region
            from safecheck.flows.helplines import first_screen

            chosen = region_of(region) if region else known_region(saved)
            first_screen(run.display(), helpline_data.load(), run.lang, chosen)
            raise NotInteractiveError(
                t(
                    run.lang,
                    "The start screen asks its questions in a terminal, and standard input is not "
                    "one. Run safecheck in a terminal. Without one, these work: safecheck "
                    "helplines (--json), safecheck status, safecheck verify, safecheck check ID "
                    "--answers FILE --no-input, safecheck evidence list and safecheck export "
                    "--output FILE.",
                )
            )
        run.go_discreet(ctx, discreet)
        if ctx.invoked_subcommand in (None, "plan"):
            remember_choices(lang.value if lang else None, region)
        if ctx.invoked_subcommand is None:
            from safecheck.flows.start import run_start  # only here: it loads every flow

            # Crisis first: nothing is unlocked for the start screen, the crisis screen or
            # the plan's steps; a key is asked only when something is saved.
            store = run.store(asker=None, prepare=False, readonly=encryption is None)
            if encryption is not None:  # switching protection re-saves now: that may ask
                run.store(asker=run.prompter(quick_exit=False), switch=True)
            store.quarantine = False  # a damaged file is reported and kept where it is
            run_start(
                store,
                run.prompter(),
                run.display(),
                run.lang,
                region=region_of(region) if region else None,
                unlock=run.prompter(quick_exit=False),
                shown=run.crisis_shown,
            )


def main(crisis_shown: str | None = None) -> ExitCode:
    """Run safecheck with the command line's arguments; the exit code it ends with.

    `crisis_shown`: the crisis lines the entry point has printed already (safecheck/entry.py).
    """
    from safecheck.core.hardening import harden

    harden()  # first, before any secret is in memory: no core dumps; calm SIGTERM/HUP/PIPE
    try:
        app(prog_name="safecheck", obj=Run(lang="", crisis_shown=crisis_shown))
    except SystemExit as done:  # Typer always ends this way, also for a wrong option
        if isinstance(done.code, int):
            return ExitCode(done.code)
        return ExitCode.OK if done.code is None else ExitCode.ERROR
    return ExitCode.OK
