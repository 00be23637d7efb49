"""A cache of parsed, validated timelines in the user cache folder, keyed by the files' bytes.

The key is a BLAKE2 hash of spacetime's version, the cache layout and every file's name and full
content, so any change to any file (even one that keeps its size and modification time) misses.
An entry is a `marshal` payload of plain tuples: the events as fields, and the engine's search
rows, so that a query reads it without building an object per event (only its matches are built).
Entries are written atomically; an unreadable, truncated or foreign entry is deleted and rebuilt,
never trusted. The folder is safe to delete at any time; `SPACETIME_NO_CACHE=1` turns the cache
off and `SPACETIME_CACHE_DIR` moves it. Only the newest entries are kept.

A cache hit imports neither the YAML parser nor the validator.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any

from spacetime import __version__
from spacetime.core.dates import EventDate, Point, Precision
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
from spacetime.core.timeline import Timeline, paused_gc
from spacetime.load.places import user_cache_dir
from spacetime.load.sources import DataFiles

__all__ = ["load_cached"]

KEEP = 16
LAYOUT = 4  # bump when the payload changes shape


def load_cached(files: DataFiles) -> Timeline:
    """The timeline of `files`, from the cache when their bytes are unchanged."""
    if os.environ.get("SPACETIME_NO_CACHE"):
        return _load(files)
    try:
        contents = [path.read_bytes() for path in files.paths]
    except OSError:
        return _load(files)  # reports the unreadable file
    entry = user_cache_dir() / f"{_key(files, contents)}.marshal"
    with paused_gc():
        cached = _read(entry)
        if cached is not None:
            return cached
        timeline = _load(files, dict(zip(files.paths, contents, strict=True)))
        _write(entry, _payload(timeline))
    return timeline


def _key(files: DataFiles, contents: list[bytes]) -> str:
    try:
        from _blake2 import blake2b  # the same hash without loading OpenSSL (faster start-up)
    except ImportError:  # pragma: no cover - other Python implementations
        from hashlib import blake2b
    digest = blake2b(f"{__version__}/{LAYOUT}".encode(), digest_size=20)
    for name, content in zip(files.names, contents, strict=True):
        digest.update(f"\0{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def _load(files: DataFiles, contents: dict[Path, bytes] | None = None) -> Timeline:
    from spacetime.load.loader import load_timeline

    return load_timeline(files.paths, files.names, contents)


def _point(p: Point | None) -> tuple[Any, ...] | None:
    if p is None:
        return None
    return (p.year, int(p.precision), p.month, p.day, p.time, p.approximate, p.uncertain)


def _payload(timeline: Timeline) -> dict[str, Any]:
    from spacetime.engine.index import rows

    files = {name: i for i, name in enumerate(timeline.files)}

    def where(origin: Origin) -> tuple[int, int]:
        return files.get(origin.file, -1), origin.line

    return {
        "layout": LAYOUT,
        "files": list(timeline.files),
        "entities": [
            (e.code, e.name, e.kind.value, e.aliases, e.successor, *where(e.origin))
            for e in timeline.entities.values()
        ],
        "milestones": [
            (
                m.code,
                m.name,
                m.definition,
                *where(m.origin),
                m.moment and m.moment.value,
                m.implied_by,
            )
            for m in timeline.milestones.values()
        ],
        "categories": [
            (c.code, c.name, c.definition, *where(c.origin)) for c in timeline.categories.values()
        ],
        "events": [
            (
                e.id,
                e.date.text,
                _point(e.date.start),
                _point(e.date.end),
                e.date.interval,
                e.title,
                e.countries,
                e.category,
                e.status.value,
                e.sources,
                e.summary,
                e.agencies,
                e.tags,
                e.milestones,
                e.mission,
                e.vehicle,
                e.launch,
                e.note,
                (
                    e.confirmed.text,
                    _point(e.confirmed.start),
                    _point(e.confirmed.end),
                    e.confirmed.interval,
                )
                if e.confirmed
                else None,
                *where(e.origin),
            )
            for e in timeline.events
        ],
        "rows": rows(timeline),
    }


def _timeline(payload: dict[str, Any]) -> Timeline:
    names: list[str] = payload["files"]

    def origin(index: int, line: int) -> Origin:
        return Origin(names[index] if index >= 0 else "?", line)

    precisions = list(Precision)

    def point(values: tuple[Any, ...] | None) -> Point | None:
        if values is None:
            return None
        year, precision, *rest = values
        return Point(year, precisions[precision], *rest)

    events = payload["events"]

    def _date(text: str, start: Any, end: Any, interval: bool) -> EventDate:
        first = point(start)
        return EventDate(text, first, first if end == start else point(end), interval)

    def make(position: int) -> Event:
        (eid, text, start, end, interval, title, countries, category, status, sources, summary,
         agencies, tags, milestones, mission, vehicle, launch, note, confirmed, file, line) = events[position]  # fmt: skip
        date = _date(text, start, end, interval)
        return Event(
            eid, date, title, countries, category, Status(status), sources, summary, agencies, tags,
            milestones, mission, vehicle, launch, note, _date(*confirmed) if confirmed else None,
            origin(file, line),
        )  # fmt: skip

    return Timeline(
        entities={
            e[0]: Entity(e[0], e[1], EntityKind(e[2]), e[3], e[4], origin(e[5], e[6]))
            for e in payload["entities"]
        },
        milestones={
            m[0]: Milestone(
                m[0], m[1], m[2], origin(m[3], m[4]), Moment(m[5]) if m[5] else None, m[6]
            )
            for m in payload["milestones"]
        },
        categories={
            c[0]: Category(c[0], c[1], c[2], origin(c[3], c[4])) for c in payload["categories"]
        },
        files=names,
        count=len(events),
        make=make,
        index=payload["rows"],
    )


def _read(entry: Path) -> Timeline | None:
    try:
        payload = marshal.loads(entry.read_bytes())
        if not isinstance(payload, dict) or payload.get("layout") != LAYOUT:
            raise ValueError("not a spacetime cache entry")
        return _timeline(payload)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged entry of any kind is rebuilt, never trusted
        entry.unlink(missing_ok=True)
        return None


def _write(entry: Path, payload: dict[str, Any]) -> None:
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(payload))
        temporary.replace(entry)
        entries = sorted(
            entry.parent.glob("*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        temporary.unlink(missing_ok=True)  # a read-only or full cache folder only costs speed
