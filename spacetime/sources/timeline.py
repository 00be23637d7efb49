"""The curated timeline as a source: the bundled events, the personal timeline and timeline files
named by `--data` or `$SPACETIME_DATA` (read and checked by `spacetime.load`)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from spacetime.load.sources import DataFiles, bundled_path, display_name, personal_path
from spacetime.sources import SourceFile

__all__ = ["CREDIT", "KIND", "LICENCE", "NAME", "TITLE", "describe", "recognises"]

NAME = "timeline"
KIND = "timeline"
TITLE = "timeline"
CREDIT = "spacetime's curated timeline, each event with the sources of its date (`show ID`)"
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
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for event in timeline.events:
        file = event.origin.file
        events[file] += 1
        start, end = event.date.first_day, event.date.last_day
        if start is not None and (file not in first or start.isoformat() < first[file]):
            first[file] = start.isoformat()
        if end is not None and (file not in last or end.isoformat() > last[file]):
            last[file] = end.isoformat()
    bundled = bundled_path().resolve()
    mine = personal_path(files.folder).resolve() if files.folder is not None else None
    found: list[SourceFile] = []
    for path, name in zip(files.paths[1:], files.names[1:], strict=True):
        is_bundled = path.resolve() == bundled
        origin = "bundled" if is_bundled else "personal" if path.resolve() == mine else "yours"
        found.append(
            SourceFile(
                NAME, KIND, TITLE, name if is_bundled else display_name(path), path, origin,
                first.get(name), last.get(name), {"events": events[name]},
                None if is_bundled else _changed(path),
                CREDIT if is_bundled else "your own events",
                LICENCE if is_bundled else "yours",
            )
        )  # fmt: skip
    return found


def _changed(path: Path) -> str | None:
    """The UTC day the file was last changed."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()
    except OSError:
        return None
