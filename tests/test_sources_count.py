"""`spacetime sources` counts every line of the launch log and says how many of them lift off from
another world, as `launches --count` leaves those out."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import Run

Cli = Callable[..., Run]
LOG = Path(__file__).resolve().parent.parent / "data" / "launches.tsv"


def _kinds() -> list[str]:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[4][0] for line in lines if line.startswith("L\t")]


def test_sources_gives_the_launches_off_earth(cli: Cli) -> None:
    kinds = _kinds()
    off = kinds.count("X")
    assert off == 11  # the ascents from the Moon
    record = json.loads(cli("sources", "--json").out)[0]
    assert (record["source"], record["launches"], record["off_earth"]) == ("gcat", len(kinds), off)
    timeline = json.loads(cli("sources", "--json").out)[1]
    assert (timeline["source"], timeline["off_earth"]) == ("timeline", None)
    from_earth = cli("launches", "--count")
    assert from_earth.out.strip() == str(len(kinds) - off)
    table = cli("sources").out
    assert f"{len(kinds):,} launches ({off} off Earth)" in table
