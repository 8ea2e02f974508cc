"""Read a YAML file and remember the line of every value, so errors can say file:line."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, TypeVar

from safecheck.core.errors import InputFileError
from safecheck.core.i18n import N_, Message, Phrase
from safecheck.core.text import CONTROL, escaped, safe_text
from safecheck.storage import safefile

if TYPE_CHECKING:  # PyYAML loads when a file is parsed, not when safecheck starts
    import yaml

Loc = tuple[str | int, ...]


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=HasId)


def _loader(text: str) -> yaml.SafeLoader:
    """libyaml's parser when PyYAML was built with it (it parses a large checklist ~10x faster)."""
    import yaml

    parser: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return parser(text)


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

    def fail(self, loc: Loc, message: str | Message, **values: Any) -> NoReturn:
        """Stop with `message` (an English message id, its {placeholders} from `values`; or
        a `Message`, whose values may be named as the error's own: path, line)."""
        raise InputFileError(message, path=self.path, line=self.line(loc), **values)

    def fail_at_key(self, loc: Loc, message: str, **values: Any) -> NoReturn:
        raise InputFileError(message, path=self.path, line=self.key_line(loc), **values)


def load(path: Path, text: str | None = None, *, limit: int = safefile.CHECKLIST_LIMIT) -> Located:
    """Parse `path` (or `text`, read from it) as one YAML document, safely and boundedly.

    The file must be a regular file of at most `limit` bytes (see `safefile`); the
    document may nest at most `MAX_DEPTH` deep and, with its aliases expanded, hold at
    most `MAX_VALUES` values; any text in it must be free of control characters.
    """
    import yaml

    if text is None:
        try:
            raw = safefile.read_bytes(path, limit)
        except safefile.Refused as refused:
            raise InputFileError(refused.problem.said, path=path) from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            bad = raw.count(b"\n", 0, error.start) + 1
            raise InputFileError(N_("the file is not UTF-8 text"), path=path, line=bad) from None
    elif len(text) > limit:
        raise InputFileError(
            N_("the file is larger than the limit for this kind of file"), path=path
        )
    try:
        loader = _loader(text)
    except yaml.reader.ReaderError as error:  # a control character in the raw file
        raise _reader_error(error, text, path) from None
    except yaml.YAMLError as error:
        raise InputFileError(
            N_("not valid YAML: {error}"), path=path, error=_short(str(error))
        ) from None
    lines: dict[Loc, int] = {}
    key_lines: dict[Loc, int] = {}
    try:
        data = _Builder(loader, path, lines, key_lines).document()
    except yaml.reader.ReaderError as error:
        raise _reader_error(error, text, path) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = error.problem or error.context or "not valid YAML"
        raise InputFileError(
            N_("not valid YAML: {error}"), path=path, line=line, error=_short(problem)
        ) from None
    except yaml.YAMLError as error:
        raise InputFileError(
            N_("not valid YAML: {error}"), path=path, error=_short(str(error))
        ) from None
    except RecursionError:  # pragma: no cover - the builder does not recurse
        raise InputFileError(N_("not valid YAML: nested too deeply"), path=path) from None
    finally:
        loader.dispose()
    return Located(path, data, lines, key_lines)


def _short(text: str) -> str:
    return safe_text(text if len(text) <= 200 else text[:200] + "…")


def _reader_error(error: yaml.reader.ReaderError, text: str, path: Path) -> InputFileError:
    position = max(0, min(error.position, len(text)))
    line = text.count("\n", 0, position) + 1
    if isinstance(error.character, str):
        code = f"U+{ord(error.character):04X}"
    else:
        code = f"byte 0x{error.character:02x}"
    return InputFileError(
        N_("the file holds a control character ({code}) that YAML does not allow; remove it"),
        path=path,
        line=line,
        code=code,
    )


MAX_DEPTH = 64  # lists and mappings inside each other
MAX_VALUES = 100_000  # values in a document, each alias counted as all it stands for
MAX_QUOTE = 40  # characters of a value quoted in a message

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAGS = (None, "!", "tag:yaml.org,2002:seq")
_MAP_TAGS = (None, "!", "tag:yaml.org,2002:map")
_TYPE_NAMES = {
    "tag:yaml.org,2002:bool": N_("true or false"),
    "tag:yaml.org,2002:int": N_("a whole number"),
    "tag:yaml.org,2002:float": N_("a number"),
    "tag:yaml.org,2002:timestamp": N_("a date"),
    "tag:yaml.org,2002:binary": N_("base64 data"),
    "tag:yaml.org,2002:null": N_("nothing (null)"),
}


