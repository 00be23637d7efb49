"""Read a timeline file into plain Python values that remember their line numbers.

Only safe YAML is read, with libyaml's C parser when it is there: values are built straight from
its events (no YAML object is constructed), so every scalar stays the text the user wrote, whatever
YAML's implicit typing would make of it. Tags, anchors/aliases and duplicate keys are refused (the
first anchor or alias once; a value that is an alias reads as `REJECTED`). A plain
`~`, `null` or empty value reads as None; everything else is a string.

JSON files (`.json`) go through `json` and carry no line numbers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from spacetime.core.reading import read_bytes

__all__ = [
    "REJECTED",
    "LocatedDict",
    "LocatedList",
    "Parsed",
    "ReadError",
    "decode",
    "parse_text",
    "read_document",
]

_ALLOWED_TAGS = {None, "!"} | {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
"""No tag, the non-specific `!`, or a core schema tag: anything else could mean code."""
_NULLS = {"", "~", "null", "Null", "NULL"}
_MAX_DEPTH = 64
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What YAML refuses in a file: control characters (NUL, escape...), surrogates, U+FFFE/U+FFFF."""


class ReadError(Exception):
    """The file cannot be read as a timeline document; `line` is 1-based (0 when unknown)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _Rejected:
    """Stands for a value already reported as a problem (an alias, a tag), so that nothing
    reports it again."""

    def __repr__(self) -> str:
        return "REJECTED"


REJECTED = _Rejected()


class LocatedDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list[Any]):
    """A sequence that knows its own line and the line of each item."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def read_document(path: Path) -> tuple[Any, list[tuple[int, str]]]:
    """The top-level value of a timeline file and the (line, message) problems met on the way.

    ReadError when the file cannot be read at all (missing, not UTF-8, not YAML or JSON).
    """
    try:
        data = read_bytes(path)
    except IsADirectoryError:
        raise ReadError(0, "is a directory, not a timeline file") from None
    except FileNotFoundError:
        raise ReadError(0, "no such file") from None
    except PermissionError:
        raise ReadError(0, "permission denied") from None
    except OSError as err:
        raise ReadError(0, f"cannot read: {err.strerror or err}") from None
    return parse_text(decode(data), json_file=path.suffix.lower() == ".json")


Parsed = tuple[Any, list[tuple[int, str]]]
"""A document and the (line, message) problems met reading it."""


def parse_text(text: str, *, json_file: bool = False) -> Parsed:
    """Like `read_document`, for text already in memory."""
    if json_file:
        return _read_json(text), []
    return _read_yaml(text)


def decode(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); ReadError at the line of a bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ReadError(line, f"not UTF-8 text (byte 0x{data[err.start]:02x})") from None


def _read_json(text: str) -> Any:
    """A JSON document, its numbers and booleans read as the text written (as in YAML)."""
    try:
        return json.loads(
            text, parse_int=str, parse_float=str, parse_constant=str, object_pairs_hook=_as_text
        )
    except json.JSONDecodeError as err:
        raise ReadError(err.lineno, f"invalid JSON: {err.msg}") from None
    except RecursionError:
        raise ReadError(0, "invalid JSON: nested too deeply") from None


