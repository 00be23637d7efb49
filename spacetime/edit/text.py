"""Edits made on the text of a timeline file, so that everything not edited stays byte for byte.

`add_event` appends an event's canonical lines at the end of the `events:` list, `remove_event`
cuts one event's lines out, and `format_text` rewrites every record in the canonical layout while
keeping every comment (a comment inside a record moves to just above it). Line endings follow the
file's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacetime.core.errors import UsageError
from spacetime.core.model import Event
from spacetime.load.schema import SECTIONS
from spacetime.load.yamlread import LocatedDict, LocatedList, Parsed, ReadError, parse_text
from spacetime.output.yamlfmt import event_lines

__all__ = ["add_event", "format_text", "outline", "remove_event"]


@dataclass
class _Layout:
    lines: list[str]  # without line endings
    newline: str
    keys: dict[str, int]  # top-level key -> 0-based line
    document: LocatedDict | None
    _items: dict[str, list[tuple[int, int, Any]]] = field(default_factory=dict)

    def section_end(self, key: str) -> int:
        """The 0-based line after the last line of a top-level section's content."""
        start = self.keys[key]
        later = [line for line in self.keys.values() if line > start]
        end = min(later) if later else len(self.lines)
        while end > start + 1 and _is_filler(self.lines[end - 1]):
            end -= 1
        return end

    def items(self, key: str) -> list[tuple[int, int, Any]]:
        """(first line, end line, value) of each item of a section, 0-based, end exclusive;
        worked out once per section (the layout's lines are not changed in between)."""
        if key not in self._items:
            self._items[key] = self._find_items(key)
        return self._items[key]

    def _find_items(self, key: str) -> list[tuple[int, int, Any]]:
        if self.document is None or not isinstance(self.document.get(key), LocatedList):
            return []
        section: LocatedList = self.document[key]
        starts = [line - 1 for line in section.item_lines]
        if not starts:
            return []  # an empty flow list: `events: []`
        for start in starts:
            if not self.lines[start].lstrip().startswith("-"):
                raise UsageError(_flow(start + 1, f"'{key}'"))
        ends = [*starts[1:], self.section_end(key)]
        result = []
        for first, end, value in zip(starts, ends, section, strict=True):
            while end > first + 1 and _is_filler(self.lines[end - 1]):
                end -= 1
            result.append((first, end, value))
        return result

    def text(self) -> str:
        return self.newline.join(self.lines) + (self.newline if self.lines else "")


def _flow(line: int, what: str) -> str:
    return (
        f"line {line}: {what} is written in flow style (JSON-like [...] or {{...}}); add, remove "
        "and fmt edit block style only, one '- ' item a line (`spacetime export yaml --no-bundled "
        "--data FILE -o NEW.yaml` writes a file's events in block style)"
    )


