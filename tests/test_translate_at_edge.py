"""The domain does not translate (issue 24): no function in storage/, progress/, content/ or
evidence/ (its report renderers aside) takes a language or calls anything that words text in
one: t(), tn(), or a function of core/ that takes `lang` (contact, labelled, field_label, ...).
Which language to show is chosen at the edge (app/, flows/, ui/, the renderers)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from tests.conftest import ROOT

PACKAGE = ROOT / "safecheck"
DOMAIN = ("storage", "progress", "content", "evidence")
RENDERERS = {"evidence/report.py", "evidence/html.py", "evidence/markdown.py"}


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    args = function.args
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
    return {arg.arg for arg in every if arg is not None}


def _translating() -> set[str]:
    """t, tn and every module-level function of core/ that takes a language."""
    names = {"t", "tn"}
    for path in (PACKAGE / "core").glob("*.py"):
        for function in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(function, ast.FunctionDef) and "lang" in _parameters(function):
                names.add(function.name)
    return names


def _called(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def translating_code(source: str, translating: set[str]) -> list[str]:
    """`line: what` for each function of `source` that takes `lang` or calls a translator."""
    found = []
    for function in _functions(ast.parse(source)):
        if "lang" in _parameters(function):
            found.append(f"{function.lineno}: {function.name} takes lang")
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and _called(node) in translating:
                found.append(f"{node.lineno}: {function.name} calls {_called(node)}()")
    return found


def test_no_domain_function_takes_a_language_or_translates() -> None:
    translating = _translating()
    found = []
    for folder in DOMAIN:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            name = path.relative_to(PACKAGE).as_posix()
            if name in RENDERERS:
                continue
            source = path.read_text(encoding="utf-8")
            found += [
                f"safecheck/{name}:{where}" for where in translating_code(source, translating)
            ]
    assert not found, "the domain translates; choose the language at the edge:\n" + "\n".join(found)


def test_the_check_sees_a_language_parameter_a_translator_and_a_core_wording() -> None:
    translating = _translating()
    assert {"t", "tn", "contact", "labelled", "field_label"} <= translating
    source = (
        "def a(lines, lang):\n    return lines\n"
        "def b(item):\n    return i18n.t('en', item)\n"
        "def c(line):\n    english = 'en'\n    return contact(line, english)\n"
        "def d(line):\n    return line.name['en']\n"
    )
    assert translating_code(source, translating) == [
        "1: a takes lang",
        "4: b calls t()",
        "7: c calls contact()",
    ]
