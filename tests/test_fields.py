"""`--fields` and `--count`, shared by every listing command and format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest

from conftest import MINI, Run

Cli = Callable[..., Run]
BASE = ("--no-bundled", "--data", str(MINI))


@pytest.mark.parametrize(
    ("fmt", "parse"),
    [
        ("json", json.loads),
        ("jsonl", lambda text: [json.loads(line) for line in text.splitlines()]),
        ("csv", lambda text: list(csv.DictReader(io.StringIO(text)))),
        ("tsv", lambda text: list(csv.DictReader(io.StringIO(text), delimiter="\t"))),
    ],
)
def test_fields_choose_and_order_the_keys(cli: Cli, fmt: str, parse: Callable) -> None:  # type: ignore[type-arg]
    full = cli("list", *BASE, "--json").json()
    result = cli("list", *BASE, "--fields", "title,id", "--format", fmt)
    assert result.code == 0
    records = parse(result.out)
    assert [list(r) for r in records] == [["title", "id"]] * len(full)
    assert [(r["title"], r["id"]) for r in records] == [(e["title"], e["id"]) for e in full]


def test_fields_make_the_columns_of_the_table(cli: Cli) -> None:
    lines = cli("list", *BASE, "--fields", "id,date", "--sort", "id", "-n", "2").out.splitlines()
    assert lines[0].split() == ["id", "date"]
    ids = [e["id"] for e in cli("list", *BASE, "--sort", "id", "-n", "2", "--json").json()]
    assert [line.split()[0] for line in lines[2:]] == ids
    markdown = cli("list", *BASE, "--fields", "id", "-n", "1", "-f", "markdown").out
    assert markdown.splitlines()[0] == "| id |"


def test_fields_on_a_single_record_and_a_report(cli: Cli) -> None:
    shown = cli("show", *BASE, "sputnik-1", "--fields", "id,first_day", "--json").json()
    assert shown == {"id": "sputnik-1", "first_day": "1957-10-04"}
    table = cli("show", *BASE, "sputnik-1", "--fields", "id,first_day").out
    assert [line.split() for line in table.splitlines()] == [
        ["id", "sputnik-1"],
        ["first_day", "1957-10-04"],
    ]
    cells = cli("compare", *BASE, "usa", "ussr", "--fields", "milestone,nation", "--json").json()
    assert cells and all(list(c) == ["milestone", "nation"] for c in cells)
    assert {c["nation"] for c in cells} == {"US", "SU"}


def test_an_unknown_field_lists_the_valid_ones(cli: Cli) -> None:
    result = cli("categories", *BASE, "--fields", "code,size,colour")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "spacetime: error: unknown fields size, colour; "
        "valid fields: code, name, definition, events\n"
    )
    assert cli("list", *BASE, "--fields", ",").code == 2


def test_count_prints_only_the_number(cli: Cli) -> None:
    everything = cli("list", *BASE, "--json").json()
    assert cli("list", *BASE, "--count").out == f"{len(everything)}\n"
    china = [e for e in everything if "CN" in e["countries"]]
    assert cli("list", *BASE, "-c", "china", "--count", "--json").out == f"{len(china)}\n"
    categories = cli("categories", *BASE, "--json").json()
    assert cli("categories", *BASE, "--count").out == f"{len(categories)}\n"
