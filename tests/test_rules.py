"""Milestone rules (the moment that counts, implied milestones) and ranks, on small files and on
the bundled timeline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINI, Run
from spacetime.core.errors import DataError
from spacetime.core.model import Moment
from spacetime.core.timeline import Timeline
from spacetime.engine.compare import nation_cells
from spacetime.engine.firsts import Claim, claims, ordinal, ranks, rule_problems
from spacetime.load.loader import load_timeline
from spacetime.sources.files import data_files

Cli = Callable[..., Run]

RULES = """\
milestones:
  - code: first-orbit
    name: First orbit
    definition: Orbit.
    moment: orbit-insertion
  - code: first-flyby
    name: First flyby
    definition: Flyby.
    moment: closest-approach
    implied_by: [first-orbit]
events:
  - id: a-orbit
    date: 1970-01-01
    title: A orbits
    countries: [US]
    category: moon
    status: achieved
    milestones: [first-orbit]
    sources: [https://example.org/a]
  - id: b-flyby
    date: 1971-01-01
    title: B flies by
    countries: [CN]
    category: moon
    status: achieved
    milestones: [first-flyby]
    sources: [https://example.org/b]
  - id: c-orbit
    date: 1972-06-01
    title: C orbits
    countries: [CN]
    category: moon
    status: achieved
    milestones: [first-orbit]
    sources: [https://example.org/c]
  - id: d-orbit
    date: 1974-01-01
    title: D orbits
    countries: [SU]
    category: moon
    status: partial
    milestones: [first-orbit]
    sources: [https://example.org/d]
  - id: e-flyby
    date: 1975-01-01
    title: E flies by late
    countries: [SU]
    category: moon
    status: achieved
    launch: 1975-001
    milestones: [first-flyby]
    sources: [https://example.org/e]
"""


def _rules(tmp_path: Path) -> tuple[Path, Timeline]:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES, encoding="utf-8")
    return path, load_timeline([MINI, path])


def test_an_orbit_counts_as_the_flyby_via_orbit(tmp_path: Path) -> None:
    _path, timeline = _rules(tmp_path)
    flyby = claims(timeline)["first-flyby"]
    assert [(c.country, c.event.id, c.via) for c in flyby] == [
        ("US", "a-orbit", "first-orbit"),
        ("CN", "b-flyby", None),
        ("CN", "c-orbit", "first-orbit"),
        ("SU", "d-orbit", "first-orbit"),
        ("SU", "e-flyby", None),
    ]
    us = {c.milestone: c for c in nation_cells(timeline, "US")}["first-flyby"]
    assert (us.event and us.event.id, us.via, us.world_first, us.rank) == (
        "a-orbit",
        "first-orbit",
        True,
        1,
    )
    soviet = {c.milestone: c for c in nation_cells(timeline, "RU")}["first-flyby"]
    assert (soviet.event and soviet.event.id, soviet.by, soviet.via) == (
        "d-orbit",
        "SU",
        "first-orbit",
    )
    assert (soviet.rank, soviet.before) == (3, ("US", "CN"))


def test_validate_flags_claims_that_break_a_rule(cli: Cli, tmp_path: Path) -> None:
    path, timeline = _rules(tmp_path)
    assert [str(p) for p in rule_problems(timeline)] == [
        f"{path}:44: warning: event 'e-flyby' claims first-flyby for SU, but SU's first orbit "
        "came earlier ('d-orbit', 1 Jan 1974) and implies it; remove the claim",
        f"{path}:44: warning: event 'e-flyby' is dated by its launch (1975-001) but claims "
        "first-flyby, which counts at its closest-approach",
    ]
    result = cli("validate", "--no-bundled", "--data", str(MINI), str(path))
    assert result.code == 0
    assert result.err.splitlines() == [str(p) for p in rule_problems(timeline)]
    assert result.out.endswith("; 2 warnings\n")


def test_a_second_claim_by_the_same_nation_is_flagged(tmp_path: Path) -> None:
    path, _timeline = _rules(tmp_path)
    extra = tmp_path / "again.yaml"
    extra.write_text(
        "events:\n"
        "  - id: c2-orbit\n"
        "    date: 1973-01-01\n"
        "    title: C orbits again\n"
        "    countries: [CN]\n"
        "    category: moon\n"
        "    status: achieved\n"
        "    milestones: [first-orbit]\n"
        "    sources: [https://example.org/c2]\n",
        encoding="utf-8",
    )
    problems = rule_problems(load_timeline([MINI, path, extra]))
    assert (
        f"{extra}:2: warning: event 'c2-orbit' claims first-orbit for CN again; 'c-orbit' "
        "(1 Jun 1972) already did" in [str(p) for p in problems]
    )


def test_rules_are_checked_when_loading(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(RULES.replace("moment: orbit-insertion", "moment: arrival"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_timeline([MINI, path])
    assert err.value.lines()[0] == (
        f"{path}:5: milestone 'first-orbit': moment: 'arrival' is not one of: "
        + ", ".join(m.value for m in Moment)
    )
    bad = RULES.replace("implied_by: [first-orbit]", "implied_by: [first-orbt, first-flyby]")
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_timeline([MINI, path])
    assert err.value.lines() == [
        f"{path}:10: milestone 'first-flyby': implied_by names the milestone itself",
        f"{path}:10: milestone 'first-flyby': unknown milestone 'first-orbt'; "
        "did you mean 'first-orbit'?",
    ]


def test_rules_survive_the_cache_export_and_fmt(cli: Cli, tmp_path: Path) -> None:
    path, timeline = _rules(tmp_path)
    first = cli("milestones", "--no-bundled", "--data", str(MINI), "--data", str(path), "--json")
    cached = cli("milestones", "--no-bundled", "--data", str(MINI), "--data", str(path), "--json")
    assert first.json() == cached.json()
    exported = cli("export", "yaml", "--no-bundled", "--data", str(MINI), "--data", str(path)).out
    assert "    moment: closest-approach\n    implied_by: [first-orbit]\n" in exported
    again = tmp_path / "again.yaml"
    again.write_text(exported, encoding="utf-8")
    reread = load_timeline([again])
    assert reread.milestones["first-flyby"] == timeline.milestones["first-flyby"]
    assert reread.milestones["first-flyby"].implied_by == ("first-orbit",)


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "101st",
        "111th",
    ]


@pytest.fixture(scope="module")
def bundled() -> Timeline:
    return _bundled()


def test_bundled_claims_follow_every_rule(bundled: Timeline) -> None:
    assert rule_problems(bundled) == []
    assert all(m.moment is not None for m in bundled.milestones.values())


def test_bundled_china_is_third_to_return_lunar_samples(bundled: Timeline, cli: Cli) -> None:
    places = ranks(bundled, claims(bundled))["first-lunar-sample-return"]
    assert (places["US"].place, places["SU"].place) == (1, 2)
    assert (places["CN"].place, places["CN"].before) == (3, ("US", "SU"))
    assert places["RU"] == places["SU"]  # the lineage counts once
    shown = cli("show", "chang-e-5-sample-return", "--json").json()
    assert shown["ranks"] == [
        {
            "milestone": "first-lunar-sample-return",
            "nation": "CN",
            "rank": 3,
            "before": ["US", "SU"],
            "via": None,
        }
    ]
    text = cli("show", "chang-e-5-sample-return").out
    assert "First lunar sample return: China 3rd, after United States, Soviet Union" in text


def test_bundled_orbits_count_as_flybys(bundled: Timeline, cli: Cli) -> None:
    china = {c.milestone: c for c in nation_cells(bundled, "CN")}
    flyby = china["first-lunar-flyby"]
    assert (flyby.event and flyby.event.id, flyby.via) == (
        "chang-e-1-lunar-orbit",
        "first-lunar-orbit",
    )
    assert flyby.event.date.first_day and flyby.event.date.first_day.year == 2007
    soviet = {c.milestone: c for c in nation_cells(bundled, "RU")}["first-mars-flyby"]
    assert (soviet.event and soviet.event.id, soviet.by, soviet.via) == (
        "mars-2-orbit-and-lander-crash",
        "SU",
        "first-mars-orbit",
    )
    rows = cli("firsts", "-c", "china", "--json").json()
    row = next(r for r in rows if r["milestone"] == "first-lunar-flyby")
    assert (row["event"], row["via"], row["rank"], row["before"]) == (
        "chang-e-1-lunar-orbit",
        "first-lunar-orbit",
        4,
        ["SU", "US", "JP"],  # countries only: ESA is ranked among organizations
    )
    assert "Chang'e 1 (via lunar orbit)" in cli("firsts", "-c", "china").out


def test_bundled_rovers_are_dated_by_their_first_drive(bundled: Timeline) -> None:
    rover = bundled.milestones["first-mars-rover"]
    assert rover.moment is Moment.FIRST_DRIVE
    cells = {n: {c.milestone: c for c in nation_cells(bundled, n)} for n in ("US", "CN")}
    us, cn = cells["US"]["first-mars-rover"], cells["CN"]["first-mars-rover"]
    assert (us.event and us.event.id, cn.event and cn.event.id) == (
        "sojourner-first-drive",
        "zhurong-first-drive",
    )
    assert (us.event.date.text, us.rank, cn.rank, cn.before) == ("1997-07-06", 1, 2, ("US",))


def test_compare_and_firsts_give_ranks_with_and_without_lineage(cli: Cli) -> None:
    doc = cli("compare", "china", "russia", "usa", "--json").json()
    row = next(r for r in doc["matrix"] if r["milestone"] == "first-lunar-sample-return")
    cells = row["cells"]
    assert [(n, cells[n]["rank"], cells[n]["before"]) for n in ("US", "RU", "CN")] == [
        ("US", 1, []),
        ("RU", 2, ["US"]),
        ("CN", 3, ["US", "SU"]),
    ]
    off = cli("compare", "china", "russia", "--no-lineage", "--json").json()
    off_row = next(r for r in off["matrix"] if r["milestone"] == "first-lunar-sample-return")
    assert off_row["cells"]["RU"]["rank"] is None
    assert off_row["cells"]["CN"]["rank"] == 3
    world = cli("firsts", "--json").json()
    samples = next(r for r in world if r["milestone"] == "first-lunar-sample-return")
    assert [(o["nation"], o["rank"]) for o in samples["order"]] == [("US", 1), ("SU", 2), ("CN", 3)]


def _bundled() -> Timeline:
    """Every bundled file, loaded as the commands load them (no personal file, no environment)."""
    files = data_files(personal=False, env={})
    return load_timeline(files.paths, files.names)


def test_nations_on_the_same_day_share_a_place(bundled: Timeline) -> None:
    found = claims(bundled)
    reiter = next(c for c in found["first-spacewalk"] if c.country == "DE")
    walks = [*found["first-spacewalk"], Claim("first-spacewalk", "IT", reiter.event)]
    found["first-spacewalk"] = sorted(walks, key=lambda c: c.event.sort_key())
    places = ranks(bundled, found)["first-spacewalk"]
    germany, italy, japan = places["DE"], places["IT"], places["JP"]
    assert germany.event == italy.event == "thomas-reiter-first-esa-spacewalk"
    assert germany.place == italy.place == len(germany.before) + 1 == 5
    assert japan.place == germany.place + 2
    assert japan.before[-2:] == ("DE", "IT")


def test_countries_and_organizations_are_ranked_apart(bundled: Timeline) -> None:
    places = ranks(bundled, claims(bundled))["first-spacewalk"]
    esa, germany = places["ESA"], places["DE"]
    assert esa.event == germany.event == "thomas-reiter-first-esa-spacewalk"
    assert (esa.place, esa.before, esa.organization) == (1, (), True)
    assert (germany.place, germany.before, germany.organization) == (
        5, ("SU", "US", "FR", "GB"), False
    )  # fmt: skip
    every = [rank for found in ranks(bundled, claims(bundled)).values() for rank in found.values()]
    countries = [r for r in every if not r.organization]
    assert len(countries) > 100
    kinds = {code: e.kind.value for code, e in bundled.entities.items()}
    assert {kinds[code] for r in countries for code in r.before} == {"country"}


def test_show_ranks_a_country_with_the_organization_beside_it(cli: Cli) -> None:
    result = cli("show", "thomas-reiter-first-esa-spacewalk")
    assert result.code == 0, result.err
    assert "First spacewalk: European Space Agency 1st among organizations\n" in result.out
    assert (
        "First spacewalk: Germany (with European Space Agency) 5th, after Soviet Union, "
        "United States, France, United Kingdom\n"
    ) in result.out
    ranks = cli("show", "thomas-reiter-first-esa-spacewalk", "--json").json()["ranks"]
    assert [(r["nation"], r["rank"], r["before"]) for r in ranks] == [
        ("ESA", 1, []),
        ("DE", 5, ["SU", "US", "FR", "GB"]),
    ]
