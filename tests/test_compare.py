"""`compare` and `firsts` on the small timeline: matrix, lags, lineage, summary, activity, JSON."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from conftest import MINI, Run
from spacetime.core.timeline import Timeline
from spacetime.engine.compare import compare, lag_parts

Cli = Callable[..., Run]
BASE = ("--no-bundled", "--data", str(MINI))


def test_matrix_world_first_and_lag(mini: Timeline) -> None:
    result = compare(mini, ["ussr", "usa", "china"])
    su, us, cn = (result.cells["first-satellite", n] for n in ("SU", "US", "CN"))
    assert su.world_first and su.first_among and su.lag_days == 0
    assert us.event is not None and us.event.id == "explorer-1" and us.lag == (0, 3)
    assert cn.lag == (12, 6) and cn.lag_days == 4585
    assert not cn.first_among


def test_lineage_gives_russia_the_soviet_firsts_marked(mini: Timeline) -> None:
    cell = compare(mini, ["russia", "usa"]).cells["first-satellite", "RU"]
    assert cell.event is not None and cell.event.id == "sputnik-1" and cell.by == "SU"
    off = compare(mini, ["russia", "usa"], lineage=False).cells["first-satellite", "RU"]
    assert off.event is None


def test_summary_and_activity(mini: Timeline) -> None:
    result = compare(mini, ["su", "cn"])
    su, cn = result.summaries
    assert (su.achieved, su.world_firsts, su.median_lag_days) == (2, 2, 0)
    assert (cn.achieved, cn.world_firsts, cn.median_lag_days) == (1, 0, 4585)
    assert cn.by_decade == {"1970s": (1, 4585)}
    labels = [p.label for p in result.periods]
    assert labels[0] == "1950s" and labels[-1] == "2030s"
    assert sum(result.activity["CN"].values()) == 4


def test_lag_parts() -> None:
    from datetime import date

    assert lag_parts(date(1970, 4, 24), date(1957, 10, 4)) == (12, 6)


def test_lag_parts_count_as_relativedelta_does() -> None:
    """Month ends, leap days and both directions, against python-dateutil's relativedelta."""
    from datetime import date, timedelta

    from dateutil.relativedelta import relativedelta

    days = [date(2000, 1, 1) + timedelta(days=n) for n in range(0, 1200, 7)]
    days += [date(2000, 1, 31), date(2000, 2, 29), date(2001, 2, 28), date(2000, 3, 31)]
    days += [date(1957, 10, 4), date(2004, 2, 29), date(1969, 7, 20), date(2019, 1, 3)]
    for later in days:
        for earlier in days:
            delta = relativedelta(later, earlier)
            assert lag_parts(later, earlier) == (delta.years, delta.months), (later, earlier)


def test_compare_json_schema(cli: Cli) -> None:
    doc = cli("compare", *BASE, "china", "russia", "usa", "--json").json()
    assert [n["code"] for n in doc["nations"]] == ["CN", "RU", "US"]
    assert doc["nations"][1]["includes"] == ["RU", "SU", "RUE"]
    row = next(r for r in doc["matrix"] if r["milestone"] == "first-satellite")
    assert row["world_first"] == {
        "event": "sputnik-1",
        "date": "1957-10-04T19:28:34Z",
        "date_display": "4 Oct 1957 19:28:34 UTC",
        "first_day": "1957-10-04",
        "countries": ["SU"],
        "from_file": None,  # marked only beside the bundled timeline
    }
    china = row["cells"]["CN"]
    assert (china["event"], china["lag_days"], china["lag_years"], china["lag_months"]) == (
        "china-first-satellite",
        4585,
        12,
        6,
    )
    assert row["cells"]["RU"]["by"] == "SU" and row["cells"]["RU"]["is_world_first"] is True
    summary = {s["nation"]: s for s in doc["summary"]}
    assert summary["CN"]["median_lag_days"] == 4585.0
    assert isinstance(summary["CN"]["median_lag_days"], float)
    assert summary["CN"]["by_decade"] == {"1970s": {"milestones": 1, "median_lag_days": 4585.0}}
    assert doc["activity"]["counts"]["CN"]["1970s"] == 1


def test_compare_csv_is_the_matrix_in_long_form(cli: Cli) -> None:
    out = cli("compare", *BASE, "china", "usa", "--format", "csv").out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 52  # the 26 standard milestones x 2 nations
    assert rows[0]["milestone"] == "first-satellite" and rows[0]["nation"] == "CN"
    assert rows[0]["lag_days"] == "4585"