def quote(value: object) -> str:
    """A value for a message: short, cut, with control characters escaped.

    Never `repr` or `str` of a list or mapping: an alias bomb expands to billions of values.
    """
    if isinstance(value, list):
        return Phrase(N_("a list"))
    if isinstance(value, Mapping):
        return Phrase(N_("a mapping"))
    if value is None or isinstance(value, bool | float | date):
        return str(value)
    if isinstance(value, int):
        return str(value) if value.bit_length() < 128 else Phrase(N_("a very large number"))
    if not isinstance(value, str):
        return Phrase(N_("a value of another kind"))
    text = value if len(value) <= MAX_QUOTE else value[:MAX_QUOTE] + "…"
    return f'"{safe_text(text)}"'


def _tag(tag: str | None) -> str:
    """A tag as it is written in a file: `!!bool`, `!foo`."""
    short = (tag or "").replace("tag:yaml.org,2002:", "!!")
    return quote(short)[1:-1]


class _Frame:
    """A list or mapping being built, with what the builder needs to go on."""

    __slots__ = ("anchor", "key", "loc", "value", "weight")

    def __init__(self, value: list[Any] | dict[str, Any], loc: Loc, anchor: str | None) -> None:
        self.value = value
        self.loc = loc
        self.anchor = anchor
        self.key: str | None = None  # in a mapping: the key whose value comes next
        self.weight = 1  # values inside, each alias counted as all it stands for


class _Builder:
    """Turns PyYAML's events into plain values, noting each value's line on the way.

    No node tree and no recursion: nesting deeper than `MAX_DEPTH` (libyaml's composer
    would overflow the C stack), more than `MAX_VALUES` values with aliases expanded
    (an alias bomb), a key that is not text, a merge key, a tag safecheck does not read
    and a text with a control character each stop it with file:line. An alias stands
    for the very value of its anchor (one object, not a copy).
    """

    def __init__(
        self,
        loader: yaml.SafeLoader,
        path: Path,
        lines: dict[Loc, int],
        key_lines: dict[Loc, int] | None = None,
    ) -> None:
        self.loader: Any = loader  # PyYAML's event methods are untyped
        self.path = path
        self.lines = lines
        self.key_lines: dict[Loc, int] = {} if key_lines is None else key_lines
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.total = 0

    def fail(self, line: int, message: str, **values: Any) -> NoReturn:
        raise InputFileError(message, path=self.path, line=line, **values)

    def document(self) -> Any:
        import yaml

        loader = self.loader
        loader.get_event()  # the start of the stream
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # the start of the document
        root: Any = None
        while not loader.check_event(yaml.DocumentEndEvent):
            event = loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, yaml.ScalarEvent):
                done = self.place(self.scalar(event, line), 1, line, event.anchor)
            elif isinstance(event, yaml.AliasEvent):
                value, weight = self.alias(event, line)
                done = self.place(value, weight, line, None, alias=True)
            elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                self.open(event, line)
                continue
            else:  # the end of a list or mapping
                frame = self.stack.pop()
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (frame.value, frame.weight)
                done = self.place(frame.value, frame.weight, None, None, built=True)
            if done is not _MORE:
                root = done
        loader.get_event()
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.get_event()
            self.fail(
                event.start_mark.line + 1, N_("a file holds one YAML document; remove the second")
            )
        return root

    def open(self, event: yaml.CollectionStartEvent, line: int) -> None:
        import yaml

        if len(self.stack) >= MAX_DEPTH:
            self.fail(
                line,
                N_("lists and mappings are nested more than {max_depth} deep"),
                max_depth=MAX_DEPTH,
            )
        mapping = isinstance(event, yaml.MappingStartEvent)
        if event.tag not in (_MAP_TAGS if mapping else _SEQ_TAGS):
            self.fail(line, N_("the tag {tag} is not supported here"), tag=_tag(event.tag))
        self.count(1, line)
        if self.stack and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is None:
            self.fail(line, N_("a key must be plain text, not a list or mapping"))
        loc = self.loc_of_next(line)
        frame = _Frame({} if mapping else [], loc, event.anchor)
        self.stack.append(frame)

    def loc_of_next(self, line: int) -> Loc:
        """The place of the value that comes next, noted with its line."""
        if not self.stack:
            loc: Loc = ()
        else:
            top = self.stack[-1]
            if isinstance(top.value, list):
                loc = (*top.loc, len(top.value))
            else:
                assert top.key is not None
                loc = (*top.loc, top.key)
        self.lines[loc] = line
        return loc

    def count(self, weight: int, line: int) -> None:
        self.total += weight
        if self.total > MAX_VALUES:
            self.fail(
                line,
                N_(
                    "the file holds more than {max_values:,} values (counting what each alias stands for); is it an alias bomb?"
                ),
                max_values=MAX_VALUES,
            )

    def place(
        self,
        value: Any,
        weight: int,
        line: int | None,
        anchor: str | None,
        *,
        alias: bool = False,
        built: bool = False,
    ) -> Any:
        """Put a finished value into the list or mapping being built (or return the root)."""
        if alias or not built:
            if alias:
                self.count(weight, line or 1)
            else:
                self.count(1, line or 1)
            if anchor is not None:
                self.anchors[anchor] = (value, 1)
        if not self.stack:
            if line is not None:
                self.lines[()] = line
            return value
        top = self.stack[-1]
        if isinstance(top.value, list):
            if line is not None:
                self.lines[(*top.loc, len(top.value))] = line
            top.value.append(value)
        elif top.key is None:  # this value is a key
            assert line is not None
            top.key = self.key(value, line, alias)
            return _MORE
        else:
            if line is not None:
                self.lines[(*top.loc, top.key)] = line
            top.value[top.key] = value
            top.key = None
        top.weight += weight
        return _MORE

    def key(self, value: Any, line: int, alias: bool) -> str:
        if value is _MERGE:
            self.fail(line, N_("merge keys (<<) are not supported here"))
        if isinstance(value, list | dict):
            self.fail(line, N_("a key must be plain text, not a list or mapping"))
        if isinstance(value, bytes):
            self.fail(line, N_("a key must be plain text"))
        if value is None or value == "":  # `? : x`, `{ : b}`, `~: x`, `"": x`
            self.fail(line, N_("a key is empty (or null); every key must be a text"))
        key = str(value)
        top = self.stack[-1]
        assert isinstance(top.value, dict)
        if key in top.value:
            self.fail(line, N_("the key {key} appears twice"), key=quote(key))
        self.key_lines[(*top.loc, key)] = line
        return key

    def alias(self, event: yaml.AliasEvent, line: int) -> tuple[Any, int]:
        name = event.anchor
        if name in self.anchors:
            return self.anchors[name]
        if any(frame.anchor == name for frame in self.stack):
            self.fail(
                line, N_("the alias *{name} is used inside its own anchor"), name=quote(name)[1:-1]
            )
        self.fail(line, N_("the alias *{name} has no anchor (&) before it"), name=quote(name)[1:-1])

    def scalar(self, event: Any, line: int) -> Any:
        import yaml

        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG:
            value: str = event.value
            self.text(value, line)
            return value
        if tag == "tag:yaml.org,2002:merge":
            return _MERGE
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.MarkedYAMLError:
            self.fail(line, N_("the tag {tag} is not supported here"), tag=_tag(tag))
        except (ValueError, KeyError, AttributeError, TypeError, OverflowError, IndexError):
            if tag in _TYPE_NAMES:
                what = InputFileError(_TYPE_NAMES[tag])  # a phrase, shown in the message's language
            else:
                what = InputFileError(N_("the tag {tag}"), tag=_tag(tag))
            self.fail(
                line, N_("{value} cannot be read as {what}"), value=quote(event.value), what=what
            )

    def text(self, value: str, line: int) -> None:
        found = CONTROL.search(value)
        if found is not None:
            self.fail(
                line,
                N_(
                    "a text holds a control character ({character}), which could change your terminal; remove it"
                ),
                character=escaped(found.group()),
            )


