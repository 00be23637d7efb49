"""`spacetime next` and the upcoming-launch model: the list kept by `update --upcoming`, soonest
first, dates at Launch Library 2's precision, countdowns, filters, formats, the age note.

`tests/fixtures/ll2/upcoming.json` is an LL2 2.3.0 page (`launches/upcoming/`, normal mode)
written from LL2's documented schema; its launches are invented test data, not facts. The tests
run on 24 Nov 2026 (`SPACETIME_TODAY`), so now is midnight UTC of that day.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import FIXTURES, Run, data_folder
from spacetime.launches.upcoming import Upcoming, countdown, period, still_ahead, when
from spacetime.sources.ll2 import read_page, read_stored, stored_path, stored_text

Cli = Callable[..., Run]
PAGE = FIXTURES / "ll2" / "upcoming.json"
NOW = datetime(2026, 11, 24, tzinfo=UTC)
FETCHED = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
SOONEST = [
    "Starlink Group 12-7",
    "TJS-20",
    "Oceansat-3A",
    "Owl for One",
    "Meteor-M No. 2-5",
    "Chang'e 7",
    "Kuiper Flight 3",
    "Artemis III",
]


def keep(body: bytes, fetched: datetime = FETCHED) -> Path:
    """Keep a page as `update --upcoming` would, in the test's own data folder."""
    path = stored_path(data_folder())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(stored_text(read_page(body, "test"), "http://127.0.0.1/", fetched))
    return path


@pytest.fixture
def kept() -> Path:
    return keep(PAGE.read_bytes())


def missions(run: Run) -> list[str]:
    return [r["mission"] for r in run.json()]


def test_without_a_list_one_line_says_how_to_get_one(cli: Cli) -> None:
    run = cli("next")
    assert run.code == 0
    assert run.out == ""
    assert run.err.splitlines() == [
        "no list of upcoming launches yet: spacetime update --upcoming fetches one from "
        "Launch Library 2 (The Space Devs)"
    ]


def test_soonest_first_and_launches_past_are_left_out(cli: Cli, kept: Path) -> None:
    run = cli("next", "--format", "json")
    assert run.code == 0, run.err
    assert missions(run) == SOONEST  # Starlink Group 12-5 (22 Nov, to the minute) has passed
    assert run.err == ""


def test_one_record_in_full(cli: Cli, kept: Path) -> None:
    record = next(r for r in cli("next", "--json").json() if r["mission"] == "Chang'e 7")
    assert record == {
        "id": "0b1e8f2a-0007-4a6b-9c1d-000000000007",
        "name": "Long March 5 | Chang'e 7",
        "net": "2026-12-31T00:00:00Z",
        "precision": "Month",
        "date_display": "Dec 2026",
        "first_day": "2026-12-01",
        "last_day": "2026-12-31",
        "countdown": "in 7–37 d",
        "window_start": "2026-12-31T00:00:00Z",
        "window_end": "2026-12-31T00:00:00Z",
        "status": "TBD",
        "status_name": "To Be Determined",
        "vehicle": "Long March 5",
        "vehicle_full": "Long March 5",
        "families": ["Long March"],
        "mission": "Chang'e 7",
        "mission_type": "Lunar Exploration",
        "orbit": "Lunar Orbit",
        "provider": "China Aerospace Science and Technology Corporation",
        "provider_abbrev": "CASC",
        "pad": "Launch Complex 101",
        "location": "Wenchang Space Launch Site, People's Republic of China",
        "country": "CN",
        "country_name": "China",
        "source": "Launch Library 2, The Space Devs (https://thespacedevs.com)",
    }


