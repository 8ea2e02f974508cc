"""The command line's side of a run: the boundary where errors become exit codes, and `run_of`.

The `Run` itself (home, settings, display, prompter, store) is the application layer's
(`safecheck.app.run`); the top-level callback fills it from the options every command
shares, and a command adds its own `--lang` and `--plain` with `run_of`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import typer

from safecheck.cli.anywhere import OptionsAnywhere
from safecheck.core.errors import (
    ExitCode,
    Interrupted,
    QuickExit,
    SafecheckError,
    answers_not_saved,
    note_not_saved,
)
from safecheck.core.i18n import N_

STOPPED = N_("Stopped. Your answers so far are saved; run the same command to go on.")
NOT_SAVED = N_("Stopped. This time's answers were not saved; your saved file is unchanged.")

if TYPE_CHECKING:
    from safecheck.app.result import Result
    from safecheck.app.run import Run


def run_in(ctx: typer.Context) -> Run:
    """The run of this command line, made once, from what main() knows (never for --help)."""
    from safecheck.app.run import Run

    root = ctx.find_root()
    if not isinstance(root.obj, Run):
        root.obj = Run(**(root.obj if isinstance(root.obj, dict) else {}))
    return root.obj


def run_of(ctx: typer.Context, lang: Any = None, plain: bool = False, json: bool = False) -> Run:
    """The run made by the top-level callback, with this command's --lang, --plain and --json
    (an error is then a JSON document on stdout too)."""
    run = run_in(ctx).with_options(getattr(lang, "value", lang), plain)
    run.json = json
    return run


def finish(run: Run, result: Result, *, json: bool = False) -> None:
    """Render the use case's result; its exit code ends the command."""
    from safecheck.app.render import render

    code = render(run, result, json=json)
    if code != ExitCode.OK:
        raise typer.Exit(code)


@contextlib.contextmanager
def reporting(run: Callable[[], Run]) -> Iterator[None]:
    """The one interrupt boundary: safecheck's own errors, Ctrl-C and quick exit become
    one calm paragraph and a documented exit code.

    Under `--json` an error is also one JSON document on stdout (kind `error`), so a script
    that reads stdout always gets a document; the exit code is the same.
    """
    note_not_saved(False)
    try:
        yield
    except (QuickExit, Interrupted) as left:  # left on purpose, or Ctrl-C: the same line
        from safecheck.core.i18n import t

        stopped, lang = run().stopped or STOPPED, _lang(run())
        said = NOT_SAVED if answers_not_saved() and stopped == STOPPED else stopped
        if not getattr(left, "quietly", False):  # discreet mode leaves without a word
            say(t(lang, said))
        if isinstance(left, QuickExit):
            raise typer.Exit(ExitCode.OK) from None
        if run().json:
            _emit_error(left, lang, said)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except SafecheckError as error:
        lang = _lang(run())
        say(f"safecheck: {error.text(lang)}")
        if run().json:
            _emit_error(error, lang)
        raise typer.Exit(error.exit_code) from None


def say(text: str) -> None:
    """A message on stderr, wrapped between words in a terminal."""
    from safecheck.ui.terminal import fitted

    typer.echo(fitted(text), err=True)


def _lang(run: Run) -> str:
    return run.lang or run.with_options(None).lang


def _emit_error(error: SafecheckError, lang: str, msgid: str | None = None) -> None:
    """The `error` document of the reference: the code, the message id, the text and details."""
    from safecheck.core import jsonout
    from safecheck.core.i18n import t

    problems = getattr(error, "problems", ()) or ((error,) if error.path is not None else ())
    jsonout.emit(
        "error",
        {
            "lang": lang,
            "code": int(error.exit_code),
            "error": msgid or error.msgid,
            "message": t(lang, msgid) if msgid else error.text(lang),
            "details": [
                {
                    "file": None if problem.path is None else str(problem.path),
                    "line": problem.line,
                    "error": problem.msgid,
                    "message": problem.text(lang),
                }
                for problem in problems
            ],
        },
    )


class Boundary(OptionsAnywhere):
    """The top-level group: every callback and command runs inside the one `reporting`;
    the shared options work after the command too, and --help and usage errors are in the
    reader's language (`OptionsAnywhere`)."""

    def invoke(self, ctx: Any) -> Any:
        with reporting(lambda: run_in(ctx)):
            return super().invoke(ctx)
