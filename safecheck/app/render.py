"""The one place that prints a result: a JSON document, or messages and screens."""

from __future__ import annotations

import sys

from safecheck.app.result import Result, Said, To
from safecheck.app.run import Run
from safecheck.core.errors import ExitCode, SafecheckError
from safecheck.core.text import safe_text


def render(run: Run, result: Result, *, json: bool = False) -> ExitCode:
    """Print `result` for `run`: with `json`, the document alone on stdout (its messages on
    stderr, and rich never loaded); else each message and screen in order. Its exit code."""
    for item in result.shown:
        if isinstance(item, Said):
            text = _text(run, item)
            if item.to is To.RAW:  # a file's content: it is what the command prints
                sys.stdout.write(text)
                sys.stdout.flush()
            elif json or item.to is To.ERR:
                print(text, file=sys.stderr, flush=True)
            elif item.to is To.SCREEN:
                run.display().message(text)
            else:
                print(text, flush=True)
        elif not json:
            getattr(run.display(), item.draw)(*item.args, run.lang)
    if json and result.data is not None:
        from safecheck.core import jsonout

        jsonout.emit(result.kind, result.data)
    return result.exit_code


def _text(run: Run, item: Said) -> str:
    """The message in the run's language; a value may name a file anyone could have put
    there, so no control character reaches the terminal."""
    if isinstance(item.message, SafecheckError):
        return item.message.text(run.lang)
    if isinstance(item.message, str):
        return safe_text(item.message)
    return safe_text(run.text(item.message))
