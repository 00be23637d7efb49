"""Finding an event (`show` by id prefix or title words, `--ids`, hints for unknown names) and
dates people type (ambiguous numeric forms refused, a year given to `on` noted)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import FIXTURES, Run

Cli = Callable[..., Run]
DATA = ("--no-bundled", "--data", str(FIXTURES / "tables.yaml"))


def test_show_finds_one_event_by_id_prefix_or_title_words(cli: Cli) -> None:
    for text in ("vostok-1", "gagarin", "YURI GAGARIN", "vostok-1-gagarin"):
        result = cli("show", *DATA, text, "--json")
        assert result.code == 0, text
        assert result.json()["id"] == "vostok-1-gagarin"
    # a typographic apostrophe counts as a plain one; a number is whole
    assert cli("show", *DATA, "alan shepard’s", "--json").json()["id"] == "freedom-7-shepard"
    assert cli("show", *DATA, "mars 3", "--json").json()["id"] == "mars-3-first-mars-landing"


def test_show_lists_the_candidates_when_several_match(cli: Cli) -> None:
    result = cli("show", *DATA, "iss")
    assert result.code == 2 and result.out == ""
    lines = result.err.splitlines()
    assert lines[0] == "spacetime: error: 'iss' matches 4 events; show one by its id:"
    assert [line.split()[0] for line in lines[1:]] == [
        "iss-continuous-occupation-begins",
        "columbus-laboratory-attached",
        "kibo-logistics-module-attached",
        "iss-20-years-continuous-occupation",
    ]
    assert lines[2] == "  columbus-laboratory-attached        11 Feb 2008           " + (
        "Europe's Columbus laboratory is attached to the ISS"
    )  # in columns: ids, dates (the widest is "2 Nov 2000 – ongoing") and titles


def test_show_suggests_the_nearest_when_none_matches(cli: Cli) -> None:
    result = cli("show", *DATA, "vostk 1")
    assert result.code == 2
    assert result.err.startswith("spacetime: error: no event matches 'vostk 1'; did you mean ")
    assert "'vostok-1-gagarin'" in result.err


def test_ids_puts_the_id_in_the_table(cli: Cli) -> None:
    out = cli("list", *DATA, "--ids", "-c", "india", "--format", "markdown").out
    lines = out.splitlines()
    assert lines[0].startswith("| Id | Date | Event |")
    assert lines[2].startswith("| aryabhata-first-indian-satellite | 19 Apr 1975 07:30 UTC |")
    on = cli("on", *DATA, "Apr 12", "--ids", "--format", "markdown").out
    assert "| vostok-1-gagarin | 12 Apr 1961 06:07 UTC |" in on


def test_an_agency_given_as_a_country_suggests_agency(cli: Cli) -> None:
    result = cli("list", "-c", "nasa")
    assert result.code == 2
    assert result.err == (
        "spacetime: error: 'nasa' is an agency, not a country or organization: use --agency NASA\n"
    )


def test_unknown_category_or_status_lists_the_valid_ones(cli: Cli) -> None:
    result = cli("list", *DATA, "--status", "done")
    assert result.code == 2
    assert result.err.endswith("(one of: achieved, failed, partial, planned, cancelled)\n")
    result = cli("list", *DATA, "--category", "planets")
    assert result.code == 2 and "(one of: " in result.err and "human-spaceflight" in result.err


def test_categories_lists_codes_with_counts(cli: Cli) -> None:
    records = cli("categories", *DATA, "--json").json()
    counts = {r["code"]: r["events"] for r in records}
    assert counts["satellite"] == 17 and counts["mars"] == 11 and counts["moon"] == 1
    assert set(records[0]) == {"code", "name", "definition", "events"}


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("on", "9.3"), "day"),
        (("on", "3.9"), "day"),
        (("on", "3/9"), "day"),
        (("list", "--since", "9.3.2021"), "--since"),
        (("list", "--until", "09-03-2021"), "--until"),
    ],
)
def test_day_month_ambiguous_dates_are_refused(
    cli: Cli, args: tuple[str, ...], option: str
) -> None:
    result = cli(*args)
    assert result.code == 2 and result.out == ""
    assert result.err.startswith(f"spacetime: error: {option}: '{args[-1]}' could be day.month")
    assert "YYYY-MM-DD" in result.err


def test_on_says_a_year_is_ignored_and_takes_the_list_filters(cli: Cli) -> None:
    result = cli("on", *DATA, "12 April 1961", "--json")
    assert result.code == 0
    assert result.err.startswith("spacetime: note: the year 1961 is ignored")
    assert [r["id"] for r in result.json()] == ["vostok-1-gagarin"]
    assert cli("on", *DATA, "Apr 12", "-c", "usa", "--json").json() == []
    week = cli("on", *DATA, "Oct 4", "--week", "--category", "satellite", "--json").json()
    assert [r["id"] for r in week] == ["sputnik-1"]
    today = cli("today", *DATA, "--week", "-c", "china", "--json")  # 24 Nov in conftest
    assert today.code == 0 and today.json() == []
