"""The built-in checklists as built with the package (content/built.py): the same models as
their YAML gives, used only while made from the very same bytes, and never trusted when
damaged."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from safecheck.content import built
from safecheck.content import checklist as checklists
from safecheck.core.errors import InputFileError

BUILTIN = checklists.checklist_paths(checklists.builtin_dir())
CODE = Path(checklists.__file__)


def cached(source: Path, data: Path | None = None) -> object:
    """The built form of `source` in `data` (the package's file when None)."""
    return built.cached(source, CODE, checklists.BUILT_KINDS, data)


def parsed(path: Path) -> checklists.Checklist:
    """The checklist read from its YAML (given text never comes from the built form)."""
    return checklists.load(path, path.read_text(encoding="utf-8"))


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the built-in checklists and a built file made from it."""
    folder = tmp_path / "checklists"
    folder.mkdir()
    for path in BUILTIN:
        shutil.copy(path, folder / path.name)
    sources = checklists.checklist_paths(folder)
    return folder, built.build(sources, parsed, CODE, tmp_path / "checklists.marshal")


@pytest.mark.parametrize("path", BUILTIN, ids=lambda path: path.stem)
def test_a_built_checklist_is_the_checklist_its_yaml_gives(path: Path) -> None:
    ready = checklists.load(path)
    assert cached(path) is not None, "make catalogues builds safecheck/locale/checklists.marshal"
    assert ready == parsed(path)
    assert ready.path == path
    for (section, item), (_, again) in zip(ready.items(), parsed(path).items(), strict=True):
        assert dict(item.title) == dict(again.title)
        assert item.line == again.line, section.id


def test_load_of_a_built_in_checklist_uses_the_built_form() -> None:
    """Through `checklist.load` as every command calls it, with no YAML parser at all."""
    code = (
        "import sys\n"
        "from safecheck.content import checklist as c\n"
        "loaded = [c.load(p) for p in c.checklist_paths(c.builtin_dir())]\n"
        "assert loaded and all(each.item_count for each in loaded)\n"
        "print('yaml' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False", "YAML was parsed: the built form was not used"


def test_a_changed_yaml_file_is_read_again(copy: tuple[Path, Path]) -> None:
    folder, data = copy
    source = folder / "prevention.yaml"
    assert replace(cached(source, data), path=source) == parsed(source)  # type: ignore[type-var]
    text = source.read_text(encoding="utf-8")
    first = parsed(source).sections[0].items[0]
    source.write_text(
        text.replace(first.title["en"], first.title["en"] + " (changed)", 1), encoding="utf-8"
    )
    assert cached(source, data) is None
    assert parsed(source).sections[0].items[0].title["en"].endswith("(changed)")


def test_a_rebuilt_file_is_read_again_in_the_same_process(copy: tuple[Path, Path]) -> None:
    """The file is unmarshalled once for every checklist a command reads, and again when
    it changed: never an earlier build's checklist."""
    folder, data = copy
    source = folder / "prevention.yaml"
    first = cached(source, data).sections[0].items[0]  # type: ignore[attr-defined]
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace(first.title["en"], "Changed", 1), encoding="utf-8")
    built.build(checklists.checklist_paths(folder), parsed, CODE, data)
    assert cached(source, data).sections[0].items[0].title["en"] == "Changed"  # type: ignore[attr-defined]


def test_a_file_with_the_same_name_elsewhere_is_not_taken_for_a_built_one(
    copy: tuple[Path, Path], tmp_path: Path
) -> None:
    """A checklist of your own named prevention.yaml is read from its own YAML."""
    folder, data = copy
    own = tmp_path / "own"
    own.mkdir()
    mine = (folder / "prevention.yaml").read_text(encoding="utf-8") + "\n# mine\n"
    (own / "prevention.yaml").write_text(mine, encoding="utf-8")
    assert cached(own / "prevention.yaml", data) is None
    os.mkfifo(own / "emergency.yaml")  # checklist.load never opens it to look for a built form
    with pytest.raises(InputFileError):
        checklists.load(own / "emergency.yaml")


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\x01\x02",
        marshal.dumps({"format": 99}),
        marshal.dumps({"format": built.FORMAT, "code": (0, 0), "models": {}}),
        marshal.dumps([1, 2, 3]),
        marshal.dumps(compile("print('never run')", "x", "exec")),
    ],
    ids=["empty", "garbage", "other-format", "other-code", "a-list", "a-code-object"],
)
def test_a_damaged_built_file_is_never_trusted(
    copy: tuple[Path, Path], damage: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, data = copy
    assert cached(folder / "prevention.yaml", data) is not None  # read once in this process
    data.write_bytes(damage)
    assert cached(folder / "prevention.yaml", data) is None
    assert "never run" not in capsys.readouterr().out


def test_a_built_file_with_a_value_of_another_kind_is_refused(copy: tuple[Path, Path]) -> None:
    folder, data = copy
    raw = marshal.loads(data.read_bytes())
    signature, plain = raw["models"]["prevention.yaml"]
    wrongs: list[object] = [
        ("model", "Path", {}),
        ("model", "Item", plain[2]),
        ("model", "object", {}),
    ]
    for wrong in wrongs:
        raw["models"]["prevention.yaml"] = (signature, wrong)
        data.write_bytes(marshal.dumps(raw))
        assert not isinstance(cached(folder / "prevention.yaml", data), checklists.Checklist)
        assert checklists.load(folder / "prevention.yaml") == parsed(folder / "prevention.yaml")
