"""The README's figures are what the tool says: the launches of its first paragraph, and the
events, sources, tagged launches and vocabulary of "The bundled timeline"."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from conftest import Run

Cli = Callable[..., Run]

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
ROOT = Path(__file__).parents[1]


def figure(pattern: str) -> int:
    """The number the README writes where `pattern` (with one `(N)` group) matches."""
    found = re.search(pattern, README)
    assert found is not None, pattern
    return int(found[1].replace(",", ""))


def test_the_launch_count_of_the_first_paragraph(cli: Cli) -> None:
    counted = cli("launches", "--count")  # orbital launch attempts from Earth (GCAT's O and D)
    assert counted.code == 0
    assert figure(r"every orbital launch attempt since Sputnik \(([\d,]+) of them") == int(
        counted.out
    )


def test_the_figures_of_the_bundled_timeline(cli: Cli) -> None:
    events = cli("list", "--no-personal", "--format", "json").json()
    assert figure(r"\n([\d,]+) events from Tsiolkovsky") == len(events)
    assert figure(r"the 2030s, ([\d,]+) sources") == sum(len(e["sources"]) for e in events)
    assert figure(r"\n([\d,]+) events name their GCAT launch") == sum(
        1 for e in events if e.get("launch")
    )
    vocabulary = yaml.safe_load((ROOT / "data" / "vocabulary.yaml").read_text(encoding="utf-8"))
    assert figure(r"vocabulary of ([\d,]+) countries and organizations") == len(
        vocabulary["entities"]
    )
    assert figure(r"and\n([\d,]+) milestones defined") == len(vocabulary["milestones"])


def test_the_coverage_tables_give_what_stats_counts(cli: Cli) -> None:
    """The "Now" column of the README's coverage tables (by decade and by category)."""
    counted = cli("stats", "--no-personal", "--format", "json").json()
    rows = dict(re.findall(r"^\| ([\w–-]+) \| \d+ \| (\d+) \|$", README, flags=re.M))
    decades = counted["by_decade"]
    early = sum(n for decade, n in decades.items() if decade < "1950s")
    assert int(rows.pop("1900s–1940s")) == early
    assert {k: int(v) for k, v in rows.items()} == {
        **{decade: n for decade, n in decades.items() if decade >= "1950s"},
        **counted["by_category"],
    }
