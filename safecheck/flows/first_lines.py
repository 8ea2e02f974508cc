"""The crisis lines of the first screen, made when the package is built, so they print before
anything slow loads.

`crisis.footer_text` makes them from the help-line data (YAML) and the program's words;
that needs PyYAML and a dozen modules, ~50 ms before the first line. The build
(`hatch_build.py`, and `make` in a checkout, as for the compiled catalogues) runs `build()`:
its results for every language and region go into one small marshal file beside the
compiled catalogues (`safecheck/locale/first_lines.marshal`, shipped in the wheel, not kept
in git), with the size and CRC-32 of every file they were made from: the help-line data,
the compiled catalogues and each safecheck module loaded to make them.

At run time nothing is written. The file is read with `marshal` and `zlib`, which load in
well under a millisecond; when it is missing, damaged, or any of its sources changed since
(an edited checkout before `make`), the lines are made from the YAML in memory: slower,
the same lines, never old ones. README, "Speed and memory", has the figures.
"""

from __future__ import annotations

import marshal
import sys
from pathlib import Path

FORMAT = 2
REGIONS = (None, "BE", "NL", "OTHER")  # None: no region known, every line we know
PACKAGE = Path(__file__).parent.parent  # the safecheck folder
# Written with marshal's version 4, which every Python since 3.4 reads.
MARSHAL_VERSION = 4


def data_path() -> Path:
    """Where the build puts the lines: beside the compiled catalogues."""
    return PACKAGE / "locale" / "first_lines.marshal"


def key(lang: str, region: str | None) -> str:
    return f"{lang}:{region or '-'}"


def text(lang: str, region: str | None, path: Path | None = None) -> str:
    """The crisis lines for a language and a region (BE, NL, OTHER; None: not known)."""
    texts = read(path or data_path())
    if texts is None:
        texts, _ = make()
    return texts[key(lang, region)]


def read(path: Path) -> dict[str, str] | None:
    """The built texts; None when missing, damaged or made from files that changed since."""
    try:
        with path.open("rb") as file:
            raw = marshal.load(file)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            return None
        for name, size, crc in raw["sources"]:
            if _signature(_located(name)) != (size, crc):
                return None
        texts = raw["texts"]
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None
    if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
        return None
    return texts


def make() -> tuple[dict[str, str], list[Path]]:
    """The texts for every language and region, and the files they were made from."""
    from safecheck.content import helplines as helpline_data
    from safecheck.core.i18n import LANGUAGES, catalogue_files
    from safecheck.core.region import Region
    from safecheck.flows.crisis import footer_text

    lines = helpline_data.load()
    texts = {
        key(lang, region): footer_text(lines, Region(region) if region else None, lang)
        for lang in LANGUAGES  # every reader's language: in Belgium it chooses the lines
        for region in REGIONS
    }
    return texts, [helpline_data.builtin_path(), *catalogue_files(), *loaded_modules()]


def loaded_modules() -> list[Path]:
    """The files of the safecheck modules loaded so far: what made a built text."""
    files = [
        getattr(module, "__file__", None)
        for name, module in list(sys.modules.items())
        if name.split(".")[0] == "safecheck"
    ]
    return sorted(Path(file) for file in files if isinstance(file, str))


def build(path: Path | None = None) -> Path:
    """Make the texts and write them with their sources' signatures (the build's step)."""
    texts, sources = make()
    return write(path or data_path(), texts, sources)


def write(path: Path, texts: dict[str, str], sources: list[Path]) -> Path:
    """Write `texts` with their sources' signatures, for `read` (also the top-level --help's,
    tools/top_help.py)."""
    stats = [(_name(source), *_signature(source)) for source in sources]
    data = marshal.dumps({"format": FORMAT, "sources": stats, "texts": texts}, MARSHAL_VERSION)
    temporary = path.with_name(f"{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)  # whole or not at all
    return path


# Outside libraries a built text may come from (the top-level --help is typer's wording and
# layout: tools/top_help.py): their files are named from the library's folder, found again
# on sys.path as Python finds the library, so another version of it makes the text stale.
LIBRARIES = ("typer",)


def _library(name: str) -> Path | None:
    for entry in sys.path:
        folder = Path(entry or ".") / name
        if (folder / "__init__.py").is_file():
            return folder.resolve()
    return None


def _name(source: Path) -> str:
    """A source's name as `_located` finds it again: relative to the package folder, and
    the built-in data relative to its checklists folder (inside the package in a wheel,
    beside it in a checkout); a library's file relative to the library's folder."""
    source = source.resolve()
    for library in LIBRARIES:
        folder = _library(library)
        if folder is not None and source.is_relative_to(folder):
            return f"{library}/{source.relative_to(folder).as_posix()}"
    package = PACKAGE.resolve()
    if source.is_relative_to(package / "checklists"):
        return source.relative_to(package).as_posix()
    if source.is_relative_to(package):
        return f"safecheck/{source.relative_to(package).as_posix()}"
    return source.relative_to(package.parent).as_posix()  # checklists/ of a checkout


def _located(name: str) -> Path:
    """Where a source named by `_name` is now (as `content.checklist.builtin_dir` finds the
    checklists: in the package when bundled, else beside it)."""
    if name.startswith("safecheck/"):
        return PACKAGE.parent / name
    library, _, rest = name.partition("/")
    if library in LIBRARIES:
        folder = _library(library)
        return folder / rest if folder is not None else PACKAGE / "missing" / name
    bundled = PACKAGE / name
    return bundled if bundled.exists() else PACKAGE.parent / name


def _signature(path: Path) -> tuple[int, int]:
    import zlib

    data = path.read_bytes()
    return len(data), zlib.crc32(data)
