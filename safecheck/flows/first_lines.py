"""The crisis lines of the first screen, precompiled, so they print before anything slow loads.

`crisis.footer_text` makes them from the help-line data (YAML) and the program's words;
that needs PyYAML and a dozen modules, ~50 ms before the first line. Its results for every
language and region are kept in one small marshal file in this package's `__pycache__`,
next to Python's own compiled modules (the same format, the same trust), together with the
size and modification time of every file they were made from: the help-line data, the
compiled catalogues of the program's words and each safecheck module loaded to make them. A file that changed, or a file that cannot
be read, makes them again; where the folder cannot be written (or with
PYTHONDONTWRITEBYTECODE), they are made each time, slower but the same lines.

Reading needs only the standard library's `marshal` and `os`, which Python has loaded
before it runs any code of ours. README, "Speed and memory", has the figures.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from pathlib import Path

FORMAT = 1
REGIONS = (None, "BE", "NL", "OTHER")  # None: no region known, every line we know


def cache_path() -> Path:
    return Path(__file__).parent / "__pycache__" / f"first_lines.{sys.implementation.cache_tag}.bin"


def key(lang: str, region: str | None) -> str:
    return f"{lang}:{region or '-'}"


def text(lang: str, region: str | None, path: Path | None = None) -> str:
    """The crisis lines for a language and a region (BE, NL, OTHER; None: not known)."""
    path = path or cache_path()
    texts = read(path)
    if texts is None:
        texts, sources = make()
        write(path, texts, sources)
    return texts[key(lang, region)]


def read(path: Path) -> dict[str, str] | None:
    """The precompiled texts; None when missing, damaged or older than any of its sources."""
    try:
        with path.open("rb") as file:
            raw = marshal.load(file)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            return None
        for name, mtime, size in raw["sources"]:
            found = Path(name).stat()
            if (found.st_mtime_ns, found.st_size) != (mtime, size):
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
    files = [
        getattr(module, "__file__", None)
        for name, module in list(sys.modules.items())
        if name.split(".")[0] == "safecheck"
    ]
    modules = [Path(file) for file in files if isinstance(file, str)]
    return texts, [helpline_data.builtin_path(), *catalogue_files(), *sorted(modules)]


def write(path: Path, texts: dict[str, str], sources: list[Path]) -> None:
    """Keep the texts for the next start; quietly not, where that cannot be done."""
    if sys.dont_write_bytecode:
        return
    with contextlib.suppress(OSError, ValueError):
        stats = [(str(source), *_signature(source)) for source in sources]
        data = marshal.dumps({"format": FORMAT, "sources": stats, "texts": texts})
        path.parent.mkdir(exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(data)
            temporary.replace(path)  # whole or not at all, also with two starts at once
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _signature(path: Path) -> tuple[int, int]:
    found = path.stat()
    return found.st_mtime_ns, found.st_size
