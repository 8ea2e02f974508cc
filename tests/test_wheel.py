"""The built wheel carries its checklists and works from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pexpect

from tests.conftest import ROOT, child_env, default_sigint


def test_the_installed_wheel_finds_its_checklists(tmp_path: Path, home: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True,
        timeout=300,
    )
    (wheel,) = dist.glob("safecheck-*.whl")
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
        # The license the metadata names travels with the package.
        assert any(name.endswith(".dist-info/licenses/LICENSE") for name in archive.namelist())

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        timeout=600,
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    child = pexpect.spawn(
        str(venv / "bin" / "safecheck"),
        ["check", "prevention", "--lang", "en"],
        cwd=str(elsewhere),
        env=child_env(home),
        preexec_fn=default_sigint,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=30,
    )
    child.expect_exact("Where are you with this?")
    child.send("\x03")
    child.expect(pexpect.EOF)

    listed = subprocess.run(
        [str(venv / "bin" / "safecheck"), "helplines", "--region", "BE"],
        cwd=str(elsewhere),
        env=child_env(home),
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
            env=child_env(home),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert spoken.returncode == 0, spoken.stderr
        assert words in spoken.stdout, spoken.stdout
