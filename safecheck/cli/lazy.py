"""The command tree, built one command at a time: only the command that runs is built.

Typer turns a function into a click command by reading its signature: every parameter's
type, default and help. For 27 commands that is most of what `safecheck status --json`
spends before it does anything, so the top-level group holds `Commands`, a mapping that
builds a command (with typer's public `typer.main.get_command`) the first time it is
looked up. `--help` lists the commands from their docstrings' first lines and builds none.
Looking at every command (`.items()`, shell completion) still builds every one.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any, NamedTuple

import typer
from typer._click.core import Command
from typer.core import TyperCommand


class Where(NamedTuple):
    """Where a command is defined: a module of safecheck.cli and its function, or its
    sub-Typer for a group of commands (`evidence`, `backup`)."""

    module: str
    name: str

    def target(self) -> Any:
        return getattr(importlib.import_module(f"safecheck.cli.{self.module}"), self.name)

    def build(self, name: str) -> Command:
        """The click command typer makes of it, as `Typer.add_typer` or `Typer.command` would."""
        target = self.target()
        if isinstance(target, typer.Typer):
            group = typer.main.get_command(target)
            group.name = name
            return group
        one = typer.Typer(add_completion=False, rich_markup_mode=None)
        one.command(name)(target)
        return typer.main.get_command(one)

    def summary(self, name: str) -> Command:
        """A command with only the help text typer would give it: what --help lists."""
        target = self.target()
        if isinstance(target, typer.Typer):
            text = target.info.help
            text = inspect.cleandoc(text) if isinstance(text, str) else None
        else:
            text = inspect.getdoc(target)
        return TyperCommand(name, help=text)


class Commands(MutableMapping[str, Command]):
    """A group's commands by name, each built the first time it is looked up; `when_built`
    is called on each (help.translate puts its texts in the reader's language)."""

    def __init__(self, where: Mapping[str, Where]) -> None:
        self.where = dict(where)
        self.built: dict[str, Command] = {}
        self.when_built: Callable[[Command], None] | None = None

    def __getitem__(self, name: str) -> Command:
        if name not in self.built:
            command = self.where[name].build(name)  # KeyError: no such command
            if self.when_built is not None:
                self.when_built(command)
            self.built[name] = command
        return self.built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self.built[name] = command

    def __contains__(self, name: object) -> bool:  # without building it
        return name in self.where or name in self.built

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self.where.pop(name, None)
        self.built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        yield from self.where
        yield from (name for name in self.built if name not in self.where)

    def __len__(self) -> int:
        return len(self.where.keys() | self.built.keys())

    def summaries(self) -> dict[str, Command]:
        """Every command as --help lists it: the built ones, and the others' help texts."""
        shown = {}
        for name in self:
            command = self.built.get(name)
            if command is None:
                command = self.where[name].summary(name)
                if self.when_built is not None:
                    self.when_built(command)
            shown[name] = command
        return shown
