"""safecheck's entry point: the crisis lines are on screen before anything slow loads.

The console script and `python -m safecheck` both start here. For the start screen
(`safecheck` with no command) and `safecheck plan` in a terminal, the emergency number and
the suicide-prevention lines are printed first: the region and language come from the
command line and the plain settings file, the lines from their precompiled form
(`flows/first_lines.py`). Only then do typer, rich, questionary, the keyring and
cryptography load, and the menu or the plan follows under the lines, which stay on screen.

The top-level `safecheck --help` is printed as built, without typer, when that is exactly
what typer would print (command_line.py). Anything else unusual (a command's `--help`,
`--version`, an option this module does not know, no terminal) prints nothing here: typer
deals with it as before, and the start screen shows the lines itself. The lines are
`crisis.footer_text`'s; this module's only words are the one line it says when the output
cannot be written (a full disk: `output_failed`, exit code 11).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, NoReturn

from safecheck.command_line import columns, top_help_shown

if TYPE_CHECKING:
    from safecheck.storage.settings import Settings

BOLD, NORMAL = "\x1b[1m", "\x1b[0m"
# The options before the command (see cli/app.py) and those of `plan` (cli/plan.py):
# the flags, and the options that take a value.
TOP = (
    {"--plain", "--discreet", "--no-discreet", "--encryption", "--no-encryption"},
    {"--lang", "--region"},
)
PLAN = ({"--plain", "--restart"}, {"--lang", "--region", "--age-group", "--images"})


class Wanted(NamedTuple):
    """What the command line says about the first lines, read without typer."""

    lang: str | None = None
    region: str | None = None  # a country code, upper case
    plain: bool = False
    discreet: bool | None = None


def run() -> NoReturn:
    """The `safecheck` command and `python -m safecheck`: `main()`, with the cycle
    collector at rest until the first question (`core.hardening.pause_collector`), and the
    process ends as soon as it returns (`core.hardening.finish`)."""
    from safecheck.core.hardening import finish, pause_collector

    pause_collector()
    finish(main())


def main() -> int:
    """Run safecheck: the crisis lines first where they belong, then the program."""
    from safecheck.core.hardening import harden

    harden()  # before anything, and only here: no core dumps; calm SIGTERM, SIGHUP and SIGPIPE
    shown = saved = home = None
    try:
        if top_help_shown(sys.argv[1:]):
            code = 0  # ExitCode.OK, as typer's --help ends
        else:
            wanted = first_lines_wanted(sys.argv[1:])
            if wanted is not None and os.isatty(0) and os.isatty(1):
                from safecheck.storage import settings as plain_settings

                with contextlib.suppress(Exception):  # never in the way of the lines
                    home = plain_settings.default_home()
                    saved = plain_settings.read(home)
                shown = show_first_lines(wanted, saved)
            from safecheck.cli.app import main as run

            code = run(crisis_shown=shown, saved=saved, home=home)
        if sys.stdout is not None:  # None: started with its output closed
            sys.stdout.flush()  # what is still held back, while a failure can be told
        return code
    except KeyboardInterrupt:  # Ctrl-C right after the lines, while the rest still loads
        from safecheck.core.errors import ExitCode

        return ExitCode.INTERRUPTED  # nothing was asked or saved yet: nothing to say
    except OSError as error:
        if error.errno not in UNWRITABLE:
            raise
        return output_failed(error)


# A write to standard output or error (a file written elsewhere says so itself, as a
# SafecheckError): a full disk or quota, a file grown past its limit, a failing device.
UNWRITABLE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def output_failed(error: OSError) -> int:
    """Say in one line that the output could not be written (on standard error, if that can
    still be written), and drop what is still held back: the end writes nothing more."""
    from pathlib import Path

    from safecheck.command_line import reader_language
    from safecheck.core.errors import ExitCode
    from safecheck.core.i18n import t

    text = t(
        reader_language(sys.argv[1:]),
        "the output cannot be written ({reason}): the disk or device it goes to may be full.",
        reason=error.strerror,
    )
    nowhere = Path(os.devnull)
    sys.stdout = nowhere.open("w")  # open until the process ends
    try:
        sys.stderr.write(f"safecheck: {text}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # standard error is full, or closed (None)
        sys.stderr = nowhere.open("w")
    return ExitCode.OUTPUT_FAILED


def first_lines_wanted(args: Sequence[str]) -> Wanted | None:
    """For no command or `plan`, what the options say; None for anything else."""
    flags, valued = TOP
    command = None
    lang = region = None
    plain = False
    discreet = None
    rest = iter(args)
    for arg in rest:
        if not arg.startswith("-"):
            if command is not None or arg != "plan":
                return None
            command = arg
            flags, valued = PLAN
            continue
        name, equals, value = arg.partition("=")
        if name in valued:
            if not equals:
                value = next(rest, "")
            if name == "--lang":
                from safecheck.core.i18n import LANGUAGES

                lang = value.strip().lower()
                if lang not in LANGUAGES:
                    return None  # typer says what is wrong
            elif name == "--region":
                region = value.strip().upper()
        elif name in flags and not equals:
            plain = plain or name == "--plain"
            if name in ("--discreet", "--no-discreet"):
                discreet = name == "--discreet"
        else:
            return None  # --help, --version, or one typer has to explain
    return Wanted(lang=lang, region=region, plain=plain, discreet=discreet)


def first_lines(wanted: Wanted, saved: Settings | None = None) -> tuple[str, bool]:
    """The crisis lines to print, and whether discreet mode is on (`saved`: the plain
    settings, read here when not given)."""
    from safecheck.core.i18n import default_lang
    from safecheck.core.region import known_region, parse_region_code, region_of
    from safecheck.flows import first_lines as precompiled
    from safecheck.storage import settings as plain_settings

    saved = saved or plain_settings.read()
    lang = wanted.lang or saved.lang or default_lang()
    code = parse_region_code(wanted.region) if wanted.region else saved.region
    if wanted.region and code is None:
        raise ValueError("not a country code")  # typer says so
    region = region_of(code) if code else known_region(None)
    text = precompiled.text(lang, region.value if region else None)
    discreet = saved.discreet if wanted.discreet is None else wanted.discreet
    return text, discreet


def show_first_lines(wanted: Wanted, saved: Settings | None = None) -> str | None:
    """Print the crisis lines; the text printed, or None when nothing was."""
    try:
        text, discreet = first_lines(wanted, saved)
        width = columns()
        screen = composed(text, discreet=discreet, plain=wanted.plain, width=width)
        sys.stdout.write(screen)
        sys.stdout.flush()
    except Exception:  # never in the way: then the start screen shows the lines itself
        return None
    return text


def composed(text: str, *, discreet: bool, plain: bool, width: int = 80) -> str:
    """What is written: the title in discreet mode, then the lines, bold unless plain."""
    from safecheck.core.text import CONTROL
    from safecheck.ui.terminal import plain_wanted

    if CONTROL.search(text):
        raise ValueError("a control character in the precompiled lines")
    plain = plain_wanted(plain)
    title = ""
    if discreet and not plain:
        from safecheck.flows.discreet import NEUTRAL_TITLE

        title = f"\x1b]0;{NEUTRAL_TITLE}\x07"  # the title the display sets, set first
    lines = [line if plain else f"{BOLD}{line}{NORMAL}" for line in wrapped(text, width)]
    return title + "\n".join(lines) + "\n"


def wrapped(text: str, width: int) -> list[str]:
    """The lines, wrapped between words to the terminal's width (as the display wraps)."""
    lines = text.splitlines()
    if width < 20 or all(len(line) <= width for line in lines):  # < 20: a size not known
        return lines
    import textwrap

    return [
        part
        for line in lines
        for part in textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
    ]
