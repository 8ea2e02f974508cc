"""Hostile files for every reader of outside files (issue 15).

The corpus is generated at test time (nothing binary or large lives in git):
`write(folder)` writes `FILES`; `make_large` writes files over the limits (one sparse,
of 1 TiB); `make_special` makes FIFOs, folders, links to devices, broken links and
link loops. `python -m tests.hostile_corpus FOLDER` writes them all to look at.

Every file is broken for every reader (checklist, answers, evidence import), so each
must end with exit code 3 and one calm message.
"""

from __future__ import annotations

import os
from pathlib import Path

HEAD = "id: hostile\ntitle: {nl: T, en: T}\nintro: {nl: I, en: I}\n"


def item(field: str, value: str) -> str:
    """A checklist whose one item has `field: value` (the rest is valid)."""
    fields = {
        "id": "one",
        "priority": "essential",
        "title": "{nl: T, en: T}",
        "why": "{nl: W, en: W}",
        "how": "{nl: H, en: H}",
        "source": "test",
    }
    fields[field] = value
    body = "".join(f"        {key}: {text}\n" for key, text in fields.items())
    return HEAD + "sections:\n  - id: s\n    title: {nl: S, en: S}\n    items:\n      - " + body[8:]


def laughs(levels: int, width: int = 9, name: str = "l") -> str:
    """A flow list of anchors, each holding `width` aliases of the one before."""
    parts = [f"&{name}0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        aliases = ", ".join([f"*{name}{level - 1}"] * width)
        parts.append(f"&{name}{level} [{aliases}]")
    return "[" + ", ".join(parts) + "]"


BOMB = laughs(9)  # 9^9 values: refused while reading
SMALL_BOMB = laughs(4, 15)  # about 58,000 values: read, then quoted as "a list"
MAP_BOMB = (
    "{a: &m0 {x: lol, y: lol, z: lol}, b: &m1 {x: *m0, y: *m0, z: *m0}, "
    + ", ".join(f"c{i}: &m{i + 2} {{x: *m{i + 1}, y: *m{i + 1}, z: *m{i + 1}}}" for i in range(20))
    + "}"
)

ESC_TITLE = '"\\e]0;pwned\\a\\e[2J"'

FILES: dict[str, bytes] = {
    # alias bombs, as every kind of value and in every reader's shape
    "bomb-top.yaml": f"bomb: {BOMB}\n".encode(),
    "bomb-priority.yaml": item("priority", BOMB).encode(),
    "bomb-id.yaml": item("id", BOMB).encode(),
    "bomb-mapping.yaml": f"x: {MAP_BOMB}\n".encode(),
    "bomb-answers.yaml": f"checklist: small\nanswers:\n  alpha: {BOMB}\n".encode(),
    "bomb-evidence-when.yaml": f"entries:\n  - when: {BOMB}\n".encode(),
    "bomb-evidence-demands.yaml": f'entries:\n  - when: "2026-01-02 10:00"\n    demands: {BOMB}\n'.encode(),
    "small-bomb-priority.yaml": item("priority", SMALL_BOMB).encode(),
    "small-bomb-answers.yaml": f"checklist: small\nanswers:\n  alpha: {SMALL_BOMB}\n".encode(),
    "small-bomb-evidence.yaml": f"entries:\n  - when: {SMALL_BOMB}\n".encode(),
    "small-bomb-demands.yaml": f'entries:\n  - when: "2026-01-02 10:00"\n    demands: [{SMALL_BOMB}]\n'.encode(),
    "alias-in-itself.yaml": b"a: &a [1, *a]\n",
    "alias-undefined.yaml": b"a: *nowhere\n",
    "alias-as-key.yaml": b"a: &k [1]\n*k : 2\n",
    "merge-key.yaml": b"base: &b {id: x}\nother:\n  <<: *b\n",
    # explicit tags and values a tag cannot read
    "tag-bool-maybe.yaml": item("priority", "!!bool maybe").encode(),
    "tag-int-essential.yaml": item("priority", "!!int essential").encode(),
    "tag-timestamp-soon.yaml": item("source", "!!timestamp soon").encode(),
    "tag-float.yaml": b"checklist: small\nanswers:\n  alpha: !!float lots\n",
    "tag-python-object.yaml": b"x: !!python/object:os.system {}\n",
    "tag-python-apply.yaml": b'x: !!python/object/apply:os.system ["echo owned"]\n',
    "tag-python-name.yaml": b"x: !!python/name:os.system\n",
    "tag-unknown-scalar.yaml": b"x: !shout loud\n",
    "tag-unknown-list.yaml": b"x: !shout [1, 2]\n",
    "tag-set.yaml": b"x: !!set {a, b}\n",
    "tag-omap-scalar.yaml": b"x: !!omap nothing\n",
    "tag-binary-bad.yaml": b"x: !!binary '***'\n",
    "tag-huge-int.yaml": b"x: !!int " + b"9" * 5000 + b"\n",
    # impossible dates, unquoted
    "date-source.yaml": item("source", "2024-02-30").encode(),
    "date-evidence-when.yaml": b"entries:\n  - when: 2026-02-30\n",
    "date-answer.yaml": b"checklist: small\nanswers:\n  alpha: 2024-13-01\n",
    "date-key.yaml": b"2024-02-30: x\n",
    # control characters: escaped in quoted text, and raw in the file
    "control-title.yaml": item("title", f"{{nl: {ESC_TITLE}, en: T}}").encode(),
    "control-id.yaml": item("id", '"one\\x07"').encode(),
    "control-c1.yaml": item("why", '{nl: "a\\x9b2J", en: W}').encode(),
    "control-del.yaml": item("how", '{nl: "a\\x7f", en: H}').encode(),
    "control-cr.yaml": item("how", '{nl: "over\\rwrite", en: H}').encode(),
    "control-key.yaml": b'"\\e[31mkey": x\n',
    "control-answers.yaml": b'checklist: small\nanswers:\n  "\\e]0;x\\a": done\n',
    "control-evidence.yaml": b'entries:\n  - when: "2026-01-02 10:00"\n    platform: "\\e[2J"\n',
    "control-raw-esc.yaml": b"id: x\ntitle: \x1b[2J\n",
    "control-raw-nul.yaml": b"id: x\x00\n",
    "control-raw-c1.yaml": "id: x\ntitle: \u009b2J\n".encode(),
    # encodings and bytes that are not text
    "invalid-utf8.yaml": b"id: x\ntitle: \xff\xfe\xc3\x28\n",
    "utf16-bom.yaml": "id: x\n".encode("utf-16"),
    "utf8-bom-list.yaml": b"\xef\xbb\xbf- just\n- a list\n",
    "latin1.yaml": "id: caf\u00e9\n".encode("latin-1"),
    "binary.yaml": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "empty.yaml": b"",
    # structure
    "deep-flow.yaml": b"x: " + b"[" * 20000 + b"\n",
    "deep-block.yaml": b"x:\n" + b"- " * 5000 + b"a\n",
    "deep-mapping.yaml": b"x: " + b"{a: " * 3000 + b"1" + b"}" * 3000 + b"\n",
    "two-documents.yaml": b"id: x\n---\nid: y\n",
    "duplicate-key.yaml": b"id: x\nid: y\n",
    "list-as-key.yaml": b"? [a, b]\n: c\n",
    "unclosed-quote.yaml": b'id: "never closed\n',
    "tabs-indent.yaml": b"id: x\n\tsections: []\n",
    "long-value.yaml": item("priority", "x" * 200_000).encode(),
    "many-values.yaml": b"- a\n" * 240_000,
}


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in FILES.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


# Made at test time: what git should not hold.
LARGE = {
    "huge-checklist.yaml": 3 << 20,  # over 1 MiB
    "huge-evidence.yaml": 20 << 20,  # over 16 MiB
    "sparse-huge.yaml": 1 << 40,  # 1 TiB that takes no disk
}


def make_large(folder: Path) -> list[Path]:
    paths = []
    for name, size in LARGE.items():
        path = folder / name
        if name.startswith("sparse"):
            with path.open("wb") as handle:
                handle.truncate(size)
        else:
            path.write_bytes(b"# " + b"a" * (size - 3) + b"\n")
        paths.append(path)
    return paths


def make_special(folder: Path, name: str, kind: str | None = None) -> Path:
    """One special file at `folder/name`, of `kind` (by default the kind its name says)."""
    path = folder / name
    kind = kind or name.removesuffix(".yaml")
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "dev-urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "dangling-link":
        path.symlink_to(folder / "not-there.yaml")
    elif kind == "link-loop":
        path.symlink_to(path)
    elif kind == "link-to-folder":
        target = folder / "a-folder"
        target.mkdir(exist_ok=True)
        path.symlink_to(target)
    else:  # pragma: no cover
        raise ValueError(name)
    return path


SPECIAL = [
    "fifo.yaml",
    "folder.yaml",
    "dev-zero.yaml",
    "dev-urandom.yaml",
    "dangling-link.yaml",
    "link-loop.yaml",
    "link-to-folder.yaml",
]

if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1])
    made = write(target) + make_large(target) + [make_special(target, n) for n in SPECIAL]
    print(f"{len(made)} hostile files in {target}")
