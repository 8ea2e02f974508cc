"""The plain settings file: what safecheck needs before it may unlock anything.

`settings.toml` sits next to the state file (0600 in the 0700 folder) and holds only
settings that reveal nothing about a person's answers or evidence:

    region = "BE"          # the country chosen (an ISO 3166 code, or OTHER)
    lang = "nl"            # the language asked for with --lang
    discreet = false       # discreet mode
    key = "passphrase"     # what protects the state file: keyring, passphrase or plain

Reading it needs no keyring and no passphrase, so the start screen, the crisis screen
and the help lines never wait for a key. The age group is not here: it stays in the
encrypted state (see the README). A file that cannot be read counts as empty, and a
value of the wrong type (a list, a table, a number where text belongs) counts as not set:
help must still be shown. The file is read through the same bounded, regular-files-only
reader as any other (`safefile.read_bytes`), and nesting deeper than `MAX_DEPTH` is
refused before the TOML parser sees it. Only the standard library is used (and
`files.write_atomic`), so this can run before anything slow is imported.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from safecheck.core.i18n import LANGUAGES
from safecheck.storage.files import ensure_private_dir, write_atomic

SETTINGS_FILE = "settings.toml"
MAX_BYTES = 64 * 1024
MAX_DEPTH = 8  # brackets and braces open at once: the file itself never needs more than 0
KEY_SOURCES = ("keyring", "passphrase", "plain")
# Settings older versions kept inside the encrypted state; moved here on first open.
MOVED_FROM_STATE = ("region", "discreet")


@dataclass(frozen=True, slots=True)
class Settings:
    region: str | None = None  # an ISO 3166 alpha-2 code, or OTHER; None: never chosen
    lang: str | None = None
    discreet: bool = False
    key: str | None = None  # keyring, passphrase or plain; None: nothing saved yet

    def changed(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def default_home() -> Path:
    """`SAFECHECK_HOME` if set, else the platform's user data folder."""
    override = os.environ.get("SAFECHECK_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path("safecheck", appauthor=False)


def settings_path(home: Path) -> Path:
    return home / SETTINGS_FILE


# The file as last read or written in this process, by path: while it has the same size,
# time and inode, the settings are not read (or parsed) again, so a run reads it once.
_read: dict[Path, tuple[tuple[int, int, int], Settings]] = {}


def read(home: Path | None = None) -> Settings:
    """The saved settings; the defaults when there is no file or it cannot be read."""
    path = settings_path(home or default_home())
    try:
        found = path.stat()
    except OSError:
        return Settings()
    stamp = (found.st_mtime_ns, found.st_size, found.st_ino)
    known = _read.get(path)
    if known is not None and known[0] == stamp:
        return known[1]
    settings = from_mapping(_raw(path))
    _read[path] = (stamp, settings)
    return settings


def _raw(path: Path) -> Mapping[str, Any]:
    """The file's TOML table; empty when there is none or it cannot be read safely."""
    from safecheck.storage.safefile import Refused, read_bytes

    try:
        text = read_bytes(path, MAX_BYTES).decode("utf-8")
    except (OSError, Refused, UnicodeDecodeError):
        return {}
    return _table(text)


def _table(text: str) -> Mapping[str, Any]:
    simple = _as_written(text)
    if simple is not None:
        return simple
    if _depth(text) > MAX_DEPTH:
        return {}
    import tomllib

    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, MemoryError, ValueError, TypeError):
        return {}


def _as_written(text: str) -> dict[str, Any] | None:
    """The table of a file as `dumps` writes it (comments, and `name = "word"` or
    `name = true|false` lines for the names of `Settings`), read without importing tomllib
    (~3 ms of every start); None for anything else, which tomllib reads."""
    table: dict[str, Any] = {}
    names = {field.name for field in fields(Settings)}
    for line in text.split("\n"):
        if not line or (line.startswith("# ") and line.isprintable()):
            continue
        name, equals, value = line.partition(" = ")
        if not equals or name not in names or name in table:
            return None
        if value in ("true", "false"):
            table[name] = value == "true"
        elif len(value) > 2 and value[0] == value[-1] == '"' and value[1:-1].isalnum():
            table[name] = value[1:-1]
        else:
            return None
    return table


def _depth(text: str) -> int:
    """How deep brackets and braces nest (quotes not counted: a deeper file is not ours)."""
    deepest = depth = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


def parse(text: str) -> Settings:
    """Settings from TOML text; keys that are unknown or of the wrong type are left out."""
    return from_mapping(_table(text))


def _text(raw: Mapping[str, Any], key: str) -> str | None:
    value = raw.get(key) if isinstance(raw, Mapping) else None
    return value if isinstance(value, str) else None


def from_mapping(raw: Mapping[str, Any]) -> Settings:
    """Typed settings: each value of the right type and among those allowed, else the default."""
    from safecheck.core.region import parse_region_code

    region, lang, key = _text(raw, "region"), _text(raw, "lang"), _text(raw, "key")
    discreet = raw.get("discreet") if isinstance(raw, Mapping) else None
    try:
        code = parse_region_code(region) if region is not None else None
    except (ValueError, TypeError):
        code = None
    return Settings(
        region=code,
        lang=lang if lang in LANGUAGES else None,
        discreet=discreet if isinstance(discreet, bool) else False,
        key=key if key in KEY_SOURCES else None,
    )


def dumps(settings: Settings) -> str:
    """The file's text: a comment, then one `key = value` line per setting that is set."""
    lines = ["# safecheck: nothing secret is kept in this file (see the README)."]
    for field in fields(settings):
        value = getattr(settings, field.name)
        if value is None:
            continue
        lines.append(f"{field.name} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    escaped = []
    for char in text:
        if char in ('"', "\\"):
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def write(home: Path, settings: Settings) -> None:
    """Save the settings whole or not at all (0600, in the private folder).

    Never into a folder other users may change (`PermissionError`): safecheck refuses it.
    """
    from safecheck.storage.files import shared_with_others

    mode = shared_with_others(home)
    if mode is not None:
        raise PermissionError(errno.EACCES, f"other users can change this folder ({mode})")
    ensure_private_dir(home)
    write_atomic(settings_path(home), dumps(settings).encode("utf-8"))


def update(home: Path | None = None, **changes: Any) -> Settings:
    """Change some settings; the file is written only when something changed.

    Saving settings never stops safecheck: a folder that cannot be written to means
    the choice is not remembered, and the run goes on.
    """
    home = home or default_home()
    current = read(home)
    new = current.changed(**changes)
    if new != current or not settings_path(home).exists():
        try:
            write(home, new)
        except OSError:
            return new
    return new


def from_state(home: Path, saved: Mapping[str, Any]) -> None:
    """Move settings an older safecheck kept in the encrypted state into this file.

    Only those the file does not have yet: a choice made since is never undone.
    """
    if not any(key in saved for key in MOVED_FROM_STATE):
        return
    raw = _raw(settings_path(home))
    if not isinstance(saved, Mapping):
        return
    older = from_mapping({key: saved[key] for key in MOVED_FROM_STATE if key in saved})
    changes: dict[str, Any] = {}
    if "region" not in raw and older.region is not None:
        changes["region"] = older.region
    if "discreet" not in raw and "discreet" in saved:
        changes["discreet"] = older.discreet
    if changes:
        update(home, **changes)
