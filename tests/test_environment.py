"""Every command writes through the `Environment` it is given: nothing to the process's streams."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import ADD, MINI
from spacetime.cli.app import COMMANDS, main
from spacetime.output.environment import Environment

GCAT_LOG = Path(__file__).parent / "fixtures" / "gcat" / "launchlog.tsv"
DAY = date(1999, 12, 31)  # not the tests' SPACETIME_TODAY: the Environment's own day must win

# Each command with arguments that make it write, and whether it writes on stdout (data) or on
# stderr only (what it did). {tmp} is a folder of the test's own.
RUNS: dict[str, tuple[list[str], str]] = {
    "list": (["list", "-c", "china", "-n", "2"], "out"),
    "show": (["show", "sputnik-1"], "out"),
    "launches": (["launches", "-c", "china", "-n", "2"], "out"),
    "compare": (["compare", "china", "india"], "out"),
    "firsts": (["firsts"], "out"),
    "stats": (["stats", "-c", "china"], "out"),
    "chart": (["chart", "-c", "china"], "out"),
    "today": (["today", "--week"], "out"),
    "on": (["on", "Oct 4"], "out"),
    "export": (["export", "csv", "-c", "china"], "out"),
    "countries": (["countries"], "out"),
    "milestones": (["milestones"], "out"),
    "categories": (["categories"], "out"),
    "validate": (["validate", "--no-bundled", str(MINI)], "out"),
    "import": (["import", "gcat", str(GCAT_LOG), "-o", "{tmp}/launches.tsv"], "err"),
    "init": (["init", "{tmp}/new.yaml"], "err"),
    "add": (["add", "--to", "{tmp}/mine.yaml", *ADD], "err"),
    "remove": (["remove", "sputnik-1", "--no-bundled", "--from", "{tmp}/mini.yaml"], "err"),
    "fmt": (["fmt", "--no-bundled", "{tmp}/mini.yaml"], "err"),
    "schema": (["schema"], "out"),
    "completion": (["completion", "bash"], "out"),
    "update": (["update", "--reset"], "err"),
    "sources": (["sources"], "out"),
    "next": (["next"], "err"),  # no list kept yet: how to get one, on stderr
    "cache": (["cache", "info"], "out"),
    "man": (["man"], "out"),
}

# Options that write more than the answer: files saved, notes, the pager's absence.
MORE: list[tuple[list[str], str]] = [
    (["compare", "china", "india", "--next"], "both"),  # the answer, and how to get a list
    (["compare", "china", "india", "--svg", "{tmp}/race.svg"], "both"),  # "saved ..."
    (["chart", "--launches", "--since", "2000"], "out"),
    (["on", "Oct 4", "--launches", "-n", "3"], "out"),
    (["today", "--launches"], "out"),
    (
        ["launches", "-c", "china", "--since", "2024", "--until", "2090", "-n", "2"],
        "both",
    ),  # the log ends before
    (["stats", "--launches", "-c", "india"], "out"),
    (["list", "-n", "1", "--data", "{tmp}/mini.yaml"], "both"),  # mini.yaml replaces bundled
    (["validate", "{tmp}/mini.yaml"], "both"),  # its notes of the events it replaces
    (["cache", "clear"], "err"),
    (["countries", "--all"], "out"),
]


def test_every_command_is_run_here() -> None:
    assert set(RUNS) == set(COMMANDS)


def run(args: list[str], **changes: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdout=out, stderr=err, today=DAY, environ=dict(os.environ))
    code = main(args, env.replace(**changes))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", sorted(RUNS))
def test_a_command_writes_only_to_its_environment(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mini.yaml").write_bytes(MINI.read_bytes())
    (tmp_path / "mine.yaml").write_text("format: spacetime/1\n\nevents:\n", encoding="utf-8")
    args, where = RUNS[name]
    code, out, err = run([a.replace("{tmp}", str(tmp_path)) for a in args])
    assert code == 0, err
    assert (out if where == "out" else err).strip()
    if where == "err":
        assert out == ""
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(("args", "where"), MORE, ids=[" ".join(args) for args, _ in MORE])
def test_an_option_writes_only_to_its_environment(
    args: list[str], where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mini.yaml").write_bytes(MINI.read_bytes())
    code, out, err = run([a.replace("{tmp}", str(tmp_path)) for a in args])
    assert code == 0, err
    assert out.strip() if where in ("out", "both") else out == ""
    if where in ("err", "both"):
        assert err.strip()
    assert capsys.readouterr() == ("", "")


def test_the_root_help_and_version_go_to_the_environment(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["--help"])[1].startswith("Usage: spacetime [OPTIONS] COMMAND")
    assert run(["--version"])[1].startswith("spacetime ")
    lines = run(["list", "--help"], width=60)[1].splitlines()
    assert lines[0] == "Usage: spacetime list [OPTIONS]"
    assert {"Data files:", "Filters:", "Output:"} <= set(lines)
    [country] = [line for line in lines if line.startswith("  -c, --country NAME ")]
    assert country.split() == [
        "-c,",
        "--country",
        "NAME",
        "Country",
        "or",
        "organization,",
        "by",
        "code",
        "or",
    ]
    assert max(map(len, lines)) <= 60
    assert (
        run(["list", "--limit", "0"])[2] == "spacetime: error: --limit must be 1 or more, not 0\n"
    )
    assert capsys.readouterr() == ("", "")


def test_export_csv_and_ics_take_the_environment(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", "csv", "-c", "ussr", "--until", "1957"])
    assert code == 0 and out.splitlines()[0].startswith("id,")
    code, out, err = run(["export", "ics", "-c", "ussr", "--until", "1957"])
    assert code == 0 and "DTSTAMP:19991231T000000Z" in out.splitlines()
    assert err.startswith("exported ")
    assert capsys.readouterr() == ("", "")


def test_today_and_years_ago_count_from_the_environments_day() -> None:
    code, out, _ = run(["on", "Oct 4", "-c", "ussr", "--json"])
    records = json.loads(out)
    sputnik = next(r for r in records if r["id"] == "sputnik-1")
    assert code == 0 and sputnik["years_ago"] == 1999 - 1957


def test_the_cache_folder_comes_from_the_environment(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    environ = {**os.environ, "SPACETIME_CACHE_DIR": str(folder)}
    assert run(["list", "-n", "1"], environ=environ)[0] == 0
    assert list(folder.glob("*.marshal"))
    nothing = tmp_path / "none"
    environ = {**environ, "SPACETIME_CACHE_DIR": str(nothing), "SPACETIME_NO_CACHE": "1"}
    assert run(["list", "-n", "1"], environ=environ)[0] == 0
    assert not nothing.exists()


def test_a_commands_help_imports_no_rich() -> None:
    code = (
        "import sys; from spacetime.cli.app import main; main(['launches', '--help']);"
        "print(sorted(m for m in sys.modules if m.startswith('rich')), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]" and "Filters:" in done.stdout


class Keyboard(io.StringIO):
    """Typed answers, on what says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_add_asks_through_the_environment(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("format: spacetime/1\n\nevents:\n", encoding="utf-8")
    typed = Keyboard("1965-03-18\n\nussr\nhttps://example.org/asked\n")
    args = ["add", "--no-bundled", "--data", str(MINI), "--to", str(target), "--title", "Asked"]
    code, out, err = run(args, stdin=typed)
    assert code == 0, err
    assert (
        out
        == "date: countries (comma-separated): countries (comma-separated): sources (comma-separated): "
    )
    assert err == f"added 'asked' to {target}\n"
    assert run([*args[:-1], "Asked again"], stdin=Keyboard("1965-03-18\n"))[0] == 130
