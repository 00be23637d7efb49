"""Your event replaces a bundled one of the same id everywhere, and says so; `validate` always ends
with its summary; `add` names the bundled event that a new one repeats."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run
from spacetime.core.timeline import Timeline
from spacetime.load.loader import load_timeline
from spacetime.load.sources import bundled_path, display_name, vocabulary_path

Cli = Callable[..., Run]
MINE = """\
format: spacetime/1
events:
  - id: sputnik-1
    date: 1957-10-04
    title: Sputnik 1 as our class tells it
    countries: [SU]
    category: satellite
    milestones: [first-satellite, first-orbital-launch]
    sources: [https://en.wikipedia.org/wiki/Sputnik_1]
"""


@pytest.fixture(scope="module")
def bundled() -> Timeline:
    return load_timeline([bundled_path()])


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(MINE, encoding="utf-8")
    return path


def test_your_event_replaces_the_bundled_one_in_list_with_a_note(cli: Cli, mine: Path) -> None:
    for _ in range(2):  # the second run reads the cache: the same answer, the same note
        result = cli("list", "--data", str(mine), "--until", "1957", "--json")
        assert (result.code, result.err) == (0, f"{mine} replaces 1 bundled event: sputnik-1\n")
        found = [e for e in result.json() if e["id"] == "sputnik-1"]
        assert [e["title"] for e in found] == ["Sputnik 1 as our class tells it"]
    for _ in range(2):  # the search rows (cached too) are your event's
        found = cli("list", "--data", str(mine), "-q", "-s", "our class", "--json").json()
        assert [e["id"] for e in found] == ["sputnik-1"]
        gone = cli("list", "--data", str(mine), "-q", "-s", "polished sphere", "--json")
        assert gone.json() == []
    table = cli("list", "--data", str(mine), "-q", "--since", "1957-10", "--until", "1957-10")
    rows = [line.split("  ") for line in table.out.splitlines()[2:-1]]
    assert [[cell.strip() for cell in row if cell.strip()][:2] for row in rows] == [
        ["1 Jul 1957 – 31 Dec 1958", "International Geophysical Year"],  # under way then
        ["4 Oct 1957", f"Sputnik 1 as our class tells it (from {mine})"],
    ]
    quiet = cli("list", "--data", str(mine), "--until", "1957", "--json", "--quiet")
    assert (quiet.code, quiet.err, quiet.out) == (0, "", result.out)
    assert cli("list", "--data", str(mine), "-q", "--count").out == cli("list", "--count").out
    alone = cli("list", "--until", "1957", "--json")  # without your file the bundled one is back
    assert alone.err == ""
    assert [e["title"] for e in alone.json() if e["id"] == "sputnik-1"] == [
        "Sputnik 1, the first artificial satellite"
    ]


def test_your_event_is_the_one_shown_compared_ranked_and_exported(cli: Cli, mine: Path) -> None:
    data = ("--data", str(mine), "--quiet")
    shown = cli("show", "sputnik-1", *data, "--json").json()
    assert (shown["title"], shown["from_file"]) == ("Sputnik 1 as our class tells it", str(mine))
    heading = cli("show", "sputnik-1", *data).out.splitlines()[0]
    assert heading == f"Sputnik 1 as our class tells it  [sputnik-1]  (from {mine})"
    firsts = {r["milestone"]: r for r in cli("firsts", *data, "--json").json()}
    assert (firsts["first-satellite"]["event"], firsts["first-satellite"]["from_file"]) == (
        "sputnik-1",
        str(mine),
    )
    matrix = cli("compare", "russia", "usa", *data, "--json").json()["matrix"]
    row = next(r for r in matrix if r["milestone"] == "first-satellite")
    assert (row["cells"]["RU"]["event"], row["cells"]["RU"]["from_file"]) == (
        "sputnik-1",
        str(mine),
    )
    exported = cli("export", "json", *data, "--until", "1957").json()
    assert [e["title"] for e in exported if e["id"] == "sputnik-1"] == [
        "Sputnik 1 as our class tells it"
    ]
    story = cli("export", "timelinejs", *data, "--until", "1957").json()
    headlines = [e["text"]["headline"] for e in story["events"]]
    assert "Sputnik 1 as our class tells it" in headlines
    assert "Sputnik 1, the first artificial satellite" not in headlines
    yaml_out = cli("export", "yaml", *data, "--until", "1957").out
    assert yaml_out.count("id: sputnik-1\n") == 1 and "as our class tells it" in yaml_out


def test_the_note_names_each_file_and_counts_past_ten(
    cli: Cli, tmp_path: Path, bundled: Timeline
) -> None:
    ids = [e.id for e in bundled.events[:12]]
    many = tmp_path / "many.yaml"
    records = "".join(
        f"  - id: {i}\n    date: 2000\n    title: Mine {n}\n    countries: [US]\n"
        "    sources: [https://example.org/a]\n"
        for n, i in enumerate(ids)
    )
    many.write_text(f"format: spacetime/1\nevents:\n{records}", encoding="utf-8")
    result = cli("list", "--data", str(many), "--count")
    assert result.code == 0
    assert result.err == (f"{many} replaces 12 bundled events: {', '.join(ids[:10])} and 2 more\n")
    assert int(result.out) == len(bundled.events)


def test_two_of_your_files_with_one_id_is_still_an_error(
    cli: Cli, mine: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(MINE.replace("as our class tells it", "again"), encoding="utf-8")
    result = cli("list", "--data", str(mine), "--data", str(other))
    assert result.code == 3
    assert result.err == f"{other}:3: duplicate event id 'sputnik-1' (also at {mine}:3)\n"
    twice = tmp_path / "twice.yaml"
    twice.write_text(MINE + MINE.split("events:\n")[1], encoding="utf-8")
    result = cli("validate", str(twice))
    assert result.code == 3
    assert result.err == f"{twice}:10: duplicate event id 'sputnik-1' (also at {twice}:3)\n"


def test_validate_notes_replacements_and_ends_with_its_summary(cli: Cli, mine: Path) -> None:
    result = cli("validate", str(mine))
    assert result.code == 0
    assert result.err == f"{mine}:3: note: replaces the bundled event 'sputnik-1'\n"
    assert result.out.startswith(f"{mine}: valid (checked together with ")
    assert result.out.endswith("; 0 warnings; replaces 1 bundled event\n")
    assert cli("validate", str(mine), "--quiet").err == ""


@pytest.mark.parametrize("path", [bundled_path(), vocabulary_path()])
def test_validate_of_a_bundled_file_ends_with_its_summary(cli: Cli, path: Path) -> None:
    result = cli("validate", str(path))
    assert result.code == 0
    assert result.out.startswith(f"{display_name(path)}: valid")
    assert result.out.count("\n") == 1


def test_add_names_the_bundled_event_it_repeats(
    cli: Cli, tmp_path: Path, bundled: Timeline
) -> None:
    sputnik = bundled.event("sputnik-1")
    path = tmp_path / "new.yaml"
    path.write_text("format: spacetime/1\nevents:\n", encoding="utf-8")
    common = ("--to", str(path), "--title", sputnik.title, "-c", "SU", "--category", "satellite",
              "--source", "https://en.wikipedia.org/wiki/Sputnik_1")  # fmt: skip
    result = cli("add", *common, "--date", "1957-10-04")
    assert result.code == 0
    new = "sputnik-1-the-first-artificial-satellite"
    assert result.err.splitlines() == [
        f"added '{new}' to {path}",
        f"spacetime: warning: '{new}' repeats the bundled event 'sputnik-1' (same title and "
        "date); to put yours in its place, give it that id (--id sputnik-1)",
    ]
    replaced = cli("add", *common, "--date", "1957-10-04", "--id", "sputnik-1")
    assert replaced.code == 0 and replaced.err.startswith(f"added 'sputnik-1' to {path}\n")
    listed = cli("list", "--data", str(path), "-s", "sputnik", "--json")
    assert [e["id"] for e in listed.json()].count("sputnik-1") == 1
    assert listed.err == f"{path} replaces 1 bundled event: sputnik-1\n"
    taken = cli("add", *common, "--date", "1957-10-05", "--id", "sputnik-1")
    assert (taken.code, taken.err) == (
        2,
        f"spacetime: error: --id: 'sputnik-1' is taken (at {path}:11)\n",
    )
    assert json.loads(cli("show", "sputnik-1", "--data", str(path), "-q", "--json").out)[
        "from_file"
    ] == str(path)


def test_validate_says_when_the_problems_are_in_another_loaded_file(
    cli: Cli, mine: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: spacetime/1\nevents:\n  - id: x\n    date: 2020\n", encoding="utf-8")
    result = cli("validate", str(mine), "--data", str(bad))
    assert result.code == 3
    assert result.err == (
        f"{bad}:3: event 'x': missing required fields 'title', 'countries', 'sources'\n"
    )
    assert result.out == f"{mine}: not checked: 1 problem in {bad}, loaded with it\n"
    both = cli("validate", str(mine), str(bad))
    assert (both.code, both.out) == (3, f"{mine}, {bad}: invalid: 1 problem\n")
