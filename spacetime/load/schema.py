"""The fields of each record kind and their checks: one located mapping in, one model object out.

Each check that fails adds a `Problem` at the line of the offending key and the record is dropped;
checks that need every file (unknown codes, duplicate ids) are the loader's. Each field's `Kind`
pairs its check with the same rule as JSON Schema, from which `spacetime schema` is generated.
A user's event needs only id, date, title, countries and sources (status defaults to achieved).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from spacetime.core.dates import DateError, EventDate, date_pattern, parse_date
from spacetime.core.errors import Problem, quoted, suggest
from spacetime.core.model import (
    Category,
    Entity,
    EntityKind,
    Event,
    Milestone,
    Moment,
    Origin,
    Status,
)
from spacetime.core.text import FIELD_FORBIDDEN
from spacetime.core.words import plural
from spacetime.load.yamlread import REJECTED, LocatedDict, LocatedList

__all__ = [
    "ENTITY_FIELDS",
    "EVENT_FIELDS",
    "FORMAT",
    "LAUNCH_TAG",
    "MILESTONE_FIELDS",
    "SECTIONS",
    "TERM_FIELDS",
    "Field",
    "InvalidValue",
    "Kind",
    "RecordReader",
]

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CODE = re.compile(r"[A-Z][A-Z0-9]{1,7}")
# GCAT's Launch_Tag: `1957 ALP` or `1961 A ALP` (Greek-letter years), `1969-059`, `1958-F01`.
LAUNCH_TAG = re.compile(r"[0-9]{4}(?:-(?:[0-9]{3}|[A-Z][0-9]{2,3})| (?:[A-Z] )?[A-Z]{2,3})")

FORMAT = "spacetime/1"
# The top-level keys of a timeline file.
SECTIONS = ("format", "entities", "milestones", "categories", "events")


class InvalidValue(Exception):
    """One field's value is wrong; the message says how."""


# What no text field may hold, whichever the input (YAML, JSON, a launch file, the command line):
# the text law of `spacetime.core.text`. None prints as itself, and YAML refuses most of them, so a
# file holding them could not be written back in a form spacetime reads. Tabs are refused too: a
# title or summary is laid out with spaces.
_FORBIDDEN = re.compile(FIELD_FORBIDDEN)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidValue(f"should be text, not {_kind(value)}")
    if bad := _FORBIDDEN.search(value):
        raise InvalidValue(
            f"holds the character U+{ord(bad[0]):04X}, which text may not hold (no control "
            "characters or tabs, no U+2028/U+2029 separators, no non-characters)"
        )
    if not value.strip():
        raise InvalidValue("is empty")
    return value.strip()


def _line(value: Any) -> str:
    text = _text(value)
    if "\n" in text:
        raise InvalidValue("should be a single line")
    return text


def _slug(value: Any) -> str:
    text = _line(value)
    if not SLUG.fullmatch(text):
        raise InvalidValue(f"'{text}' is not a slug (lower-case letters, digits, single hyphens)")
    return text


def _code(value: Any) -> str:
    text = _line(value)
    if not CODE.fullmatch(text):
        hint = f"; did you mean {text.upper()}?" if CODE.fullmatch(text.upper()) else ""
        raise InvalidValue(f"'{text}' is not a code (2 to 8 upper-case letters or digits){hint}")
    return text


def _launch(value: Any) -> str:
    text = _line(value)
    if not LAUNCH_TAG.fullmatch(text):
        raise InvalidValue(
            f"'{text}' is not a GCAT launch tag (like 1957 ALP, 1969-059 or 1958-F01)"
        )
    return text


def _url(value: Any) -> str:
    text = _line(value)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidValue(f"'{text}' is not an http(s) URL")
    return text


def _date(value: Any) -> EventDate:
    try:
        return parse_date(_line(value))
    except DateError as err:
        raise InvalidValue(str(err)) from None


@dataclass(frozen=True)
class Kind:
    """What a field holds: the loader's check of a value, and the same rule as a JSON Schema
    `shape`, from which `spacetime schema` is built. The loader reads every scalar as the text
    written; an editor reads YAML's plain `1999` or `true` as a number or a boolean, so a shape
    takes those where the loader takes their text."""

    check: Callable[[Any], Any]
    shape: dict[str, Any]


_SCALAR = ["string", "number", "boolean"]  # a plain YAML scalar as an editor types it


def _anchored(pattern: str) -> str:
    """A pattern for the whole value, around the white space the loader strips."""
    return rf"^\s*({pattern})\s*$"


# The JSON Schema form of _FORBIDDEN (ECMAScript patterns have no \U: the BMP's characters only).
_NO_FORBIDDEN = {
    "not": {"type": "string", "pattern": r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]"}
}
TEXT = Kind(_text, {"type": _SCALAR, "pattern": r"\S", **_NO_FORBIDDEN})
LINE = Kind(_line, {"type": _SCALAR, "pattern": _anchored(r"\S([^\n]*\S)?"), **_NO_FORBIDDEN})
SLUG_KIND = Kind(
    _slug,
    {
        "anyOf": [
            {"type": "string", "pattern": _anchored(SLUG.pattern)},
            {"type": "integer", "minimum": 0},
        ]
    },
)
CODE_KIND = Kind(_code, {"type": "string", "pattern": _anchored(CODE.pattern)})
URL = Kind(
    _url, {"type": "string", "pattern": _anchored(r"[hH][tT][tT][pP][sS]?://[^/?#\s][^\n]*")}
)
LAUNCH = Kind(_launch, {"type": "string", "pattern": _anchored(LAUNCH_TAG.pattern)})
DATE = Kind(
    _date,
    {
        "anyOf": [
            {"type": "string", "pattern": date_pattern()},
            {"type": "integer", "minimum": 1, "maximum": 9999},  # a bare year
        ]
    },
)


