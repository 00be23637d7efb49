"""The curated timeline as a source: the bundled events, the personal timeline and timeline files
named by `--data` or `$SPACETIME_DATA` (read and checked by `spacetime.load`)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from spacetime.load.sources import DataFiles, bundled_path, display_name, personal_path
from spacetime.sources import SourceFile

if TYPE_CHECKING:
    from spacetime.core.dates import Point

__all__ = ["CREDIT", "KIND", "LICENCE", "NAME", "TITLE", "describe", "recognises"]

NAME = "timeline"
KIND = "timeline"
TITLE = "timeline"
CREDIT = "spacetime's curated timeline, with the sources of each event"
LICENCE = "MIT"


def recognises(path: Path) -> bool:
    """Any file no other source claims is read as a timeline (and reported if it is not one)."""
    return True


def describe(files: DataFiles, cache: Path | None) -> list[SourceFile]:
    """The timeline files of `files` (the standard vocabulary left out): events and span of each,
    from the whole timeline loaded and checked (through the cache)."""
    from spacetime.load.cache import load_cached

    timeline = load_cached(files, folder=cache)
    events: Counter[str] = Counter()
    first: dict[str, Point] = {}
    last: dict[str, Point] = {}
    for event in timeline.events:
        file = event.origin.file
        events[file] += 1
        start, end = event.date.start, event.date.end
        if start is not None and (file not in first or start.first_day < first[file].first_day):
            first[file] = start
        if end is not None and (file not in last or end.last_day > last[file].last_day):
            last[file] = end
    bundled = bundled_path().resolve()
    mine = personal_path(files.folder).resolve() if files.folder is not None else None
    found: list[SourceFile] = []
    for path, name in zip(files.paths[1:], files.names[1:], strict=True):
        is_bundled = path.resolve() == bundled
        origin = "bundled" if is_bundled else "personal" if path.resolve() == mine else "yours"
        found.append(
            SourceFile(
                NAME, KIND, TITLE, name if is_bundled else display_name(path), path, origin,
                _day(first.get(name), last=False), _day(last.get(name), last=True),
                {"events": events[name]}, None if is_bundled else _changed(path),
                CREDIT if is_bundled else "your own events",
                LICENCE if is_bundled else "yours",
                _shown(first.get(name)), _shown(last.get(name)),
            )
        )  # fmt: skip
    return found


def _day(point: Point | None, *, last: bool) -> str | None:
    """The first (or `last`) ISO day `point` covers."""
    if point is None:
        return None
    return (point.last_day if last else point.first_day).isoformat()


def _shown(point: Point | None) -> str | None:
    """`point` as its events show it, at its own precision ("May 1903", "2030s")."""
    return None if point is None else point.display(with_time=False)


def _changed(path: Path) -> str | None:
    """The UTC day the file was last changed."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()
    except OSError:
        return None
