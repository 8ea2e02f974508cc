"""--help and usage errors in the reader's language, from the catalogues.

Typer's click writes its help and its errors in English. Before the command line is read,
`translate` finds the reader's language (--lang anywhere on the line, else the language
chosen before, else the locale), puts every help text of the command tree through the
catalogue and gives every command a help formatter whose headings are translated;
`usage_error` writes a usage error the same way. Texts that are not in the catalogue yet
stay in English.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from typer._click.core import Context
from typer._click.exceptions import UsageError
from typer._click.formatting import HelpFormatter
from typer.core import TyperGroup

from safecheck.core.i18n import LANGUAGES, N_, default_lang, t

# The help texts the catalogues translate (the others stay English until they are added).
TRANSLATED = (
    N_("Protect yourself against sextortion, and act well when it happens."),
    N_(
        "Walk through a checklist item by item; answers are saved as you go.\n\nWithout a "
        "terminal on standard input, give --answers FILE or --no-input;\notherwise safecheck "
        "stops at once with exit code 5.\n\nExample: safecheck check prevention --lang nl\n\n"
        "Example: safecheck check prevention --answers answers.yaml --no-input --json\n\n"
        "Example: safecheck check prevention --answers-template > answers.yaml"
    ),
    N_(
        "Print an answers file to fill in (every item id, its title as a comment, the answer "
        "empty) and stop. For instructors to hand out."
    ),
    N_("A checklist id (prevention) or the path of a checklist file."),
    N_("Forget earlier answers and start from the top."),
    N_("A YAML file of answers by item id (see README), saved before any question."),
    N_("Never ask; unanswered items stay open. For scripts."),
    N_("Show this message and exit."),
    N_("Language: en, nl, fr, in any case (default: as chosen before, else your locale)."),
    N_("Print one JSON document (see README) on stdout and nothing else; never asks."),
    N_(
        "Plain linear text for screen readers: no boxes, colour or redrawn bars; questions as "
        "numbered lines. Also on with SAFECHECK_PLAIN=1 or TERM=dumb."
    ),
    N_(
        "A folder of your own checklists, read after the built-in ones (instead of the folder "
        "saved with: safecheck config checklists DIR)."
    ),
    N_(
        "Whose help lines: BE, NL, or any other country's two-letter code (US, fr, ...), in any "
        "case; other countries get the international lines (default: as chosen before, else "
        "your locale)."
    ),
    N_(
        "Discreet mode, remembered: a neutral window title, the screen cleared at the end, and "
        "Esc twice or q quits at once."
    ),
    N_("Show safecheck's version and stop."),
)
HEADINGS = {"Options": N_("Options"), "Arguments": N_("Arguments"), "Commands": N_("Commands")}

# How click words its usage errors, and the message id each becomes.
PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"No such option: (?P<name>\S+)$"), N_("No such option: {name}")),
    (re.compile(r"No such command (?P<name>.+)\.$"), N_("No such command {name}.")),
    (re.compile(r"Missing argument (?P<name>.+)\.$"), N_("Missing argument {name}.")),
    (re.compile(r"Missing option (?P<name>.+)\.$"), N_("Missing option {name}.")),
    (
        re.compile(r"Option (?P<name>.+) requires an argument\.$"),
        N_("Option {name} requires an argument."),
    ),
    (
        re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.*)\)$"),
        N_("Got unexpected extra arguments ({arguments})"),
    ),
    (
        re.compile(r"Invalid value for (?P<name>.+?): (?P<problem>.+)$", re.DOTALL),
        N_("Invalid value for {name}: {problem}"),
    ),
    (
        re.compile(r"(?P<value>.+) is not one of (?P<choices>.+)\.$"),
        N_("{value} is not one of {choices}."),
    ),
    (
        re.compile(r"(?P<value>.+) is not in the range (?P<range>.+)\.$"),
        N_("{value} is not in the range {range}."),
    ),
    (
        re.compile(
            r"(?P<value>.+) is not a country code: use BE, NL, another two-letter ISO 3166 "
            r"code \(US, FR, \.\.\.\) or OTHER\.$"
        ),
        N_(
            "{value} is not a country code: use BE, NL, another two-letter ISO 3166 code "
            "(US, FR, ...) or OTHER."
        ),
    ),
)
SUGGESTION = re.compile(r"^(?P<problem>.+)\. Did you mean (?P<suggestion>.+)\?$", re.DOTALL)


def reader_language(args: Sequence[str]) -> str:
    """--lang anywhere on the command line, else the language chosen before, else the
    locale's: the language of --help and of a usage error."""
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


def translate(group: TyperGroup, lang: str) -> None:
    """Every help text of the command tree, and its headings, in `lang`."""

    def to(text: str | None) -> str | None:
        return t(lang, text) if text else text

    formatter = _formatter(lang)

    class Translated(Context):
        formatter_class = formatter

    for command in _commands(group):
        command.context_class = Translated
        command.help = to(command.help)
        command.short_help = to(command.short_help)
        for param in command.params:
            if getattr(param, "help", None):
                param.help = to(param.help)


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
    echo(t(lang, "Error: {message}", message=problem_text(error.format_message(), lang)))


def show_error(error: Any, lang: str) -> None:
    """A click error on stderr in `lang`: a usage error with its usage line and hint."""
    import sys

    def echo(text: str) -> None:
        print(text, file=sys.stderr)

    if isinstance(error, UsageError):
        usage_error(error, lang, echo)
    else:
        echo(t(lang, "Error: {message}", message=problem_text(error.format_message(), lang)))


def problem_text(message: str, lang: str) -> str:
    """Click's English description of a usage error, in `lang` where the catalogue has it."""
    suggested = SUGGESTION.match(message)
    if suggested:
        return " ".join(
            (
                problem_text(suggested["problem"] + ".", lang),
                t(lang, "Did you mean {suggestion}?", suggestion=suggested["suggestion"]),
            )
        )
    for pattern, msgid in PROBLEMS:
        found = pattern.match(message)
        if found:
            values = {
                key: problem_text(value, lang) if key == "problem" else value
                for key, value in found.groupdict().items()
            }
            return t(lang, msgid, **values)
    return message


def _commands(group: TyperGroup) -> Iterator[Any]:
    yield group
    for command in group.commands.values():
        if isinstance(command, TyperGroup):
            yield from _commands(command)
        else:
            yield command


DEFAULT = re.compile(r"\[default: (?P<value>[^\]]*)\]")


def _help_text(text: str, lang: str) -> str:
    """An option's help as click wrote it: translated where it is the catalogue's, with
    its default in `lang` too."""
    text = t(lang, text) if text in TRANSLATED else text
    return DEFAULT.sub(lambda found: t(lang, "[default: {value}]", value=found["value"]), text)


def _formatter(lang: str) -> type[HelpFormatter]:
    class Formatter(HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, t(lang, "Usage: ") if prefix is None else prefix)

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            shown = [(term, _help_text(text, lang)) for term, text in rows]
            super().write_dl(shown, *args, **kwargs)

        @contextlib.contextmanager
        def section(self, name: str) -> Iterator[None]:
            with super().section(t(lang, HEADINGS.get(name, name))):
                yield

    return Formatter
