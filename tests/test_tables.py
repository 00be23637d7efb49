"""Golden tables: every table command drawn into a fake terminal 60, 80 and 120 columns wide.

The fixture is a frozen slice of the bundled timeline (tests/fixtures/tables.yaml). To accept a
deliberate change of layout, run `SPACETIME_UPDATE_GOLDEN=1 pytest tests/test_tables.py` and read
the diff of tests/golden/tables/ before committing it.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from conftest import FIXTURES
from spacetime.cli.app import main
from spacetime.output.environment import Environment
from spacetime.output.texttable import width

GOLDEN = Path(__file__).parent / "golden" / "tables"
DATA = ("--no-bundled", "--data", "tests/fixtures/tables.yaml")  # relative: the same everywhere
COMMANDS = {
    "list": ("list",),
    "list-russia": ("list", "-c", "russia", "--until", "1975"),
    "show": ("show", "vostok-1-gagarin"),
    "compare": ("compare", "china", "russia", "usa"),
    "firsts": ("firsts",),
    "firsts-china": ("firsts", "-c", "china"),
    "stats": ("stats",),
    "on": ("on", "Apr 12", "--week"),
    "countries": ("countries",),
    "milestones": ("milestones",),
    "categories": ("categories",),
    "list-ids": ("list", "--ids", "--since", "1990"),
    "today": ("today", "--week", "--as-of", "2021-02-10"),
    "compare-2021": ("compare", "china", "india", "uae", "--as-of", "2021-03-09"),
}
LAUNCHES = ("--data", "tests/fixtures/launches/tables.tsv")  # a frozen slice of the launch log
LAUNCH_COMMANDS = {
    "launches": ("launches", "-c", "china", "--since", "2023"),
    "launches-by-year": ("launches", "--by", "year", "--since", "2015"),
    "launches-by-year-nations": (
        "launches",
        "--by",
        "year",
        "-c",
        "china,russia",
        "--since",
        "2018",
    ),
    "compare-cadence": ("compare", "china", "russia", "usa"),
    "stats-launches": ("stats", "--launches"),
}
COMMANDS.update(LAUNCH_COMMANDS)
WIDTHS = (60, 80, 120)


def draw(name: str, columns: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(FIXTURES.parents[1])
    terminal = io.StringIO()
    env = Environment(stdout=terminal, terminal=True, width=columns, colour=False)
    args = COMMANDS[name]
    data = (*DATA, *LAUNCHES) if name in LAUNCH_COMMANDS else DATA
    assert main([args[0], *data, *args[1:]], env) == 0
    return terminal.getvalue()


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_golden_table(name: str, columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_golden(draw(name, columns, monkeypatch), name, columns)


def assert_golden(text: str, name: str, columns: int) -> None:
    """`text` is tests/golden/tables/NAME-COLUMNS.txt, and every line fits (except a URL, which
    is never broken)."""
    golden = GOLDEN / f"{name}-{columns}.txt"
    if os.environ.get("SPACETIME_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    for line in text.splitlines():
        assert width(line) <= columns or "://" in line, line


LEGEND = "✓ ◐ × ○ ⊘ · – ongoing achieved partial failed planned cancelled"  # status marks
SHORT_FORMS = {*LEGEND.split(" "), "Got", "★", "Plans", "Lag", "Per", "decade", "First", "world"}
SHORT_FORMS.add("achieved;")  # short headers and footers
SHORT_FORMS.update({"failed;", "success,", "partial,", "failure", "2023?"})  # launch outcomes
SHORT_FORMS.update({"OK", "Failed"})  # the short headers of launch counts


UNAVOIDABLE = {("list-ids", 60)}


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_no_word_is_broken(name: str, columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word of a narrow table is a word of the wide one (or of a short form): nothing
    was cut in two (except where it cannot fit: 60 columns less a 40-letter id leave 15)."""
    if (name, columns) in UNAVOIDABLE:
        pytest.skip("a word longer than its column can be")
    wide = set(draw(name, 1000, monkeypatch).split())
    narrow = set(draw(name, columns, monkeypatch).split())
    drawn = {
        word
        for word in narrow - wide - SHORT_FORMS
        if set(word) - set("─█") and not re.fullmatch(r"[A-Z]{2,4},?", word)  # rules, bars, codes
    }
    assert drawn == set()


def draw_sources(columns: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """`spacetime sources` of the two frozen slices, copied beside each other with a fixed
    modification day (the Updated column of your own files)."""
    for fixture in (FIXTURES / "tables.yaml", FIXTURES / "launches" / "tables.tsv"):
        copy = tmp_path / fixture.name
        copy.write_bytes(fixture.read_bytes())
        os.utime(copy, (1_733_616_000, 1_733_616_000))  # 8 Dec 2024, 00:00 UTC
    monkeypatch.chdir(tmp_path)
    terminal = io.StringIO()
    env = Environment(stdout=terminal, terminal=True, width=columns, colour=False)
    args = ["sources", "--no-bundled", "--data", "tables.yaml", "--data", "tables.tsv"]
    assert main(args, env) == 0
    return terminal.getvalue()


@pytest.mark.parametrize("columns", WIDTHS)
def test_golden_sources(columns: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sources table fits, keeps its words whole and shows each span as its data does."""
    text = draw_sources(columns, tmp_path, monkeypatch)
    assert_golden(text, "sources", columns)
    assert all(width(line) <= columns for line in text.splitlines())  # no URL here either
    wide = set(draw_sources(1000, tmp_path, monkeypatch).split())
    drawn = {word for word in set(text.split()) - wide if set(word) != {"─"}}  # not the rule
    assert drawn <= {"gcat", "McDowell"}  # short forms: no word was cut
