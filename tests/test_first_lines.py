"""Issue 17: the crisis lines are on screen before typer, rich, questionary, the keyring or
cryptography load; commands that need no secret never load the keyring or cryptography.

These check what is loaded and what is shown, never how long it takes (`make bench` does).
"""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from safecheck.content import helplines
from safecheck.core.i18n import LANGUAGES
from safecheck.core.region import Region
from safecheck.entry import Wanted, composed, first_lines_wanted
from safecheck.flows import first_lines
from safecheck.flows.crisis import footer_text
from safecheck.storage import settings as plain_settings
from safecheck.storage.state import Answer, Record
from safecheck.storage.store import open_store
from tests import keys
from tests.conftest import child_env, spawn, until_ended

SLOW = ("typer", "click", "rich", "questionary", "prompt_toolkit", "keyring", "cryptography")
SECRETS = ("keyring", "secretstorage", "jeepney", "cryptography")

# Runs safecheck's entry point with stdout wrapped: at the first write that holds "112", it
# notes which of the slow libraries are loaded; at the end, which are loaded then.
PROBE = """
import json, os, sys
from pathlib import Path

WATCHED = set(json.loads(os.environ["PROBE_WATCHED"]))
REPORT = Path(os.environ["PROBE_REPORT"])
found = {}

def loaded():
    return sorted({name.split(".")[0] for name in sys.modules} & WATCHED)

class Watched:
    def __init__(self, inner):
        self.inner = inner
    def write(self, text):
        if "112" in text and "at_112" not in found:
            found["at_112"] = loaded()
            REPORT.write_text(json.dumps(found))
        return self.inner.write(text)
    def __getattr__(self, name):
        return getattr(self.inner, name)

sys.stdout = Watched(sys.stdout)
sys.argv = ["safecheck", *sys.argv[1:]]
from safecheck.entry import main
try:
    code = main()
finally:
    found["at_end"] = loaded()
    REPORT.write_text(json.dumps(found))
sys.exit(code)
"""


def saved_encrypted_state(home: Path) -> None:
    """A state saved with the keyring's key (a passphrase without a Secret Service)."""
    record = Record(Answer.DONE, "2026-01-01T10:00:00+01:00")
    open_store(home).update(
        lambda state: state.with_answer("prevention", "accounts-two-step", record)
    )
    assert plain_settings.read(home).key in ("keyring", "passphrase")


def probe(
    home: Path, tmp_path: Path, *args: str, until: str, **env: str
) -> tuple[str, dict[str, list[str]]]:
    """safecheck in a terminal of 80x24 until `until` is shown; the screen so far and the
    libraries loaded when 112 was written and at the end."""
    report = tmp_path / "probe.json"
    watched = json.dumps([*SLOW, *SECRETS])
    child = spawn(
        ["-c", PROBE, *args],
        child_env(home, PROBE_REPORT=str(report), PROBE_WATCHED=watched, **env),
    )
    child.expect_exact(until)
    screen = child.before
    until_ended(child, keys.CTRL_C)
    child.close()
    found: dict[str, list[str]] = json.loads(report.read_text())
    return screen, found


@pytest.mark.terminal
def test_the_start_screen_writes_the_crisis_lines_before_any_slow_library_loads(
    home: Path, tmp_path: Path
) -> None:
    saved_encrypted_state(home)
    screen, found = probe(home, tmp_path, until="Quit")
    assert found["at_112"] == []
    assert {"typer", "rich", "questionary"} <= set(found["at_end"])  # the probe sees loads
    # Once on the first screen, above the start screen's box, and not repeated under it.
    assert screen.count("In danger? Call 112.") == 1
    assert screen.index("112") < screen.index("safecheck: against sextortion")
    assert "Zelfmoordlijn 1813" in screen  # no region known: every line we know
    assert "113 or 0800 0113" in screen


@pytest.mark.terminal
def test_the_plan_writes_the_crisis_lines_before_any_slow_library_loads(
    home: Path, tmp_path: Path
) -> None:
    saved_encrypted_state(home)
    screen, found = probe(home, tmp_path, "plan", "--region", "be", until="Are you in acute danger")
    assert found["at_112"] == []
    assert "questionary" in found["at_end"]
    assert "In danger? Call 112.\x1b[0m" in screen  # bold, from the entry point
    assert "Thinking about suicide? Zelfmoordlijn 1813: 1813 (phone 24/7; chat 17–24 h)" in screen
    assert "113 Zelfmoordpreventie" not in screen  # --region BE: Belgium's line only


@pytest.mark.terminal
@pytest.mark.parametrize(
    ("args", "shown", "not_shown"),
    [
        (("--lang", "nl", "--region", "NL"), "In gevaar? Bel 112.", "Zelfmoordlijn 1813"),
        (("--region", "us"), "the local emergency number (112 in Europe)", "1813"),
        (("--plain",), "In danger? Call 112.\r\n", "\x1b["),
    ],
)
def test_lang_region_and_plain_are_followed_before_typer_loads(
    home: Path, tmp_path: Path, args: tuple[str, ...], shown: str, not_shown: str
) -> None:
    screen, found = probe(home, tmp_path, *args, until="Quit" if "nl" not in args else "Stoppen")
    assert found["at_112"] == []
    assert shown in screen
    first = screen.split("safecheck: ")[0]  # the lines the entry point wrote
    assert not_shown not in first


