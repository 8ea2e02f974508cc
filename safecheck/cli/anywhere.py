"""The options every command shares work before or after the command's name.

`safecheck --plain helplines --all` and `safecheck helplines --all --plain` mean the same,
and so does `safecheck check prevention --region BE`: an option of the top level
(`--plain`, `--lang`, `--region`, `--discreet`, `--no-discreet`) written after a command
that does not have it itself is moved in front of the command before click reads it. A
command's own option of the same name stays where it is (the command reads it, and
`context.run_of` joins it with the top level's).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from typer.core import TyperGroup, TyperOption

FLAGS = frozenset({"--plain", "--discreet", "--no-discreet"})
VALUED = frozenset({"--lang", "--region"})


class OptionsAnywhere(TyperGroup):
    """The top-level group: it reads the shared options wherever they were written, and
    writes --help and usage errors in the reader's language (`help.py`)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _hoisted(self, ctx, args))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        import sys

        from typer._click.exceptions import ClickException

        from safecheck.cli import help as translated
        from safecheck.command_line import reader_language

        given = list(sys.argv[1:] if args is None else args)
        lang = reader_language(given)
        translated.translate(self, lang)

        def run() -> Any:
            return super(OptionsAnywhere, self).main(
                given, prog_name, complete_var, False, windows_expand_args, **extra
            )

        if not standalone_mode:
            return run()
        try:
            code = run()
        except ClickException as error:
            translated.show_error(error, lang)
            sys.exit(error.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


def _hoisted(group: TyperGroup, ctx: Any, args: Sequence[str]) -> list[str]:
    """`args` with the shared options the command lacks moved in front of the command."""
    args = list(args)
    start = _first_command(args)
    if start is None:
        return args
    command: Any = group
    end = start
    while isinstance(command, TyperGroup) and end < len(args):
        if args[end].startswith("-"):
            break
        command = command.get_command(ctx, args[end])
        end += 1
    if command is None or isinstance(command, TyperGroup):
        return args  # an unknown command, or a group without its command: click says so
    own = {name for param in command.params for name in (*param.opts, *param.secondary_opts)}
    takes_value = {
        name
        for param in command.params
        if isinstance(param, TyperOption) and not param.is_flag and not param.count
        for name in param.opts
    }
    moved: list[str] = []
    kept: list[str] = []
    rest = iter(args[end:])
    for arg in rest:
        if arg == "--":  # what follows is arguments, never options
            kept.extend([arg, *rest])
            break
        name, equals, _ = arg.partition("=")
        if name in own:
            kept.append(arg)
            if name in takes_value and not equals:
                kept.extend(_value(rest))
        elif name in FLAGS and not equals:
            moved.append(arg)
        elif name in VALUED:
            moved.append(arg)
            if not equals:
                moved.extend(_value(rest))
        else:
            kept.append(arg)
    return args[:start] + moved + args[start:end] + kept


def _first_command(args: Sequence[str]) -> int | None:
    """Where the command's name is, after the top-level options; None: no command."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return index
        if arg in VALUED:  # its value follows
            index += 1
        index += 1
    return None


def _value(rest: Iterator[str]) -> list[str]:
    value = next(rest, None)
    return [] if value is None else [value]
