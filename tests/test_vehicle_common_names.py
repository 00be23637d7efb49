"""Human answers name vehicles as people do ("Long March 5"), GCAT's name beside in counts;
JSON and CSV keep GCAT's fields as GCAT writes them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest

from conftest import Run
from spacetime.launches import names
from spacetime.launches.names import vehicle_name

Cli = Callable[..., Run]
CHINA_2020 = ("launches", "-c", "china", "--since", "2020-11-23", "--until", "2020-11-23")


@pytest.mark.parametrize(
    ("gcat", "common"),
    [
        ("Chang Zheng", "Long March"),
        ("Chang Zheng 5B", "Long March 5B"),
        ("Chang Zheng 2C/YZ-1S", "Long March 2C/YZ-1S"),
        ("N-1", "N1"),
        ("Delta 4H", "Delta 4H"),  # "Delta IVH" is nobody's name
        ("Delta 4925-8", "Delta 4925-8"),  # a Delta II, not a Delta 4
        ("Soyuz-2-1A", "Soyuz-2-1A"),
        ("H-IIA 202", "H-IIA 202"),
        ("Ariane 62", "Ariane 62"),
    ],
)
def test_the_name_people_use(gcat: str, common: str) -> None:
    assert vehicle_name(gcat) == common


def test_a_launch_row_says_long_march(cli: Cli) -> None:
    table = cli(*CHINA_2020)
    assert table.code == 0
    row = table.out.splitlines()[2]
    assert row.split("  ")[:2] == ["23 Nov 2020 20:30:22 UTC", "Long March 5"]
    assert "Chang Zheng" not in table.out
    record = cli(*CHINA_2020, "--format", "json").json()[0]
    assert (record["vehicle"], record["family"]) == ("Chang Zheng 5", "Chang Zheng")
    rows = list(csv.DictReader(io.StringIO(cli(*CHINA_2020, "--format", "csv").out)))
    assert [(r["vehicle"], r["family"]) for r in rows] == [("Chang Zheng 5", "Chang Zheng")]


def test_counts_give_the_common_name_and_gcats(cli: Cli) -> None:
    args = ("launches", "-v", "long march 5", "--by")
    families = cli(*args, "vehicle").out.splitlines()
    assert families[2].split("  ")[0] == "Long March (Chang Zheng)"
    variants = [line.split("  ")[0] for line in cli(*args, "variant").out.splitlines()[2:5]]
    assert variants == [
        "Long March 5 (Chang Zheng 5)",
        "Long March 5B (Chang Zheng 5B)",
        "Long March 5/YZ-2 (Chang Zheng 5/YZ-2)",
    ]
    assert [r["vehicle"] for r in cli(*args, "vehicle", "--format", "json").json()] == [
        "Chang Zheng"
    ]


def test_show_tag_and_mission_say_long_march(cli: Cli) -> None:
    shown = cli("show", "2020-087").out.splitlines()
    assert shown[0] == "Launch 2020-087: Long March 5, 23 Nov 2020"
    assert shown[2] == "Vehicle       Long March 5  (GCAT: Chang Zheng 5, family Chang Zheng)"
    assert cli("show", "2020-087", "--format", "json").json()["vehicle"] == "Chang Zheng 5"


def test_json_answers_do_not_read_the_vocabulary(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the names vocabulary was read")

    monkeypatch.setattr(names, "load_names", refuse)
    names.common_vehicle_names.cache_clear()
    names.common_site_names.cache_clear()
    found = cli(*CHINA_2020, "--format", "json")
    assert (found.code, [r["tag"] for r in found.json()]) == (0, ["2020-087"])
    names.common_vehicle_names.cache_clear()
    names.common_site_names.cache_clear()


def test_a_mission_launch_says_long_march(cli: Cli) -> None:
    rows = cli("show", "tianwen-1", "--format", "json").json()
    assert (
        rows[0]["title"]
        == "Launch: Long March 5 from Wenchang (Tianwen-1 Orbiter, Tianwen-1 Lander +4)"
    )
