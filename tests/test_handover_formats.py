"""What is handed over: never the intimate image, never files to a bank; every format says
the same (paid yes/no/unknown, amounts as written); a CSV that a spreadsheet opens safely;
every JSON document valid in every language; bundle file names that fit any disk."""

from __future__ import annotations

import csv
import io
import json
import shlex
import sys
import unicodedata
import zipfile
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.core.i18n import LANGUAGES
from safecheck.core.jsonout import SCHEMA_FILE as OUTPUT_SCHEMA_FILE
from safecheck.evidence import bundle
from safecheck.evidence.report import SCHEMA_FILE as EXPORT_SCHEMA_FILE
from safecheck.storage.store import Store

runner = CliRunner()
OUTPUT_SCHEMA = json.loads(OUTPUT_SCHEMA_FILE.read_text(encoding="utf-8"))
EXPORT_SCHEMA = json.loads(EXPORT_SCHEMA_FILE.read_text(encoding="utf-8"))
MANIFEST_SCHEMA = json.loads(bundle.MANIFEST_SCHEMA_FILE.read_text(encoding="utf-8"))
WARNING = {  # a part of the intimate-image warning, per language
    "en": "don't add the intimate image itself",
    "nl": "voeg het intieme beeld zelf niet toe",
    "fr": "image intime",
}


def add(*options: str) -> str:
    result = runner.invoke(app, ["evidence", "add", *options])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_way_of_adding_a_file_warns_about_the_intimate_image(
    tmp_path: Path, lang: str
) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"png" * 100)
    assert WARNING[lang] in add("--file", str(shot), "--lang", lang)
    entries = tmp_path / "entries.yaml"
    entries.write_text(
        f"entries:\n  - when: 2026-03-02 21:15\n    account: someone\n    files: [{shot}]\n"
    )
    assert WARNING[lang] in add("--from", str(entries), "--lang", lang)
    as_json = runner.invoke(
        app, ["evidence", "add", "--file", str(shot), "--note", "x", "--json", "--lang", lang]
    )
    assert as_json.exit_code == 0, as_json.output
    document = json.loads(as_json.stdout)
    jsonschema.validate(document, OUTPUT_SCHEMA)
    assert WARNING[lang] in document["warning"]
    assert document["added"] == [3]
    without = runner.invoke(app, ["evidence", "add", "--note", "no file", "--json"])
    assert json.loads(without.stdout)["warning"] is None


def test_the_bundle_lists_its_files_with_the_warning_and_never_sends_files_to_a_bank(
    tmp_path: Path,
) -> None:
    shot = tmp_path / "chat.png"
    shot.write_bytes(b"chat" * 100)
    add("--file", str(shot), "--demand", "money", "--amount", "250", "--currency", "EUR")
    done = runner.invoke(app, ["export", "--bundle", str(tmp_path / "b")])
    assert done.exit_code == 0, done.output
    assert "files/chat.png" in done.stderr
    assert WARNING["en"] in done.stderr
    assert "police only" in done.stderr
    assert "your bank" not in done.output
    assert "never the screenshots or files" in done.stderr
    assert "in person" not in done.stderr
    minor = runner.invoke(
        app, ["export", "--bundle", str(tmp_path / "m"), "--age-group", "minor", "--lang", "nl"]
    )
    assert minor.exit_code == 0, minor.output
    assert "samen met een volwassene die je vertrouwt" in minor.stderr
    written = runner.invoke(app, ["export", "--output", str(tmp_path / "r.html")])
    assert "your bank" not in written.output
    assert "police only" in written.stderr


def test_the_bundle_asks_in_a_terminal_and_writes_nothing_on_no(tmp_path: Path, tmux: type) -> None:
    shot = tmp_path / "chat.png"
    shot.write_bytes(b"chat" * 100)
    add("--file", str(shot))
    target = tmp_path / "asked"
    command = (
        f"{shlex.quote(sys.executable)} -m safecheck export --bundle {shlex.quote(str(target))}"
    )
    window = tmux("asked", ["sh", "-c", f"{command}; sleep 30"])  # the screen stays to be read
    try:
        screen = window.wait_for("None of these shows the intimate image?")
        assert any("files/chat.png" in line for line in screen)
        window.keys("Enter")  # the default: no
        window.wait_for("Nothing was written")
    finally:
        window.close()
    assert not target.exists()


def test_paid_is_yes_no_or_unknown_in_every_format(tmp_path: Path) -> None:
    add("--account", "paid", "--paid")
    add("--account", "refused", "--not-paid")
    add("--account", "never-asked")
    target = tmp_path / "b"
    assert runner.invoke(app, ["export", "--bundle", str(target)]).exit_code == 0
    evidence = json.loads((target / "evidence.json").read_text(encoding="utf-8"))
    assert [e["paid"] for e in evidence["evidence"]] == [True, False, None]
    with (target / "evidence.csv").open(newline="", encoding="utf-8-sig") as handle:
        assert [row["paid"] for row in csv.DictReader(handle)] == ["yes", "no", ""]
    for name in ("report.html", "report.md"):
        text = (target / name).read_text(encoding="utf-8")
        for shown in ("Yes", "No", "Not known"):
            assert shown in text, name
    listed = json.loads(runner.invoke(app, ["evidence", "list", "--json"]).stdout)
    assert [e["paid"] for e in listed["entries"]] == [True, False, None]


