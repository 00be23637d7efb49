"""`--as-of DATE` for launches: a launch counts when its UTC day is on or before the day, in every
answer (listed, counted, `--by`, `stats --launches`, `chart --launches`, compare's cadence, `show`).

The expected figures are computed here from GCAT's own launch log (../shared/data/gcat/launchlog.tsv,
Jonathan McDowell, https://planet4589.org, CC BY 4.0) when it is beside the checkout, else from the
lines of the shipped launch file read as plain text; never through spacetime's launch reader.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import Run
from gcat_log import LAUNCHLOG, read_launchlog

Cli = Callable[..., Run]
ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data" / "launches.tsv"


class Row(NamedTuple):
    tag: str
    day: str  # YYYY-MM-DD, UTC
    state: str  # GCAT's LVState
    success: bool


def _from_launchlog() -> list[Row]:
    return [
        Row(x.tag, x.day.isoformat(), x.state, x.success)
        for x in read_launchlog().values()
        if x.kind != "X"
    ]


def _from_shipped(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if cells[0] == "L" and cells[4][:1] != "X":
            rows.append(Row(cells[2], cells[3][:10], cells[7], cells[4][1:2] == "S"))
    return rows


@pytest.fixture(scope="module")
def log() -> list[Row]:
    return _from_launchlog() if LAUNCHLOG.is_file() else _from_shipped(SHIPPED)


def _of(log: list[Row], states: set[str], first: str, last: str) -> list[Row]:
    return [r for r in log if (not states or r.state in states) and first <= r.day <= last]


def test_listed_and_counted_launches_stop_at_the_day(cli: Cli, log: list[Row]) -> None:
    counted = cli("launches", "-c", "china", "--as-of", "2021-03-09", "--since", "2021", "--count")
    assert counted.code == 0
    assert int(counted.out) == len(_of(log, {"CN"}, "2021-01-01", "2021-03-09")) == 5
    listed = cli("launches", "--as-of", "1960-06-30", "--format", "json").json()
    assert {x["tag"] for x in listed} == {r.tag for r in _of(log, set(), "", "1960-06-30")}
    # the day itself counts: Sputnik 1 is known on 4 October 1957, not on the 3rd
    assert [x["tag"] for x in cli("launches", "--as-of", "1957-10-04", "-f", "json").json()] == [
        "1957 ALP"
    ]
    assert cli("launches", "--as-of", "1957-10-03", "-f", "json").json() == []


def test_counts_by_year_stop_at_the_day(cli: Cli, log: list[Row]) -> None:
    doc = cli("launches", "--by", "year", "-c", "usa", "--as-of", "1965-03", "-f", "json").json()
    mine = _of(log, {"US"}, "", "1965-03-31")
    expected = Counter(int(r.day[:4]) for r in mine)
    assert {row["year"]: row["launches"] for row in doc} == dict(expected)
    assert doc[-1]["year"] == 1965
    assert doc[-1]["successes"] == sum(r.success for r in mine if r.day >= "1965")


def test_stats_and_chart_count_only_what_had_flown(cli: Cli, log: list[Row]) -> None:
    stats = cli("stats", "--launches", "--as-of", "1959", "-f", "json").json()
    assert stats["total"] == len(_of(log, set(), "", "1959-12-31"))
    chart = cli("chart", "--launches", "-c", "china", "--as-of", "1975-06-30", "--width", "80")
    assert chart.code == 0
    china = _of(log, {"CN"}, "", "1975-06-30")
    years = sorted({r.day[:4] for r in china})
    assert f"{years[0]}–{years[-1]} ({len(china)} launches)" in chart.out


def test_compare_cadence_as_of_2010(cli: Cli, log: list[Row]) -> None:
    doc = cli("compare", "china", "usa", "--as-of", "2010-01-01", "--json").json()
    cadence = doc["launches"]
    for code in ("CN", "US"):
        per_year = Counter(int(r.day[:4]) for r in _of(log, {code}, "", "2010-01-01"))
        year, most = max(per_year.items(), key=lambda kv: (kv[1], -kv[0]))
        assert cadence["busiest_year"][code] == {"year": year, "launches": most}
        assert year < 2010
    last = max(r.day for r in _of(log, {"CN", "US"}, "", "2010-01-01"))
    assert cadence["periods"][-1] == f"{last[:3]}0s"
    us = Counter(int(r.day[:4]) for r in _of(log, {"US"}, "", "2010-01-01"))
    cn = Counter(int(r.day[:4]) for r in _of(log, {"CN"}, "", "2010-01-01"))
    assert next((y for y in sorted(cn) if us[y] and cn[y] > us[y]), None) is None
    assert ("CN", "US") not in {(o["nation"], o["other"]) for o in cadence["overtakes"]}
    now = cli("compare", "china", "usa", "--json").json()["launches"]
    assert ("CN", "US") in {(o["nation"], o["other"]) for o in now["overtakes"]}


def test_show_of_a_later_launch_says_it_was_not_known(cli: Cli) -> None:
    later = cli("show", "2021-001", "--as-of", "2020")
    assert later.code == 2
    assert "launch 2021-001 (2021-01-08) is not known as of 2020-12-31" in later.err
    sputnik = cli("show", "1957-ALP", "--as-of", "1957-10-04", "--json").json()
    assert sputnik["tag"] == "1957 ALP"
    assert cli("show", "1957-ALP", "--as-of", "1957-10-03").code == 2


def test_sqlite_export_holds_only_the_launches_known(
    cli: Cli, log: list[Row], tmp_path: Path
) -> None:
    import sqlite3

    database = tmp_path / "asof.db"
    assert cli("export", "sqlite", "-o", str(database), "--as-of", "1958").code == 0
    with sqlite3.connect(database) as connection:
        tags = {row[0] for row in connection.execute("select tag from launches")}
    assert tags == {r.tag for r in _of(log, set(), "", "1958-12-31")}
