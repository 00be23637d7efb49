"""A new event filter is one definition in `spacetime.engine.filters`: the query, every listing
command's flag, the Python API's keyword and the cache's rows all follow it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import get_args

import pytest

from conftest import FIXTURES, Run
from spacetime.api import Atlas
from spacetime.core.timeline import Timeline
from spacetime.engine import filters
from spacetime.engine.filters import Filter
from spacetime.engine.query import Query, run
from spacetime.load.loader import load_timeline

TABLES = FIXTURES / "tables.yaml"
DATA = ("--no-bundled", "--no-personal", "--data", str(TABLES))

VEHICLE = Filter(
    "vehicle",
    "Launch vehicle, as the event names it (any case).",
    "NAME",
    lambda e: (e.vehicle or "").casefold(),
    lambda t, names: {n.casefold() for n in names},
    lambda wanted, held: held in wanted,
    short="-V",
    complete="countries",
)
PROTON = ["salyut-1-launch", "mars-2-orbit-and-lander-crash", "mars-3-first-mars-landing"]


@pytest.fixture
def vehicle_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table with a `vehicle` filter added, the commands declared again (as in a new run)."""
    monkeypatch.setattr(filters, "FILTERS", (*filters.FILTERS, VEHICLE))
    package = sys.modules["spacetime.cli.commands"]
    for name in [m for m in sys.modules if m.startswith("spacetime.cli.commands.")]:
        # put back afterwards both the module and the package's attribute the new import rebinds
        monkeypatch.setattr(package, name.rpartition(".")[2], sys.modules[name])
        monkeypatch.delitem(sys.modules, name)


@pytest.mark.usefixtures("vehicle_filter")
def test_the_query_takes_a_new_filter() -> None:
    timeline = load_timeline([TABLES])
    found = run(timeline, Query(filters={"vehicle": ["PROTON-K"]}))
    assert [m.event.id for m in found] == PROTON
    both = run(timeline, Query(filters={"vehicle": "juno i,vostok-k", "search": "first"}))
    assert [m.event.id for m in both] == ["explorer-1", "vostok-1-gagarin"]


@pytest.mark.usefixtures("vehicle_filter")
def test_every_listing_command_has_its_flag(cli: Callable[..., Run]) -> None:
    listed = cli("list", *DATA, "--vehicle", "proton-k", "--json")
    assert listed.code == 0, listed.err
    assert [e["id"] for e in listed.json()] == PROTON
    short = cli("list", *DATA, "-V", "Juno I", "-V", "vostok-k", "--fields", "id", "--json")
    assert short.json() == [{"id": "explorer-1"}, {"id": "vostok-1-gagarin"}]
    counted = cli("stats", *DATA, "--vehicle", "proton-k", "--json")
    assert counted.code == 0, counted.err
    assert counted.json()["total"] == len(PROTON)
    helped = cli("list", "--help")
    assert "--vehicle" in helped.out and "Launch vehicle, as the event names it" in helped.out
    wrong = cli("stats", *DATA, "--vehicle", "proton-k", "--launches")
    assert wrong.code == 2
    assert "only --country, --no-lineage, --since and --until apply" in wrong.err


@pytest.mark.usefixtures("vehicle_filter")
def test_the_api_takes_it_as_a_keyword() -> None:
    atlas = Atlas.load(TABLES, bundled=False)
    assert [m.event.id for m in atlas.events(vehicle="Proton-K").value] == PROTON
    assert atlas.events(vehicle=["proton-k"], limit=1).records()[0]["id"] == PROTON[0]


def test_an_unknown_filter_is_a_type_error(mini: Timeline) -> None:
    with pytest.raises(TypeError, match="no event filter is called 'vehicle'"):
        run(mini, Query(filters={"vehicle": ["sputnik"]}))
    with pytest.raises(TypeError, match="no event filter is called 'vehicle'"):
        Atlas.load(FIXTURES / "mini.yaml", bundled=False).events(vehicle="sputnik")


def test_a_filter_reads_names_or_words() -> None:
    tag = next(f for f in filters.FILTERS if f.name == "tag")
    assert tag.read(None) == []
    assert tag.read("a, b,,c") == ["a", "b", "c"]
    assert tag.read(["a,b", " c "]) == ["a", "b", "c"]
    search = next(f for f in filters.FILTERS if f.name == "search")
    assert search.read("first, satellite") == "first, satellite"
    assert search.read("") is None


@pytest.mark.usefixtures("vehicle_filter")
def test_its_option_has_the_metavar_and_completion() -> None:
    from spacetime.cli import complete
    from spacetime.cli.options import event_filter_options

    name, annotated = event_filter_options()[-1]
    kind, option = get_args(annotated)
    assert (name, kind) == ("vehicle", list[str] | None)
    assert (option.metavar, option.autocompletion) == ("NAME", complete.countries)