def test_the_table_shows_precision_countdown_status_and_credit(cli: Cli, kept: Path) -> None:
    run = cli("next", "-n", "3")
    lines = run.out.splitlines()
    assert lines[0].split() == [
        "When", "(UTC)", "Countdown", "Status", "Vehicle", "Mission", "Provider", "Pad", "Country"
    ]  # fmt: skip
    assert lines[2].startswith("25 Nov 2026 03:10 UTC   in 1 d 3 h   Go      Falcon 9 Block 5")
    assert lines[3].startswith("26 Nov 2026 ~12:00 UTC  in 2 d 12 h  TBC     Long March 7A")
    assert lines[4].startswith("28 Nov 2026             in 4 d       TBD     PSLV-XL")
    assert lines[-2:] == [
        "3 upcoming launches",
        "Upcoming launches: Launch Library 2, The Space Devs (https://thespacedevs.com), "
        "fetched 23 Nov 2026 18:00 UTC",
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-c", "china"], ["TJS-20", "Chang'e 7"]),
        (["-c", "prc,india"], ["TJS-20", "Oceansat-3A", "Chang'e 7"]),
        (["--vehicle", "long march"], ["TJS-20", "Chang'e 7"]),
        (["--vehicle", "chang zheng"], ["TJS-20", "Chang'e 7"]),  # GCAT's name for them
        (["--vehicle", "long march 7"], ["TJS-20"]),
        # the names of launch answers: an alias with a variant, GCAT's family names
        (["--vehicle", "cz-5"], ["Chang'e 7"]),
        (["--vehicle", "lm-5"], ["Chang'e 7"]),
        (["--vehicle", "chang zheng 5"], ["Chang'e 7"]),
        (["--vehicle", "ariane 6"], ["Kuiper Flight 3"]),
        (["--vehicle", "Falcon 9", "-v", "electron"], ["Starlink Group 12-7", "Owl for One"]),
        (["--site", "wenchang"], ["TJS-20", "Chang'e 7"]),
        (["--site", "kennedy"], ["Artemis III"]),
        (["--agency", "casc"], ["TJS-20", "Chang'e 7"]),
        (["--agency", "Rocket Lab"], ["Owl for One"]),
        (["-s", "artemis"], ["Artemis III"]),
        (["--since", "2026-12"], ["Owl for One", "Meteor-M No. 2-5", "Chang'e 7", "Kuiper Flight 3", "Artemis III"]),
        (["--until", "2026-11-28"], ["Starlink Group 12-7", "TJS-20", "Oceansat-3A"]),
        (["--since", "2027-02", "--until", "2027-02"], ["Kuiper Flight 3", "Artemis III"]),
        (["-n", "2", "--reverse"], ["Artemis III", "Kuiper Flight 3"]),
    ],
)  # fmt: skip
def test_filters(cli: Cli, kept: Path, args: list[str], expected: list[str]) -> None:
    run = cli("next", *args, "--format", "json")
    assert run.code == 0, run.err
    assert missions(run) == expected


def test_a_period_overlapping_the_range_counts(cli: Cli, kept: Path) -> None:
    # the week of 30 Nov reaches into December; a quarter and a year cover February 2027
    assert missions(cli("next", "--since", "2026-12-03", "--until", "2026-12-05", "--json")) == [
        "Owl for One",
        "Chang'e 7",
    ]


def test_unknown_names_and_bad_ranges_are_usage_errors(cli: Cli, kept: Path) -> None:
    assert cli("next", "-c", "atlantis").code == 2
    run = cli("next", "--since", "2027", "--until", "2026")
    assert run.code == 2
    assert "the range is empty" in run.err
    assert "--limit must be 1 or more" in cli("next", "-n", "0").err


def test_every_format(cli: Cli, kept: Path) -> None:
    csv = cli("next", "-f", "csv", "-c", "india").out.splitlines()
    assert csv[0].split(",")[:4] == ["id", "name", "net", "precision"]
    assert csv[1].startswith("0b1e8f2a-0004-4a6b-9c1d-000000000004,PSLV-XL | Oceansat-3A,")
    tsv = cli("next", "-f", "tsv", "--fields", "date_display,mission").out
    assert tsv.splitlines()[:3] == [
        "date_display\tmission",
        "25 Nov 2026 03:10 UTC\tStarlink Group 12-7",
        "26 Nov 2026 ~12:00 UTC\tTJS-20",
    ]
    jsonl = cli("next", "-f", "jsonl").out.splitlines()
    assert [json.loads(line)["mission"] for line in jsonl] == SOONEST
    markdown = cli("next", "-f", "markdown", "-n", "1").out
    assert "| 25 Nov 2026 03:10 UTC | in 1 d 3 h | Go | Falcon 9 Block 5 |" in markdown
    assert "Launch Library 2, The Space Devs" in markdown
    assert cli("next", "--count", "-c", "usa").out == "2\n"


