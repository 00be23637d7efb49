"""Your own timeline on its own: the standard vocabulary without the bundled events, answers that
rest on your files marked as such, and a broken personal timeline that says how to leave it out."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run
from spacetime.load.loader import load_timeline
from spacetime.load.sources import personal_path, vocabulary_path

Cli = Callable[..., Run]
EARLY = """\
format: spacetime/1
events:
  - id: my-early-satellite
    date: 1950-05-01
    title: A satellite of my own
    countries: [US]
    milestones: [first-satellite]
    sources: [https://en.wikipedia.org/wiki/Explorer_1]
"""


def test_init_add_and_list_without_the_bundled_events(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    assert cli("init", str(path)).code == 0
    added = cli("add", "--to", str(path), "--country", "usa", "--date", "1969-07-20",
                "--title", "Watched the landing", "--source", "https://en.wikipedia.org/wiki/Apollo_11")  # fmt: skip
    assert (added.code, added.err) == (0, f"added 'watched-the-landing' to {path}\n")
    listed = cli("list", "--no-bundled", "--data", str(path), "--json")
    assert (listed.code, listed.err) == (0, "")
    assert [(e["id"], e["countries"], e["status"]) for e in listed.json()] == [
        ("watched-the-landing", ["US"], "achieved")
    ]
    # the vocabulary is there without the bundled events: names, aliases and lineage
    assert (
        cli("list", "--no-bundled", "--data", str(path), "-c", "united states", "-n", "1").code == 0
    )
    countries = {c["code"]: c for c in cli("countries", "--no-bundled", "--json").json()}
    standard = load_timeline([vocabulary_path()])
    curated = {c for c, e in standard.entities.items() if e.origin.file in standard.files}
    assert set(countries) == curated and countries["RU"]["predecessors"] == ["SU", "RUE"]


@pytest.fixture
def personal() -> Path:
    path = personal_path(Path(os.environ["XDG_DATA_HOME"]) / "spacetime")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(EARLY, encoding="utf-8")
    return path


def test_firsts_mark_a_world_first_from_your_file(cli: Cli, personal: Path) -> None:
    records = {r["milestone"]: r for r in cli("firsts", "--json").json()}
    assert (records["first-satellite"]["event"], records["first-satellite"]["from_file"]) == (
        "my-early-satellite",
        str(personal),
    )
    assert records["first-human-in-space"]["from_file"] is None  # a bundled answer
    text = cli("firsts").out
    assert f"A satellite of my own (from {personal})" in " ".join(text.split())
    untouched = {r["milestone"]: r for r in cli("firsts", "--no-personal", "--json").json()}
    assert untouched["first-satellite"]["event"] == "sputnik-1"


def test_compare_and_show_mark_your_events(cli: Cli, personal: Path) -> None:
    doc = cli("compare", "usa", "ussr", "--json").json()
    row = next(r for r in doc["matrix"] if r["milestone"] == "first-satellite")
    assert row["world_first"]["event"] == "my-early-satellite"
    assert row["world_first"]["from_file"] == str(personal)
    assert row["cells"]["US"]["from_file"] == str(personal)
    assert row["cells"]["SU"]["from_file"] is None
    shown = cli("show", "my-early-satellite", "--json").json()
    assert shown["from_file"] == str(personal)
    assert cli("show", "sputnik-1", "--json").json()["from_file"] is None
    heading = cli("show", "my-early-satellite").out.splitlines()[0]
    assert heading == f"A satellite of my own  [my-early-satellite]  (from {personal})"


def test_a_broken_personal_timeline_says_how_to_leave_it_out(cli: Cli, personal: Path) -> None:
    personal.write_text(EARLY.replace("1950-05-01", "1950-13-01"), encoding="utf-8")
    for command in (("list", "-n", "1"), ("validate",)):
        result = cli(*command)
        assert result.code == 3
        assert result.err.splitlines() == [
            f"{personal}:4: event 'my-early-satellite': date: impossible date '1950-13-01': "
            "there is no month 13",
            f"{personal}: this is your personal timeline: fix it, or leave it out with --no-personal",
        ]
    assert cli("list", "--no-personal", "-n", "1").code == 0
