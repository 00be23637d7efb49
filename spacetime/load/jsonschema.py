"""The JSON Schema of the timeline format, generated from the loader's own field definitions.

Each field's `Kind` in `spacetime.load.schema` holds both the loader's check and its JSON Schema
shape, so the two cannot drift apart. Editors use the schema through yaml-language-server (`init`
writes it beside a new timeline); `docs/spacetime.schema.json` is this output. A schema checks
each record on its own: codes that name other records (countries, category, milestones), unique
ids across files and the order of an interval's two ends are the loader's alone.
"""

from __future__ import annotations

from typing import Any

from spacetime.load.schema import (
    ENTITY_FIELDS,
    EVENT_FIELDS,
    FORMAT,
    MILESTONE_FIELDS,
    TERM_FIELDS,
    Field,
)

__all__ = ["timeline_schema"]


def _record(fields: dict[str, Field], title: str) -> dict[str, Any]:
    properties = {
        # a field left empty (`summary: ~`) is left out, unless it is required
        key: field.kind.shape if field.required else {"anyOf": [field.kind.shape, {"type": "null"}]}
        for key, field in fields.items()
    }
    return {
        "type": "object",
        "title": title,
        "additionalProperties": False,
        "required": [key for key, field in fields.items() if field.required],
        "properties": properties,
    }


def _section(fields: dict[str, Field], title: str) -> dict[str, Any]:
    return {"type": ["array", "null"], "items": _record(fields, title)}


def timeline_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "spacetime timeline",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "format": {"enum": [FORMAT, None]},
            "entities": _section(ENTITY_FIELDS, "entity"),
            "milestones": _section(MILESTONE_FIELDS, "milestone"),
            "categories": _section(TERM_FIELDS, "category"),
            "events": _section(EVENT_FIELDS, "event"),
        },
    }
