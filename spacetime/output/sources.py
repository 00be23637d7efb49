"""The listing of `spacetime sources`: each data file loaded, with its source, span and credit."""

from __future__ import annotations

from collections.abc import Sequence

from spacetime.output.listing import Brief, Column, Listing, glued
from spacetime.sources import SourceFile

__all__ = ["source_listing"]

FIELDS = [
    "source", "kind", "title", "file", "path", "origin", "first_day", "last_day", "events",
    "launches", "updated", "credit", "licence",
]  # fmt: skip


def source_listing(found: Sequence[SourceFile]) -> Listing:
    """One record per file: what it is, where, what it covers and whose it is."""
    records = [
        {
            "source": f.source,
            "kind": f.kind,
            "title": f.title,
            "file": f.name,
            "path": str(f.path.resolve()),
            "origin": f.origin,
            "first_day": f.first,
            "last_day": f.last,
            "events": f.counts.get("events"),
            "launches": f.counts.get("launches"),
            "updated": f.updated,
            "credit": f.credit,
            "licence": f.licence,
        }
        for f in found
    ]
    rows = [
        [
            Brief(glued(f"{f.title} ({f.origin})"), f"{f.source} ({f.origin})"),
            f.name,
            Brief(f"{f.first or '?'} – {f.last or '?'}", f"{_year(f.first)}–{_year(f.last)}"),
            glued(", ".join(f"{n:,} {what}" for what, n in list(f.counts.items())[:1])),
            f.updated or "—",
            f.credit if f.licence in f.credit else f"{f.credit} ({f.licence})",
        ]
        for f in found
    ]
    return Listing(
        fields=FIELDS,
        records=records,
        columns=[
            Column("Source"),
            Column("File", wrap=True, drop=2),
            Column("Span"),
            Column("Count"),
            Column("Updated", drop=1),
            Column("Credit", wrap=True, main=True),
        ],
        rows=rows,
        footer=f"{len(found)} files; `spacetime update` renews the launch log",
    )


def _year(day: str | None) -> str:
    return day[:4] if day else "?"