PAYLOADS = [
    "-2+3+cmd|' /C calc'!A0",
    "+1+1",
    "=1+1",
    "@SUM(A1)",
    "-1",
    "+cmd",
    "-",
]


def test_the_csv_guards_every_formula_and_starts_with_a_byte_order_mark(tmp_path: Path) -> None:
    for payload in PAYLOADS:
        add("--account", payload)
    add("--phone", "+32 470 00 00 00", "--account", "Zoë")
    target = tmp_path / "b"
    assert runner.invoke(app, ["export", "--bundle", str(target)]).exit_code == 0
    raw = (target / "evidence.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row["account"] for row in rows[: len(PAYLOADS)]] == [
        "'" + payload for payload in PAYLOADS
    ]
    assert rows[-1]["phone"] == "+32 470 00 00 00"  # a phone number stays as it is
    assert rows[-1]["account"] == "Zoë"
    for cell in ("\tx", "\rx", "+-1", "+1+1", "- 5"):  # what typed options cannot hold
        assert bundle._cell(cell) == "'" + cell
    for number in ("+32 470 00 00 00", "0470 00 00 00", "250.50", "1 000"):
        assert bundle._cell(number) == number


@pytest.mark.parametrize(("typed", "kept"), [("250", "250"), ("250,50", "250.50"),
                                             ("250.50", "250.50"), ("1 000", "1000")])  # fmt: skip
def test_amounts_are_kept_as_written(typed: str, kept: str) -> None:
    add("--amount", typed, "--currency", "EUR")
    listed = json.loads(runner.invoke(app, ["evidence", "list", "--json"]).stdout)
    assert listed["entries"][0]["amount"] == kept


@pytest.mark.parametrize("typed", ["1e5", "1E3", "0x10", "-0", "1_000", "250,5,0"])
def test_amounts_with_exponents_or_odd_forms_are_refused(typed: str) -> None:
    result = runner.invoke(app, ["evidence", "add", "--amount", typed, "--currency", "EUR"])
    assert result.exit_code != 0
    assert "is not an amount" in result.output or "thousands" in result.output


@pytest.mark.parametrize(
    "same", [["--account", "someone"], ["--note", "a note", "--amount", "250,50"], ["--paid"]]
)
def test_an_edit_that_changes_nothing_says_so_and_adds_no_record(
    home: Path, same: list[str]
) -> None:
    add("--account", "someone", "--note", "a note", "--amount", "250.50", "--currency", "EUR",
        "--paid")  # fmt: skip
    before = list(Store(home).load().evidence)
    result = runner.invoke(app, ["evidence", "edit", "1", *same])
    assert result.exit_code == 0, result.output
    assert "Nothing changed" in result.output
    assert "is changed" not in result.output
    assert list(Store(home).load().evidence) == before


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_json_document_follows_its_schema_in_every_language(
    tmp_path: Path, lang: str, small_checklist: Path
) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"x" * 10)
    add("--file", str(shot), "--amount", "250,50", "--currency", "EUR", "--lang", lang)
    for command in (
        ["status", "--json"],
        ["helplines", "--json"],
        ["evidence", "list", "--json"],
        ["check", str(small_checklist), "--json", "--no-input"],
        ["verify", "--checklist", str(small_checklist), "--require-priority", "essential",
         "--json"],
        ["evidence", "add", "--note", "n", "--json"],
    ):  # fmt: skip
        result = runner.invoke(app, [*command, "--lang", lang])
        document = json.loads(result.stdout)
        jsonschema.validate(document, OUTPUT_SCHEMA)
        assert document["lang"] == lang, command
    out = tmp_path / "export.json"
    assert runner.invoke(app, ["export", "--output", str(out), "--lang", lang]).exit_code == 0
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), EXPORT_SCHEMA)
    target = tmp_path / "b"
    assert runner.invoke(app, ["export", "--bundle", str(target), "--lang", lang]).exit_code == 0
    evidence = json.loads((target / "evidence.json").read_text(encoding="utf-8"))
    jsonschema.validate(evidence, EXPORT_SCHEMA)
    assert evidence["lang"] == lang
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    jsonschema.validate(manifest, MANIFEST_SCHEMA)


