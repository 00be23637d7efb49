"""A SQLite database ready for `sqlite3` and Datasette.

Tables: events, entities, milestones, categories, and the links event_countries, event_milestones,
event_tags, sources; the launch log's launches, payloads and sites, and event_launches linking an
event to its launch where the log holds it; foreign keys throughout;
`events_fts` and `launches_fts`, full-text indexes over events (title, summary) and launches (tag,
vehicle, agency, site, payloads). Columns are named as the JSON keys are (docs/json.md): dates as
written with `date_display`, precision and first/last ISO days; lists joined with "; " as in CSV.
`metadata` is the Datasette metadata file written beside the database (title, licences, sources).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from spacetime.core.files import write_file
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.launches.model import Launch

__all__ = ["metadata", "metadata_path", "write_sqlite"]

JOIN = "; "
GCAT_SOURCE = "GCAT, Jonathan McDowell, https://planet4589.org"
CC_BY = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")

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
CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT NOT NULL, date_display TEXT NOT NULL,
    precision TEXT NOT NULL, first_day TEXT, last_day TEXT, approximate INTEGER NOT NULL,
    uncertain INTEGER NOT NULL, title TEXT NOT NULL, summary TEXT, agencies TEXT NOT NULL,
    category TEXT REFERENCES categories(code), status TEXT NOT NULL,
    mission TEXT, vehicle TEXT, launch TEXT, note TEXT, confirmed TEXT);
CREATE TABLE event_countries (event TEXT NOT NULL REFERENCES events(id),
    country TEXT NOT NULL REFERENCES entities(code), PRIMARY KEY (event, country));
CREATE TABLE event_milestones (event TEXT NOT NULL REFERENCES events(id),
    milestone TEXT NOT NULL REFERENCES milestones(code), PRIMARY KEY (event, milestone));
CREATE TABLE event_tags (event TEXT NOT NULL REFERENCES events(id), tag TEXT NOT NULL,
    PRIMARY KEY (event, tag));
CREATE TABLE sources (event TEXT NOT NULL REFERENCES events(id), position INTEGER NOT NULL,
    url TEXT NOT NULL, PRIMARY KEY (event, position));
CREATE INDEX events_first_day ON events(first_day);
CREATE VIRTUAL TABLE events_fts USING fts5(title, summary, content="events", content_rowid="rowid");
CREATE TABLE sites (code TEXT PRIMARY KEY, name TEXT, gcat_state TEXT, gcat_state_name TEXT);
CREATE TABLE launches (tag TEXT PRIMARY KEY, date TEXT NOT NULL, date_display TEXT NOT NULL,
    precision TEXT NOT NULL, first_day TEXT, last_day TEXT, uncertain INTEGER NOT NULL,
    kind TEXT NOT NULL, outcome TEXT NOT NULL, success INTEGER NOT NULL, percent INTEGER,
    vehicle TEXT NOT NULL, family TEXT NOT NULL, nation TEXT REFERENCES entities(code),
    gcat_state TEXT NOT NULL, agency TEXT, agency_name TEXT, site TEXT REFERENCES sites(code),
    pad TEXT, flight TEXT, payload_count INTEGER NOT NULL, payloads TEXT NOT NULL);
CREATE TABLE payloads (launch TEXT NOT NULL REFERENCES launches(tag), position INTEGER NOT NULL,
    name TEXT NOT NULL, PRIMARY KEY (launch, position));
CREATE TABLE event_launches (event TEXT PRIMARY KEY REFERENCES events(id),
    launch TEXT NOT NULL REFERENCES launches(tag));
CREATE INDEX launches_first_day ON launches(first_day);
CREATE INDEX launches_nation ON launches(nation);
CREATE VIRTUAL TABLE launches_fts USING fts5(tag, vehicle, agency_name, site, payloads,
    content="launches", content_rowid="rowid");
"""


def metadata_path(database: Path) -> Path:
    """Where the Datasette metadata of a database goes: `space.db` -> `space.metadata.json`."""
    return database.with_name(f"{database.stem}.metadata.json")


