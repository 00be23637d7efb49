"""Every launch answer says how fresh it is: the log's span after the credit, a note on stderr when
the range or --as-of reaches past the log's end (stdout stays clean), and a mark on a last period
the log covers only in part. The bundled log ends on 8 Dec 2024."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import Run
from spacetime.output.freshness import partial_mark

Cli = Callable[..., Run]
NOTE = (
    "spacetime: note: the launch log ends 8 Dec 2024; later launches are not counted "
    "(`spacetime update` renews it)\n"
)
CREDIT = "Launch data: GCAT, Jonathan McDowell, https://planet4589.org (CC BY 4.0)"


def test_a_range_past_the_log_says_where_it_ends(cli: Cli) -> None:
    found = cli("launches", "--since", "2025")
    assert (found.code, found.err) == (0, NOTE)
    assert found.out.endswith(
        f"0 launches, 0 failed\n{CREDIT}\nGCAT launch log to 8 Dec 2024 (bundled)\n"
    )
    as_json = cli("launches", "--since", "2025", "--json")
    assert (as_json.json(), as_json.err) == ([], NOTE)


@pytest.mark.parametrize(
    "args",
    [
        ("launches", "-c", "china", "--since", "2024-12", "--count"),
        ("launches", "--until", "2025", "--count"),
        ("compare", "china", "usa", "--as-of", "2026-01-01", "--json"),
        ("stats", "--launches", "-c", "india", "--since", "2024", "--json"),
    ],
)
def test_the_note_comes_whenever_the_answer_reaches_past_the_log(
    cli: Cli, args: tuple[str, ...]
) -> None:
    assert cli(*args).err == NOTE


@pytest.mark.parametrize(
    "args",
    [
        ("launches", "-c", "china", "--count"),
        ("launches", "--since", "2020", "--until", "2024-11", "--count"),
        ("compare", "china", "usa", "--json"),
        ("compare", "china", "usa", "--as-of", "2024-12-08", "--json"),
    ],
)
def test_no_note_within_the_log(cli: Cli, args: tuple[str, ...]) -> None:
    assert cli(*args).err == ""


def test_a_partial_last_year_is_marked(cli: Cli) -> None:
    found = cli("launches", "--by", "year", "-c", "china", "--since", "2023", "--until", "2024")
    lines = found.out.splitlines()
    assert [line.split()[0] for line in lines[2:4]] == ["2023", "2024*"]
    assert lines[-2:] == ["GCAT launch log to 8 Dec 2024 (bundled)", "2024*: to 8 Dec"]
    as_json = cli("launches", "--by", "year", "-c", "china", "--since", "2023", "--json")
    assert [row["year"] for row in as_json.json()] == [2023, 2024]


def test_compare_stats_and_chart_mark_the_partial_period(cli: Cli) -> None:
    compared = cli("compare", "china", "usa")
    assert "\n2020s* " in compared.out
    assert (
        f"{CREDIT}\nGCAT launch log to 8 Dec 2024 (bundled)\n2020s*: to 8 Dec 2024\n"
        in compared.out
    )
    assert "United States  busiest year 2024*: 136 launches" in compared.out
    assert compared.out.endswith("2024*: to 8 Dec\n")
    as_json = cli("compare", "china", "usa", "--json").json()["launches"]
    assert as_json["periods"][-1] == "2020s" and as_json["busiest_year"]["US"]["year"] == 2024
    stats = cli("stats", "--launches", "-c", "china")
    assert "\n2020s* " in stats.out and "2020s*: to 8 Dec 2024" in stats.out
    chart = cli("chart", "--launches", "-c", "china", "--since", "2020")
    assert chart.out.splitlines()[0] == (
        "Orbital launch attempts per year, 2020–2024 (288 launches); 2024*: to 8 Dec"
    )
    earlier = cli(
        "launches", "--by", "year", "-c", "china", "--since", "2009", "--as-of", "2010-06-30"
    )
    assert earlier.out.splitlines()[-1] == "2010*: to 30 Jun"


@pytest.mark.parametrize(
    ("label", "cutoff", "mark"),
    [
        ("2024", date(2024, 12, 8), "2024*: to 8 Dec"),
        ("2020s", date(2024, 12, 8), "2020s*: to 8 Dec 2024"),
        ("2024", date(2024, 12, 31), None),
        ("2020s", date(2029, 12, 31), None),
        ("2023", date(2024, 12, 8), None),
        ("China", date(2024, 12, 8), None),
    ],
)
def test_partial_mark(label: str, cutoff: date, mark: str | None) -> None:
    assert partial_mark(label, cutoff) == mark


def test_a_plan_past_its_date_is_not_shown_as_a_plain_plan(cli: Cli) -> None:
    from conftest import MINI

    later = date(2027, 6, 1)
    args = ("--data", str(MINI), "--no-bundled", "--status", "planned")
    records = cli("list", *args, "--json", today=later).json()
    assert {r["id"]: r["plan_passed"] for r in records} == {"soon": True, "moon-plan": False}
    table = cli("list", *args, today=later).out
    assert "planned: date passed, outcome not recorded" in table
    shown = cli("show", "soon", "--data", str(MINI), "--no-bundled", today=later)
    assert "planned: date passed, outcome not recorded" in shown.out
    assert cli("show", "soon", "--data", str(MINI), "--no-bundled", "--json", today=later).json()[
        "plan_passed"
    ]
    # As of a day before its date has passed, it is a plain plan again.
    as_of = cli("list", *args, "--json", "--as-of", "2026-06-30", today=later).json()
    assert {r["id"]: r["plan_passed"] for r in as_of} == {"soon": False, "moon-plan": False}


def test_compare_and_firsts_say_a_plan_is_past_its_date(cli: Cli) -> None:
    """Chang'e 7 (planned for 2026) is China's south-polar landing in the bundled timeline."""
    later = date(2027, 6, 1)
    compared = cli("compare", "china", "usa", "--no-launches", today=later).out
    assert "Chang'e 7" in compared and "(date passed, outcome not recorded)" in compared
    assert "(date passed, outcome not recorded)" not in cli("compare", "china", "usa").out
    firsts = cli("firsts", "-c", "china", today=later).out
    assert "planned 2026 (date passed, outcome not recorded)" in firsts
