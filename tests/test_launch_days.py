"""`today --launches` and `on DAY --launches`: the launches of a day of the year, in any year,
checked against GCAT's launch log read by the tests' own reader (tests/gcat_log.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import Run
from gcat_log import LAUNCHLOG, read_launchlog

Cli = Callable[..., Run]
needs_log = pytest.mark.skipif(not LAUNCHLOG.is_file(), reason="../shared/data/gcat is not here")


@pytest.fixture(scope="module")
def days() -> dict[str, date]:
    """Launch tag -> UTC day of GCAT's launches from Earth (O and D)."""
    return {tag: x.day for tag, x in read_launchlog().items() if x.kind in "OD"}


@needs_log
def test_on_4_october_lists_sputnik_1_first(cli: Cli, days: dict[str, date]) -> None:
    result = cli("on", "Oct 4", "--launches", "--format", "json")
    assert result.code == 0, result.err
    found = result.json()
    assert found[0]["tag"] == "1957 ALP" and found[0]["payloads"] == ["1-y ISZ"]
    expected = {tag for tag, day in days.items() if (day.month, day.day) == (10, 4)}
    assert len(expected) > 10
    assert {x["tag"] for x in found} == expected
    assert [x["first_day"] for x in found] == sorted(x["first_day"] for x in found)


@needs_log
def test_today_takes_the_fixed_day(cli: Cli, days: dict[str, date]) -> None:
    result = cli("today", "--launches", "-c", "usa", "--format", "json")
    assert result.code == 0, result.err
    tags = {x["tag"] for x in result.json()}
    us = {tag for tag, x in read_launchlog().items() if x.kind in "OD" and x.state == "US"}
    expected = {t for t, d in days.items() if (d.month, d.day) == (11, 24) and t in us}
    assert expected and tags == expected  # SPACETIME_TODAY is 2026-11-24 in the tests


def test_the_week_around_a_day(cli: Cli) -> None:
    found = cli("on", "Oct 4", "--launches", "--week", "--until", "1965", "--format", "json")
    listed = found.json()
    assert len(listed) > 5
    assert {x["first_day"][5:] for x in listed} <= {f"10-0{d}" for d in range(1, 8)}
    assert "1957 ALP" in {x["tag"] for x in listed}


def test_launch_days_in_a_terminal_and_refusals(cli: Cli) -> None:
    table = cli("on", "4 October", "--launches", "--until", "1957")
    assert table.code == 0
    assert table.out.splitlines()[0] == "Launches on 4 Oct, in any year"
    assert "Sputnik 8K71PS" in table.out
    # the site as people name it, and the launch log's freshness under its credit
    sputnik = next(line for line in table.out.splitlines() if "Sputnik 8K71PS" in line)
    assert "Baikonur" in sputnik and "NIIP-5" not in sputnik
    assert table.out.endswith("(CC BY 4.0)\nGCAT launch log to 8 Dec 2024 (bundled)\n")
    detail = cli("show", "1957-alp")
    assert detail.code == 0
    assert "Baikonur: NIIP-5, Baykonur, Kazakstan (SSSR), pad LC1" in detail.out
    assert "(CC BY 4.0)\n              GCAT launch log to 8 Dec 2024 (bundled)\n" in detail.out
    by_site = cli("launches", "--by", "site", "--until", "1960").out
    assert "Baikonur (NIIP-5)" in by_site and "\nNIIP-5" not in by_site
    refused = cli("on", "Oct 4", "--launches", "--category", "moon")
    assert (refused.code, refused.err) == (
        2,
        "spacetime: error: with --launches, only --country, --no-lineage, --since and --until "
        "apply\n",
    )
    ids = cli("today", "--launches", "--ids")
    assert ids.code == 2 and "--ids adds event ids" in ids.err


def test_a_narrow_table_keeps_a_word_of_the_site_name() -> None:
    """In 80 columns "Kennedy Space Center" gives way to "Kennedy" (not three lines, nor GCAT's
    "NASA"), "Cape Canaveral" to "Canaveral" (not "Cape")."""
    import io

    from spacetime.cli.app import main
    from spacetime.output.environment import Environment

    out = io.StringIO()
    env = Environment(stdout=out, stderr=io.StringIO(), terminal=True, width=80)
    assert main(["launches", "--since", "2024-11-05", "--until", "2024-11-07"], env) == 0
    sites = {line.split()[-3] for line in out.getvalue().splitlines() if " US " in line}
    assert sites == {"Kennedy", "Canaveral"}
