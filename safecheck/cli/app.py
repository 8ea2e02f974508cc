"""The typer application: the start screen, and every command, each group in its own module.

Commands only parse their options, call the core and print; `context.reporting` turns
errors into exit codes. `main()` is the program's entry point.
"""

from __future__ import annotations

from typing import Annotated

import typer

from safecheck.cli import checks, evidence, export, housekeeping, own, plan
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

# Commands that are always interactive: the top-level callback may ask for the passphrase
# for them (to read the remembered settings); other commands ask, at most once, themselves.
_ASK_IN_CALLBACK = {None, "plan"}


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
    encryption = None if no_encryption is None else not no_encryption
    ctx.obj = Run(lang=lang.value if lang else default_lang(), encryption=encryption)
    run = run_of(ctx, lang, plain)
    with reporting(run.lang):
        from safecheck.core.errors import NotInteractiveError
        from safecheck.core.i18n import t
        from safecheck.flows.start import run_start

        if ctx.invoked_subcommand is None and not run.interactive:
            # Crisis help first, even here: the help lines, then what works without a terminal.
            from safecheck.content import helplines as helpline_data
            from safecheck.core.region import default_region
            from safecheck.flows.helplines import first_screen

            chosen = region or default_region()
            first_screen(run.display(), helpline_data.load(), run.lang, chosen)
            raise NotInteractiveError(t(run.lang, "start.not_interactive"))
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
    try:
        app(prog_name="safecheck")
    except SystemExit as done:  # Typer always ends this way, also for a wrong option
        if isinstance(done.code, int):
            return ExitCode(done.code)
        return ExitCode.OK if done.code is None else ExitCode.ERROR
    return ExitCode.OK
