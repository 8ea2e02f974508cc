"""The one machine-readable output shape: a versioned JSON document on stdout.

Every command with `--json` prints exactly one document and nothing else on
stdout (messages go to stderr). The envelope is the same for every command:

    {"schema": 1, "kind": "status", ...the command's own fields...}

`schema` changes only when a field is removed or changes meaning; new fields may
be added within a schema version. The shape of each kind is documented in the
README and in `output.schema.json` beside this module (JSON Schema), which the
tests check every document against.

To give a command `--json`, build a plain dict of its data and call
`emit("kind", data)`. This module is core: no rich, no typer.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from safecheck.core.text import CONTROL

SCHEMA_VERSION = 1
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "output.schema.json"
RESERVED = ("schema", "kind")


def document(kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The envelope around `data`: `schema` and `kind` first, then the data's own fields."""
    clash = [key for key in RESERVED if key in data]
    if clash:
        raise ValueError(f"{', '.join(clash)} is set by the envelope; rename it in the data")
    return {"schema": SCHEMA_VERSION, "kind": kind, **data}


def dumps(kind: str, data: Mapping[str, Any]) -> str:
    """The document as text: UTF-8, two-space indent, keys in the order given."""
    text = json.dumps(document(kind, data), ensure_ascii=False, indent=2)
    # json escapes C0 controls itself, but not DEL and C1 (a terminal acts on CSI, \x9b):
    # the same strings, written as \u escapes.
    return CONTROL.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def emit(kind: str, data: Mapping[str, Any], file: IO[str] | None = None) -> None:
    """Print the document, and only the document, to `file` (stdout by default)."""
    out = file if file is not None else sys.stdout
    out.write(dumps(kind, data) + "\n")
    out.flush()
