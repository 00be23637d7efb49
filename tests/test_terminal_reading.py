"""What a demanding reader at 80 columns should not see: a name split from its number, ..."""

from __future__ import annotations

import io
from collections.abc import Callable

from conftest import Run
from spacetime.cli.app import main
from spacetime.output.environment import Environment

Cli = Callable[..., Run]


def draw(columns: int, *args: str) -> list[str]:
    terminal = io.StringIO()
    env = Environment(stdout=terminal, terminal=True, width=columns, colour=False)
    assert main(list(args), env) == 0
    return terminal.getvalue().splitlines()


def test_a_payload_keeps_its_number() -> None:
    lines = draw(60, "launches", "-c", "china", "--since", "2024-01-05", "--until", "2024-01-11")
    payloads = [line[28:52].strip() for line in lines[2:8]]
    assert payloads == [
        "Tianmu 1-15,",
        "Tianmu 1-16 +2",
        "Einstein Tanzhen",
        "Tianxing-1 02",
        "Yunyao-1 18,",
        "Yunyao-1 19 +1",
    ]


def test_a_mission_leaves_its_sources_out_rather_than_spill_their_addresses() -> None:
    lines = draw(80, "show", "apollo 11")
    assert [line.split("  ")[0] for line in lines[:2]] == [
        "Mission Apollo 11: its launch and 4 events",
        "Date",
    ]
    assert lines[1].split() == ["Date", "What"]
    assert max(len(line) for line in lines) == 80
    assert "Launch data: GCAT, Jonathan McDowell, https://planet4589.org (CC BY 4.0)" in lines
    # without the Sources column, each row keeps its id and the table says where the sources are
    text = "\n".join(lines)
    for key in ("[1969-059]", "[apollo-11-launch]", "[apollo-11-first-moonwalk]"):
        assert key in text
    assert "Each event in full, with its sources: spacetime show ID" in lines


def test_the_launch_chart_counts_with_thousands(cli: Cli) -> None:
    count = cli("launches", "-c", "china,usa,russia", "--count")
    chart = cli("chart", "--launches", "-c", "china,usa,russia")
    assert chart.code == 0
    title = chart.out.splitlines()[0]
    assert title.startswith(
        f"Orbital launch attempts per year, 1957–2024 ({int(count.out):,} launches)"
    )
    assert int(count.out) > 999


def test_a_short_common_site_name_stays_whole_when_narrow() -> None:
    lines = draw(80, "launches", "-c", "china", "--since", "2024-05-29", "--until", "2024-05-29")
    assert lines[2][60:].split() == ["Yellow", "Sea", "CN", "✓"]
    assert lines[3].strip() == "Xingzuo 26 +2"


def test_a_country_name_stays_whole_on_its_line() -> None:
    lines = draw(80, "list", "-c", "south africa")
    countries = [line[51:65].strip() for line in lines[2:-2]]
    assert "South" not in countries and "Africa" not in countries
    assert countries.count("South Africa") == 4  # three alone, one after "China,"
    assert "China," in countries