def metadata(database: Path, with_launches: bool) -> dict[str, object]:
    """Datasette metadata for the database (`datasette space.db -m space.metadata.json`)."""
    tables: dict[str, object] = {
        "events": {
            "description": "Events of the space age; every event's sources are in `sources`.",
            "source": "spacetime's curated timeline (each event's source URLs: `sources`)",
        },
    }
    if with_launches:
        gcat = {
            "source": GCAT_SOURCE,
            "source_url": "https://planet4589.org",
            "license": CC_BY[0],
            "license_url": CC_BY[1],
        }
        tables["launches"] = {"description": "Orbital launch attempts since 1957.", **gcat}
        tables["payloads"] = {"description": "The payloads of each launch.", **gcat}
        tables["sites"] = {"description": "Launch sites.", **gcat}
    return {
        "title": "spacetime: an atlas of the space age",
        "description": "Events, nations, milestones and the orbital launch log, exported by "
        "spacetime." + (f" Launch data: {GCAT_SOURCE} ({CC_BY[0]})." if with_launches else ""),
        "source": "spacetime" + (f"; launch log: {GCAT_SOURCE}" if with_launches else ""),
        **(
            {"source_url": "https://planet4589.org", "license": CC_BY[0], "license_url": CC_BY[1]}
            if with_launches
            else {}
        ),
        "databases": {database.stem: {"tables": tables}},
    }


def write_sqlite(
    timeline: Timeline,
    events: Sequence[Event],
    path: Path,
    *,
    launches: Sequence[Launch] = (),
    replace: bool = True,
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
                _fill_launches(db, timeline, launches)
                tags = {launch.tag for launch in launches}
                db.executemany(
                    "INSERT INTO event_launches VALUES (?, ?)",
                    [(e.id, e.launch) for e in events if e.launch in tags],
                )
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
        [(e.code, e.name, e.kind.value, JOIN.join(e.aliases)) for e in entities],
    )
    db.executemany(
        "UPDATE entities SET successor = ? WHERE code = ?",
        [(e.successor, e.code) for e in entities if e.successor],
    )
    db.executemany(
        "INSERT INTO milestones VALUES (?, ?, ?, ?, ?)",
        [
            (m.code, m.name, m.definition, m.moment and m.moment.value, JOIN.join(m.implied_by))
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
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                e.id,
                d.text,
                d.display(),
                d.precision.label,
                d.first_day.isoformat() if d.first_day else None,
                d.last_day.isoformat() if d.last_day else None,
                d.approximate,
                d.uncertain,
                e.title,
                e.summary or None,
                JOIN.join(e.agencies),
                e.category,
                e.status.value,
                e.mission,
                e.vehicle,
                e.launch,
                e.note,
                e.confirmed.text if e.confirmed else None,
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


def _fill_launches(db: sqlite3.Connection, timeline: Timeline, launches: Sequence[Launch]) -> None:
    sites = {launch.site.code: launch.site for launch in launches}
    db.executemany(
        "INSERT INTO sites VALUES (?, ?, ?, ?)",
        [(s.code, s.name or None, s.state or None, s.state_name or None) for s in sites.values()],
    )
    rows = []
    for launch in launches:
        d = launch.date
        rows.append(
            (
                launch.tag,
                d.text,
                d.display(),
                d.precision.label,
                d.first_day.isoformat() if d.first_day else None,
                d.last_day.isoformat() if d.last_day else None,
                d.uncertain,
                launch.kind.value,
                launch.outcome.value,
                launch.success,
                launch.percent,
                launch.vehicle,
                launch.family,
                launch.state if launch.state in timeline.entities else None,
                launch.gcat_state,
                launch.agency or None,
                launch.agency_name or None,
                launch.site.code,
                launch.pad or None,
                launch.flight or None,
                len(launch.payloads),
                JOIN.join(launch.payloads),
            )
        )
    db.executemany(f"INSERT INTO launches VALUES ({', '.join('?' * 22)})", rows)
    db.executemany(
        "INSERT INTO payloads VALUES (?, ?, ?)",
        [(x.tag, i, name) for x in launches for i, name in enumerate(x.payloads, 1)],
    )
    db.execute("INSERT INTO launches_fts(launches_fts) VALUES ('rebuild')")
