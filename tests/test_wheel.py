"""The built wheel carries its checklists and works from any folder; nothing is written into
the installed package when it runs (issue 28)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from safecheck.flows import first_lines
from tests import keys
from tests.conftest import NETGUARD, ROOT, child_env, spawn, until_ended
from tests.test_first_lines import PROBE


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    # With the build requirements of this virtual environment (the dev extra has them), not
    # a fresh one installed for the build: the wheel is the same. A build in a fresh one is
    # the README's quick start (tests/test_quickstart.py), as pip installs for a newcomer.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
        + ["-w", str(dist), str(ROOT)],
        check=True,
        timeout=300,
    )
    (built,) = dist.glob("safecheck-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("installed") / "venv"
    # A bare virtual environment, filled by this pip (pip --python): the same install, without
    # the seconds ensurepip takes to put a pip of its own into it. safecheck's dependencies
    # are this environment's, named on a path line after the venv's own packages (its .pth
    # files, and so this checkout's editable safecheck, stay unread): installing them again
    # took 4 of the 5 s. tests/test_package.py checks that each is declared.
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python")]
        + ["install", "--quiet", "--no-deps", str(wheel)],
        check=True,
        timeout=600,
    )
    (site,) = venv.glob("lib/python*/site-packages")
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return venv


def installed_env(home: Path, **extra: str) -> dict[str, str]:
    """child_env without this checkout on PYTHONPATH: the installed package runs. Without
    PYTHONDONTWRITEBYTECODE unless asked, as on a person's computer, where Python may write."""
    env = child_env(home, PYTHONPATH=str(NETGUARD), **extra)
    if "PYTHONDONTWRITEBYTECODE" not in extra:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def package_of(venv: Path) -> Path:
    (package,) = venv.glob("lib/python*/site-packages/safecheck")
    return package


