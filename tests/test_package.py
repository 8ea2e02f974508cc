"""The package says what it is: its metadata, its license, and filled-in catalogue headers."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from typing import Any

from tests.conftest import ROOT

PLACEHOLDERS = ("FULL NAME", "EMAIL@ADDRESS", "YEAR-MO-DA", "LL@li.org", "PACKAGE VERSION")

# pyroma runs in a child: importing it loads urllib3, which opens (and never connects) a socket
# to see whether IPv6 exists, and this suite's guard refuses any socket in its own process.
RATE = """
import json, sys
from pyroma import projectdata, ratings
data = projectdata.get_data(sys.argv[1])
rating, failures = ratings.rate(data)
print(json.dumps({"rating": rating, "failures": failures,
                  "data": {k: v for k, v in data.items() if not k.startswith("_")}}))
"""


@functools.cache
def pyroma() -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", RATE, str(ROOT)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_pyroma_rates_the_package_9_or_better() -> None:
    assert pyroma()["rating"] >= 9, pyroma()["failures"]


def test_the_metadata_names_the_languages_and_the_console() -> None:
    data = pyroma()["data"]
    classifiers = set(data["classifier"])
    for wanted in (
        "Environment :: Console",
        "Natural Language :: Dutch",
        "Natural Language :: English",
        "Natural Language :: French",
        "Topic :: Security",
    ):
        assert wanted in classifiers
    assert "sextortion" in data["keywords"]
    assert data["license-expression"] == "MIT"
    # No invented address: the project has no web site, so no project URL.
    assert "project-url" not in data
    assert "home-page" not in data


def test_no_catalogue_header_holds_a_template_placeholder() -> None:
    catalogues = sorted((ROOT / "safecheck" / "locale").glob("*/LC_MESSAGES/safecheck.po"))
    assert len(catalogues) >= 2
    for po in catalogues:
        header = po.read_text(encoding="utf-8").split("\n\n", 1)[0]
        for placeholder in PLACEHOLDERS:
            assert placeholder not in header, f"{po.relative_to(ROOT)}: {placeholder}"
        assert re.search(r'"Project-Id-Version: safecheck \d', header)


def test_the_template_carries_the_same_header() -> None:
    from tools import catalogues

    template = catalogues.template()
    assert template.version
    assert template.msgid_bugs_address != "EMAIL@ADDRESS"
    assert "FULL NAME" not in template.last_translator


def imported_libraries() -> set[str]:
    """The top-level names of every library safecheck imports, anywhere in a module (also
    inside functions), that is neither the standard library nor safecheck itself."""
    import ast

    names: set[str] = set()
    for path in (ROOT / "safecheck").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return {name for name in names if name not in sys.stdlib_module_names} - {"safecheck"}


def test_every_library_safecheck_imports_is_a_declared_dependency() -> None:
    """An install gets only what pyproject.toml declares (the wheel test installs its
    dependencies from this environment, so it would not notice a missing one)."""
    import tomllib
    from importlib.metadata import packages_distributions

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {
        Requirement(line).name.lower().replace("_", "-") for line in project["dependencies"]
    }
    provided_by = packages_distributions()
    missing = {
        name
        for name in imported_libraries()
        if not {dist.lower().replace("_", "-") for dist in provided_by.get(name, [])} & declared
    }
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"