def _is_filler(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def outline(text: str) -> tuple[Parsed, Parsed]:
    """`text` parsed once, as two documents: one for the loader (which takes its sections out as
    it reads them) and one for `format_text(..., parsed=)`, so a file is not parsed twice."""
    try:
        document, problems = parse_text(text)
    except ReadError as err:
        raise UsageError(f"line {err.line}: {err.message}") from None
    if not isinstance(document, LocatedDict):
        return (document, problems), (document, problems)
    kept = LocatedDict(document)
    kept.line, kept.key_lines = document.line, document.key_lines
    return (document, problems), (kept, problems)


def _layout(text: str, parsed: Parsed | None = None) -> _Layout:
    newline = "\r\n" if "\r\n" in text else "\n"
    if parsed is None:
        parsed = outline(text)[1]
    document, problems = parsed
    if problems:
        line, message = problems[0]
        raise UsageError(f"line {line}: {message}")
    if document is not None and not isinstance(document, LocatedDict):
        raise UsageError("the top level is not a mapping")
    lines = text.split(newline)
    if lines and lines[-1] == "":
        lines.pop()
    keys = {k: document.line_of(k) - 1 for k in document} if document is not None else {}
    if len(set(keys.values())) < len(keys):
        raise UsageError(_flow(min(keys.values()) + 1, "the top level"))
    return _Layout(lines, newline, keys, document)


def _indent(lines: list[str], layout: _Layout) -> list[str]:
    """Shift canonical lines (items at column 2) to the column the file's items use."""
    items = layout.items("events")
    if not items:
        return lines
    first = layout.lines[items[0][0]]
    column = len(first) - len(first.lstrip())
    shift = column - 2
    if shift > 0:
        return [" " * shift + line for line in lines]
    if shift < 0:
        return [line[-shift:] for line in lines]
    return lines


def add_event(text: str, event: Event) -> str:
    """`text` with `event` appended to its `events:` list; nothing else changes."""
    layout = _layout(text)
    new = _indent(event_lines(event), layout)
    lines = layout.lines
    if "events" not in layout.keys:
        if lines and lines[-1].strip():
            lines.append("")
        lines += ["events:", *new]
    elif layout.document is not None and layout.document.get("events") not in (None, []):
        if not layout.items("events"):
            raise UsageError("'events' is not a list")
        end = layout.section_end("events")
        lines[end:end] = new
    else:
        line = layout.keys["events"]
        lines[line] = re.sub(
            r"events:\s*(\[\s*\])?\s*(#.*)?$",
            lambda m: "events:" + (f"  {m[2]}" if m[2] else ""),
            lines[line],
        )
        lines[line + 1 : line + 1] = new
    return layout.text()


def remove_event(text: str, event_id: str, name: str = "this file") -> str:
    """`text` (of the file `name`) without the lines of the event `event_id`."""
    layout = _layout(text)
    ids = []
    for first, end, value in layout.items("events"):
        if isinstance(value, dict) and value.get("id") == event_id:
            del layout.lines[first:end]
            return layout.text()
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            ids.append(value["id"])
    near = [i for i in ids if i.startswith(event_id)][:3]
    if not near:
        import difflib

        near = difflib.get_close_matches(event_id, ids, n=3, cutoff=0.6)
    hint = "; did you mean " + " or ".join(f"'{i}'" for i in near) + "?" if near else ""
    raise UsageError(f"no event '{event_id}' in {name}{hint}")


def format_text(
    text: str, render: Callable[[str, int], Sequence[str] | None], parsed: Parsed | None = None
) -> str:
    """The canonical layout of `text`. `render(section, line)` gives the canonical lines of the
    record that starts at 1-based `line` (None to keep it as written). Every comment is kept:
    comments between records stay between them, a comment inside a record moves above it, and
    top-level comments stay with the section that follows them. `parsed` is `text`'s document
    from `outline`, when the caller has it."""
    layout = _layout(text, parsed)
    if not layout.keys:
        return text
    order = sorted(layout.keys, key=layout.keys.__getitem__)
    bounds = [layout.keys[k] for k in order] + [len(layout.lines)]
    out = _strip_blank(layout.lines[: bounds[0]])
    carried: list[str] = []  # top-level comments that lead into the next section
    for index, key in enumerate(order):
        start, stop = bounds[index], bounds[index + 1]
        if index:
            out.append("")
        out += carried
        items = layout.items(key) if key in SECTIONS and key != "format" else []
        if not items:
            region = [layout.lines[start], *_comments(layout.lines[start + 1 : stop])]
        else:
            region = [f"{key}:", *_comments(layout.lines[start + 1 : items[0][0]])]
            for number, (first, end, _value) in enumerate(items):
                canonical = render(key, first + 1)
                original = layout.lines[first:end]
                if canonical is None:
                    region += original
                else:
                    shifted = _indent_like(list(canonical), layout, key)
                    region += _comments(original, keep_inline_from=shifted) + shifted
                following = items[number + 1][0] if number + 1 < len(items) else stop
                region += _comments(layout.lines[end:following])
        tail: list[str] = []
        while region and region[-1].startswith("#") and len(region) > 1:
            tail.insert(0, region.pop())
        out += region
        carried = tail
    out += carried
    return layout.newline.join(out) + layout.newline


def _indent_like(lines: list[str], layout: _Layout, key: str) -> list[str]:
    return lines if key != "events" else _indent(lines, layout)


def _comments(lines: Sequence[str], keep_inline_from: Sequence[str] | None = None) -> list[str]:
    """The comments among `lines`, as full lines; with `keep_inline_from` (`lines` then being one
    record), also the trailing comments of lines whose text the canonical lines do not already
    contain. A `#` inside a quoted string or a block of text is no comment."""
    found = []
    canonical = "\n".join(keep_inline_from or [])
    starts = _comment_starts(lines) if keep_inline_from is not None else None
    for number, line in enumerate(lines):
        stripped = line.strip()
        if starts is None:
            if stripped.startswith("#"):
                found.append(line)
            continue
        column = starts.get(number)
        if column is None:
            continue
        if not line[:column].strip():
            found.append(line)
        elif line[column:].strip() not in canonical:
            indent = line[: len(line) - len(line.lstrip())]
            found.append(f"{indent.replace('-', ' ')}# {line[column + 1 :].lstrip(' ')}")
    return found


def _comment_starts(lines: Sequence[str]) -> dict[int, int]:
    """{line index: column of the `#` that starts its comment} for the lines of one record: a `#`
    at the start of a line or after white space, outside every scalar (YAML's own scanner says
    where each scalar starts and ends)."""
    candidates = [
        (number, column)
        for number, line in enumerate(lines)
        if "#" in line
        for column in _hashes(line)
    ]
    if not candidates:
        return {}
    import yaml

    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)("\n".join(lines))
    spans = []
    try:
        while not loader.check_token(yaml.StreamEndToken):
            token = loader.get_token()
            if isinstance(token, yaml.ScalarToken):
                start, end = token.start_mark, token.end_mark
                spans.append(((start.line, start.column), (end.line, end.column)))
    except yaml.YAMLError:  # the record does not stand alone: its full-line comments only
        return {n: c for n, c in candidates if not lines[n][:c].strip()}
    finally:
        loader.dispose()
    starts: dict[int, int] = {}
    for place in candidates:
        if place[0] not in starts and not any(start <= place < end for start, end in spans):
            starts[place[0]] = place[1]
    return starts


def _hashes(line: str) -> list[int]:
    """The columns of `#`s that could start a comment: first on the line or after white space."""
    return [
        column
        for column, char in enumerate(line)
        if char == "#" and (column == 0 or line[column - 1] in " \t")
    ]


def _strip_blank(lines: list[str]) -> list[str]:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    return lines[:end]
