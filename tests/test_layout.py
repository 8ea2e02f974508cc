"""The package's rooms: layers that point one way, no import cycles, small modules.

import-linter keeps the layers (contracts in pyproject.toml, run by `make lint`); these
tests show that it really fails on a forbidden import, and check what it does not:
cycles between modules (imports inside functions count too), module size, and which
outside libraries a run that prints JSON or help loads.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from safecheck.storage.store import open_store
from tests.conftest import ROOT, child_env

PACKAGE = ROOT / "safecheck"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
MAX_LINES = 600


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runs(node: ast.AST) -> Iterator[ast.AST]:
    """Every node that can run: what sits under `if TYPE_CHECKING:` never does."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
            for other in child.orelse:
                yield other
                yield from _runs(other)
            continue
        yield child
        yield from _runs(child)


def imports_of(path: Path) -> set[str]:
    """The safecheck modules `path` imports, at the top or inside functions."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    for node in _runs(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], base]).strip(".")
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("safecheck")}


def graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: imports_of(path) & set(modules) - {name} for name, path in modules.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in edges[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_between_modules_counting_imports_inside_functions() -> None:
    edges = graph()
    assert len(edges) > 50  # the whole package was read
    assert edges["safecheck.cli.app"]
    assert cycles(edges) == []


def test_the_cycle_finder_finds_a_cycle_through_an_import_inside_a_function() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]
    assert imports_of(PACKAGE / "app" / "plan.py") >= {"safecheck.flows.start"}  # in a function


def test_no_module_is_over_600_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


@pytest.fixture(scope="module")
def copy_of_the_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package and its contracts in a folder of their own, to break on purpose."""
    folder = tmp_path_factory.mktemp("layout")
    shutil.copytree(PACKAGE, folder / "safecheck", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    return folder


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", "pyproject.toml", "--no-cache"],
        cwd=folder,
        env={**child_env(folder), "PYTHONPATH": str(folder)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_import_linter_keeps_the_contracts(copy_of_the_package: Path) -> None:
    result = lint_imports(copy_of_the_package)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("flows/walk.py", "import rich", "Only ui talks to rich"),
        ("content/checklist.py", "import keyring", "Only storage talks to keyring"),
        ("core/region.py", "from safecheck.storage import store", "cli -> app -> flows"),
        ("flows/walk.py", "from safecheck.app import run", "cli -> app -> flows"),
        ("app/run.py", "import typer", "Only cli talks to typer"),
        ("evidence/model.py", "import typer", "Only cli talks to typer"),
    ],
)
def test_import_linter_fails_on_a_forbidden_import(
    copy_of_the_package: Path, module: str, line: str, contract: str
) -> None:
    path = copy_of_the_package / "safecheck" / module
    original = path.read_text(encoding="utf-8")
    path.write_text(original + f"\n\ndef _forbidden() -> None:\n    {line}\n", encoding="utf-8")
    try:
        result = lint_imports(copy_of_the_package)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert len(broken) == 1, result.stdout
    assert contract in broken[0]


LOADED = """
import json, sys
from safecheck.cli.app import main
code = main()
loaded = sorted({name.split(".")[0] for name in sys.modules} & {"rich", "questionary",
    "prompt_toolkit", "keyring", "cryptography"})
print(json.dumps(loaded), file=sys.stderr)
"""


def loaded_by(home: Path, *args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", LOADED, *args],
        env=child_env(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    loaded: list[str] = json.loads(result.stderr.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("check", "--help"),
        ("evidence", "list", "--json"),
        ("status", "--json"),
        ("check", "prevention", "--no-input", "--json"),
        ("verify", "--min-score", "0", "--json"),
    ],
)
def test_json_and_help_never_load_rich_or_questionary(home: Path, args: tuple[str, ...]) -> None:
    loaded = loaded_by(home, *args)
    assert "rich" not in loaded
    assert "questionary" not in loaded
    assert "prompt_toolkit" not in loaded


def test_help_never_loads_keyring_or_cryptography(home: Path) -> None:
    assert loaded_by(home, "--help") == []


SECRETS = ("keyring", "secretstorage", "jeepney", "cryptography")

# Through the console script's entry point (safecheck/entry.py), as a person runs it.
LOADED_BY_ENTRY = """
import json, os, sys
sys.argv = ["safecheck", *sys.argv[1:]]
from safecheck.entry import main
try:
    main()
finally:
    watched = set(json.loads(os.environ["PROBE_WATCHED"]))
    loaded = sorted({name.split(".")[0] for name in sys.modules} & watched)
    print(json.dumps(loaded), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("--version",),
        ("helplines",),
        ("helplines", "--region", "NL", "--plain"),
        ("where",),
        ("lint", "checklists/prevention.yaml"),
        ("workshop", "--help"),
        ("workshop",),
        ("new-checklist", "NEW"),
    ],
)
def test_what_needs_no_secret_never_loads_the_keyring_or_cryptography(
    home: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    open_store(home).update(lambda state: state.with_setting("lang", "en"))  # to open carelessly
    argv = [str(tmp_path / "new.yaml") if arg == "NEW" else arg for arg in args]
    done = subprocess.run(
        [sys.executable, "-c", LOADED_BY_ENTRY, *argv],
        cwd=ROOT,
        env=child_env(home, PROBE_WATCHED=json.dumps([*SECRETS, "typer"])),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    ran = [] if args == ("--help",) else ["typer"]  # --help is printed as built (issue 28)
    assert loaded == ran, done.stderr  # the command ran, and nothing secret loaded
