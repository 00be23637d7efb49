"""A JSON Schema of the timeline format, built from the same field tables the loader checks.

Editors use it through yaml-language-server (`# yaml-language-server: $schema=...`); the tests
check the bundled timeline against it. It checks shapes and patterns; the loader also checks what a
schema cannot (impossible dates, unknown codes across files, duplicate ids).
"""

from __future__ import annotations

from typing import Any

from spacetime.core.model import EntityKind, Moment, Status
from spacetime.load.schema import (
    CODE,
    ENTITY_FIELDS,
    EVENT_FIELDS,
    LAUNCH_TAG,
    MILESTONE_FIELDS,
    SLUG,
    TERM_FIELDS,
    Field,
)

__all__ = ["DATE_PATTERN", "timeline_schema"]

_POINT = r"(\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?)?)?|\d{3}(X|0s)|\d{2}XX)[?~%]?"
DATE_PATTERN = rf"^({_POINT}|({_POINT}|\.\.)?/({_POINT}|\.\.)?)$"

_TEXT: dict[str, Any] = {"type": "string", "minLength": 1}
_LINE: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": r"^[^\n]*$"}
_SLUG: dict[str, Any] = {"type": "string", "pattern": f"^{SLUG.pattern}$"}
_CODE: dict[str, Any] = {"type": "string", "pattern": f"^{CODE.pattern}$"}
_DATE: dict[str, Any] = {"type": "string", "pattern": DATE_PATTERN}
_URL: dict[str, Any] = {"type": "string", "pattern": r"^https?://\S+$"}


def _list(item: dict[str, Any], *, required: bool = False) -> dict[str, Any]:
    listing: dict[str, Any] = {"type": "array", "items": item}
    if required:
        listing["minItems"] = 1
    return {"anyOf": [listing, item]}


_EVENT: dict[str, dict[str, Any]] = {
    "id": _SLUG,
    "date": _DATE,
    "title": _LINE,
    "summary": _TEXT,
    "countries": _list(_CODE, required=True),
    "agencies": _list(_LINE),
    "category": _SLUG,
    "tags": _list(_SLUG),
    "status": {"enum": [s.value for s in Status]},
    "milestones": _list(_SLUG),
    "mission": _LINE,
    "vehicle": _LINE,
    "launch": {"type": "string", "pattern": f"^{LAUNCH_TAG.pattern}$"},
    "note": _TEXT,
    "confirmed": _DATE,
    "sources": _list(_URL, required=True),
}
_ENTITY: dict[str, dict[str, Any]] = {
    "code": _CODE,
    "name": _LINE,
    "kind": {"enum": [k.value for k in EntityKind]},
    "aliases": _list(_LINE),
    "successor": _CODE,
}
_TERM: dict[str, dict[str, Any]] = {"code": _SLUG, "name": _LINE, "definition": _TEXT}
_MILESTONE: dict[str, dict[str, Any]] = {
    **_TERM,
    "moment": {"enum": [m.value for m in Moment]},
    "implied_by": _list(_SLUG),
}


def _record(
    fields: dict[str, Field], shapes: dict[str, dict[str, Any]], title: str
) -> dict[str, Any]:
    assert set(fields) == set(shapes), "the schema and the loader's fields must agree"
    schema: dict[str, Any] = {
        "type": "object",
        "title": title,
        "additionalProperties": False,
        "required": [k for k, f in fields.items() if f.required],
        "properties": {k: shapes[k] for k in fields},
    }
    if title == "event":
        schema["if"] = {"properties": {"status": {"const": "planned"}}}
        schema["then"] = {"required": ["confirmed"]}
    return schema


def timeline_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://spacetime.invalid/timeline.schema.json",
        "title": "spacetime timeline",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "format": {"const": "spacetime/1"},
            "entities": {"type": "array", "items": _record(ENTITY_FIELDS, _ENTITY, "entity")},
            "milestones": {
                "type": "array",
                "items": _record(MILESTONE_FIELDS, _MILESTONE, "milestone"),
            },
            "categories": {"type": "array", "items": _record(TERM_FIELDS, _TERM, "category")},
            "events": {"type": "array", "items": _record(EVENT_FIELDS, _EVENT, "event")},
        },
    }
