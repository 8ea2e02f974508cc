"""`export --bundle`: a new folder that `sha256sum -c` checks, a manifest that follows its
schema, a CSV with one row per entry; and `--zip`."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.evidence import bundle
from safecheck.evidence.report import SCHEMA_FILE
from safecheck.storage.chain import last_hash
from safecheck.storage.store import Store

runner = CliRunner()
SHA256SUM = shutil.which("sha256sum")


def entries(tmp_path: Path) -> list[Path]:
    shots = [tmp_path / "chat.png", tmp_path / "other" / "chat.png", tmp_path / "pay.pdf"]
    for number, shot in enumerate(shots):
        shot.parent.mkdir(exist_ok=True)
        shot.write_bytes(f"file {number}".encode() * 100)
    added = [
        ["--when", "2026-03-01 09:30", "--account", "=HYPERLINK(x)", "--file", str(shots[0]),
         "--url", "https://www.instagram.com/direct/t/1"],
        ["--when", "2026-03-02 21:15", "--account", "some.one", "--note", "line one\nline two",
         "--demand", "money", "--amount", "250,50", "--currency", "EUR",
         "--file", str(shots[1]), "--file", str(shots[2])],
        ["--when", "2026-03-03 08:00", "--phone", "+32 470 00 00 00"],
    ]  # fmt: skip
    for options in added:
        result = runner.invoke(app, ["evidence", "add", *options])
        assert result.exit_code == 0, result.output
    return shots


@pytest.mark.skipif(SHA256SUM is None, reason="needs coreutils' sha256sum")
def test_a_bundle_passes_sha256sum_and_its_manifest_follows_the_schema(
    home: Path, tmp_path: Path
) -> None:
    entries(tmp_path)
    target = tmp_path / "for-the-police"
    result = runner.invoke(app, ["export", "--bundle", str(target)])
    assert result.exit_code == 0, result.output
    assert "NOT encrypted" in result.output
    assert SHA256SUM is not None
    checked = subprocess.run(
        [SHA256SUM, "-c", "--strict", "SHA256SUMS"], cwd=target, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count(": OK") == 8  # 4 documents, 3 files and the manifest
    names = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert names == [
        "SHA256SUMS", "evidence.csv", "evidence.json", "files/chat (2).png", "files/chat.png",
        "files/pay.pdf", "manifest.json", "report.html", "report.md",
    ]  # fmt: skip
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    for path in target.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path
    assert (target / "files" / "pay.pdf").read_bytes() == (tmp_path / "pay.pdf").read_bytes()

    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    jsonschema.validate(manifest, json.loads(bundle.MANIFEST_SCHEMA_FILE.read_text()))
    assert manifest["chain"]["last_hash"] == last_hash(list(Store(home).load().evidence))
    assert manifest["chain"]["records"] == 3
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(names) - {"manifest.json", "SHA256SUMS"}
    for path, facts in listed.items():
        assert facts["size"] == (target / path).stat().st_size
    evidence = json.loads((target / "evidence.json").read_text(encoding="utf-8"))
    jsonschema.validate(evidence, json.loads(SCHEMA_FILE.read_text()))
    assert evidence["evidence"][0]["url"] == "https://www.instagram.com/direct/t/1"
    verify = runner.invoke(app, ["evidence", "verify"])
    assert manifest["chain"]["last_hash"] in verify.output


@pytest.mark.skipif(SHA256SUM is None, reason="needs coreutils' sha256sum")
def test_sha256sum_catches_a_changed_file_in_the_bundle(home: Path, tmp_path: Path) -> None:
    """The check above can fail."""
    entries(tmp_path)
    target = tmp_path / "bundle"
    assert runner.invoke(app, ["export", "--bundle", str(target)]).exit_code == 0
    with (target / "evidence.csv").open("ab") as handle:
        handle.write(b" ")
    assert SHA256SUM is not None
    checked = subprocess.run([SHA256SUM, "-c", "SHA256SUMS"], cwd=target, capture_output=True)
    assert checked.returncode != 0
    assert b"evidence.csv: FAILED" in checked.stdout


def test_the_csv_has_one_row_per_entry(home: Path, tmp_path: Path) -> None:
    entries(tmp_path)
    target = tmp_path / "bundle"
    assert runner.invoke(app, ["export", "--bundle", str(target)]).exit_code == 0
    with (target / "evidence.csv").open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 3
    assert list(rows[0]) == list(bundle.CSV_COLUMNS)
    assert [row["id"] for row in rows] == ["1", "2", "3"]
    assert rows[0]["account"] == "'=HYPERLINK(x)"  # never a formula in a spreadsheet
    assert rows[1]["note"] == "line one\nline two"
    assert (rows[1]["amount"], rows[1]["currency"], rows[1]["demands"]) == (
        "250.50",
        "EUR",
        "money",
    )
    assert rows[1]["files"] == "chat.png; pay.pdf"
    assert rows[2]["phone"] == "+32 470 00 00 00"
    assert rows[0]["recorded"]
    assert rows[0]["when"].startswith("2026-03-01T09:30:00")


def test_a_bundle_is_never_merged_into_a_folder_that_is_there(home: Path, tmp_path: Path) -> None:
    entries(tmp_path)
    target = tmp_path / "there"
    target.mkdir()
    (target / "mine.txt").write_text("mine")
    result = runner.invoke(app, ["export", "--bundle", str(target)])
    assert result.exit_code == 2
    assert "already there" in result.output
    assert [p.name for p in target.iterdir()] == ["mine.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".there")] == []


def test_zip_holds_the_same_files(home: Path, tmp_path: Path) -> None:
    entries(tmp_path)
    target = tmp_path / "bundle.zip"
    result = runner.invoke(app, ["export", "--bundle", str(target), "--zip"])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        sums = archive.read("bundle/SHA256SUMS").decode()
        for line in sums.splitlines():
            digest, name = line.split("  ", 1)
            assert hashlib.sha256(archive.read(f"bundle/{name}")).hexdigest() == digest
        rows = list(csv.reader(io.StringIO(archive.read("bundle/evidence.csv").decode())))
    assert "bundle/files/chat (2).png" in names
    assert "bundle/manifest.json" in names
    assert len(rows) == 4


def test_output_and_bundle_go_alone(home: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 2
    assert "--output FILE or --bundle FOLDER" in result.output
    result = runner.invoke(app, ["export", "--output", str(tmp_path / "r.html"), "--zip"])
    assert result.exit_code == 2
    assert "--zip goes with --bundle" in result.output


def test_clashing_names_get_a_suffix() -> None:
    taken = {"chat.png", "chat (2).png"}
    assert bundle.unique_name("Chat.png", taken) == "Chat (3).png"
    assert bundle.unique_name("README", {"readme"}) == "README (2)"
    assert bundle.safe_name("a\nb\\c") == "a_b_c"
    assert bundle.safe_name("..") == "file"
