"""A SQLite database ready for `sqlite3` and Datasette.

Tables: events, entities, milestones, categories, and the links event_countries, event_milestones,
event_tags, sources; foreign keys throughout; `events_fts`, a full-text index over titles and
summaries. Dates are stored as written, with their precision and first/last ISO days.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from spacetime.core.files import write_file
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline

__all__ = ["write_sqlite"]

# SQLite's primary result codes for a refusal of the system, as the errno they stand for.
SQLITE_ERRNO = {
    3: errno.EACCES,  # SQLITE_PERM
    8: errno.EROFS,  # SQLITE_READONLY
    13: errno.ENOSPC,  # SQLITE_FULL
}

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE entities (code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
    aliases TEXT NOT NULL, successor TEXT REFERENCES entities(code));
CREATE TABLE milestones (code TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL,
    moment TEXT, implied_by TEXT NOT NULL);
CREATE TABLE categories (code TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL);
CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT NOT NULL, precision TEXT NOT NULL,
    first_day TEXT, last_day TEXT, title TEXT NOT NULL, summary TEXT,
    category TEXT REFERENCES categories(code), status TEXT NOT NULL,
    mission TEXT, vehicle TEXT, launch TEXT, note TEXT, confirmed TEXT, agencies TEXT NOT NULL);
CREATE TABLE event_countries (event_id TEXT NOT NULL REFERENCES events(id),
    entity_code TEXT NOT NULL REFERENCES entities(code), PRIMARY KEY (event_id, entity_code));
CREATE TABLE event_milestones (event_id TEXT NOT NULL REFERENCES events(id),
    milestone_code TEXT NOT NULL REFERENCES milestones(code), PRIMARY KEY (event_id, milestone_code));
CREATE TABLE event_tags (event_id TEXT NOT NULL REFERENCES events(id), tag TEXT NOT NULL,
    PRIMARY KEY (event_id, tag));
CREATE TABLE sources (event_id TEXT NOT NULL REFERENCES events(id), position INTEGER NOT NULL,
    url TEXT NOT NULL, PRIMARY KEY (event_id, position));
CREATE INDEX events_first_day ON events(first_day);
CREATE VIRTUAL TABLE events_fts USING fts5(title, summary, content='events', content_rowid='rowid');
"""


def write_sqlite(
    timeline: Timeline, events: Sequence[Event], path: Path, *, replace: bool = True
) -> None:
    """Write the database to `path` through `spacetime.core.files.write_file`: built in a
    temporary file of its own, then moved into place whole (`replace=False`: only if there is
    no file of that name yet)."""

    def build(temporary: Path) -> None:
        db = sqlite3.connect(temporary)
        try:
            with db:
                db.execute("PRAGMA journal_mode = MEMORY")  # no journal file beside the user's
                db.executescript(SCHEMA)
                _fill(db, timeline, events)
        except sqlite3.Error as err:  # the disk, not the data: reported as the system's refusal
            code = getattr(err, "sqlite_errorcode", 0) & 0xFF
            raise OSError(SQLITE_ERRNO.get(code, errno.EIO), str(err)) from None
        finally:
            db.close()

    write_file(path, build, replace=replace)


def _fill(db: sqlite3.Connection, timeline: Timeline, events: Sequence[Event]) -> None:
    entities = sorted(timeline.entities.values(), key=lambda e: e.successor is not None)
    db.executemany(
        "INSERT INTO entities VALUES (?, ?, ?, ?, NULL)",
        [(e.code, e.name, e.kind.value, ", ".join(e.aliases)) for e in entities],
    )
    db.executemany(
        "UPDATE entities SET successor = ? WHERE code = ?",
        [(e.successor, e.code) for e in entities if e.successor],
    )
    db.executemany(
        "INSERT INTO milestones VALUES (?, ?, ?, ?, ?)",
        [
            (m.code, m.name, m.definition, m.moment and m.moment.value, ", ".join(m.implied_by))
            for m in timeline.milestones.values()
        ],
    )
    db.executemany(
        "INSERT INTO categories VALUES (?, ?, ?)",
        [(c.code, c.name, c.definition) for c in timeline.categories.values()],
    )
    for e in events:
        d = e.date
        db.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                e.id,
                d.text,
                d.precision.label,
                d.first_day.isoformat() if d.first_day else None,
                d.last_day.isoformat() if d.last_day else None,
                e.title,
                e.summary or None,
                e.category,
                e.status.value,
                e.mission,
                e.vehicle,
                e.launch,
                e.note,
                e.confirmed.text if e.confirmed else None,
                ", ".join(e.agencies),
            ),
        )
        db.executemany(
            "INSERT INTO event_countries VALUES (?, ?)", [(e.id, c) for c in e.countries]
        )
        db.executemany(
            "INSERT INTO event_milestones VALUES (?, ?)", [(e.id, m) for m in e.milestones]
        )
        db.executemany("INSERT INTO event_tags VALUES (?, ?)", [(e.id, t) for t in e.tags])
        db.executemany(
            "INSERT INTO sources VALUES (?, ?, ?)",
            [(e.id, i, u) for i, u in enumerate(e.sources, 1)],
        )
    db.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
