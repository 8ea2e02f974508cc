"""Every width: below 80 columns nothing is lost, and text wraps between words.

`safecheck helplines --all` in a real terminal (tmux on its own socket) of 40 and 60
columns: every phone number, chat and web address stands whole on one row, nothing ends in
"…", and every line's description is there. With --plain too (a screen reader's terminal).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from safecheck.content import helplines
from safecheck.core.region import Region
from tests.conftest import Tmux
from tests.test_plain import SAFECHECK

ENDED = "ended-"


class Wide(Tmux):
    """A terminal of `columns` x 24 that keeps everything that scrolled by."""

    def __init__(self, name: str, columns: int, command: str) -> None:
        super().__init__(name, [], columns=columns)
        self.tmux("set-option", "-t", self.name, "history-limit", "20000")
        self.tmux("send-keys", "-t", self.name, "-l", f"{command}; echo {ENDED}$?")
        self.tmux("send-keys", "-t", self.name, "Enter")

    def everything(self) -> list[str]:
        """Every row, the scrolled-away ones too, once the command has ended."""
        for _ in range(1200):
            rows = self.tmux("capture-pane", "-p", "-S", "-", "-t", self.name)
            if f"{ENDED}0" in rows:
                break
            time.sleep(0.05)
        return rows.splitlines()


@pytest.fixture
def wide(home: Path) -> Iterator[type[Wide]]:
    opened: list[Wide] = []

    class Opened(Wide):
        def __init__(self, name: str, columns: int, command: str) -> None:
            super().__init__(name, columns, command)
            opened.append(self)

    yield Opened
    for each in opened:
        each.close()


def addresses(region: Region, lang: str) -> set[str]:
    lines = helplines.select(helplines.load(), region, speaks=lang)
    found = {phone for line in lines for phone in line.phones}
    found |= {line.chat for line in lines if line.chat}
    found |= {line.url for line in lines if line.url}
    return found


@pytest.mark.parametrize("columns", [40, 60])
@pytest.mark.parametrize("plain", [False, True])
@pytest.mark.parametrize(("region", "lang"), [(Region.BE, "nl"), (Region.NL, "en")])
def test_every_number_and_address_stands_whole_on_one_row(
    wide: type[Wide], tmp_path: Path, columns: int, plain: bool, region: Region, lang: str
) -> None:
    flag = " --plain" if plain else ""
    command = f"{SAFECHECK} helplines --all --region {region.value} --lang {lang}{flag}"
    rows = wide(f"sc25w{columns}{int(plain)}-{tmp_path.name}", columns, command).everything()
    shown = "\n".join(rows)
    assert f"{ENDED}0" in shown, shown
    joined = "".join(row.strip() for row in rows)
    for address in sorted(addresses(region, lang)):
        if len(address) < columns - 4:  # it fits a row: it must stand whole on one
            assert any(address in row for row in rows), f"{address!r} split or cut:\n{shown}"
        else:  # longer than the screen is wide: folded over rows, with nothing left out
            assert address in joined, f"{address!r} cut:\n{shown}"
    assert not any(row.rstrip().endswith("…") for row in rows), shown
    if not plain:
        assert not {"┃", "┏"} & set(shown)  # no table squeezed into the width: stacked facts
    for line in helplines.select(helplines.load(), region, speaks=lang):
        words = line.who[lang].split()
        assert words[-1] in shown.replace("\n", " ")  # the description, to its last word


# -- at 80x24 a screen fits, or pages: its title never scrolls away unread ---------------------

PLATFORMS = """
from safecheck.content import checklist
from safecheck.ui.display import Display
plan = checklist.load(checklist.find("emergency", [checklist.builtin_dir()]))
item = next(item for _, item in plan.items() if item.platforms)
Display().platforms(item, "nl")
print("drawn-" + item.title["nl"])
"""


def test_the_platform_how_to_pages_at_80x24(tmux: type[Tmux], tmp_path: Path) -> None:
    script = tmp_path / "platforms.py"
    script.write_text(PLATFORMS, encoding="utf-8")
    session = tmux(f"sc25m-{tmp_path.name}", ["sh", "-c", f"{sys.executable} {script}; sleep 60"])
    screen = "\n".join(session.wait_for("meer: Enter"))
    assert "╭─ " in screen.splitlines()[0]  # the box's title is on the first row, in view
    assert "drawn-" not in screen
    session.keys("Enter")
    screen = "\n".join(session.wait_for("drawn-"))
    assert "╰" in screen  # the rest of the box followed


def test_the_crisis_screen_with_no_region_pages_at_80x24(
    tmux: type[Tmux], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # names neither Belgium nor the Netherlands
    session = tmux(f"sc25c-{tmp_path.name}", ["sh", "-c", f"{SAFECHECK} plan --lang en"])
    session.wait_for("Are you in acute danger")
    session.keys("Enter")  # yes
    screen = session.wait_for("more: Enter")
    assert any("Help right now" in row for row in screen), "\n".join(screen)
    assert "Where do you live?" not in "\n".join(screen)
    session.keys("Enter")
    session.wait_for("Where do you live?")


PROBLEM = (
    '"x" is not a date and time safecheck understands; write it like 2026-05-01 21:30, or '
    "leave it empty for now and add it later with safecheck evidence edit, lastword."
)
TEXT = f"""
from safecheck.ui.prompts import Prompter
problem = {PROBLEM!r}
print("typed:", Prompter("en").text("When?", check=lambda text: None if text == "ok" else problem))
"""


def test_what_is_wrong_with_an_answer_is_shown_whole_and_wrapped_on_words(
    tmux: type[Tmux], tmp_path: Path
) -> None:
    script = tmp_path / "text.py"
    script.write_text(TEXT, encoding="utf-8")
    session = tmux(f"sc25v-{tmp_path.name}", ["sh", "-c", f"{sys.executable} {script}; sleep 60"])
    session.wait_for("When?")
    session.keys("x", "Enter")
    rows = session.wait_for("lastword.")  # the end of the message: nothing cut off
    words = set(PROBLEM.split())
    first = next(number for number, row in enumerate(rows) if row.startswith('"x" is not'))
    last = next(number for number, row in enumerate(rows) if "lastword." in row)
    for row in rows[first : last + 1]:  # every word on these rows is a whole word
        assert set(row.split()) <= words, row
    assert " ".join(" ".join(rows[first : last + 1]).split()) == PROBLEM


BAR_CASES = [(0, 14), (3, 14), (7, 14), (14, 14), (1, 3), (0, 0), (5, 17)]
COUNTS = ["3 of 14 answered", "0 van 14 beantwoord", "14 sur 14 répondues — très bien", "x"]


@pytest.mark.parametrize("colours", [None, "standard", "truecolor"])
def test_the_progress_bar_and_its_count_look_as_a_two_column_grid_draws_them(
    colours: str | None,
) -> None:
    """The first question's bar is drawn without rich's Table (its import is ~3 ms of the
    start); at every width, in colour or not, it is the very grid it was."""
    import io

    from rich.console import Console
    from rich.progress_bar import ProgressBar
    from rich.table import Table

    from safecheck.ui.blocks import Progress
    from safecheck.ui.render import RichRenderer

    def drawn(width: int, draw: object) -> str:
        out = io.StringIO()
        console = Console(
            file=out,
            width=width,
            force_terminal=colours is not None,
            color_system=colours,  # type: ignore[arg-type]
            highlight=False,
            markup=False,
            emoji=False,
        )
        console.print(draw)
        return out.getvalue()

    for width in range(20, 130, 3):
        for (done, total), count in ((case, count) for case in BAR_CASES for count in COUNTS):
            grid = Table.grid(padding=(0, 1))
            grid.add_row(ProgressBar(total=max(total, 1), completed=done, width=30), count)
            renderer = RichRenderer(Console())
            ours = renderer.renderable(Progress(done, total, count))
            assert drawn(width, ours) == drawn(width, grid), (width, done, total, count)