def test_long_control_and_decomposed_names_fit_in_the_bundle_and_in_restore(
    tmp_path: Path,
) -> None:
    long = tmp_path / ("ж" * 120 + ".png")  # 240 bytes + 4: over 255 with a temporary suffix
    c1 = tmp_path / "a\u0085b\u009bc.jpg"
    nfd = tmp_path / unicodedata.normalize("NFD", "Zoë.pdf")
    for number, path in enumerate((long, c1, nfd)):
        path.write_bytes(f"file {number}".encode() * 10)
        add("--file", str(path))
    target = tmp_path / "b"
    done = runner.invoke(app, ["export", "--bundle", str(target)])
    assert done.exit_code == 0, done.output
    names = sorted(p.name for p in (target / "files").iterdir())
    assert len(names) == 3
    for name in names:
        assert len(name.encode("utf-8")) + len(".X.12345678.tmp") <= 255, name
        assert not any(0x80 <= ord(char) <= 0x9F or ord(char) < 0x20 for char in name), name
        assert unicodedata.is_normalized("NFC", name), name
    assert any(name.endswith(".png") and name.startswith("жжж") for name in names)
    assert "Zoë.pdf" in names
    out = tmp_path / "back"
    restored = runner.invoke(app, ["evidence", "restore", "1", "--output", str(out)])
    assert restored.exit_code == 0, restored.output
    (back,) = out.iterdir()
    assert back.suffix == ".png"
    assert back.read_bytes() == long.read_bytes()


@pytest.mark.parametrize("name", ["...zip", "..zip", ".zip"])
def test_a_zip_never_holds_entries_outside_its_folder(tmp_path: Path, name: str) -> None:
    add("--account", "someone")
    target = tmp_path / name
    done = runner.invoke(app, ["export", "--bundle", str(target), "--zip"])
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(target) as archive:
        for entry in archive.namelist():
            parts = entry.split("/")
            assert not {"..", "."} & set(parts), entry
            assert parts[0], entry


def test_a_killed_bundle_leaves_no_plain_copies_behind(tmp_path: Path) -> None:
    add("--account", "someone")
    target = tmp_path / "for-the-police"
    # What a bundle killed with kill -9 leaves: its temporary folder, marked as ours.
    killed = tmp_path / ".for-the-police.ab12cd_3.tmp"
    (killed / "files").mkdir(parents=True)
    (killed / bundle._TEMP_MARK).touch()
    (killed / "report.html").write_text("plain evidence")
    someone_elses = tmp_path / ".for-the-police.zz99zz99.tmp"  # not ours: no mark
    someone_elses.mkdir()
    done = runner.invoke(app, ["export", "--bundle", str(target)])
    assert done.exit_code == 0, done.output
    assert not killed.exists()
    assert str(killed) in done.stderr
    assert someone_elses.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".for")) == [
        someone_elses.name
    ]


def test_a_file_with_the_same_content_is_recorded_and_kept_once(tmp_path: Path) -> None:
    one, other = tmp_path / "chat.png", tmp_path / "again" / "chat-copy.png"
    other.parent.mkdir()
    for path in (one, other):
        path.write_bytes(b"the same bytes" * 50)
    add("--file", str(one), "--file", str(other), "--file", str(one))  # one path twice
    listed = json.loads(runner.invoke(app, ["evidence", "list", "--json"]).stdout)
    files = listed["entries"][0]["files"]
    assert [Path(f["path"]).name for f in files] == ["chat.png", "chat-copy.png"]
    assert files[0]["sha256"] == files[1]["sha256"]
    target = tmp_path / "b"
    assert runner.invoke(app, ["export", "--bundle", str(target)]).exit_code == 0
    assert [p.name for p in (target / "files").iterdir()] == ["chat.png"]
    for name in ("report.html", "report.md"):
        assert "same content as chat.png" in (target / name).read_text(encoding="utf-8")


def test_a_killed_zip_bundle_leaves_no_plain_copies_behind(tmp_path: Path) -> None:
    add("--account", "someone")
    target = tmp_path / "bundle.zip"
    killed = tmp_path / ".bundle.zip.ab12cd_3.tmp"  # what atomic_writer leaves on kill -9
    with zipfile.ZipFile(killed, "w") as archive:
        archive.writestr("bundle/report.html", "plain evidence")
    not_ours = tmp_path / ".bundle.zip.zz99zz99.tmp"
    not_ours.write_bytes(b"someone else's")
    done = runner.invoke(app, ["export", "--bundle", str(target), "--zip"])
    assert done.exit_code == 0, done.output
    assert not killed.exists()
    assert str(killed) in done.stderr
    assert not_ours.exists()


def test_a_minor_is_told_to_hand_evidence_to_the_police_in_person(home: Path) -> None:
    add("--account", "someone")  # the state exists
    Store(home).update(lambda state: state.with_setting("age_group", "minor"))
    said = " ".join(add("--account", "another", "--lang", "fr").split())  # as wrapped
    assert "avec un adulte de confiance" in said
    assert "banque n'a besoin que des détails du paiement" in said