def test_compare_table_marks(cli: Cli) -> None:
    out = cli("compare", *BASE, "ussr", "china").out
    assert "★ world first" in out
    assert "+12 y 6 m" in out


def test_compare_errors(cli: Cli) -> None:
    unknown = cli("compare", *BASE, "china", "atlantis")
    assert unknown.code == 2
    assert unknown.err.startswith("spacetime: error: unknown country or organization 'atlantis'")
    one = cli("compare", *BASE, "china")
    assert (one.code, one.err) == (
        2,
        "spacetime: error: compare takes 2 to 8 different nations, not 1\n",
    )


def test_filters_scope_the_comparison(cli: Cli) -> None:
    doc = cli(
        "compare", *BASE, "ussr", "usa", "--milestone", "first-human-in-space", "--json"
    ).json()
    assert [r["milestone"] for r in doc["matrix"]] == ["first-human-in-space"]


def test_firsts_world_and_nation(cli: Cli) -> None:
    world = cli("firsts", *BASE, "--json").json()
    assert [(r["milestone"], r["event"]) for r in world] == [
        ("first-satellite", "sputnik-1"),
        ("first-human-in-space", "gagarin"),
    ]
    china = cli("firsts", *BASE, "-c", "china", "--json").json()
    sat = china[0]
    assert (sat["event"], sat["world_first_event"], sat["lag_days"]) == (
        "china-first-satellite",
        "sputnik-1",
        4585,
    )
    assert china[1]["status"] == "none"


def test_bundled_data_answers_the_seed_questions(cli: Cli) -> None:
    doc = cli("compare", "china", "russia", "usa", "--json").json()
    rows = {r["milestone"]: r for r in doc["matrix"]}
    satellite = rows["first-satellite"]
    assert satellite["world_first"]["countries"] == ["SU"]
    assert satellite["world_first"]["first_day"] == "1957-10-04"
    china = satellite["cells"]["CN"]
    assert (china["first_day"], china["lag_years"], china["lag_months"]) == ("1970-04-24", 12, 6)
    russia = satellite["cells"]["RU"]
    assert (russia["by"], russia["is_world_first"]) == ("SU", True)
    # China is the third nation to bring lunar samples home.
    firsts = cli(
        "list", "--milestone", "first-lunar-sample-return", "--status", "achieved", "--json"
    ).json()
    assert [e["countries"] for e in firsts] == [["US"], ["SU"], ["CN"]]
    assert firsts[2]["id"] == "chang-e-5-sample-return"


def test_bundled_lineage_on_and_off(cli: Cli) -> None:
    on = cli("compare", "russia", "usa", "--json").json()
    off = cli("compare", "russia", "usa", "--no-lineage", "--json").json()
    cell_on = next(r for r in on["matrix"] if r["milestone"] == "first-human-in-space")["cells"][
        "RU"
    ]
    cell_off = next(r for r in off["matrix"] if r["milestone"] == "first-human-in-space")["cells"][
        "RU"
    ]
    assert (cell_on["event"], cell_on["by"]) == ("vostok-1-gagarin", "SU")
    assert cell_off["status"] == "none"
    assert on["nations"][0]["includes"] == ["RU", "SU", "RUE"] and off["nations"][0][
        "includes"
    ] == ["RU"]


def test_bundled_ilrs_memorandum_belongs_to_both(cli: Cli) -> None:
    for nation in ("china", "russia"):
        found = cli(
            "list", "-c", nation, "--since", "2021-03-09", "--until", "2021-03-09", "--json"
        ).json()
        # For Russia, the ISS's continuous occupation (ongoing since 2000) overlaps that day too.
        expected = ["ilrs-china-russia-mou"]
        if nation == "russia":
            expected.insert(0, "iss-continuous-occupation-begins")
        assert [e["id"] for e in found] == expected
        assert found[-1]["countries"] == ["CN", "RU"] and found[-1]["date"] == "2021-03-09"


def test_bundled_unknown_nation_suggests(cli: Cli) -> None:
    result = cli("compare", "china", "rusia")
    assert result.code == 2
    assert (
        result.err
        == "spacetime: error: unknown country or organization 'rusia'; did you mean 'russia', 'usa' or 'rus'?\n"
    )
