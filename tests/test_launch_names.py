"""Launch vehicles and sites by the names people use (data/launch-names.yaml), `--by variant`,
and `launches -s` by words with whole numbers.

Counts are checked against GCAT's launch log read by the tests' own reader (tests/gcat_log.py),
never through spacetime's importer: only GCAT's O and D launches are launches from Earth.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
import yaml

from conftest import Run
from gcat_log import LAUNCHLOG, GcatLaunch, read_launchlog
from spacetime.cli import complete
from spacetime.launches.names import Known, load_names
from spacetime.load.sources import launch_names_path
from spacetime.sources.files import data_files

Cli = Callable[..., Run]
needs_log = pytest.mark.skipif(not LAUNCHLOG.is_file(), reason="../shared/data/gcat is not here")


@pytest.fixture(scope="module")
def gcat() -> list[GcatLaunch]:
    return [x for x in read_launchlog().values() if x.kind in "OD"]


def count(cli: Cli, *args: str) -> int:
    result = cli("launches", *args, "--count")
    assert result.code == 0, result.err
    return int(result.out)


@needs_log
@pytest.mark.parametrize(
    ("names", "gcat_test"),
    [
        (
            ["long march 5", "cz-5", "LM-5", "Chang Zheng 5", "CZ5"],
            lambda v: v in ("Chang Zheng 5", "Chang Zheng 5B", "Chang Zheng 5/YZ-2"),
        ),
        (["long march", "chang zheng", "cz", "lm"], lambda v: v.startswith("Chang Zheng ")),
        (["cz-2d", "long march 2d"], lambda v: v.startswith("Chang Zheng 2D")),
        (["soyuz"], lambda v: v.startswith("Soyuz")),
        (["falcon 9", "Falcon 9"], lambda v: v == "Falcon 9"),
        (["falcon"], lambda v: v.startswith("Falcon ")),
        (["atlas v", "atlas 5"], lambda v: v.startswith("Atlas V ")),
        (["ariane 5"], lambda v: v.startswith("Ariane 5")),
        (["pslv"], lambda v: v.startswith("PSLV")),
        (["h-iia", "h-2a", "h2a"], lambda v: v.startswith("H-IIA ")),
        (["lvm3", "gslv mk iii"], lambda v: v in ("LVM3", "GSLV Mk III")),
        (["delta iv", "delta 4"], lambda v: v.startswith(("Delta 4H", "Delta 4M"))),
    ],
)
def test_vehicle_names_count_what_gcat_counts(
    cli: Cli, gcat: list[GcatLaunch], names: list[str], gcat_test: Callable[[str], bool]
) -> None:
    expected = sum(1 for x in gcat if gcat_test(x.vehicle))
    assert expected > 0
    assert [count(cli, "--vehicle", name) for name in names] == [expected] * len(names)


@needs_log
@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("baikonur", {"NIIP-5", "GIK-5"}),
        ("Tyuratam", {"NIIP-5", "GIK-5"}),
        ("kourou", {"CSG"}),
        ("cape canaveral", {"CC", "SPFL", "SPFLA"}),
        ("kennedy", {"KSC"}),
        ("vandenberg", {"V", "VS", "VSFB", "VSFBS"}),
        ("wenchang", {"WEN"}),
        ("jiuquan", {"JQ"}),
        ("xichang", {"XSC"}),
        ("taiyuan", {"TYSC"}),
        ("sriharikota", {"SHAR"}),
        ("tanegashima", {"TNSC"}),
        ("plesetsk", {"NIIP-53", "GIK-1", "GNIIP", "GNIIPV"}),  # GCAT places all four there
        ("vostochny", {"VOST"}),
        ("mahia", {"MAHIA"}),
        ("semnan", {"SEM"}),
        ("sohae", {"SOHAE"}),
        ("CSG", {"CSG"}),
        ("yellow sea", {"HHAI"}),
        ("huang hai", {"HHAI"}),
    ],
)
def test_site_names_count_what_gcat_counts(
    cli: Cli, gcat: list[GcatLaunch], name: str, codes: set[str]
) -> None:
    expected = sum(1 for x in gcat if x.site in codes)
    assert expected > 0
    assert count(cli, "--site", name) == expected


def test_every_alias_finds_a_launch(cli: Cli) -> None:
    known = Known(data_files([], bundled=True, env=os.environ))
    document = yaml.safe_load(launch_names_path().read_text(encoding="utf-8"))
    vocabulary = load_names()
    assert len(vocabulary["vehicles"]) == len(document["vehicles"]) >= 10
    assert len(vocabulary["sites"]) == len(document["sites"]) >= 17
    every_kind = ("--kind", "orbital,deep-space,off-earth")
    for part, option, resolve in (
        ("vehicles", "--vehicle", known.vehicles),
        ("sites", "--site", known.sites),
    ):
        aliases = [a for e in vocabulary[part] for a in (e.name, *e.aliases)]
        assert len(aliases) > 20
        assert [a for a in aliases if not resolve(a)] == []
        assert [a for a in aliases if count(cli, option, a, *every_kind) < 1] == []


def test_unknown_names_are_usage_errors_with_the_nearest(cli: Cli) -> None:
    result = cli("launches", "--vehicle", "falcn")
    assert result.code == 2
    assert result.err.strip().endswith("unknown vehicle 'falcn'; did you mean 'Falcon'?")
    site = cli("launches", "--site", "baikonor")
    assert site.code == 2 and "'Baikonur'" in site.err
    agency = cli("launches", "--agency", "spacx")
    assert agency.code == 2 and "'SpaceX'" in agency.err


def test_a_known_name_with_nothing_in_range_is_zero(cli: Cli) -> None:
    result = cli("launches", "--vehicle", "long march 5", "--until", "1990", "--count")
    assert (result.code, result.out) == (0, "0\n")
    listed = cli("launches", "--site", "mahia", "--until", "2000", "--format", "json")
    assert (listed.code, listed.json()) == (0, [])


def test_by_vehicle_counts_families_and_by_variant_types(cli: Cli) -> None:
    args = ("-v", "long march 5", "--format", "json")
    families = cli("launches", "--by", "vehicle", *args).json()
    variants = cli("launches", "--by", "variant", *args).json()
    assert [(r["vehicle"], r["launches"]) for r in families] == [("Chang Zheng", 12)]
    assert {r["variant"]: r["launches"] for r in variants} == {
        "Chang Zheng 5": 7,
        "Chang Zheng 5B": 4,
        "Chang Zheng 5/YZ-2": 1,
    }


def test_search_by_words_with_whole_numbers(cli: Cli) -> None:
    found = cli("launches", "-s", "apollo 11", "--format", "json").json()
    assert [x["tag"] for x in found] == ["1969-059"]
    tagged = cli("launches", "-s", "1957-alp", "--format", "json").json()
    assert [x["tag"] for x in tagged] == ["1957 ALP"]


def test_completion_offers_the_names() -> None:
    import typer

    from spacetime.output.environment import Environment

    ctx = typer.Context(typer.core.TyperCommand("complete"), obj=Environment(environ=os.environ))
    assert "Long March" in complete.vehicles(ctx, "lon")
    assert "Falcon" in complete.vehicles(ctx, "fal")
    assert complete.sites(ctx, "baik") == ["Baikonur"]
