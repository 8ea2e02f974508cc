"""The built-in checklists, parsed and checked when the package is built.

Reading a checklist means parsing its YAML and checking every value (`checklist.load`):
about a third of the time `safecheck status` takes. The build (`hatch_build.py`, through
`tools/first_lines.py` and `checklist.build_builtin`) does that once for each built-in
checklist and writes the models as plain values with `marshal` into
`safecheck/locale/checklists.marshal`, beside the compiled catalogues: shipped in the wheel,
not kept in git, never written at run time. Reading it back makes only the types the
checklist module names (`checklist.BUILT_KINDS`); this module knows no checklist.

A built checklist is used only while the YAML file it was made from, and the code that
makes the models, are the very bytes they were when it was built (size and CRC-32 of each);
otherwise, and when the file is missing or damaged, the YAML is read as before. Checklists
of your own are always read from their YAML.
"""

from __future__ import annotations

import dataclasses
import marshal
import zlib
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

FORMAT = 1
MARSHAL_VERSION = 4  # every Python since 3.4 reads it


def data_path() -> Path:
    return Path(__file__).resolve().parent.parent / "locale" / "checklists.marshal"


def build(
    sources: Iterable[Path], parse: Callable[[Path], object], code: Path, path: Path | None = None
) -> Path:
    """Parse each file of `sources` and write the models to `path`, with the signatures of
    the files and of `code` (the module that defines the models)."""
    path = path or data_path()
    entries = {source.name: (_signature(source), _plain(parse(source))) for source in sources}
    data = {"format": FORMAT, "code": _signature(code), "models": entries}
    temporary = path.with_name(f"{path.name}.tmp")
    temporary.write_bytes(marshal.dumps(data, MARSHAL_VERSION))
    temporary.replace(path)  # whole or not at all
    return path


def cached(
    source: Path, code: Path, kinds: Mapping[str, type[Any]], path: Path | None = None
) -> Any:
    """The built model of the file `source`, made only of the types named in `kinds`; None
    when there is none made from these very bytes and this very `code`."""
    try:
        data = _read(path or data_path())
        if data["format"] != FORMAT or tuple(data["code"]) != _signature(code):
            return None
        signature, plain = data["models"][source.name]
        if tuple(signature) != _signature(source):
            return None
        return _model(plain, kinds)
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


# The file last read, by its bytes' CRC-32: `status` looks up every built-in checklist, and
# unmarshalling the whole file for each took most of the time (reading it is cheap).
_last: tuple[int, Any] | None = None


def _read(path: Path) -> Any:
    """The unmarshalled file, unmarshalled again only when its bytes changed."""
    global _last
    raw = path.read_bytes()
    crc = zlib.crc32(raw)
    if _last is None or _last[0] != crc:
        _last = (crc, marshal.loads(raw))
    return _last[1]


def _signature(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), zlib.crc32(data)


def _plain(value: Any) -> Any:
    """`value` as marshal's plain values, in tagged tuples that name the models' types."""
    name = type(value).__name__
    if isinstance(value, Enum):
        return ("enum", name, value.value)
    if isinstance(value, Path):
        return ("path",)  # the caller sets where the file is when it is read
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return ("model", name, fields)
    if isinstance(value, Mapping):
        return ("mapping", name, {key: _plain(each) for key, each in value.items()})
    if isinstance(value, frozenset):
        return ("frozenset", tuple(_plain(each) for each in value))
    if isinstance(value, tuple):
        return ("tuple", tuple(_plain(each) for each in value))
    if value is None or isinstance(value, str | int):
        return value
    raise TypeError(f"cannot build a {name}")


def _model(plain: Any, kinds: Mapping[str, type[Any]]) -> Any:
    if not isinstance(plain, tuple):
        if plain is None or isinstance(plain, str | int):
            return plain
        raise TypeError("not a built value")
    match plain:
        case ("enum", str() as name, value):
            return kinds[name](value)
        case ("path",):
            return Path()
        case ("model", str() as name, dict() as fields):
            return kinds[name](**{key: _model(each, kinds) for key, each in fields.items()})
        case ("mapping", str() as name, dict() as entries):
            return kinds[name]({key: _model(each, kinds) for key, each in entries.items()})
        case ("frozenset", tuple() as values):
            return frozenset(_model(each, kinds) for each in values)
        case ("tuple", tuple() as values):
            return tuple(_model(each, kinds) for each in values)
    raise TypeError("not a built value")
