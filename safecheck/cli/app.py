"""The typer application: the start screen, and every command, each group in its own module.

Commands only parse their options, call one use case (`safecheck.app`) and render its
result; `context.Boundary` turns errors into exit codes, around every command at once.
`main()` is the program's entry point.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from safecheck.cli.context import Boundary, finish, run_in, run_of
from safecheck.cli.lazy import Commands, Where
from safecheck.cli.options import LangOption, PlainOption, RegionOption
from safecheck.core.errors import ExitCode
from safecheck.core.i18n import N_

if TYPE_CHECKING:
    from safecheck.storage.settings import Settings

# Every command, in the order --help lists them: where it is defined (cli/lazy.py).
COMMANDS = {
    "check": Where("checks", "check"),
    "status": Where("checks", "status"),
    "verify": Where("checks", "verify"),
    "class-summary": Where("lab", "class_summary"),
    "plan": Where("plan", "plan"),
    "helplines": Where("plan", "helplines"),
    "workshop": Where("own", "workshop"),
    "lint": Where("own", "lint"),
    "new-checklist": Where("own", "new_checklist"),
    "config": Where("own", "config"),
    "where": Where("housekeeping", "where"),
    "wipe": Where("housekeeping", "wipe"),
    "reset": Where("housekeeping", "reset"),
    "export": Where("export", "export_command"),
    "evidence": Where("evidence", "evidence_app"),
    "backup": Where("backup", "backup_app"),
}


class Safecheck(Boundary):
    """The top-level group, whose commands are built only when they are used (cli/lazy.py)."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.commands = self.lazy = Commands(COMMANDS)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.lazy)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        TyperGroup(commands=self.lazy.summaries()).format_commands(ctx, formatter)


app = typer.Typer(
    name="safecheck",
    no_args_is_help=False,
    pretty_exceptions_enable=False,  # never print local variables (answers) in a traceback
    rich_markup_mode=None,
    cls=Safecheck,
)


def _show_version(wanted: bool) -> None:
    if wanted:
        import safecheck

        typer.echo(f"safecheck {safecheck.__version__}")
        raise typer.Exit(ExitCode.OK)


# Start safecheck. With no command, a menu opens; its first choice is the emergency plan.
@app.callback(invoke_without_command=True)
def start(
    ctx: typer.Context,
    lang: LangOption = None,
    region: RegionOption = None,
    discreet: Annotated[
        bool | None,
        typer.Option(
            "--discreet/--no-discreet",
            help=N_(
                "Discreet mode, remembered: a neutral window title, the screen cleared at "
                "the end, and Esc twice or q quits at once."
            ),
        ),
    ] = None,
    plain: PlainOption = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_show_version,
            help=N_("Show safecheck's version and stop."),
        ),
    ] = False,
    no_encryption: Annotated[
        bool | None,
        typer.Option(
            "--no-encryption/--encryption",
            envvar="SAFECHECK_NO_ENCRYPTION",
            help=N_(
                "Save without encryption (plain files that anyone who can read your files can "
                "read), or turn encryption back on. Remembered until changed. See the README."
            ),
        ),
    ] = None,
) -> None:
    """Protect yourself against sextortion, and act well when it happens."""
    from safecheck.app.start import StartRequest
    from safecheck.app.start import start as use_case

    run = run_in(ctx)
    run.encryption = None if no_encryption is None else not no_encryption
    run.region = region
    ctx.call_on_close(run.close)
    run_of(ctx, lang, plain)
    request = StartRequest(ctx.invoked_subcommand, lang.value if lang else None, discreet)
    finish(run, use_case(run, request))


def main(
    crisis_shown: str | None = None, saved: "Settings | None" = None, home: Path | None = None
) -> ExitCode:
    """Run safecheck with the command line's arguments; the exit code it ends with.

    `crisis_shown`: the crisis lines the entry point has printed already (safecheck/entry.py),
    `saved` and `home`: the plain settings it read for them, and where. Typer's standalone mode is off: usage
    errors, --help and the exit codes of commands come back here, and nowhere else.
    """
    from typer._click.exceptions import ClickException  # the click typer carries

    known = {"crisis_shown": crisis_shown, "saved": saved, "home_folder": home}
    try:  # the Run is made from what is known when a command needs it (never for --help)
        code = app(prog_name="safecheck", obj=known, standalone_mode=False)
    except ClickException as error:  # a wrong option or argument, in the reader's language
        from safecheck.cli import help as translated
        from safecheck.command_line import reader_language

        translated.show_error(error, reader_language(sys.argv[1:]))
        return ExitCode(error.exit_code)
    except typer.Abort:
        typer.echo("Aborted!", err=True)
        return ExitCode.ERROR
    except SystemExit as done:  # SIGTERM or SIGHUP (core.hardening.Stopped)
        return ExitCode(done.code) if isinstance(done.code, int) else ExitCode.ERROR
    return ExitCode(code) if isinstance(code, int) else ExitCode.OK