@pytest.mark.terminal
def test_discreet_mode_sets_the_neutral_title_before_the_first_line(
    home: Path, tmp_path: Path
) -> None:
    plain_settings.update(home, discreet=True)
    screen, found = probe(home, tmp_path, until="Quit")
    assert found["at_112"] == []
    assert screen.index("\x1b]0;Terminal\x07") < screen.index("112")


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("plan", "--help"), ("status",)])
def test_help_version_and_other_commands_get_nothing_extra(args: tuple[str, ...]) -> None:
    assert first_lines_wanted(list(args)) is None


def test_the_command_line_is_read_without_typer() -> None:
    assert first_lines_wanted([]) == Wanted()
    assert first_lines_wanted(["--lang", "NL", "--discreet"]) == Wanted(lang="nl", discreet=True)
    assert first_lines_wanted(["--region=us", "plan", "--region", "be", "--plain"]) == Wanted(
        region="BE", plain=True
    )
    assert first_lines_wanted(["plan", "--age-group", "minor", "--restart"]) == Wanted()
    assert first_lines_wanted(["--lang", "de"]) is None  # typer says what is wrong
    assert first_lines_wanted(["--lang", "FR"]) == Wanted(lang="fr")
    assert first_lines_wanted(["plan", "plan"]) is None
    assert first_lines_wanted(["--unknown"]) is None


def test_without_a_terminal_on_stdin_the_entry_point_prints_nothing_first(home: Path) -> None:
    """Then the start screen's own no-terminal message has the say (issue 18)."""
    main_fd, child_fd = os.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "safecheck"],
            env=child_env(home),
            stdin=subprocess.DEVNULL,
            stdout=child_fd,
            stderr=subprocess.PIPE,
            timeout=60,
        )
        os.close(child_fd)
        shown = b""
        while True:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main_fd)
    assert done.returncode != 0
    assert b"\x1b[1mIn danger? Call 112." not in shown  # the entry point's bold lines


def test_the_built_lines_are_footer_text_for_every_language_and_region(tmp_path: Path) -> None:
    lines = helplines.load()
    built = first_lines.build(tmp_path / "first_lines.marshal")
    assert first_lines.read(built) is not None
    # The install (or make) built the package's own, from today's data.
    own = first_lines.read(first_lines.data_path())
    assert own == first_lines.read(built), "stale or missing: run `make catalogues`"
    for lang in LANGUAGES:
        for region in first_lines.REGIONS:
            wanted = footer_text(lines, Region(region) if region else None, lang)
            assert first_lines.text(lang, region, built) == wanted


def stale(path: Path, source: Path, texts: dict[str, str]) -> None:
    """A built file made from `source` as it is now."""
    data = source.read_bytes()
    signature = (str(source), len(data), zlib.crc32(data))
    raw = {"format": first_lines.FORMAT, "sources": [signature], "texts": texts}
    path.write_bytes(marshal.dumps(raw))


def test_a_changed_source_or_a_damaged_file_makes_the_lines_from_the_data(tmp_path: Path) -> None:
    source = tmp_path / "helplines.yaml"
    source.write_text("one", encoding="utf-8")
    built = tmp_path / "first_lines.marshal"
    stale(built, source, {"en:-": "old lines"})
    assert first_lines.read(built) == {"en:-": "old lines"}
    source.write_text("two", encoding="utf-8")  # same size, other content
    assert first_lines.read(built) is None
    real = footer_text(helplines.load(), None, "en")
    assert first_lines.text("en", None, built) == real  # never the old lines
    stale(built, source, {"en:-": "old lines"})
    built.write_bytes(built.read_bytes()[:20])
    assert first_lines.read(built) is None  # cut off
    built.write_bytes(b"\x00" * 40)
    assert first_lines.read(built) is None
    source.unlink()
    assert first_lines.read(built) is None
    assert first_lines.text("en", None, tmp_path / "missing.marshal") == real


def test_the_lines_are_never_written_at_run_time(tmp_path: Path) -> None:
    """A missing or stale file is not made again into the package: that is the build's."""
    before = sorted(first_lines.PACKAGE.rglob("*"))
    missing = tmp_path / "first_lines.marshal"
    assert "112" in first_lines.text("en", "BE", missing)
    assert not missing.exists()
    assert sorted(first_lines.PACKAGE.rglob("*")) == before


def test_the_lines_wrap_between_words_and_a_terminal_of_unknown_size_gets_them_whole() -> None:
    text = footer_text(helplines.load(), None, "en")
    longest = max(len(line) for line in text.splitlines())
    assert composed(text, discreet=False, plain=True, width=0) == text + "\n"  # size 0x0
    narrow = composed(text, discreet=False, plain=True, width=30).splitlines()
    assert len(narrow) > len(text.splitlines())
    assert all(len(line) <= 30 for line in narrow)
    assert " ".join(narrow).split() == text.split()  # no word broken or lost
    assert longest > 30


def test_lines_with_a_control_character_are_never_written_early() -> None:
    with pytest.raises(ValueError, match="control character"):
        composed("In danger? Call 112.\x1b]0;owned\x07", discreet=False, plain=False)


@pytest.mark.terminal
def test_a_ctrl_c_while_the_rest_loads_ends_calmly(home: Path) -> None:
    child = spawn(["-m", "safecheck"], child_env(home))
    child.expect_exact("112")
    shown = until_ended(child, keys.CTRL_C)  # most likely while typer and rich still load
    child.close()
    assert "Traceback" not in shown
    assert child.exitstatus == 130