def test_a_list_older_than_a_day_says_its_age(cli: Cli) -> None:
    keep(PAGE.read_bytes(), fetched=datetime(2026, 11, 20, 9, 30, tzinfo=UTC))
    run = cli("next", "--json")
    assert run.code == 0
    assert run.err.splitlines() == [
        "spacetime: note: the list of upcoming launches is 3 days old (fetched 20 Nov 2026); "
        "spacetime update --upcoming renews it"
    ]
    assert len(run.json()) == 8  # stdout stays clean JSON


def test_a_list_of_a_day_or_less_says_nothing_of_its_age(cli: Cli) -> None:
    keep(PAGE.read_bytes(), fetched=datetime(2026, 11, 23, 0, 0, tzinfo=UTC))
    assert cli("next", "--json").err == ""


def test_the_soonest_of_a_longer_list_is_said(cli: Cli) -> None:
    page = json.loads(PAGE.read_bytes())
    page["count"] = 342
    keep(json.dumps(page).encode())
    assert "8 upcoming launches (from the soonest 9 of the 342 Launch Library 2 lists)" in (
        cli("next").out
    )


def test_a_kept_file_that_is_not_a_list_is_refused(cli: Cli) -> None:
    path = stored_path(data_folder())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"launches": []}\n')
    run = cli("next")
    assert run.code == 3
    assert run.err.splitlines() == [
        f"{path}: not a list of upcoming launches kept by spacetime "
        "(run spacetime update --upcoming)"
    ]


def test_the_kept_file_round_trips(kept: Path) -> None:
    stored = read_stored(kept)
    assert stored is not None
    assert stored.fetched == FETCHED
    assert stored.total == 9
    assert stored.launches == read_page(PAGE.read_bytes(), "x").launches


def launch(net: str, precision: str) -> Upcoming:
    return read_page(PAGE.read_bytes(), "x").launches[0]._replace(net=net, precision=precision)


@pytest.mark.parametrize(
    ("net", "precision", "shown", "first", "last", "left"),
    [
        ("2026-12-20T14:05:30Z", "Second", "20 Dec 2026 14:05 UTC", "2026-12-20", "2026-12-20", "in 26 d 14 h"),
        ("2026-11-24T00:45:00Z", "Minute", "24 Nov 2026 00:45 UTC", "2026-11-24", "2026-11-24", "in 45 min"),
        ("2026-11-24T03:00:00Z", "Hour", "24 Nov 2026 ~03:00 UTC", "2026-11-24", "2026-11-24", "in 3 h"),
        ("2026-11-25T00:00:00Z", "Morning", "25 Nov 2026 (morning, local)", "2026-11-25", "2026-11-25", "tomorrow"),
        ("2026-11-24T00:00:00Z", "Day", "24 Nov 2026", "2026-11-24", "2026-11-24", "today"),
        ("2026-11-21T00:00:00Z", "Week", "week of 21 Nov 2026", "2026-11-21", "2026-11-27", "this week"),
        ("2027-01-31T00:00:00Z", "Month", "Jan 2027", "2027-01-01", "2027-01-31", "in 1–3 mo"),
        ("2027-09-30T00:00:00Z", "Quarter 3", "Q3 2027", "2027-07-01", "2027-09-30", "in 7–11 mo"),
        ("2027-12-31T00:00:00Z", "Year Half 2", "H2 2027", "2027-07-01", "2027-12-31", "in 7–14 mo"),
        ("2027-06-30T00:00:00Z", "Year Half 1", "H1 2027", "2027-01-01", "2027-06-30", "in 1–8 mo"),
        ("2026-12-31T00:00:00Z", "Year", "2026", "2026-01-01", "2026-12-31", "this year"),
        ("2028-12-31T00:00:00Z", "Fiscal Year", "FY 2028", "2028-01-01", "2028-12-31", "in 13–26 mo"),
        ("2029-12-31T00:00:00Z", "Decade", "2020s", "2020-01-01", "2029-12-31", "this decade"),
        ("2026-11-23T22:00:00Z", "Minute", "23 Nov 2026 22:00 UTC", "2026-11-23", "2026-11-23", "due 2 h ago"),
    ],
)  # fmt: skip
def test_dates_at_each_precision(
    net: str, precision: str, shown: str, first: str, last: str, left: str
) -> None:
    upcoming = launch(net, precision)
    assert when(upcoming) == shown
    assert [d.isoformat() for d in period(upcoming)] == [first, last]
    assert countdown(upcoming, NOW) == left


