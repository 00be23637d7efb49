"""The listing of `spacetime sources`: each data file loaded, with its source, span and credit."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacetime.core.words import plural
from spacetime.output.listing import Brief, Column, Listing, glued
from spacetime.sources import SourceFile

__all__ = ["source_listing"]

FIELDS = [
    "source", "kind", "title", "file", "path", "origin", "first_day", "last_day",
    "first_display", "last_display", "events", "launches", "off_earth", "updated", "credit", "licence",
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
            "first_display": _shown(f.first_display, f.first),
            "last_display": _shown(f.last_display, f.last),
            "events": f.counts.get("events"),
            "launches": f.counts.get("launches"),
            "off_earth": f.counts.get("off_earth"),
            "updated": f.updated,
            "credit": f.credit,
            "licence": f.licence,
        }
        for f in found
    ]
    rows = [
        [
            Brief(f"{f.title} ({f.origin})", f"{f.source} ({f.origin})"),
            f.name,
            _span(_shown(f.first_display, f.first), _shown(f.last_display, f.last)),
            _count(f.counts),
            _shown(None, f.updated) or "—",
            _credit(f.credit, f.licence),
        ]
        for f in found
    ]
    return Listing(
        fields=FIELDS,
        records=records,
        columns=[
            Column("Source", wrap=True),
            Column("File", wrap=True, drop=2),
            Column("Span", wrap=True),
            Column("Count", wrap=True),
            Column("Updated", drop=1),
            Column("Credit", wrap=True, main=True),
        ],
        rows=rows,
        footer=f"{plural(len(found), 'file')}; `spacetime update` renews the launch log",
    )


def _count(counts: Mapping[str, int]) -> str:
    """The file's first count ("800 events"); of a launch log, with the launches off Earth
    (lift-offs from the Moon), which launch counts leave out: "6,828 launches (11 off Earth)"."""
    what, n = next(iter(counts.items()), ("", 0))
    if not what:
        return ""
    text = plural(n, what[:-1], what)
    off = counts.get("off_earth")
    return f"{text} ({glued(f'{off:,} off Earth')})" if off else text


def _shown(display: str | None, day: str | None) -> str | None:
    """A date as its data shows it, else the ISO `day` as a day ("8 Dec 2024")."""
    if display is not None or day is None:
        return display
    from spacetime.sources.gcat import display_day

    return display_day(day)


def _span(first: str | None, last: str | None) -> str:
    """ "May 1903 – 2030s" (each end whole on its line in a narrow table), or one date."""
    if first == last and first is not None:
        return glued(first)
    return glued((first or "?") + " –") + " " + glued(last or "?")


def _credit(credit: str, licence: str) -> Brief:
    """The credit and its licence (kept on one line), without the web address in a narrow table
    (`--format json` keeps it); your own files are just that."""
    if licence == "yours":
        return Brief(credit, credit)
    if licence not in credit:
        credit = f"{credit} ({licence})"
    text = credit.replace(licence, glued(licence))
    return Brief(text, re.sub(r",? \(?https?://[^\s)]+\)?", "", text))
