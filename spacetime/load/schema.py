"""The fields of each record kind and their checks: one located mapping in, one model object out.

Each check that fails adds a `Problem` at the line of the offending key and the record is dropped;
checks that need every file (unknown codes, duplicate ids) are the loader's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from spacetime.core.dates import DateError, EventDate, parse_date
from spacetime.core.errors import Problem, suggest
from spacetime.core.model import (
    Category,
    Entity,
    EntityKind,
    Event,
    Milestone,
    Origin,
    Status,
)
from spacetime.load.yamlread import REJECTED, LocatedDict, LocatedList

__all__ = ["SECTIONS", "RecordReader"]

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CODE = re.compile(r"[A-Z][A-Z0-9]{1,7}")

# The top-level keys of a timeline file.
SECTIONS = ("format", "entities", "milestones", "categories", "events")


class _Invalid(Exception):
    """One field's value is wrong; the message says how."""


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"should be text, not {_kind(value)}")
    if not value.strip():
        raise _Invalid("is empty")
    return value.strip()


def _line(value: Any) -> str:
    text = _text(value)
    if "\n" in text:
        raise _Invalid("should be a single line")
    return text


def _slug(value: Any) -> str:
    text = _line(value)
    if not SLUG.fullmatch(text):
        raise _Invalid(f"'{text}' is not a slug (lower-case letters, digits, single hyphens)")
    return text


def _code(value: Any) -> str:
    text = _line(value)
    if not CODE.fullmatch(text):
        raise _Invalid(f"'{text}' is not a code (2 to 8 upper-case letters or digits)")
    return text


def _list_of(
    item: Callable[[Any], str], *, required: bool = False
) -> Callable[[Any], tuple[str, ...]]:
    def check(value: Any) -> tuple[str, ...]:
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list):
            raise _Invalid(f"should be a list, not {_kind(value)}")
        result = []
        for index, one in enumerate(values):
            try:
                result.append(item(one))
            except _Invalid as err:
                raise _Invalid(f"item {index + 1} {err}") from None
        if required and not result:
            raise _Invalid("needs at least one item")
        return tuple(result)

    return check


def _url(value: Any) -> str:
    text = _line(value)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise _Invalid(f"'{text}' is not an http(s) URL")
    return text


def _date(value: Any) -> EventDate:
    try:
        return parse_date(_line(value))
    except DateError as err:
        raise _Invalid(str(err)) from None


def _choice(enum: type[Status] | type[EntityKind]) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        text = _line(value)
        try:
            return enum(text)
        except ValueError:
            choices = [str(m.value) for m in enum]
            raise _Invalid(f"'{text}' is not one of: {', '.join(choices)}") from None

    return check


@dataclass(frozen=True)
class Field:
    check: Callable[[Any], Any]
    required: bool = False


EVENT_FIELDS: dict[str, Field] = {
    "id": Field(_slug, required=True),
    "date": Field(_date, required=True),
    "title": Field(_line, required=True),
    "summary": Field(_text),
    "countries": Field(_list_of(_code, required=True), required=True),
    "agencies": Field(_list_of(_line)),
    "category": Field(_slug, required=True),
    "tags": Field(_list_of(_slug)),
    "status": Field(_choice(Status), required=True),
    "milestones": Field(_list_of(_slug)),
    "mission": Field(_line),
    "vehicle": Field(_line),
    "note": Field(_text),
    "confirmed": Field(_date),
    "sources": Field(_list_of(_url, required=True), required=True),
}
ENTITY_FIELDS: dict[str, Field] = {
    "code": Field(_code, required=True),
    "name": Field(_line, required=True),
    "kind": Field(_choice(EntityKind), required=True),
    "aliases": Field(_list_of(_line)),
    "successor": Field(_code),
}
TERM_FIELDS: dict[str, Field] = {
    "code": Field(_slug, required=True),
    "name": Field(_line, required=True),
    "definition": Field(_text, required=True),
}


class RecordReader:
    """Reads the records of one file, collecting every problem instead of stopping at the first."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.rejected: list[tuple[dict[str, Any], LocatedDict]] = []
        """The checked fields of events that were refused, for the cross-file checks."""
        self.last: dict[str, Any] = {}

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def records(self, value: Any, section: str, line: int) -> list[LocatedDict]:
        """The mappings of a section's list; a problem for anything else."""
        if value is None or value is REJECTED:
            return []
        if not isinstance(value, LocatedList | list):
            self.problem(line, f"'{section}' should be a list, not {_kind(value)}")
            return []
        result = []
        for index, item in enumerate(value):
            if item is REJECTED:
                continue
            if isinstance(item, dict):
                if not isinstance(item, LocatedDict):
                    item = _unlocated(item, line)
                result.append(item)
            else:
                where = value.line_of(index) if isinstance(value, LocatedList) else line
                self.problem(where, f"each of '{section}' should be a mapping, not {_kind(item)}")
        return result

    def fields(
        self, record: LocatedDict, spec: dict[str, Field], what: str
    ) -> dict[str, Any] | None:
        """The checked values of a record's fields, or None when any of them is wrong."""
        values: dict[str, Any] = {}
        self.last = values
        ok = True
        label = what
        for key in ("id", "code"):
            if isinstance(record.get(key), str):
                label = f"{what} '{record[key]}'"
        for key, value in record.items():
            field = spec.get(key)
            if field is None:
                hint = suggest(key, spec, n=1)
                tip = f"; did you mean '{hint[0]}'?" if hint else f" (known: {', '.join(spec)})"
                self.problem(record.line_of(key), f"{label}: unknown field '{key}'{tip}")
                ok = False
            elif value is None:
                continue
            elif value is REJECTED:
                ok = False
            else:
                try:
                    values[key] = field.check(value)
                except _Invalid as err:
                    self.problem(record.line_of(key), f"{label}: {key}: {err}")
                    ok = False
        missing = [k for k, f in spec.items() if f.required and record.get(k) is None]
        if missing:
            self.problem(record.line, f"{label}: {_missing(missing)}")
            ok = False
        return values if ok else None

    def event(self, record: LocatedDict) -> Event | None:
        values = self.fields(record, EVENT_FIELDS, "event")
        if values is not None and values["status"] is Status.PLANNED and "confirmed" not in values:
            self.problem(
                record.line,
                f"event '{values['id']}': a planned event needs 'confirmed', "
                "the date its plan was last confirmed (`spacetime add --confirmed DATE`)",
            )
            values = None
        if values is None:
            self.rejected.append((self.last, record))
            return None
        return Event(**values, origin=Origin(self.file, record.line))

    def entity(self, record: LocatedDict) -> Entity | None:
        values = self.fields(record, ENTITY_FIELDS, "entity")
        if values is None:
            return None
        values["aliases"] = tuple(a.casefold() for a in values.get("aliases", ()))
        return Entity(**values, origin=Origin(self.file, record.line))

    def term(self, record: LocatedDict, kind: type[Milestone] | type[Category]) -> Any:
        values = self.fields(record, TERM_FIELDS, kind.__name__.lower())
        if values is None:
            return None
        return kind(**values, origin=Origin(self.file, record.line))


def _unlocated(item: dict[str, Any], line: int) -> LocatedDict:
    located = LocatedDict(item)
    located.line = line
    located.key_lines = {}
    return located


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return "text"


def _missing(keys: list[str]) -> str:
    quoted = ", ".join(f"'{k}'" for k in keys)
    return f"missing required field{'s' if len(keys) > 1 else ''} {quoted}"
