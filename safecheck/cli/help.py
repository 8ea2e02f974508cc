"""--help and usage errors in the reader's language, from the catalogues.

Typer's click writes its help and its errors in English. Before the command line is read,
`translate` finds the reader's language (--lang anywhere on the line, else the language
chosen before, else the locale), puts every help text of the command tree through the
catalogue and gives every command a help formatter whose headings are translated;
`usage_error` writes a usage error the same way. The help texts are written once, where
each command and option is defined: `help=N_("...")`, and a command's docstring, which
tools/catalogues.py extracts as a message id too.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from typer._click.core import Context
from typer._click.exceptions import UsageError
from typer._click.formatting import HelpFormatter
from typer.core import TyperGroup

from safecheck.cli.lazy import Commands
from safecheck.core.i18n import N_, t

# Click's own text for the --help option, which it makes afresh for each --help.
HELP_OPTION = N_("Show this message and exit.")
# Typer's texts for its shell-completion options, which `translate` finds in the tree.
COMPLETION = (
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
)
HEADINGS = {"Options": N_("Options"), "Arguments": N_("Arguments"), "Commands": N_("Commands")}

# Click's usage errors that the catalogue words as click does, a {placeholder} for each
# part that varies: the message id is also the pattern that recognises the error.
AS_CLICK_SAYS = (
    N_("No such option: {name}"),
    N_("No such command {name}."),
    N_("Missing argument {name}."),
    N_("Missing option {name}."),
    N_("Option {name} requires an argument."),
    N_("Option {name} does not take a value."),
    N_("Invalid value for {name}: {problem}"),
    N_("{value} is not one of {choices}."),
    N_("{value} is not in the range {range}."),
    N_(
        "{value} is not a country code: use BE, NL, another two-letter ISO 3166 code "
        "(US, FR, ...) or OTHER."
    ),
)
# The patterns below are compiled when first used (re keeps them): a --help that shows no
# error does not pay for compiling them.
PLACEHOLDER = r"\\\{(\w+)\\\}"


def _pattern(msgid: str) -> str:
    """The pattern of click's text that `msgid` words: each {placeholder} matches any text."""
    return "(?s)" + re.sub(PLACEHOLDER, r"(?P<\1>.+?)", re.escape(msgid)) + "$"


@functools.cache
def problems() -> tuple[tuple[str, str], ...]:
    """How click words its usage errors, and the message id each becomes."""
    return (*((_pattern(msgid), msgid) for msgid in AS_CLICK_SAYS), *PROBLEMS)


PROBLEMS = (
    (
        r"(?:File|Directory|Path) (?P<path>.+) is a directory\.$",
        N_("{path} is a folder, not a file."),
    ),
    (
        r"(?:File|Directory|Path) (?P<path>.+) is a file\.$",
        N_("{path} is a file, not a folder."),
    ),
    (
        r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.*)\)$",
        N_("Got unexpected extra arguments ({arguments})"),
    ),
    (
        r"(?P<value>.+) is not a valid int(?:eger)?(?: range)?\.$",
        N_("{value} is not a whole number."),
    ),
)
SUGGESTION = r"(?s)^(?P<problem>.+)\. Did you mean (?P<suggestion>.+)\?$"


def translate(group: TyperGroup, lang: str) -> None:
    """Every help text of the command tree, and its headings, in `lang`."""

    def to(text: str | None) -> str | None:
        return t(lang, text) if text else text

    formatter = _formatter(lang)

    class Translated(Context):
        formatter_class = formatter

    def translated(tree: Any) -> None:
        for command in _commands(tree):
            command.context_class = Translated
            command.help = to(command.help)
            command.short_help = to(command.short_help)
            for param in command.params:
                if getattr(param, "help", None):
                    param.help = to(param.help)

    translated(group)
    if isinstance(group.commands, Commands):  # the commands built later: as they are built
        group.commands.when_built = translated


def usage_error(error: UsageError, lang: str, echo: Callable[[str], None]) -> None:
    """The usage, how to get help, and what is wrong, as click writes them, in `lang`."""
    ctx = error.ctx
    if ctx is not None:
        lines = [ctx.get_usage()]
        if ctx.command.get_help_option(ctx) is not None:
            hint = t(
                lang,
                "Try '{command} {option}' for help.",
                command=ctx.command_path,
                option=ctx.help_option_names[0],
            )
            lines.append(hint)
        echo("\n".join(lines) + "\n")
    echo(error_line(error, lang))


def error_line(error: Any, lang: str) -> str:
    """ "Error: " and what is wrong, in `lang`, wrapped on words as wide as --help."""
    import textwrap

    text = t(lang, "Error: {message}", message=problem_text(error.format_message(), lang))
    width = HelpFormatter().width
    return textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False)


def show_error(error: Any, lang: str) -> None:
    """A click error on stderr in `lang`: a usage error with its usage line and hint."""
    import sys

    def echo(text: str) -> None:
        print(text, file=sys.stderr)

    if isinstance(error, UsageError):
        usage_error(error, lang, echo)
    else:
        echo(error_line(error, lang))


def problem_text(message: str, lang: str) -> str:
    """Click's English description of a usage error, in `lang` where the catalogue has it."""
    suggested = re.match(SUGGESTION, message)
    if suggested:
        return " ".join(
            (
                problem_text(suggested["problem"] + ".", lang),
                t(lang, "Did you mean {suggestion}?", suggestion=suggested["suggestion"]),
            )
        )
    for pattern, msgid in problems():
        found = re.match(pattern, message)
        if found:
            values = {
                key: problem_text(value, lang) if key == "problem" else value
                for key, value in found.groupdict().items()
            }
            return t(lang, msgid, **values)
    return t(lang, message)  # a command's own message, N_("...") where it raises it


def _commands(command: Any) -> Iterator[Any]:
    """`command`, and the commands under it that are built (cli/lazy.py)."""
    yield command
    commands = getattr(command, "commands", {})
    for under in (commands.built if isinstance(commands, Commands) else commands).values():
        yield from _commands(under)


# What click adds after an option's help, and the message id each becomes.
EXTRAS = (
    (r"\[default: (?P<value>[^\]]*)\]", N_("[default: {value}]")),
    (r"\[env var: (?P<name>[^\]]*)\]", N_("[env var: {name}]")),
    (r"\[required\]", N_("[required]")),
)


def _help_text(text: str, lang: str) -> str:
    """An option's help as click wrote it: translated where it is the catalogue's, with
    what click adds after it ([default: ...], [required]) in `lang` too."""
    text = t(lang, text) if text == HELP_OPTION else text
    for pattern, msgid in EXTRAS if "[" in text else ():
        text = re.sub(pattern, functools.partial(_extra, lang, msgid), text)
    return text


def _extra(lang: str, msgid: str, found: re.Match[str]) -> str:
    return t(lang, msgid, **found.groupdict())


def _formatter(lang: str) -> type[HelpFormatter]:
    class Formatter(HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, t(lang, "Usage: ") if prefix is None else prefix)

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            shown = [(term, _help_text(text, lang)) for term, text in rows]
            super().write_dl(shown, *args, **kwargs)

        def write_heading(self, heading: str) -> None:
            self.write(f"{'':>{self.current_indent}}{t(lang, '{heading}:', heading=heading)}\n")

        @contextlib.contextmanager
        def section(self, name: str) -> Iterator[None]:
            with super().section(t(lang, HEADINGS.get(name, name))):
                yield

    return Formatter
