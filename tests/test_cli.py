"""The command line: every format parsed back, errors and exit codes, show, validate, vocabularies."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MINI, Run, app
from spacetime.load.loader import load_timeline
from spacetime.load.sources import vocabulary_path
from spacetime.output.events import EVENT_FIELDS

Cli = Callable[..., Run]
BASE = ("--no-bundled", "--data", str(MINI))


def test_list_json_is_an_array_of_event_objects(cli: Cli) -> None:
    result = cli("list", *BASE, "--country", "china", "--format", "json")
    assert result.code == 0 and result.err == ""
    events = result.json()
    assert [e["id"] for e in events] == ["china-first-satellite", "ilrs-mou", "soon", "moon-plan"]
    first = events[0]
    assert list(first) == EVENT_FIELDS
    assert first["date"] == "1970-04-24"
    assert first["precision"] == "day"
    assert (first["first_day"], first["last_day"]) == ("1970-04-24", "1970-04-24")
    assert first["countries"] == ["CN"] and first["milestones"] == ["first-satellite"]
    plan = events[3]
    assert (plan["date"], plan["precision"], plan["first_day"], plan["last_day"]) == (
        "2030s",
        "decade",
        "2030-01-01",
        "2039-12-31",
    )
    assert plan["date_display"] == "2030s" and plan["confirmed"] == "2024-04"


def test_json_shorthand_and_lineage_mark(cli: Cli) -> None:
    events = cli("list", *BASE, "-c", "russia", "--json").json()
    marks = {e["id"]: e["stands_for"] for e in events}
    assert marks["sputnik-1"] == "RU" and marks["russia-founded-agency"] is None
    plain = cli("list", *BASE, "-c", "russia", "--json", "--no-lineage").json()
    assert "sputnik-1" not in {e["id"] for e in plain}


def test_open_interval_in_json(cli: Cli) -> None:
    [iss] = cli("list", *BASE, "--search", "occupation", "--json").json()
    assert (iss["date"], iss["first_day"], iss["last_day"]) == ("2000-11-02/..", "2000-11-02", None)


def test_jsonl_one_object_per_line(cli: Cli) -> None:
    out = cli("list", *BASE, "--format", "jsonl", "-c", "usa,china", "--until", "1970").out
    lines = out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [
        "vanguard-tv3",
        "explorer-1",
        "year-only",
        "china-first-satellite",
    ]


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_parse_back(cli: Cli, fmt: str, delimiter: str) -> None:
    out = cli("list", *BASE, "--format", fmt, "--category", "satellite").out
    rows = list(csv.DictReader(io.StringIO(out), delimiter=delimiter))
    assert list(rows[0]) == EVENT_FIELDS
    sputnik = rows[0]
    assert sputnik["id"] == "sputnik-1"
    assert sputnik["date"] == "1957-10-04T19:28:34Z"
    assert sputnik["tags"] == "sputnik; space-race"
    assert sputnik["approximate"] == "false"
    assert len(rows) == 5


def test_markdown_table(cli: Cli) -> None:
    out = cli("list", *BASE, "--format", "markdown", "--status", "failed").out
    assert out.splitlines() == [
        "| Date | Event | Countries | Category | Status |",
        "|:---|:---|:---|:---|:---|",
        "| 6 Dec 1957 | Vanguard TV3 explodes on the pad | United States | satellite | failed |",
        "",
        "1 event",
    ]


def test_table_in_a_pipe_has_no_colour_and_no_truncation(cli: Cli) -> None:
    out = cli("list", *BASE, "--search", "lunar").out
    assert "\x1b[" not in out
    assert "Lunar research station memorandum" in out
    assert "Approximate lunar probe" in out
    assert out.rstrip().endswith("2 events")


def test_empty_result_is_success(cli: Cli) -> None:
    result = cli("list", *BASE, "--search", "nothing-like-this", "--json")
    assert (result.code, result.json()) == (0, [])


def test_unknown_country_exits_2_with_suggestions(cli: Cli) -> None:
    result = cli("list", *BASE, "--country", "chian")
    assert result.code == 2
    assert result.out == ""
    assert (
        result.err
        == "spacetime: error: unknown country or organization 'chian'; did you mean 'china', 'chn' or 'can'?\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--since", "soon"), "spacetime: error: --since: 'soon' is not a date"),
        (("--limit", "0"), "spacetime: error: --limit must be 1 or more, not 0"),
        (("--format", "xml"), "spacetime list: error: Invalid value for '--format'"),
        (("--json", "--format", "csv"), "spacetime: error: --json and --format csv conflict"),
        (("--contry", "x"), "spacetime list: error: No such option: --contry"),
    ],
)
def test_usage_errors_are_one_line_exit_2(cli: Cli, args: tuple[str, ...], message: str) -> None:
    result = cli("list", *BASE, *args)
    assert result.code == 2
    assert result.err.startswith(message)
    assert result.err.count("\n") == 1


def test_invalid_data_file_exits_3_without_traceback(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("events:\n  - id: x\n    date: 2021-02-30\n", encoding="utf-8")
    result = cli("list", *BASE, "--data", str(bad))
    assert result.code == 3
    assert result.err.splitlines() == [
        f"{bad}:2: event 'x': missing required fields 'title', 'countries', 'sources'",
        f"{bad}:3: event 'x': date: impossible date '2021-02-30': February 2021 has 28 days",
    ]
    assert "Traceback" not in result.err


def test_environment_variable_adds_files(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPACETIME_DATA", str(MINI))
    events = cli("list", "--no-bundled", "--json", "-c", "cn").json()
    assert len(events) == 4


def test_show_one_event_in_full(cli: Cli) -> None:
    result = cli("show", *BASE, "sputnik-1")
    assert result.code == 0
    lines = [line.rstrip() for line in result.out.splitlines()]
    assert lines[0] == "Sputnik 1 launched  [sputnik-1]"  # no mark: the bundled events are left out
    assert "Date        4 Oct 1957 19:28:34 UTC  (69 years ago)" in lines
    assert "Milestones  First satellite: Soviet Union 1st" in lines
    assert "Sources     https://example.org/sputnik" in lines
    record = cli("show", *BASE, "moon-plan", "--json").json()
    assert record["id"] == "moon-plan" and record["status"] == "planned"
    future = cli("show", *BASE, "moon-plan").out
    assert "2030s  (in 3 years)" in future


def test_show_unknown_id_suggests(cli: Cli) -> None:
    assert cli("show", *BASE, "sputnik", "--json").json()["id"] == "sputnik-1"  # a prefix
    result = cli("show", *BASE, "sputnick-1")
    assert (result.code, result.err) == (
        2,
        "spacetime: error: no event matches 'sputnick-1'; did you mean 'sputnik-1'?\n",
    )


def test_validate_says_what_it_checked(cli: Cli) -> None:
    result = cli("validate", "--no-bundled", str(MINI))
    vocabulary = load_timeline([vocabulary_path()])
    entities = len(vocabulary.entities)  # the standard vocabulary grows with the data
    assert result.code == 0
    assert result.out == (
        f"{MINI}: valid: 11 events, {entities} entities, 26 milestones, 11 categories; 0 warnings\n"
    )
    late = cli("validate", "--no-bundled", str(MINI), today=date(2027, 3, 1))
    assert late.code == 0
    assert late.err == (
        f"{MINI}:87: warning: planned event 'soon' (c. 2026) is past its date; "
        "review it (plan last confirmed 2025-01)\n"
    )


def test_validate_reports_all_problems_exit_3(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("events:\n  - id: a\n    dat: 1999\n", encoding="utf-8")
    result = cli("validate", "--no-bundled", str(MINI), str(bad))
    assert result.code == 3
    assert result.err.splitlines() == [
        f"{bad}:2: event 'a': missing required fields 'date', 'title', 'countries', 'sources'",
        f"{bad}:3: event 'a': unknown field 'dat'; did you mean 'date'?",
    ]


def test_countries_lists_lineage_and_counts(cli: Cli) -> None:
    records = {r["code"]: r for r in cli("countries", *BASE, "--json").json()}
    assert records["SU"]["successor"] == "RU"
    assert records["RU"]["predecessors"] == ["SU", "RUE"]
    assert records["CN"]["events"] == 4
    assert "ussr" in records["SU"]["aliases"]


def test_milestones_name_the_world_first(cli: Cli) -> None:
    records = {r["code"]: r for r in cli("milestones", *BASE, "--json").json()}
    first = records["first-satellite"]
    assert (
        first["world_first_event"],
        first["world_first_date"],
        first["world_first_countries"],
    ) == (
        "sputnik-1",
        "1957-10-04T19:28:34Z",
        ["SU"],
    )


def test_version(cli: Cli) -> None:
    from spacetime import __version__

    assert cli("--version").out == f"spacetime {__version__}\n"


def test_typer_runner_sees_the_same_commands() -> None:
    result = CliRunner().invoke(app, ["list", *BASE, "-c", "ussr", "--json"])
    assert result.exit_code == 0
    assert [e["id"] for e in json.loads(result.stdout)] == ["sputnik-1", "gagarin"]
