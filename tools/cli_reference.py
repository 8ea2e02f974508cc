"""Write `docs/commands.md`, the command reference, from the Typer application itself.

    python tools/cli_reference.py          # rewrite docs/commands.md
    python tools/cli_reference.py --check  # exit 1 when docs/commands.md is out of date

Every command and option comes from the program (its click command tree, in English), so the
page cannot describe an option that does not exist or miss one that does.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer.main

from tools.pages import write_or_check

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "commands.md"

HEADER = """# Commands and options

Made from safecheck itself by `python tools/cli_reference.py`; do not edit by hand.
`safecheck COMMAND --help` shows the same text in your terminal, and the
[reference](reference.md) has the exit codes and the file and JSON formats.
"""


# Typer brings its own copy of click (typer._click), so commands are read by what they have,
# not by click's classes: a group has `commands`, an option's `param_type_name` is "option".
Command = Any


def _commands(command: Command, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Command]]:
    yield path, command
    for name in sorted(getattr(command, "commands", {})):
        yield from _commands(command.commands[name], (*path, name))


def _usage(command: Command, context: Any) -> str:
    return " ".join(command.collect_usage_pieces(context))


def _section(path: tuple[str, ...], command: Command) -> list[str]:
    name = " ".join(path)
    context = command.context_class(command, info_name=name)
    lines = [f"## `{name}`", ""]
    if command.help:
        lines += [_text(command.help), ""]
    lines += ["```", f"{name} {_usage(command, context)}".rstrip(), "```", ""]
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    options = [
        record
        for p in command.params
        if p.param_type_name == "option"
        if (record := p.get_help_record(context)) is not None
    ]
    if arguments:
        lines += ["| argument | |", "| --- | --- |"]
        for argument in arguments:
            lines.append(
                f"| `{argument.human_readable_name}` | {_cell(getattr(argument, 'help', '') or '')} |"
            )
        lines.append("")
    if options:
        lines += ["| option | what it does |", "| --- | --- |"]
        for opts, text in options:
            lines.append(f"| `{_cell(opts)}` | {_cell(text)} |")
        lines.append("")
    if getattr(command, "commands", None):
        names = ", ".join(
            f"[`{name} {sub}`](#{_anchor(f'{name} {sub}')})" for sub in sorted(command.commands)
        )
        lines += [f"Commands: {names}.", ""]
    return lines


def _text(text: str) -> str:
    """A command's help as Markdown: its paragraphs, with the example kept as code."""
    out: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        joined = " ".join(line.strip() for line in paragraph.splitlines())
        if joined.startswith("Example:"):
            example = joined.removeprefix("Example:").strip()
            out.append(f"Example: `{example}`")
        else:
            out.append(joined)
    return "\n\n".join(out)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _anchor(title: str) -> str:
    """The anchor GitHub-style renderers give a heading `## \\`title\\``."""
    return "".join(c for c in title.lower() if c.isalnum() or c in " -_").replace(" ", "-")


def reference() -> str:
    """The whole page, in English whatever the environment says."""
    os.environ["LANG"] = os.environ["LC_ALL"] = "C.UTF-8"
    from safecheck.cli.app import app

    root = typer.main.get_command(app)
    lines = [HEADER]
    for path, command in _commands(root, ("safecheck",)):
        lines += _section(path, command)
    return "\n".join(lines).rstrip() + "\n"


def main(args: list[str]) -> int:
    return write_or_check(PAGE, reference(), args, tool="tools/cli_reference.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
