"""Every ISO 3166-1 country, from data/countries.tsv (generated from the iso3166 package by
docs/countries.py), merged with the curated vocabulary."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from conftest import Run
from spacetime.load.countries import iso_countries
from spacetime.load.loader import load_timeline
from spacetime.load.sources import bundled_path, countries_path

Cli = Callable[..., Run]
ROOT = Path(__file__).resolve().parents[1]


def _generator() -> Callable[[], str]:
    spec = importlib.util.spec_from_file_location("countries_table", ROOT / "docs" / "countries.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("countries_table", module)
    spec.loader.exec_module(module)
    made: Callable[[], str] = module.table_text
    return made


def test_the_table_is_the_iso3166_package() -> None:
    table = countries_path().read_text(encoding="utf-8")
    made = _generator()()
    if f"iso3166 package {version('iso3166')}\n" in table:
        assert table == made
    else:  # a newer package: every country of the table is still one of its countries
        assert set(table.splitlines()[3:]) <= set(made.splitlines()[3:])
    rows = list(iso_countries())
    assert len(rows) >= 249
    assert ("NO", "NOR", "Norway") in {r[1:] for r in rows}


def test_every_iso_country_by_name_and_codes() -> None:
    timeline = load_timeline([bundled_path()])
    for line, alpha2, alpha3, name in iso_countries():
        assert timeline.entity(alpha2).code == alpha2, line
        assert timeline.entity(alpha3).code == alpha2, line
        if "," not in name:  # `-c` splits at commas: such a name is no alias
            assert timeline.entity(name).code == alpha2, line
    kazakhstan = timeline.entity("kazakhstan")
    assert (kazakhstan.code, kazakhstan.name, kazakhstan.kind.value) == (
        "KZ",
        "Kazakhstan",
        "country",
    )
    britain = timeline.entity("gbr")
    assert (britain.code, britain.name) == ("GB", "United Kingdom")  # the curated name stays
    assert "russia" in timeline.entity("RUS").aliases
    for historical in ("SU", "DD", "CS", "YU"):
        assert timeline.entity(historical).code == historical


def test_country_filter_takes_any_iso_country(cli: Cli) -> None:
    # Kazakhstan has events (Aubakirov); Iceland, a country with none, is known all the same
    assert cli("list", "-c", "kazakhstan", "--count").out != "0\n"
    result = cli("list", "-c", "iceland", "--count")
    assert (result.code, result.out, result.err) == (0, "0\n", "")
    assert cli("launches", "-c", "isl", "--count").code == 0


def test_a_user_file_may_credit_norway(cli: Cli, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "format: spacetime/1\nevents:\n  - id: andoya-test\n    date: 2020-01-01\n"
        "    title: A Norwegian test\n    countries: [NO]\n    category: satellite\n"
        "    status: achieved\n    sources: [https://example.org/no]\n",
        encoding="utf-8",
    )
    assert cli("validate", str(mine)).code == 0
    found = cli("list", "--data", str(mine), "-c", "norway", "--format", "json").json()
    assert ("andoya-test", ["NO"]) in [(e["id"], e["countries"]) for e in found]
    alone = cli("list", "--no-bundled", "--data", str(mine), "-c", "no", "--format", "json")
    assert [(e["id"], e["countries"]) for e in alone.json()] == [("andoya-test", ["NO"])]


def test_countries_lists_those_of_the_timeline_and_all_with_all(cli: Cli) -> None:
    listed = cli("countries", "--format", "json").json()
    every = cli("countries", "--all", "--format", "json").json()
    timeline = load_timeline([bundled_path()])
    curated = {c for c, e in timeline.entities.items() if e.origin.file in timeline.files}
    assert {e["code"] for e in listed} == curated | {e["code"] for e in listed if e["events"]}
    assert "IS" not in {e["code"] for e in listed} and "SU" in {e["code"] for e in listed}
    assert len(every) == len(timeline.entities) >= len(list(iso_countries())) + 4
    assert {e["code"] for e in every} >= {"IS", "KZ", "NO", "SU", "ESA"}
