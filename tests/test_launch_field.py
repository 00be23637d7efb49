"""The optional `launch` field (GCAT launch tag) through loader, schema, outputs, export and add."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import MINI, Run
from spacetime.core.errors import DataError
from spacetime.load.jsonschema import timeline_schema
from spacetime.load.loader import load_timeline

Cli = Callable[..., Run]
BASE = ("--no-bundled", "--data", str(MINI), "--data")

EVENT = """\
events:
  - id: launch-{n}
    date: 1969-07-16T13:32Z
    title: A launch
    countries: [US]
    category: moon
    status: achieved
    launch: {tag}
    sources: [https://example.org/x]
"""


def _file(tmp_path: Path, tag: str, n: int = 1) -> Path:
    path = tmp_path / f"t{n}.yaml"
    path.write_text(EVENT.format(n=n, tag=tag), encoding="utf-8")
    return path


@pytest.mark.parametrize("tag", ["1957 ALP", "1961 A ALP", "1969-059", "1958-F01", "1962-U01"])
def test_gcat_tags_are_accepted_as_written(tmp_path: Path, tag: str) -> None:
    timeline = load_timeline([MINI, _file(tmp_path, tag)])
    assert timeline.event("launch-1").launch == tag
    document = yaml.safe_load(_file(tmp_path, json.dumps(tag)).read_text())
    jsonschema.validate(document, timeline_schema())


@pytest.mark.parametrize("tag", ["1969-59", "1957 alp", "1969-059A", "S00002", "1957  ALP"])
def test_other_shapes_are_refused_at_their_line(tmp_path: Path, tag: str) -> None:
    path = _file(tmp_path, json.dumps(tag))
    with pytest.raises(DataError) as err:
        load_timeline([MINI, path])
    assert err.value.lines() == [
        f"{path}:8: event 'launch-1': launch: '{tag}' is not a GCAT launch tag "
        "(like 1957 ALP, 1969-059 or 1958-F01)"
    ]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(path.read_text()), timeline_schema())


def test_launch_in_json_show_export_and_cache(cli: Cli, tmp_path: Path) -> None:
    path = _file(tmp_path, '"1969-059"')
    listed = cli("list", *BASE, str(path), "--format", "json")
    assert [(e["id"], e["launch"]) for e in listed.json() if e["launch"]] == [
        ("launch-1", "1969-059")
    ]
    again = cli("list", *BASE, str(path), "--format", "json")  # read from the cache this time
    assert again.json() == listed.json()
    csv = cli("list", *BASE, str(path), "--format", "csv").out.splitlines()
    header = csv[0].split(",")
    row = next(line.split(",") for line in csv if line.startswith("launch-1,"))
    assert row[header.index("launch")] == "1969-059"
    shown = cli("show", *BASE, str(path), "launch-1")
    assert "1969-059 (GCAT launch tag)" in shown.out
    assert cli("show", *BASE, str(path), "launch-1", "--format", "json").json()["launch"] == (
        "1969-059"
    )
    database = tmp_path / "out.sqlite"
    assert cli("export", "sqlite", *BASE, str(path), "-o", str(database)).code == 0
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT id, launch FROM events WHERE launch IS NOT NULL").fetchall() == [
            ("launch-1", "1969-059")
        ]
    exported = cli("export", "yaml", *BASE, str(path)).out
    assert '    launch: "1969-059"\n' in exported
    assert load_timeline([_write(tmp_path, exported)]).event("launch-1").launch == "1969-059"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "again.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_add_takes_launch_and_checks_its_shape(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("events: []\n", encoding="utf-8")
    common = ("add", "--no-bundled", "--data", str(MINI), "--to", str(path), "--date", "1957-10-04")
    more = ("-c", "SU", "--category", "satellite", "--source", "https://example.org/s")
    bad = cli(*common, "--title", "Bad", "--launch", "1957-1", *more)
    assert bad.code == 2  # a wrong value on the command line is a usage error
    assert "launch: '1957-1' is not a GCAT launch tag" in bad.err
    assert path.read_text() == "events: []\n"
    good = cli(*common, "--title", "Good", "--launch", "1957 ALP", *more)
    assert good.code == 0, good.err
    assert "    launch: 1957 ALP\n" in path.read_text()
    assert load_timeline([MINI, path]).event("good").launch == "1957 ALP"