@pytest.mark.parametrize(
    ("net", "precision", "ahead"),
    [
        ("2026-11-23T23:30:00Z", "Minute", True),  # within the hour after its NET
        ("2026-11-23T22:59:00Z", "Minute", False),
        ("2026-11-23T00:00:00Z", "Day", False),
        ("2026-11-20T00:00:00Z", "Week", True),  # its week runs to 26 Nov
        ("2026-11-30T00:00:00Z", "Month", True),
    ],
)
def test_what_counts_as_still_ahead(net: str, precision: str, ahead: bool) -> None:
    assert still_ahead(launch(net, precision), NOW) is ahead


def test_show_of_a_planned_event_names_its_upcoming_launch(cli: Cli, kept: Path) -> None:
    run = cli("show", "chang-e-7-south-pole-mission-planned")
    assert run.code == 0, run.err
    assert (
        "Next launch     Long March 5 | Chang'e 7: Dec 2026 (in 7–37 d), TBD, Wenchang Space "
        "Launch Site, People's Republic of China (Launch Library 2; spacetime next)"
    ) in run.out
    record = cli("show", "artemis-iii-planned", "--json").json()
    assert record["upcoming_launch"] == {
        "id": "0b1e8f2a-0009-4a6b-9c1d-000000000009",
        "name": "SLS Block 1 | Artemis III",
        "net": "2027-12-31T00:00:00Z",
        "precision": "Year",
        "date_display": "2027",
        "status": "TBD",
    }


def test_show_names_no_launch_for_an_achieved_event_or_without_a_list(cli: Cli) -> None:
    assert "upcoming_launch" not in cli("show", "artemis-iii-planned", "--json").json()
    keep(PAGE.read_bytes())
    # Artemis II flew: its event is achieved, and "Artemis II" is not "Artemis III"
    record = cli("show", "artemis-ii-crewed-lunar-flyby", "--json").json()
    assert "upcoming_launch" not in record


def test_a_mission_matches_whole_words_only() -> None:
    from spacetime.launches.upcoming import matching

    launches = read_page(PAGE.read_bytes(), "x").launches
    found = matching("Artemis III", launches)
    assert found is not None and found.mission == "Artemis III"
    assert matching("Artemis II", launches) is None
    found = matching("Chang’e-7", launches)  # a typographic apostrophe, a hyphen
    assert found is not None and found.mission == "Chang'e 7"
    assert matching("Chang'e 6", launches) is None


def test_compare_next_shows_each_nations_next_launches(cli: Cli, kept: Path) -> None:
    document = cli("compare", "china", "usa", "india", "--next", "--json").json()
    assert {code: [r["mission"] for r in rows] for code, rows in document["next"].items()} == {
        "CN": ["TJS-20", "Chang'e 7"],
        "US": ["Starlink Group 12-7", "Artemis III"],
        "IN": ["Oceansat-3A"],
    }
    table = cli("compare", "china", "japan", "--next").out
    section = table[table.index("Next launches (from pads in each nation)") :].splitlines()
    assert section[3].split()[:3] == ["China", "26", "Nov"]
    assert section[5].split() == ["Japan", "—"]
    assert (
        section[-1]
        == "Upcoming launches: Launch Library 2, The Space Devs (https://thespacedevs.com)"
    )