def _list_of(item: Kind, *, required: bool = False) -> Kind:
    """A list of `item`s that is a set: an item given twice is a problem, never counted twice."""

    def check(value: Any) -> tuple[str, ...]:
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list):
            raise InvalidValue(f"should be a list, not {_kind(value)}")
        result: list[Any] = []
        for index, one in enumerate(values):
            try:
                checked = item.check(one)
            except InvalidValue as err:
                raise InvalidValue(f"item {index + 1} {err}") from None
            if checked in result:
                raise InvalidValue(
                    f"item {index + 1} repeats item {result.index(checked) + 1}, "
                    f"{quoted(str(checked))}; each is given once"
                )
            result.append(checked)
        if required and not result:
            raise InvalidValue("needs at least one item")
        return tuple(result)

    listing: dict[str, Any] = {"type": "array", "items": item.shape, "uniqueItems": True}
    if required:
        listing["minItems"] = 1
    return Kind(check, {"anyOf": [listing, item.shape]})  # one value stands for a list of one


def _choice(enum: type[Status] | type[EntityKind] | type[Moment]) -> Kind:
    choices = [str(m.value) for m in enum]

    def check(value: Any) -> Any:
        text = _line(value)
        try:
            return enum(text)
        except ValueError:
            raise InvalidValue(f"'{text}' is not one of: {', '.join(choices)}") from None

    return Kind(check, {"type": "string", "pattern": _anchored("|".join(choices))})


_EMPTY = {
    "date": (
        "; write it as precisely as a source gives it (1969-07-20, 1969-07, 1969),"
        " or e.g. 2026~ for an approximate year"
    ),
}
"""A hint after "is empty", for the required fields where one helps."""


@dataclass(frozen=True)
class Field:
    kind: Kind
    required: bool = False
    default: Any = None
    """The value of a field left out (None: no value)."""


EVENT_FIELDS: dict[str, Field] = {
    "id": Field(SLUG_KIND, required=True),
    "date": Field(DATE, required=True),
    "title": Field(LINE, required=True),
    "summary": Field(TEXT),
    "countries": Field(_list_of(CODE_KIND, required=True), required=True),
    "agencies": Field(_list_of(LINE)),
    "category": Field(SLUG_KIND),
    "tags": Field(_list_of(SLUG_KIND)),
    "status": Field(_choice(Status), default=Status.ACHIEVED),
    "milestones": Field(_list_of(SLUG_KIND)),
    "mission": Field(LINE),
    "vehicle": Field(LINE),
    "launch": Field(LAUNCH),
    "note": Field(TEXT),
    "confirmed": Field(DATE),
    "reviewed": Field(DATE),
    "sources": Field(_list_of(URL, required=True), required=True),
}
ENTITY_FIELDS: dict[str, Field] = {
    "code": Field(CODE_KIND, required=True),
    "name": Field(LINE, required=True),
    "kind": Field(_choice(EntityKind), required=True),
    "aliases": Field(_list_of(LINE)),
    "successor": Field(CODE_KIND),
}
TERM_FIELDS: dict[str, Field] = {
    "code": Field(SLUG_KIND, required=True),
    "name": Field(LINE, required=True),
    "definition": Field(TEXT, required=True),
}
MILESTONE_FIELDS: dict[str, Field] = {
    **TERM_FIELDS,
    "moment": Field(_choice(Moment)),
    "implied_by": Field(_list_of(SLUG_KIND)),
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
        refused = False  # a value already reported (an alias): the rest would only follow from it
        for key, value in record.items():
            field = spec.get(key)
            if value is REJECTED:
                refused = True
            elif field is None:
                hint = suggest(key, spec, n=1)
                tip = f"; did you mean '{hint[0]}'?" if hint else f" (known: {', '.join(spec)})"
                self.problem(record.line_of(key), f"{label}: unknown field '{key}'{tip}")
                ok = False
            elif value is None:
                if field.required:
                    self.problem(
                        record.line_of(key), f"{label}: {key}: is empty{_EMPTY.get(key, '')}"
                    )
                    ok = False
            else:
                try:
                    values[key] = field.kind.check(value)
                except InvalidValue as err:
                    self.problem(record.line_of(key), f"{label}: {key}: {err}")
                    ok = False
        missing = [k for k, f in spec.items() if f.required and k not in record]
        if missing and not refused:
            self.problem(record.line, f"{label}: {_missing(missing)}")
        return values if ok and not refused and not missing else None

    def event(self, record: LocatedDict) -> Event | None:
        values = self.fields(record, EVENT_FIELDS, "event")
        if values is None:
            self.rejected.append((self.last, record))
            return None
        for key in ("category", "status"):
            values.setdefault(key, EVENT_FIELDS[key].default)
        return Event(**values, origin=Origin(self.file, record.line))

    def entity(self, record: LocatedDict) -> Entity | None:
        values = self.fields(record, ENTITY_FIELDS, "entity")
        if values is None:
            return None
        values["aliases"] = tuple(a.casefold() for a in values.get("aliases", ()))
        return Entity(**values, origin=Origin(self.file, record.line))

    def term(self, record: LocatedDict, kind: type[Milestone] | type[Category]) -> Any:
        spec = MILESTONE_FIELDS if kind is Milestone else TERM_FIELDS
        values = self.fields(record, spec, kind.__name__.lower())
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
    return f"missing required {plural(len(keys), 'field', number=False)} {quoted}"