def files_in(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.terminal
def test_the_installed_wheel_finds_its_checklists(
    wheel: Path, venv: Path, tmp_path: Path, home: Path
) -> None:
    with zipfile.ZipFile(wheel) as archive:
        assert "safecheck/checklists/prevention.yaml" in archive.namelist()
        assert "safecheck/checklists/emergency.yaml" in archive.namelist()
        assert "safecheck/checklists/data/helplines.yaml" in archive.namelist()
        assert "safecheck/schemas/output.schema.json" in archive.namelist()  # the --json shape
        assert "safecheck/schemas/export-v1.json" in archive.namelist()  # the export shape
        for name in ("people-around.yaml", "workshop/workshop.yaml", "workshop/quiz.yaml"):
            assert f"safecheck/checklists/{name}" in archive.namelist()
        # The program's words, compiled from the .po files at build time (not kept in git).
        for lang in ("fr", "nl"):
            assert f"safecheck/locale/{lang}/LC_MESSAGES/safecheck.mo" in archive.namelist()
        # The crisis lines of the first screen, built from them and the help-line data.
        assert "safecheck/locale/first_lines.marshal" in archive.namelist()
        # The built-in checklists, parsed and checked at build time (content/built.py).
        assert "safecheck/locale/checklists.marshal" in archive.namelist()
        # The license the metadata names travels with the package.
        assert any(name.endswith(".dist-info/licenses/LICENSE") for name in archive.namelist())

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    child = spawn(
        ["check", "prevention", "--lang", "en"],
        installed_env(home),
        program=str(venv / "bin" / "safecheck"),
        cwd=elsewhere,
    )
    child.expect_exact("Where are you with this?")
    child.send("\x03")
    child.expect(pexpect.EOF)

    listed = subprocess.run(
        [str(venv / "bin" / "safecheck"), "helplines", "--region", "BE"],
        cwd=str(elsewhere),
        env=installed_env(home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    assert "Zelfmoordlijn 1813" in listed.stdout

    # The installed program reads its compiled catalogues: it speaks Dutch and French.
    for lang, words in (("nl", "Hulplijnen: België"), ("fr", "Lignes d'aide : Belgique")):
        spoken = subprocess.run(
            [str(venv / "bin" / "safecheck"), "helplines", "--region", "BE", "--lang", lang],
            cwd=str(elsewhere),
            env=installed_env(home),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert spoken.returncode == 0, spoken.stderr
        assert words in spoken.stdout, spoken.stdout

    # The installed program uses the checklists it was built with, not a parse of the YAML.
    used = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "from pathlib import Path\n"
            "from safecheck.content import built, checklist as c\n"
            "print(all(built.cached(p, Path(c.__file__), c.BUILT_KINDS)\n"
            "          for p in c.checklist_paths(c.builtin_dir())))",
        ],
        cwd=str(elsewhere),
        env=installed_env(home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert used.stdout.strip() == "True", used.stderr


@pytest.mark.slow
def test_the_installed_lines_are_the_built_ones_and_fresh(venv: Path) -> None:
    """The wheel's lines and top-level --help are read as they are: made from the files
    installed beside them."""
    checked = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "from safecheck.flows import first_lines as f; print(f.read(f.data_path()) is not None)"
            # and the top-level --help, printed without typer (issue 28)
            "; from safecheck.command_line import top_help_path as h; print(f.read(h()) is not None)",
        ],
        env=installed_env(Path("/nonexistent")),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.stdout.split() == ["True", "True"], checked.stderr
    assert "In danger? Call 112." in first_lines.text("en", "BE")


COMMANDS = [
    ["--help"],
    ["--version"],
    ["status", "--json"],
    ["helplines", "--region", "BE"],
    ["where"],
]
SCREENS = [([], "Quit"), (["plan"], "Are you in acute danger"), (["check", "prevention"], "Where")]


@pytest.mark.terminal
def test_no_file_appears_in_the_installed_package_after_any_command(venv: Path, home: Path) -> None:
    package = package_of(venv)
    before = files_in(package)
    for args in COMMANDS:
        done = subprocess.run(
            [str(venv / "bin" / "safecheck"), *args],
            env=installed_env(home),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, (args, done.stderr)
        assert files_in(package) == before, args
    for args, until in SCREENS:
        child = spawn(args, installed_env(home), program=str(venv / "bin" / "safecheck"))
        child.expect_exact(until)
        until_ended(child, keys.CTRL_C)
        child.close()
        assert files_in(package) == before, args


@pytest.fixture
def read_only(venv: Path) -> Iterator[Path]:
    """The installed package with no write permission for anyone (root still could: the
    test below checks what is loaded, not only what the permissions allow)."""
    package = package_of(venv)
    modes = {path: path.stat().st_mode for path in [package, *package.rglob("*")]}
    for path, mode in modes.items():
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    yield package
    for path, mode in modes.items():
        path.chmod(mode)


@pytest.mark.terminal
def test_a_read_only_install_shows_the_lines_without_reading_the_yaml(
    venv: Path, read_only: Path, home: Path, tmp_path: Path
) -> None:
    """With PYTHONDONTWRITEBYTECODE and nothing writable, the built lines are read as they
    are: no PyYAML and no help-line data before 112 is on screen."""
    report = tmp_path / "probe.json"
    before = files_in(read_only)
    child = spawn(
        ["-c", PROBE],
        installed_env(
            home,
            PYTHONDONTWRITEBYTECODE="1",
            PROBE_REPORT=str(report),
            PROBE_WATCHED=json.dumps(["yaml", "typer", "rich", "safecheck"]),
        ),
        program=str(venv / "bin" / "python"),
        cwd=tmp_path,
    )
    child.expect_exact("Quit")
    assert "In danger? Call 112." in str(child.before)
    until_ended(child, keys.CTRL_C)
    child.close()
    found = json.loads(report.read_text())
    assert found["at_112"] == ["safecheck"], found  # read from the installed package
    assert "yaml" in found["at_end"]  # the probe sees it when it does load
    assert files_in(read_only) == before
    assert not os.access(read_only / "locale", os.W_OK) or os.geteuid() == 0
