"""Read a YAML file and remember the line of every value, so errors can say file:line."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, Protocol, TypeVar

import yaml

from safecheck.core.errors import InputFileError

Loc = tuple[str | int, ...]


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=HasId)

# libyaml's parser when PyYAML was built with it (it parses a large checklist ~10x faster).
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Located:
    """A parsed YAML document and the line (1-based) where each value starts."""

    path: Path
    data: Any
    lines: Mapping[Loc, int]
    key_lines: Mapping[Loc, int] = field(default_factory=dict)  # where each mapping key is

    def line(self, loc: Loc) -> int:
        """The line of `loc`, or of its nearest enclosing value that has one."""
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def key_line(self, loc: Loc) -> int:
        """The line of the key that names `loc` (a value may start on a later line)."""
        return self.key_lines.get(loc) or self.line(loc)

    def fail(self, loc: Loc, message: str) -> NoReturn:
        raise InputFileError(message, path=self.path, line=self.line(loc))

    def fail_at_key(self, loc: Loc, message: str) -> NoReturn:
        raise InputFileError(message, path=self.path, line=self.key_line(loc))


def load(path: Path, text: str | None = None) -> Located:
    """Parse `path` (or `text`, read from it) as one YAML document, safely."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputFileError("there is no such file", path=path) from None
        except IsADirectoryError:
            raise InputFileError("this is a folder, not a file", path=path) from None
        except UnicodeDecodeError:
            raise InputFileError("the file is not UTF-8 text", path=path) from None
        except OSError as error:
            raise InputFileError(f"the file cannot be read ({error.strerror})", path=path) from None
    try:
        loader = _Loader(text)
    except yaml.YAMLError as error:  # the reader rejects control characters at once
        raise InputFileError(f"not valid YAML: {error}", path=path) from None
    try:
        node = loader.get_single_node()
        lines: dict[Loc, int] = {}
        key_lines: dict[Loc, int] = {}
        builder = _Builder(loader, path, lines, key_lines)
        data = builder.build(node, ()) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = error.problem or error.context or "not valid YAML"
        raise InputFileError(f"not valid YAML: {problem}", path=path, line=line) from None
    except yaml.YAMLError as error:
        raise InputFileError(f"not valid YAML: {error}", path=path) from None
    except RecursionError:
        raise InputFileError("not valid YAML: nested too deeply", path=path) from None
    finally:
        loader.dispose()
    return Located(path, data, lines, key_lines)


_STR_TAG = "tag:yaml.org,2002:str"


class _Builder:
    """Turns the node tree into plain values, noting each value's line on the way.

    Faster than PyYAML's constructor for the common case (text scalars), and it keeps
    one value per node, so aliases cannot blow up into exponential copies.
    """

    def __init__(
        self,
        loader: yaml.SafeLoader,
        path: Path,
        lines: dict[Loc, int],
        key_lines: dict[Loc, int] | None = None,
    ) -> None:
        self.loader = loader
        self.path = path
        self.lines = lines
        self.key_lines: dict[Loc, int] = {} if key_lines is None else key_lines
        self.built: dict[int, Any] = {}

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.lines[loc] = node.start_mark.line + 1
        if id(node) in self.built:
            return self.built[id(node)]
        value: Any
        if isinstance(node, yaml.ScalarNode):
            value = node.value if node.tag == _STR_TAG else self.loader.construct_object(node)
        elif isinstance(node, yaml.SequenceNode):
            value = []
            self.built[id(node)] = value
            value.extend(self.build(child, (*loc, index)) for index, child in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            value = {}
            self.built[id(node)] = value
            for key_node, value_node in node.value:
                key = self.key(key_node)
                if key in value:
                    raise InputFileError(
                        f'the key "{key}" appears twice',
                        path=self.path,
                        line=key_node.start_mark.line + 1,
                    )
                self.key_lines[(*loc, key)] = key_node.start_mark.line + 1
                value[key] = self.build(value_node, (*loc, key))
        else:  # pragma: no cover - PyYAML has no other node kinds
            raise InputFileError("not valid YAML", path=self.path, line=self.lines[loc])
        self.built[id(node)] = value
        return value

    def key(self, node: yaml.Node) -> str:
        if node.tag == "tag:yaml.org,2002:merge":
            raise InputFileError(
                "merge keys (<<) are not supported here",
                path=self.path,
                line=node.start_mark.line + 1,
            )
        if not isinstance(node, yaml.ScalarNode):
            raise InputFileError(
                "a key must be plain text, not a list or mapping",
                path=self.path,
                line=node.start_mark.line + 1,
            )
        key = node.value if node.tag == _STR_TAG else self.loader.construct_object(node)
        return str(key)


def mapping(doc: Located, value: object, loc: Loc, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        doc.fail(loc, f"{what} must be a mapping of keys to values")
    for key in value:
        if not isinstance(key, str):
            doc.fail(loc, f"{what} has a key that is not text: {key!r}")
    return value


def sequence(doc: Located, value: object, loc: Loc, what: str) -> Sequence[Any]:
    if not isinstance(value, list):
        doc.fail(loc, f"{what} must be a list")
    return value


def string(doc: Located, value: object, loc: Loc, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        doc.fail(loc, f"{what} must be a non-empty text")
    return value.strip()


def no_unknown_keys(
    doc: Located, value: Mapping[str, Any], allowed: set[str], loc: Loc, what: str
) -> None:
    for key in value:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            doc.fail_at_key((*loc, key), f'{what} has an unknown key "{key}" (known keys: {known})')


def unique_list(
    doc: Located,
    value: object,
    loc: Loc,
    build: Callable[[Located, object, Loc], Item],
    *,
    what: str,
    empty: str,
    noun: str = "id",
) -> tuple[Item, ...]:
    """A non-empty list of items built by `build`, whose ids are each used once."""
    raw_items = sequence(doc, value, loc, what)
    if not raw_items:
        doc.fail(loc, empty)
    seen: dict[str, int] = {}
    items = []
    for index, raw in enumerate(raw_items):
        item = build(doc, raw, (*loc, index))
        if item.id in seen:
            doc.fail(
                (*loc, index, "id"),
                f'the {noun} "{item.id}" is used twice (first on line {seen[item.id]})',
            )
        seen[item.id] = doc.line((*loc, index, "id"))
        items.append(item)
    return tuple(items)
