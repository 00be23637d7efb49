"""Read a timeline file into plain Python values that remember their line numbers.

Only safe YAML is read, with libyaml's C parser when it is there: the document is composed into
nodes (nothing is constructed), so every scalar stays the text the user wrote, whatever YAML's
implicit typing would make of it. Tags, anchors/aliases and duplicate keys are refused. A plain
`~`, `null` or empty value reads as None; everything else is a string.

JSON files (`.json`) go through `json` and carry no line numbers.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "REJECTED",
    "LocatedDict",
    "LocatedList",
    "ReadError",
    "decode",
    "parse_text",
    "read_document",
]

_CORE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_MAX_DEPTH = 64


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
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReadError(0, "is a directory, not a timeline file") from None
    except FileNotFoundError:
        raise ReadError(0, "no such file") from None
    except PermissionError:
        raise ReadError(0, "permission denied") from None
    except OSError as err:
        raise ReadError(0, f"cannot read: {err.strerror or err}") from None
    return parse_text(decode(data), json_file=path.suffix.lower() == ".json")


def parse_text(text: str, *, json_file: bool = False) -> tuple[Any, list[tuple[int, str]]]:
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
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ReadError(err.lineno, f"invalid JSON: {err.msg}") from None
    except RecursionError:
        raise ReadError(0, "invalid JSON: nested too deeply") from None


@cache
def _loader_class() -> type[Any]:
    """libyaml's parser (the pure-Python one without it) with no implicit typing at all: every
    plain scalar is text, and tags are resolved by a constant lookup instead of regexes."""
    base = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    tags = {
        yaml.ScalarNode: "tag:yaml.org,2002:str",
        yaml.SequenceNode: "tag:yaml.org,2002:seq",
        yaml.MappingNode: "tag:yaml.org,2002:map",
    }

    def resolve(self: Any, kind: type, value: Any, implicit: Any) -> str:
        return tags[kind]

    return type("TextLoader", (base,), {"resolve": resolve})


# libyaml's composer recurses in C once per nesting level: about 20,000 levels fit the main
# thread's stack, and more would crash the process. Documents that could nest that deep are
# composed in a thread with a larger stack, and the few that could nest deeper still are measured
# first with the (iterative) event parser and refused when they nest too deep.
_MAIN_STACK_DEPTH = 10_000
_BIG_STACK = 512 << 20
_BIG_STACK_DEPTH = 500_000


def _read_yaml(text: str) -> tuple[Any, list[tuple[int, str]]]:
    bound = text.count("[") + text.count("{") + _deepest_indent(text)
    if bound <= _MAIN_STACK_DEPTH:
        node = _compose(text)
    else:
        if bound > _BIG_STACK_DEPTH:
            _refuse_deep(text)
        node = _in_big_stack(_compose, text)
    if node is None:
        return None, []
    converter = _Converter()
    return converter.convert(node, 0), converter.problems


def _deepest_indent(text: str) -> int:
    """A line indented by more than the main stack's depth (block nesting needs indentation)."""
    import re

    deep = re.search(rf"^ {{{_MAIN_STACK_DEPTH},}}", text, re.MULTILINE)
    return len(text) if deep else 0


def _refuse_deep(text: str) -> None:
    """Walk the parser's events (no recursion) and refuse a document nested too deeply."""
    loader = _loader_class()(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > _MAX_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else 0
                    raise ReadError(line, f"nested more than {_MAX_DEPTH} levels deep")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError:
        pass  # the composer reports syntax errors with the usual message
    finally:
        loader.dispose()


def _in_big_stack(function: Any, text: str) -> Any:
    import threading

    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["value"] = function(text)
        except BaseException as err:  # handed back to the calling thread
            result["error"] = err

    previous = threading.stack_size(_BIG_STACK)
    try:
        worker = threading.Thread(target=work, name="spacetime-yaml")
        worker.start()
    finally:
        threading.stack_size(previous)
    worker.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


def _compose(text: str) -> Any:
    loader = _loader_class()(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        message = err.problem or err.context or "invalid YAML"
        if line and "\t" in _leading(text, line):
            message = "a tab in the indentation; YAML indents with spaces only"
        raise ReadError(line, f"invalid YAML: {message}") from None
    except yaml.YAMLError as err:
        raise ReadError(0, f"invalid YAML: {err}") from None
    finally:
        loader.dispose()


def _leading(text: str, line: int) -> str:
    """The indentation of a 1-based line of text."""
    lines = text.splitlines()
    current = lines[line - 1] if line <= len(lines) else ""
    return current[: len(current) - len(current.lstrip())]


class _Converter:
    """Turns composed nodes into located values, noting (not stopping at) structural problems."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        self.seen: set[int] = set()
        self.aliased = False

    def convert(self, node: yaml.Node, depth: int) -> Any:
        line = node.start_mark.line + 1
        if depth > _MAX_DEPTH:
            raise ReadError(line, f"nested more than {_MAX_DEPTH} levels deep")
        if id(node) in self.seen:
            self._alias(line)
            return REJECTED
        if node.tag not in _CORE_TAGS:
            self.problems.append((line, f"tag '{node.tag}' is not allowed; only plain data"))
            return REJECTED
        if isinstance(node, yaml.ScalarNode):
            value: str = node.value
            return None if not node.style and value in _NULLS else value
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            items = LocatedList(self.convert(child, depth + 1) for child in node.value)
            items.line = line
            items.item_lines = [child.start_mark.line + 1 for child in node.value]
            return items
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, line, depth)

    def _alias(self, line: int) -> None:
        """Report the first alias only: an alias bomb is one problem, not thousands."""
        if not self.aliased:
            self.aliased = True
            self.problems.append((line, "anchors and aliases (&, *) are not supported"))

    def _mapping(self, node: yaml.MappingNode, line: int, depth: int) -> LocatedDict:
        mapping = LocatedDict()
        mapping.line = line
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _CORE_TAGS:
                self.problems.append((key_line, "a mapping key must be plain text"))
                continue
            key = key_node.value
            if id(value_node) in self.seen:
                self._alias(key_line)
                continue
            if key in mapping.key_lines:
                first = mapping.key_lines[key]
                self.problems.append((key_line, f"duplicate key '{key}' (first at line {first})"))
                continue
            mapping.key_lines[key] = key_line
            mapping[key] = self.convert(value_node, depth + 1)
        return mapping
