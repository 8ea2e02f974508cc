"""The program's catalogues at build time, with Babel: extract the message ids, compile `.mo`.

    python tools/catalogues.py compile   # every safecheck/locale/*/LC_MESSAGES/*.po -> .mo
    python tools/catalogues.py extract   # write safecheck/locale/safecheck.pot from the code
    python tools/catalogues.py update    # extract, then merge the template into every .po

safecheck itself never imports Babel: it reads the compiled `.mo` with the standard
library's `gettext`. The build (`hatch_build.py`) and `make` compile; the tests extract.
"""

from __future__ import annotations

import ast
import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "safecheck"
LOCALE = PACKAGE / "locale"
DOMAIN = "safecheck"
# The project's address (the one its commits carry), for the catalogues' headers.
MAINTAINERS = "maintainers@users.noreply.r-seed-9a6f9b42.example"

# The functions whose arguments are message ids (1-based positions), as Babel spells it:
# t(lang, text, **values), tn(lang, singular, plural, count, **values), N_(text), and the
# messages as values: msg(text, **values), msgn(singular, plural, count, **values).
KEYWORDS: dict[str, tuple[int, ...]] = {
    "t": (2,),
    "tn": (2, 3),
    "N_": (1,),
    "msg": (1,),
    "msgn": (1, 2),
}


def extract_python(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, tuple[str | None, ...], list[str]]]:
    """A Babel extraction method that reads the syntax tree, so calls inside f-strings count;
    a Typer command's docstring (its --help) counts too."""
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _is_command(node):
            docstring = ast.get_docstring(node, clean=True)  # as Typer makes it the help
            if docstring:
                yield node.body[0].lineno, "N_", (docstring,), []
            continue
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name: str | None = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name is None or name not in keywords:
            continue
        # t(lang, "a" if x else "b") holds two messages: each branch is yielded.
        options = [_literals(arg) for arg in node.args]
        for args in itertools.product(*options):
            yield node.lineno, name, args, []


def _is_command(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A Typer command or callback (`def name(ctx: typer.Context, ...) -> None`): its
    docstring is its --help text, a message id like its options' help=N_("...")."""
    first = function.args.args[0].annotation if function.args.args else None
    returns = function.returns
    return (
        isinstance(first, ast.Attribute)
        and first.attr == "Context"
        and isinstance(first.value, ast.Name)
        and first.value.id == "typer"
        and isinstance(returns, ast.Constant)
        and returns.value is None
    )


def _literals(arg: ast.expr) -> list[str | None]:
    """The texts an argument can be: a literal, or each literal branch of `a if x else b`."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [arg.value]
    if isinstance(arg, ast.IfExp):
        return _literals(arg.body) + _literals(arg.orelse)
    return [None]


def messages(package: Path = PACKAGE) -> dict[str | tuple[str, ...], list[str]]:
    """Every message id in the code (a pair for a plural), with the places that use it."""
    from babel.messages.extract import extract

    found: dict[str | tuple[str, ...], list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        with path.open("rb") as file:
            for line, message, _comments, _context in extract(
                cast(Any, extract_python), file, keywords=KEYWORDS
            ):
                where = f"{path.relative_to(package.parent)}:{line}"
                found.setdefault(message, []).append(where)
    return found


def template(package: Path = PACKAGE) -> Any:
    """The catalogue template (.pot) of the code's message ids."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(
        project="safecheck",
        version=_version(),
        domain=DOMAIN,
        charset="utf-8",
        msgid_bugs_address=MAINTAINERS,
        copyright_holder="The safecheck maintainers",
        last_translator=f"The safecheck maintainers <{MAINTAINERS}>",
    )
    for message, places in messages(package).items():
        for place in places:
            file, line = place.rsplit(":", 1)
            catalog.add(message, locations=[(file, int(line))])
    return catalog


def _version() -> str:
    """The version in pyproject.toml, for the catalogues' Project-Id-Version."""
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def catalogues(locale: Path = LOCALE) -> list[Path]:
    return sorted(locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def compile_all(locale: Path = LOCALE) -> list[Path]:
    """Compile each `.po` to the `.mo` beside it (fuzzy entries left out); the written files."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in catalogues(locale):
        with po.open("rb") as file:
            catalog = read_po(file, locale=po.parent.parent.name)
        mo = po.with_suffix(".mo")
        # Whole or not at all: a build from a checkout (pip wheel, the tests' wheel) compiles
        # them while a safecheck may be reading them, and an emptied file is a crash there.
        temporary = mo.with_name(f"{mo.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as file:
            write_mo(file, catalog, use_fuzzy=False)
        temporary.replace(mo)
        written.append(mo)
    return written


def write_template(locale: Path = LOCALE) -> Path:
    from babel.messages.pofile import write_po

    pot = locale / f"{DOMAIN}.pot"
    with pot.open("wb") as file:
        write_po(file, template(), width=100, sort_output=False)
    return pot


def update_all(locale: Path = LOCALE) -> None:
    """Merge the template into every catalogue: new ids come in empty, changed ones fuzzy."""
    from babel.messages.pofile import read_po, write_po

    pot = template()
    for po in catalogues(locale):
        with po.open("rb") as file:
            catalog = read_po(file, locale=po.parent.parent.name)
        catalog.update(pot, no_fuzzy_matching=False)
        with po.open("wb") as file:
            write_po(file, catalog, width=100, no_location=True, ignore_obsolete=True)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "compile"
    if command == "compile":
        for mo in compile_all():
            print(f"compiled {mo.relative_to(ROOT)}")
    elif command == "extract":
        print(f"wrote {write_template().relative_to(ROOT)}")
    elif command == "update":
        update_all()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
