"""`--as-of DATE`: the world as it stood on a past day, for every command that reads the timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from conftest import FIXTURES, Run
from spacetime.engine.asof import as_of
from spacetime.load.loader import load_timeline

Cli = Callable[..., Run]
TABLES = FIXTURES / "tables.yaml"
DATA = ("--no-bundled", "--data", str(TABLES))


def test_compare_in_the_world_of_march_2021(cli: Cli) -> None:
    """The seed article's world: Tianwen-1 in Mars orbit, Zhurong not yet landed."""
    doc = cli("compare", *DATA, "china", "russia", "usa", "--as-of", "2021-03-09", "--json").json()
    cells = {m["milestone"]: m["cells"]["CN"] for m in doc["matrix"]}
    assert cells["first-mars-orbit"]["event"] == "tianwen-1-mars-orbit"
    assert cells["first-mars-orbit"]["status"] == "achieved"
    assert cells["first-mars-landing"]["status"] == "none"
    summary = {s["nation"]: s for s in doc["summary"]}
    now = cli("compare", *DATA, "china", "russia", "usa", "--json").json()
    assert (
        summary["CN"]["achieved"] == {s["nation"]: s for s in now["summary"]}["CN"]["achieved"] - 1
    )


def test_firsts_and_list_leave_out_what_came_later(cli: Cli) -> None:
    firsts = cli("firsts", *DATA, "--as-of", "1961-04-30", "--json").json()
    assert [f["milestone"] for f in firsts] == [
        "first-satellite",
        "first-orbital-launch",
        "first-human-in-space",
        "first-human-in-orbit",
        "first-crewed-own-vehicle",
    ]
    listed = cli("list", *DATA, "--as-of", "1961", "--json").json()  # a year: its last day
    assert [e["id"] for e in listed][-2:] == ["vostok-1-gagarin", "freedom-7-shepard"]
    assert max(e["first_day"] for e in listed) <= "1961-12-31"


def test_years_ago_are_counted_from_the_day(cli: Cli) -> None:
    found = cli("on", *DATA, "Apr 12", "--as-of", "1971-06-01", "--json").json()
    assert [(e["id"], e["years_ago"]) for e in found] == [("vostok-1-gagarin", 10)]
    shown = cli("show", *DATA, "vostok-1-gagarin", "--as-of", "1966-01-01").out
    assert "(4 years ago)" in shown
    later = cli("show", *DATA, "tianwen-1-mars-orbit", "--as-of", "2021-01-01")
    assert later.code == 2
    assert later.err == (
        "spacetime: error: 'tianwen-1-mars-orbit' (10 Feb 2021) is not known as of 2021-01-01\n"
    )


def test_plans_count_only_once_confirmed() -> None:
    timeline = load_timeline([TABLES])
    plan = timeline.event("ros-first-module-planned")
    assert plan.confirmed is not None and plan.confirmed.text == "2026-03-10"
    ids = {e.id for e in as_of(timeline, date(2026, 3, 10)).events}
    assert "ros-first-module-planned" in ids
    ids = {e.id for e in as_of(timeline, date(2026, 3, 9)).events}
    assert "ros-first-module-planned" not in ids
    # "confirmed: 2026-03" counts from the month's last day
    assert "chinese-crewed-lunar-landing-planned" not in {
        e.id for e in as_of(timeline, date(2026, 3, 30)).events
    }
    assert "chinese-crewed-lunar-landing-planned" in {
        e.id for e in as_of(timeline, date(2026, 3, 31)).events
    }


def test_every_reading_command_takes_as_of(cli: Cli) -> None:
    for command in ("list", "stats", "countries", "milestones", "categories", "firsts"):
        result = cli(command, *DATA, "--as-of", "1958-01-01", "--json")
        assert result.code == 0, command
    stats = cli("stats", *DATA, "--as-of", "1958-01-01", "--json").json()
    assert stats["total"] == 2  # Sputnik 1 and Vanguard TV3
    result = cli("list", *DATA, "--as-of", "9.3.2021")
    assert result.code == 2 and "--as-of: '9.3.2021' could be day.month" in result.err
    # commands that edit files do not offer it
    assert cli("fmt", "--as-of", "2020", "x.yaml").code == 2
