"""`show WORDS` naming one mission shows the mission: its launch from the log, then its events
in date order with dates and sources; several missions are listed (exit 2); numbers and roman
numerals are whole words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import Run
from spacetime.engine.find import find_events
from spacetime.engine.missions import named_mission
from spacetime.load.loader import load_timeline
from spacetime.load.sources import bundled_path, vocabulary_path

Cli = Callable[..., Run]
GCAT_CREDIT = "Launch data: GCAT, Jonathan McDowell, https://planet4589.org (CC BY 4.0)"


def test_show_apollo_11_is_the_mission(cli: Cli) -> None:
    result = cli("show", "apollo 11", "--format", "json")
    assert result.code == 0, result.err
    rows = result.json()
    assert [(r["part"], r["id"], r["date"]) for r in rows] == [
        ("launch", "1969-059", "1969-07-16T13:32:00Z"),
        ("event", "apollo-11-launch", "1969-07-16T13:32Z"),
        ("event", "apollo-11-lunar-landing", "1969-07-20T20:17Z"),
        ("event", "apollo-11-first-moonwalk", "1969-07-21T02:56Z"),
        ("event", "apollo-11-splashdown-lunar-samples", "1969-07-24T16:50Z"),
    ]
    assert {r["mission"] for r in rows} == {"Apollo 11"}
    assert rows[0]["title"] == (
        "Launch: Saturn V from Kennedy Space Center (Apollo 11 CSM, Apollo 11 LM +2)"
    )
    assert rows[0]["sources"] == [GCAT_CREDIT]
    assert all(r["sources"] for r in rows[1:])


def test_the_mission_in_a_terminal(cli: Cli) -> None:
    result = cli("show", "apollo-11")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Mission Apollo 11: its launch and 4 events"
    assert "apollo-11-first-moonwalk" in result.out and "1969-059" in result.out
    # GCAT's credit and the log's freshness under the table, as under every launch answer
    assert lines[-2:] == [GCAT_CREDIT, "GCAT launch log to 8 Dec 2024 (bundled)"]


@pytest.mark.parametrize(
    ("words", "mission", "first_event"),
    [
        ("chang'e 4", "Chang'e 4", "chang-e-4-launch"),
        ("zhurong", "Tianwen-1", "tianwen-1-launch"),
    ],
)
def test_the_readme_examples_show_a_mission(
    cli: Cli, words: str, mission: str, first_event: str
) -> None:
    result = cli("show", words, "--format", "json")
    assert result.code == 0, result.err
    rows = result.json()
    assert rows[0]["part"] == "launch"
    assert rows[1]["id"] == first_event
    assert {r["mission"] for r in rows} == {mission}


def test_several_missions_are_listed(cli: Cli) -> None:
    result = cli("show", "apollo")
    assert result.code == 2
    found = find_events(load_timeline([vocabulary_path(), bundled_path()]), "apollo")
    assert len(found) > 20
    assert result.err.startswith(f"spacetime: error: 'apollo' matches {len(found)} events")
    listed = [e for e in found if f"  {e.id} " in result.err]
    assert len(listed) == 20 and f"... and {len(found) - 20} more" in result.err
    assert "apollo-8-launch" in result.err


def test_roman_numerals_are_whole() -> None:
    timeline = load_timeline([vocabulary_path(), bundled_path()])
    found = find_events(timeline, "artemis ii")
    assert [e.id for e in found] == ["artemis-ii-crewed-lunar-flyby"]
    assert named_mission(timeline, "artemis ii", found) == "Artemis II"
    assert named_mission(timeline, "artemis iii", []) == "Artemis III"
    assert named_mission(timeline, "apollo", []) is None


def test_artemis_ii_is_not_artemis_iii(cli: Cli) -> None:
    result = cli("show", "artemis ii", "--format", "json")
    assert result.code == 0, result.err
    assert "Artemis III" not in result.out
    assert result.json()["id"] == "artemis-ii-crewed-lunar-flyby"


def test_a_mission_spelt_as_typed_wins_over_a_longer_name(cli: Cli) -> None:
    timeline = load_timeline([vocabulary_path(), bundled_path()])
    assert named_mission(timeline, "chang'e 5", []) == "Chang'e 5"
    assert named_mission(timeline, "Chang’e 5", []) == "Chang'e 5"
    assert named_mission(timeline, "chang'e 5-t1", []) == "Chang'e 5-T1"
    result = cli("show", "chang'e 5", "--format", "json")
    assert result.code == 0, result.err
    rows = result.json()
    assert [r["id"] for r in rows] == [
        "2020-087",
        "chang-e-5-launch",
        "chang-e-5-lunar-landing",
        "chang-e-5-sample-return",
    ]
