"""The typer application: the start screen, and every command, each group in its own module.

Commands only parse their options, call the core and print; `context.reporting` turns
errors into exit codes. `main()` is the program's entry point.
"""

from typing import Annotated

import typer

from safecheck.cli import backup, checks, evidence, export, housekeeping, own, plan
from safecheck.cli.context import Run, reporting, run_of
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

# Commands that are always interactive: the top-level callback may ask for the passphrase
# for them (to read the remembered settings); other commands ask, at most once, themselves.
_ASK_IN_CALLBACK = {None, "plan"}


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
    encryption = None if no_encryption is None else not no_encryption
    ctx.obj = Run(lang=lang.value if lang else default_lang(), encryption=encryption)
    run = run_of(ctx, lang, plain)
    with reporting(run.lang):
        from safecheck.core.errors import NotInteractiveError
        from safecheck.core.i18n import t
        from safecheck.flows.start import run_start

        if ctx.invoked_subcommand is None and not run.interactive:
            raise NotInteractiveError(t(run.lang, "not_interactive"))  # before any output
        may_ask = ctx.invoked_subcommand in _ASK_IN_CALLBACK and run.interactive
        asker = run.prompter(quick_exit=False) if may_ask else None
        store = run.store(asker=asker, prepare=False, readonly=True)
        run.go_discreet(ctx, discreet)
        if ctx.invoked_subcommand is None:
            # Crisis first: the key is found when something is first saved, never before
            # the start screen (without a keyring that means a passphrase question).
            run.store(asker=asker, prepare=False)
            run_start(
                store,
                run.prompter(),
                run.display(),
                run.lang,
                region=region,
            )


def main() -> ExitCode:
    """Run safecheck with the command line's arguments; the exit code it ends with."""
    from safecheck.core.hardening import harden

    harden()  # first, before any secret is in memory: no core dumps; calm SIGTERM/HUP/PIPE
    try:
        app(prog_name="safecheck")
    except SystemExit as done:  # Typer always ends this way, also for a wrong option
        if isinstance(done.code, int):
            return ExitCode(done.code)
        return ExitCode.OK if done.code is None else ExitCode.ERROR
    return ExitCode.OK
