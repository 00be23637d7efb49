"""The smaller things of issue 16: chart styles and axis, stats periods, compare's warnings and
help, validate/remove/add messages."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

from conftest import FIXTURES, MINI, Run
from spacetime.cli.app import main
from spacetime.output.environment import Environment

Cli = Callable[..., Run]
TABLES = ("--no-bundled", "--data", str(FIXTURES / "tables.yaml"))
SGR = re.compile(r"\x1b\[([0-9;]*)m")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("no file descriptor")


def chart_in_terminal(*args: str, colour: bool = True) -> str:
    terminal = io.StringIO()
    env = Environment(stdout=terminal, terminal=True, width=120, colour=colour)
    assert main(["chart", *TABLES, *args], env) == 0
    return terminal.getvalue()


def test_chart_honours_no_color_for_every_style() -> None:
    coloured = chart_in_terminal("-c", "usa,ussr")
    assert {"1", "2"} <= {code for codes in SGR.findall(coloured) for code in codes.split(";")}
    assert "\x1b" not in chart_in_terminal("-c", "usa,ussr", colour=False)


def test_no_color_and_a_dumb_terminal_turn_colour_off() -> None:
    terminal = Terminal()
    assert Environment.from_process(terminal, environ={"TERM": "xterm-256color"}).colour
    for environ in ({"NO_COLOR": "1"}, {"TERM": "dumb"}):
        assert not Environment.from_process(terminal, environ=environ).colour
    assert Environment.from_process(terminal, environ={"COLUMNS": "77"}).width == 77
    assert not Environment.from_process(io.StringIO(), environ={}).terminal


def test_chart_axis_labels_every_tick(cli: Cli) -> None:
    out = cli("chart", *TABLES, "-c", "china,russia,usa", "--since", "1955", "--width", "120").out
    lines = out.splitlines()
    axis = next(i for i, line in enumerate(lines) if "└" in line)
    ticks = [m.start() for m in re.finditer("┬", lines[axis])]
    labels = {m.start(): m.group() for m in re.finditer(r"\d{4}", lines[axis + 1])}
    assert "1960" in labels.values() and "1970" in labels.values()
    assert len(labels) == len(ticks)
    for x, year in labels.items():  # each label starts under its tick, but the last may shift
        assert x in ticks or year == max(labels.values())


def test_stats_counts_an_interval_only_inside_the_range(cli: Cli) -> None:
    doc = cli("stats", *TABLES, "--since", "2019", "--json").json()
    # the ISS occupation (from 2000, ongoing) counts in 2019's decade, not in the 2000s
    assert doc["by_decade"] == {"2010s": 2, "2020s": 5, "2030s": 1}
    ids = [e["id"] for e in cli("list", *TABLES, "--since", "2019", "--json").json()]
    assert "iss-continuous-occupation-begins" in ids  # still listed: it is ongoing


def test_compare_warns_when_a_nation_is_counted_twice(cli: Cli) -> None:
    result = cli("compare", *TABLES, "china", "russia", "ussr", "--json")
    assert result.code == 0
    assert result.err == (
        "spacetime: warning: Soviet Union is counted twice: in its own column and in Russia's,"
        " which includes its predecessors (--no-lineage counts each on its own)\n"
    )
    assert cli("compare", *TABLES, "china", "russia", "ussr", "--no-lineage", "--json").err == ""


def test_compare_help_does_not_offer_country(cli: Cli) -> None:
    result = cli("compare", "--help")
    assert result.code == 0 and "--agency" in result.out and "--country" not in result.out
    assert cli("compare", *TABLES, "china", "usa", "--country", "china").code == 2


def test_validate_ends_with_its_summary_valid_or_not(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: spacetime/1\nevents:\n  - id: x\n    date: 2020\n")
    result = cli("validate", "--no-bundled", "--data", str(MINI), str(bad))
    assert result.code == 3
    assert result.err == (
        f"{bad}:3: event 'x': missing required fields 'title', 'countries', 'sources'\n"
    )
    assert result.out == f"{bad}: invalid: 1 problem\n"
    good = tmp_path / "good.yaml"
    good.write_text("format: spacetime/1\nevents: []\n")
    result = cli("validate", "--no-bundled", "--data", str(MINI), str(good))
    assert result.out.startswith(
        f"{good}: valid (checked together with {MINI}, whose entities, milestones and categories"
        " it may use): 0 events, "
    )


def test_add_warns_about_a_future_achievement_and_a_known_title(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("format: spacetime/1\nevents:\n")
    base = ("add", "--no-bundled", "--data", str(MINI), "--to", str(path), "-c", "US")
    common = ("--category", "moon", "--source", "https://example.org/a")
    result = cli(*base, *common, "--title", "SPUTNIK 1 launched", "--date", "2027-01-01")
    assert result.code == 0  # added all the same
    assert result.err.splitlines()[1:] == [
        "spacetime: warning: 'sputnik-1-launched' is achieved but dated in the future (2027-01-01);"
        " a plan is --status planned with --confirmed",
        f"spacetime: warning: the title of 'sputnik-1-launched' is already that of 'sputnik-1' ({MINI}:4)",
    ]
    plan = cli(*base, *common, "--title", "A plan", "--date", "2030", "--status", "planned")
    assert (
        plan.code == 0 and "`spacetime add --confirmed DATE`" in plan.err
    )  # a user's plan: warned


def test_the_readme_quotes_the_command_that_draws_its_picture() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "pictures", FIXTURES.parents[1] / "docs" / "pictures.py"
    )
    assert spec is not None and spec.loader is not None
    pictures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pictures)
    readme = (FIXTURES.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "chart" in pictures.PICTURES
    for name, args in pictures.PICTURES.items():
        assert f"`spacetime {' '.join(args)} --svg docs/{name}.svg`" in readme
        assert f"(docs/{name}.png)" in readme