_MORE = object()  # the value went into a list or mapping: the document goes on
_MERGE = object()  # the merge key, <<


def mapping(doc: Located, value: object, loc: Loc, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        doc.fail(loc, N_("{what} must be a mapping of keys to values"), what=what)
    for key in value:
        if not isinstance(key, str):
            doc.fail(loc, N_("{what} has a key that is not text: {key}"), what=what, key=quote(key))
    return value


def sequence(doc: Located, value: object, loc: Loc, what: str) -> Sequence[Any]:
    if not isinstance(value, list):
        doc.fail(loc, N_("{what} must be a list"), what=what)
    return value


def string(doc: Located, value: object, loc: Loc, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        doc.fail(loc, N_("{what} must be a non-empty text"), what=what)
    return value.strip()


def no_unknown_keys(
    doc: Located, value: Mapping[str, Any], allowed: set[str], loc: Loc, what: str
) -> None:
    for key in value:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            doc.fail_at_key(
                (*loc, key),
                N_("{what} has an unknown key {key} (known keys: {known})"),
                what=what,
                key=quote(key),
                known=known,
            )


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
                N_("the {noun} {id} is used twice (first on line {first})"),
                noun=noun,
                id=quote(item.id),
                first=seen[item.id],
            )
        seen[item.id] = doc.line((*loc, index, "id"))
        items.append(item)
    return tuple(items)
