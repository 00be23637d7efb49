"""chart, today/on and stats: golden text at fixed widths, exported pictures, fixed "today"."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import MINI, Run
from spacetime.core.dates import parse_date
from spacetime.core.model import Event, Status
from spacetime.engine.anniversaries import anniversaries, parse_day

Cli = Callable[..., Run]
BASE = ("--no-bundled", "--data", str(MINI))
GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        (("--width", "80"), "chart-mini-80.txt"),
        (("--width", "160"), "chart-mini-160.txt"),
        (("--width", "80", "--lanes", "category"), "chart-mini-category-80.txt"),
    ],
)
def test_chart_golden(cli: Cli, args: tuple[str, ...], golden: str) -> None:
    result = cli("chart", *BASE, *args)
    assert result.code == 0
    assert result.out == (GOLDEN / golden).read_text(encoding="utf-8")


def test_chart_lanes_follow_the_requested_countries(cli: Cli) -> None:
    out = cli("chart", *BASE, "-c", "china,usa", "--width", "80").out
    lanes = [line.split("│")[0].strip() for line in out.splitlines() if "│" in line]
    assert lanes == ["China", "United States"]


def test_chart_exports_svg_and_html(cli: Cli, tmp_path: Path) -> None:
    svg, html = tmp_path / "chart.svg", tmp_path / "chart.html"
    result = cli(
        "chart",
        *BASE,
        "-c",
        "ussr,usa,china",
        "--width",
        "100",
        "--svg",
        str(svg),
        "--html",
        str(html),
    )
    assert result.code == 0
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = "".join(root.itertext()).replace("\xa0", " ")
    for label in ("Soviet Union", "United States", "China", "world first", "1960"):
        assert label in texts

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.text: list[str] = []
            self.tags: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.tags.append(tag)

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    parser = Collect()
    parser.feed(html.read_text(encoding="utf-8"))
    assert "html" in parser.tags and "pre" in parser.tags
    assert "Soviet Union" in "".join(parser.text)
    again = cli("chart", *BASE, "--svg", str(svg))
    assert (again.code, again.err) == (
        2,
        f"spacetime: error: {svg} exists; use --force to overwrite it\n",
    )


def event(eid: str, text: str, status: Status = Status.ACHIEVED) -> Event:
    return Event(eid, parse_date(text), eid, ("US",), "satellite", status, ("https://example.org",))


def test_on_this_day_counts_only_day_precise_dates() -> None:
    events = [
        event("a", "1957-10-04"),
        event("b", "1957-10"),
        event("c", "1958-10-04T12:00Z"),
        event("d", "1957"),
    ]
    found = anniversaries(events, 10, 4, 2026)
    assert [(a.event.id, a.years) for a in found] == [("a", 69), ("c", 68)]


def test_leap_day_events_show_on_28_february_in_common_years() -> None:
    events = [event("leap", "2024-02-29"), event("eve", "2023-02-28"), event("march", "2023-03-01")]
    assert [a.event.id for a in anniversaries(events, 2, 28, 2026)] == ["eve", "leap"]
    assert [a.event.id for a in anniversaries(events, 2, 28, 2028)] == ["eve"]
    assert [a.event.id for a in anniversaries(events, 2, 29, 2028)] == ["leap"]
    assert [a.event.id for a in anniversaries(events, 2, 29, 2026)] == ["leap"]


def test_week_crosses_the_year_boundary() -> None:
    events = [
        event("new-year", "1999-01-02"),
        event("old-year", "1998-12-30"),
        event("far", "1999-01-10"),
    ]
    found = anniversaries(events, 12, 31, 2026, window=3)
    assert [(a.event.id, a.on) for a in found] == [
        ("old-year", date(2026, 12, 30)),
        ("new-year", date(2027, 1, 2)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct 4", (10, 4)),
        ("4 October", (10, 4)),
        ("04-12", (4, 12)),
        ("2024-02-29", (2, 29)),
        ("02-29", (2, 29)),
    ],
)
def test_parse_day(text: str, expected: tuple[int, int]) -> None:
    assert parse_day(text) == expected


def test_on_and_today_commands(cli: Cli) -> None:
    result = cli("on", *BASE, "Oct 4", "--json")
    [record] = result.json()
    assert (record["id"], record["years_ago"]) == ("sputnik-1", 69)
    today = cli("today", *BASE, today=date(2031, 4, 12))
    assert "Yuri Gagarin orbits the Earth" in today.out and "70 years ago" in today.out
    bad = cli("on", *BASE, "Smarch 40")
    assert bad.code == 2 and bad.err.startswith("spacetime: error: 'Smarch 40' is not a day")


def test_stats_totals_equal_the_listed_events(cli: Cli) -> None:
    for args in ((), ("-c", "china"), ("--since", "1960", "--until", "2000")):
        listed = len(cli("list", *BASE, *args, "--json").json())
        doc = cli("stats", *BASE, *args, "--json").json()
        assert doc["total"] == listed
        assert sum(doc["by_decade"].values()) == listed
        assert sum(doc["by_category"].values()) == listed
        assert sum(doc["by_status"].values()) == listed
    doc = cli("stats", *BASE, "--json").json()
    assert doc["by_decade"]["1980s"] == 0
    assert doc["by_country"] == {"CN": 4, "US": 4, "RU": 3, "SU": 2}


def test_stats_csv_is_long_form(cli: Cli) -> None:
    lines = cli("stats", *BASE, "--format", "csv").out.splitlines()
    assert lines[0] == "dimension,key,events"
    assert "country,CN,4" in lines and "category,satellite,5" in lines


def test_json_is_written_a_batch_at_a_time() -> None:
    import io
    import json

    from spacetime.output.formats import OutputFormat, write
    from spacetime.output.listing import Column, Listing, Mapped

    made: list[int] = []

    def record(n: int) -> dict[str, int]:
        made.append(n)
        return {"n": n}

    sizes: list[int] = []

    class Writes(io.StringIO):
        def write(self, text: str) -> int:
            sizes.append(len(text))
            return super().write(text)

    listing = Listing(["n"], Mapped(record, range(2500)), [Column("N")], [])
    assert made == []  # nothing is made before it is written
    out = Writes()
    write(listing, OutputFormat.JSON, out)
    assert json.loads(out.getvalue()) == [{"n": n} for n in range(2500)]
    assert made == list(range(2500))
    assert len(sizes) >= 3 and max(sizes) < len(out.getvalue()) / 2
