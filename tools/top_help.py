"""Build the top-level `safecheck --help` in every language into
safecheck/locale/top_help.marshal, which the entry point prints without loading typer
(safecheck/command_line.py).

    python tools/top_help.py [PATH]

The build (`hatch_build.py`) runs this in a process of its own, so the file names exactly
the safecheck modules that made the help; `make` runs it when a catalogue or the code
changed. The file is not kept in git.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(path: Path | None = None) -> Path:
    """Render `safecheck --help` in every language with the real application, as click
    writes it at its usual width (78 columns), and write it for the entry point to print
    without loading typer (safecheck/command_line.py). The build's step
    (this file, run by itself), in a process of its own: the file names exactly the
    safecheck modules that made the help (the command docstrings, the option texts)."""
    from safecheck.cli.app import app
    from safecheck.command_line import top_help_path
    from safecheck.core.i18n import LANGUAGES, catalogue_files
    from safecheck.flows import first_lines as built

    os.environ["COLUMNS"] = "80"  # click's width: min(columns, 80) - 2
    texts = {}
    for lang in LANGUAGES:
        with contextlib.redirect_stdout(io.StringIO()) as shown:
            code = app(["--lang", lang, "--help"], prog_name="safecheck", standalone_mode=False)
        if code not in (None, 0):
            raise RuntimeError(f"--help ended with {code}")
        texts[lang] = shown.getvalue()
    import typer  # its version is in its __init__: another typer may word or lay out otherwise

    sources = [*catalogue_files(), *built.loaded_modules(), Path(typer.__file__)]
    return built.write(path or top_help_path(), texts, sources)


if __name__ == "__main__":
    sys.dont_write_bytecode = True  # a build leaves no __pycache__ behind
    sys.path.insert(0, str(ROOT))
    built_path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(f"built {built_path}")