def test_compare_next_without_a_list_says_how_to_get_one(cli: Cli) -> None:
    run = cli("compare", "china", "usa", "--next", "--json")
    assert run.code == 0
    assert "next" not in run.json()
    assert run.err.startswith("no list of upcoming launches yet: spacetime update --upcoming")


def test_sources_lists_the_kept_list(cli: Cli, kept: Path) -> None:
    found = [r for r in cli("sources", "--json").json() if r["source"] == "ll2"]
    assert found == [
        {
            "source": "ll2",
            "kind": "upcoming",
            "title": "Launch Library 2 upcoming launches",
            "file": str(kept),
            "path": str(kept.resolve()),
            "origin": "updated",
            "first_day": "2026-11-22",
            "last_day": "2027-12-31",
            "first_display": "22 Nov 2026",
            "last_display": "2027",
            "events": None,
            "launches": 9,
            "off_earth": None,
            "updated": "2026-11-23",
            "credit": "Upcoming launches: Launch Library 2, The Space Devs (https://thespacedevs.com)",
            "licence": "free to use, 15 requests an hour without a key (The Space Devs)",
        }
    ]


def test_docs_json_describes_every_key_of_next(cli: Cli, kept: Path) -> None:
    import re

    docs = (Path(__file__).parents[1] / "docs" / "json.md").read_text(encoding="utf-8")
    block = docs.split("\n## next\n", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \| ([a-z ]+) \|", block, flags=re.M)
    records = cli("next", "--json").json()
    assert [name for name, _ in documented] == list(records[0])
    kinds = {str: "string", list: "array", type(None): "null"}
    for name, kind in documented:
        seen = {kinds[type(r[name])] for r in records}
        assert seen <= set(kind.split(" or ")), name


def test_the_help_credits_the_space_devs(cli: Cli) -> None:
    from spacetime.sources.ll2 import CREDIT

    text = " ".join(cli("next", "--help").out.split())
    assert CREDIT in text


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("args", [("next",), ("compare", "china", "usa", "--next")])
def test_narrow_tables_keep_every_word_whole(
    kept: Path, columns: int, args: tuple[str, ...]
) -> None:
    """In a 60- or 80-column terminal columns are left out (country, status...) and a short
    last part stays with its word ("Long March 5"), rather than a word or name cut in two."""
    import io
    import os

    from spacetime.cli.app import main
    from spacetime.output.environment import Environment

    def draw(width: int) -> str:
        out = io.StringIO()
        env = Environment(
            stdout=out, stderr=io.StringIO(), terminal=True, width=width,
            today=NOW.date(), environ=os.environ,
        )  # fmt: skip
        assert main(list(args), env) == 0
        return out.getvalue()

    section = "Next launches (from pads in each nation)"
    narrow = draw(columns)
    narrow = narrow[narrow.find(section) if section in narrow else 0 :]
    lines = narrow.splitlines()
    assert all(len(line) <= columns or "://" in line for line in lines)
    wide = draw(1000)
    wide = wide[wide.find(section) if section in wide else 0 :]
    assert set(narrow.split()) - set(wide.split()) - {"─" * columns} == set()
    for name in ("Chang'e 7", "Kuiper Flight 3", "Artemis III"):  # never "Artemis" / "III"
        assert any(name in line for line in lines) or name not in wide, name


def test_without_the_pad_column_the_country_says_it_is_the_pads(kept: Path) -> None:
    import io
    import os

    from spacetime.cli.app import main
    from spacetime.output.environment import Environment

    out = io.StringIO()
    env = Environment(
        stdout=out, stderr=io.StringIO(), terminal=True, width=80, today=NOW.date(),
        environ=os.environ,
    )  # fmt: skip
    assert main(["next", "-n", "3"], env) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].split() == [
        "When",
        "(UTC)",
        "Countdown",
        "Status",
        "Vehicle",
        "Mission",
        "Pad",
        "in",
    ]
    assert [line.split()[-1] for line in lines[2:7]] == ["US", "5", "CN", "7A", "IN"]