def _as_text(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose true/false values (and those of its lists) read as text."""

    def text(value: Any) -> Any:
        return ("true" if value else "false") if isinstance(value, bool) else value

    return {
        key: [text(v) for v in value] if isinstance(value, list) else text(value)
        for key, value in pairs
    }


def _read_yaml(text: str) -> tuple[Any, list[tuple[int, str]]]:
    builder = _Builder()
    parser = None
    try:
        # C when libyaml is there; PyYAML's Python reader checks the characters as it starts
        parser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)(text)
        value = builder.build(parser)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        _check_depth(text, line)
        message = err.problem or err.context or "invalid YAML"
        if line and "\t" in _leading(text, line):
            message = "a tab in the indentation; YAML indents with spaces only"
        raise ReadError(line, f"invalid YAML: {message}") from None
    except yaml.reader.ReaderError as err:
        raise _unprintable(text, err) from None
    except yaml.YAMLError as err:
        raise ReadError(0, f"invalid YAML: {err}") from None
    finally:
        if parser is not None:
            parser.dispose()
    return value, builder.problems


def _check_depth(text: str, line: int) -> None:
    """Raise spacetime's own nesting error when that is what stopped the parser at `line`.

    libyaml (0.2.6 on) has a nesting limit of its own, met while it reads ahead on one line, before
    the builder sees the events that would trip spacetime's limit: on a line with more openers
    than that limit, the text up to the line is read again by PyYAML's Python parser, which reads
    no further ahead than it must, so the message and its line are the same with any libyaml.
    """
    lines = text.split("\n", line)
    if not 0 < line <= len(lines):
        return
    if lines[line - 1].count("[") + lines[line - 1].count("{") <= _MAX_DEPTH:
        return
    try:
        _Builder().build(yaml.BaseLoader("\n".join(lines[:line])))
    except yaml.YAMLError:
        return  # the text stops mid-way: not nested too deeply before that


def _unprintable(text: str, err: yaml.reader.ReaderError) -> ReadError:
    """A character YAML refuses, at its line (the parser gives only an offset)."""
    found = _UNPRINTABLE.search(text)
    if found is None:
        return ReadError(0, f"invalid YAML: {err.reason}")
    line = text.count("\n", 0, found.start()) + 1
    code = ord(found.group())
    kind = "a control character" if code < 0x20 or 0x7F <= code <= 0x9F else "a non-character"
    return ReadError(line, f"{kind} (U+{code:04X}) is not allowed in a timeline file")


def _leading(text: str, line: int) -> str:
    """The indentation of a 1-based line of text."""
    lines = text.splitlines()
    current = lines[line - 1] if line <= len(lines) else ""
    return current[: len(current) - len(current.lstrip())]


class _Skip:
    """A key left out of its mapping: the pair is not kept (a duplicate key, a key that is not
    text)."""


_SKIP = _Skip()


class _Builder:
    """Builds located values straight from libyaml's parser events, in one loop with an explicit
    stack: no node tree is held in memory (a first read of a big file needs a fraction of what
    composing it would) and no nesting depth can exhaust the C stack. Structural problems are
    noted, not stopped at; a value left out (a duplicate key's, say) is read but not reported on.
    """

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        self.aliased = False
        self.quiet = 0  # how many of the open collections are being left out

    def build(self, parser: Any) -> Any:
        # Each open collection: [container, key, key line, left out?]; key is None between pairs.
        stack: list[list[Any]] = []
        root: Any = None
        documents = 0
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value: Any = self._scalar(event, len(stack))
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                line = self._check(event, len(stack))
                if event.anchor is not None:
                    self._refuse_anchor(line)
                bad_tag = event.tag not in _ALLOWED_TAGS
                if bad_tag:
                    self.note(line, f"tag '{event.tag}' is not allowed; only plain data")
                # a collection is read but left out when it is a key, or the value of a left-out key
                skipped = bool(stack) and stack[-1][1] is _SKIP
                leave_out = bad_tag or skipped or self._expects_key(stack)
                container: Any = LocatedDict() if kind is yaml.MappingStartEvent else LocatedList()
                container.line = line
                if kind is yaml.MappingStartEvent:
                    container.key_lines = {}
                else:
                    container.item_lines = []
                self.quiet += leave_out
                stack.append([container, None, 0, leave_out])
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                container, _, _, left_out = stack.pop()
                self.quiet -= left_out
                value = REJECTED if left_out else container
                line = container.line
                if not stack:
                    root = value
                    continue
                self._add(stack[-1], value, line, collection=True)
                continue
            elif kind is yaml.AliasEvent:
                self._refuse_anchor(event.start_mark.line + 1)
                value = REJECTED
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    line = event.start_mark.line + 1
                    raise ReadError(line, "invalid YAML: more than one document in the file")
                continue
            elif kind is yaml.StreamEndEvent:
                return root
            else:  # stream start, document end
                continue
            if not stack:
                root = value
            else:
                self._add(stack[-1], value, event.start_mark.line + 1, collection=False)

    def note(self, line: int, message: str) -> None:
        if not self.quiet:
            self.problems.append((line, message))

    def _check(self, event: Any, depth: int) -> int:
        line: int = event.start_mark.line + 1
        if depth > _MAX_DEPTH:
            raise ReadError(line, f"nested more than {_MAX_DEPTH} levels deep")
        return line

    @staticmethod
    def _expects_key(stack: list[list[Any]]) -> bool:
        """The next value would be a mapping key (a collection there is not plain text)."""
        return bool(stack) and isinstance(stack[-1][0], dict) and stack[-1][1] is None

    def _scalar(self, event: Any, depth: int) -> Any:
        line = self._check(event, depth)
        if event.anchor is not None:
            self._refuse_anchor(line)
        if event.tag not in _ALLOWED_TAGS:
            self.note(line, f"tag '{event.tag}' is not allowed; only plain data")
            return REJECTED
        text: str = event.value
        return None if not event.style and text in _NULLS else text

    def _add(self, frame: list[Any], value: Any, line: int, collection: bool) -> None:
        container = frame[0]
        if isinstance(container, LocatedList):
            container.append(value)
            container.item_lines.append(line)
            return
        key = frame[1]
        if key is None:  # this value is a key
            if collection or not isinstance(value, str):
                if value is not REJECTED or collection:
                    self.note(line, "a mapping key must be plain text")
                frame[1] = _SKIP
            elif value in container.key_lines:
                first = container.key_lines[value]
                self.note(line, f"duplicate key '{value}' (first at line {first})")
                frame[1] = _SKIP
            else:
                frame[1], frame[2] = value, line
            return
        frame[1] = None
        if key is _SKIP:
            return
        container.key_lines[key] = frame[2]
        container[key] = value

    def _refuse_anchor(self, line: int) -> None:
        """Report the first anchor or alias only: an alias bomb is one problem, not thousands.
        An alias reads as REJECTED, so the record holding it reports nothing more."""
        if not self.aliased:
            self.aliased = True
            self.note(line, "anchors and aliases (&, *) are not supported")
