"""Exports, each read back by a real consumer: icalendar, sqlite3, json, and spacetime itself."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar

from conftest import MINI, Run
from spacetime.load.loader import load_timeline

Cli = Callable[..., Run]
BASE = ("--no-bundled", "--data", str(MINI))


def test_ics_parses_with_yearly_rules_and_right_days(cli: Cli) -> None:
    result = cli("export", "ics", *BASE)
    assert result.code == 0
    calendar = icalendar.Calendar.from_ical(result.out)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    # Only events known to the day: not the year-only, month-only or decade ones.
    assert set(events) == {
        f"{i}@spacetime"
        for i in (
            "sputnik-1",
            "explorer-1",
            "vanguard-tv3",
            "gagarin",
            "china-first-satellite",
            "iss-occupation",
            "ilrs-mou",
        )
    }
    sputnik = events["sputnik-1@spacetime"]
    assert sputnik.decoded("dtstart") == date(1957, 10, 4)
    assert sputnik.decoded("dtend") == date(1957, 10, 5)
    assert sputnik["rrule"]["FREQ"] == ["YEARLY"]
    assert str(sputnik["summary"]) == "Sputnik 1 launched"
    assert str(sputnik["url"]) == "https://example.org/sputnik"
    assert str(sputnik["description"]).startswith("1957 (4 Oct 1957 19:28:34 UTC), Soviet Union.")
    # DTSTAMP is when the calendar was made (the fixed clock of the tests), not the event's day
    assert {e.decoded("dtstamp") for e in events.values()} == {datetime(2026, 11, 24, tzinfo=UTC)}
    assert result.err == (
        "exported 7 events as yearly anniversaries; left out 4 events not known to the day "
        "(a year, month or decade: no day to recur on)\n"
    )


def test_ics_to_a_file_says_what_it_wrote(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "space.ics"
    result = cli("export", "ics", *BASE, "--until", "1959", "-o", str(path))
    assert (result.code, result.out) == (0, "")
    assert result.err == f"exported 3 events as yearly anniversaries to {path}\n"
    assert len(icalendar.Calendar.from_ical(path.read_text()).walk("VEVENT")) == 3


def test_timelinejs_has_only_allowed_keys_and_no_invented_fields(cli: Cli) -> None:
    doc = cli("export", "timelinejs", *BASE).json()
    allowed = {"unique_id", "start_date", "end_date", "display_date", "text", "group"}
    slides = {s["unique_id"]: s for s in doc["events"]}
    for slide in doc["events"]:
        assert set(slide) <= allowed
        assert set(slide["text"]) == {"headline", "text"}
    assert slides["year-only"]["start_date"] == {"year": 1970}
    assert slides["russia-founded-agency"]["start_date"] == {"year": 1992, "month": 2}
    assert slides["explorer-1"]["start_date"] == {"year": 1958, "month": 2, "day": 1}
    assert "end_date" not in slides["explorer-1"] and "end_date" not in slides["iss-occupation"]
    assert slides["moon-plan"]["display_date"] == "planned 2030s"
    assert slides["soon"]["display_date"] == "planned c. 2026"
    assert slides["sputnik-1"]["start_date"] == {
        "year": 1957,
        "month": 10,
        "day": 4,
        "hour": 19,
        "minute": 28,
    }
    assert slides["ilrs-mou"]["group"] == "China"
    assert [e["text"]["headline"] for e in doc["eras"]][1] == "Space Race"


def test_sqlite_opens_checks_clean_and_searches(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "space.db"
    result = cli("export", "sqlite", *BASE, "-o", str(path))
    described = tmp_path / "space.metadata.json"
    assert (result.code, result.err) == (
        0,
        f"exported 11 events to {path} (Datasette metadata: {described})\n",
    )
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT count(*) FROM events").fetchone() == (11,)
        hits = db.execute(
            "SELECT events.id FROM events_fts JOIN events ON events.rowid = events_fts.rowid"
            " WHERE events_fts MATCH 'Sputnik'"
        ).fetchall()
        assert hits == [("sputnik-1",)]
        row = db.execute(
            "SELECT date, precision, first_day, last_day FROM events WHERE id = 'moon-plan'"
        ).fetchone()
        assert row == ("2030s", "decade", "2030-01-01", "2039-12-31")
        assert db.execute("SELECT successor FROM entities WHERE code = 'SU'").fetchone() == ("RU",)
        assert db.execute(
            "SELECT country FROM event_countries WHERE event = 'ilrs-mou' ORDER BY 1"
        ).fetchall() == [("CN",), ("RU",)]
    db.close()
    assert json.loads(described.read_text(encoding="utf-8"))["databases"] == {
        "space": {
            "tables": {
                "events": {
                    "description": "Events of the space age; every event's sources are in "
                    "`sources`.",
                    "source": "spacetime's curated timeline (each event's source URLs: `sources`)",
                }
            }
        }
    }


def test_sqlite_columns_follow_the_json_keys(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "space.db"
    assert cli("export", "sqlite", *BASE, "-o", str(path)).code == 0
    listed = {e["id"]: e for e in cli("list", *BASE, "--json").json()}
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        rows = db.execute("SELECT * FROM events").fetchall()
    db.close()
    assert len(listed) >= 10 and sorted(r["id"] for r in rows) == sorted(listed)
    columns = rows[0].keys()
    assert {"id", "date", "date_display", "approximate", "uncertain", "agencies"} <= set(columns)

    def joined(value: object) -> object:
        return "; ".join(value) if isinstance(value, list) else value

    assert {(r["id"], key): r[key] for r in rows for key in columns} == {
        (r["id"], key): joined(listed[r["id"]][key]) for r in rows for key in columns
    }


def test_sqlite_holds_the_launch_log_with_its_credit(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "space.db"
    year = ("--since", "1957", "--until", "1957")
    result = cli("export", "sqlite", *year, "-o", str(path))
    assert result.code == 0
    events = int(cli("list", *year, "--count").out)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        (launches,) = db.execute("SELECT count(*) FROM launches").fetchone()
        assert result.err.startswith(f"exported {events} events and {launches} launches to {path}")
        assert db.execute(
            "SELECT tag, date, nation, site, payload_count, payloads FROM launches"
            " WHERE tag = '1957 ALP'"
        ).fetchone() == ("1957 ALP", "1957-10-04T19:28:34Z", "SU", "NIIP-5", 1, "1-y ISZ")
        assert db.execute(
            "SELECT launch, position, name FROM payloads WHERE launch = '1957 ALP'"
        ).fetchall() == [("1957 ALP", 1, "1-y ISZ")]
        assert db.execute(
            "SELECT launch FROM event_launches WHERE event = 'sputnik-1'"
        ).fetchone() == ("1957 ALP",)
        assert db.execute("SELECT name FROM sites WHERE code = 'NIIP-5'").fetchone() == (
            "NIIP-5, Baykonur, Kazakstan",
        )
        hits = db.execute(
            "SELECT launches.tag FROM launches_fts JOIN launches"
            " ON launches.rowid = launches_fts.rowid WHERE launches_fts MATCH '\"1-y ISZ\"'"
        ).fetchall()
        assert hits == [("1957 ALP",)]
        # Datasette offers a search box for a table whose FTS table names it as content="..."
        for table in ("events", "launches"):
            (sql,) = db.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", (f"{table}_fts",)
            ).fetchone()
            assert f'content="{table}"' in sql
    db.close()
    meta = json.loads((tmp_path / "space.metadata.json").read_text(encoding="utf-8"))
    assert (meta["license"], meta["source_url"]) == ("CC BY 4.0", "https://planet4589.org")
    assert "Jonathan McDowell, https://planet4589.org" in meta["source"]
    gcat = meta["databases"]["space"]["tables"]["launches"]
    assert (gcat["source"], gcat["license"]) == (
        "GCAT, Jonathan McDowell, https://planet4589.org",
        "CC BY 4.0",
    )


def test_yaml_round_trips(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "export.yaml"
    assert cli("export", "yaml", *BASE, "-o", str(path)).code == 0
    original, again = load_timeline([MINI]), load_timeline([path])
    assert again.events == original.events
    assert again.entities == original.entities
    assert again.milestones == original.milestones


def test_bundled_timeline_round_trips_through_yaml(tmp_path: Path) -> None:
    from spacetime.load.sources import bundled_path
    from spacetime.output.yamlfmt import dump_timeline

    bundled = load_timeline([bundled_path()])
    text = dump_timeline(bundled.events, (), (), ())  # the standard vocabulary is always loaded
    path = tmp_path / "bundled.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_timeline([path]).events == bundled.events


def test_export_never_overwrites_without_force(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("keep me", encoding="utf-8")
    refused = cli("export", "csv", *BASE, "-o", str(path))
    assert (refused.code, refused.err) == (
        2,
        f"spacetime: error: {path} exists; use --force to overwrite it\n",
    )
    assert path.read_text(encoding="utf-8") == "keep me"
    assert cli("export", "csv", *BASE, "-o", str(path), "--force").code == 0
    assert path.read_text(encoding="utf-8").startswith("id,date,")


def test_export_filters_and_list_formats(cli: Cli) -> None:
    lines = cli("export", "jsonl", *BASE, "-c", "china").out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [
        "china-first-satellite",
        "ilrs-mou",
        "soon",
        "moon-plan",
    ]
    assert (
        cli("export", "sqlite", *BASE).err == "spacetime: error: sqlite needs a file: add -o FILE\n"
    )


def test_the_format_enums_and_helps_come_from_the_registry() -> None:
    import typer

    from spacetime.cli.app import build_app
    from spacetime.cli.commands.export import ExportFormat
    from spacetime.output.formats import WRITERS, OutputFormat
    from spacetime.output.registry import export_names, listing_names

    assert [f.value for f in OutputFormat] == listing_names() == [f.value for f in WRITERS]
    assert [f.value for f in ExportFormat] == export_names()
    assert export_names()[:4] == ["ics", "timelinejs", "sqlite", "yaml"]
    group = typer.main.get_command(build_app(["export", "list"]))
    helps = {
        (name, p.name): getattr(p, "help", None)
        for name in ("export", "list")
        for p in group.commands[name].params  # type: ignore[attr-defined]
    }
    assert (
        helps["export", "fmt"]
        == "ics, timelinejs, sqlite, yaml, json, jsonl, csv, tsv or markdown."
    )
    assert helps["list", "format"] == "table, json, jsonl, csv, tsv or markdown."


def test_sqlite_never_replaces_its_metadata_file_without_force(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    described = tmp_path / "m.metadata.json"
    described.write_text("mine\n", encoding="utf-8")
    result = cli("export", "sqlite", *BASE, "-o", str(path))
    assert (result.code, result.err) == (
        2,
        f"spacetime: error: {described} exists; use --force to overwrite it\n",
    )
    assert described.read_text(encoding="utf-8") == "mine\n" and not path.exists()
    assert cli("export", "sqlite", *BASE, "-o", str(path), "--force").code == 0
    assert json.loads(described.read_text(encoding="utf-8"))["databases"]
