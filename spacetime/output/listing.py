"""`Listing`: what a command hands to the output layer, as plain data.

A listing carries machine records (for JSON, JSON Lines, CSV and TSV) and human cells (for the
terminal table and Markdown). Commands build listings; `spacetime.output.formats` writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = ["Column", "Listing", "Report"]


class Column(NamedTuple):
    """A human column: its header, and whether it may wrap (long text) or stays on one line."""

    header: str
    wrap: bool = False
    justify: str = "left"


@dataclass(eq=False, repr=False)
class Listing:
    """One command's answer, ready for any output format."""

    fields: list[str]
    """The keys of every record, in order: the JSON keys and the CSV/TSV header."""
    records: list[dict[str, Any]]
    columns: list[Column]
    rows: list[list[str]]
    styles: list[str | None] = field(default_factory=list)
    """A terminal style per row, in words such as `"italic cyan"` (see `output.texttable.SGR`)."""
    heading: str | None = None
    """A line before the table (`show`: the event's title)."""
    footer: str | None = None
    """A line after the table (a count, a legend); human formats only."""
    row_lines: bool = False
    """Rule a line between rows in the terminal table (rows of several lines)."""
    single: bool = False
    """One record (`show`): JSON is an object rather than an array, the table "key  value" lines."""


@dataclass(eq=False, repr=False)
class Report:
    """An answer in several titled tables (`compare`, `stats`): JSON is one document; CSV, TSV
    and JSON Lines carry `flat`, one long-form table; the table and Markdown forms show every
    section."""

    sections: list[tuple[str, Listing]]
    document: Any
    flat: Listing
