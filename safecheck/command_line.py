"""What the command line asks for, read without typer: the reader's language, the width
click would write to, and the top-level `--help`, printed as built (safecheck/entry.py).

`safecheck --help` is rendered with the real application when the package is built
(tools/top_help.py, run by the build hook and `make`) into
safecheck/locale/top_help.marshal, beside the compiled catalogues, with the size and CRC-32
of every file it was made from (as flows/first_lines.py does for the crisis lines). The
entry point prints it only when it is exactly what typer would print: the request is the
top-level help and nothing else, click would wrap it at 78 columns, and no source changed
since the build; otherwise typer prints it, as before. Typer alone takes ~40 ms to import.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path


def columns() -> int:
    """COLUMNS, else the terminal's width, else 80: shutil.get_terminal_size's answer, without
    importing shutil (with re, fnmatch, bz2 and lzma) before the first line is on screen."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def reader_language(args: Sequence[str]) -> str:
    """--lang anywhere on the command line, else the language chosen before, else the
    locale's: the language of --help and of a usage error (cli/help.py)."""
    from safecheck.core.i18n import LANGUAGES, default_lang

    for number, arg in enumerate(args):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if name == "--lang":
            value = value if equals else (args[number + 1] if number + 1 < len(args) else "")
            if value.strip().lower() in LANGUAGES:
                return value.strip().lower()
    from safecheck.storage import settings as plain_settings

    return plain_settings.read().lang or default_lang()


def top_help_path() -> Path:
    """Where the build puts the top-level --help (tools/top_help.py)."""
    return Path(__file__).parent / "locale" / "top_help.marshal"


def top_help_wanted(args: Sequence[str]) -> bool:
    """Whether the command line is exactly `--help`, or `--lang L --help` (also `--lang=L`)."""
    from safecheck.core.i18n import LANGUAGES

    if list(args) == ["--help"]:
        return True
    if len(args) == 3 and args[0] == "--lang" and args[2] == "--help":
        return args[1] in LANGUAGES
    name, equals, value = args[0].partition("=") if len(args) == 2 else ("", "", "")
    return name == "--lang" and bool(equals) and value in LANGUAGES and args[1] == "--help"


def top_help_shown(args: Sequence[str]) -> bool:
    """Print `safecheck --help` as built, without loading typer, when it is exactly what
    typer would print: the file is current (`first_lines.read` checks the sources), click
    would wrap at 78 columns (min(columns, 80) - 2) and no shell completion is asked for.
    False (nothing printed) otherwise: typer prints it."""
    if not top_help_wanted(args) or columns() < 80 or sys.stdout is None:
        return False  # (no output at all: typer's way is to print nothing and end with 0)
    if {"_SAFECHECK_COMPLETE", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"} & set(os.environ):
        return False  # shell completion, or typer's switch that words its options otherwise
    from safecheck.flows import first_lines as built

    texts = built.read(top_help_path())
    text = texts.get(reader_language(args)) if texts else None
    if text is None:
        return False
    import codecs

    try:  # click writes UTF-8 where the output says ASCII (a C locale), as is otherwise
        ascii_only = codecs.lookup(sys.stdout.encoding).name == "ascii"
    except (AttributeError, LookupError, TypeError):
        ascii_only = False
    if ascii_only:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    sys.stdout.flush()
    return True
