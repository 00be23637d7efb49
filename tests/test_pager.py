"""The pager (spacetime.cli.pager): a tall answer on a terminal goes through it, as git's does;
`--no-pager`, a pipe, a short answer or a missing pager leave the answer on standard output.

The pager here is a script that copies what it is given to a file; the terminal is an injected
`Environment` (and, once, a real pseudo-terminal from Python's pty module).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from test_e2e import run_in_terminal

from conftest import MINI
from spacetime.cli.app import main
from spacetime.output.environment import Environment

PAGER = "import sys, pathlib; pathlib.Path(sys.argv[1]).write_text(sys.stdin.read())"


class Screen(io.StringIO):
    """A terminal's screen as the pager sees one: it says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def paged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The file the fake pager writes what it was given to; the screen is 10 lines high."""
    script = tmp_path / "pager.py"
    script.write_text(PAGER)
    out = tmp_path / "paged.txt"
    monkeypatch.setenv("SPACETIME_PAGER", f"{sys.executable} {script} {out}")
    monkeypatch.setenv("LINES", "10")
    return out


def run(*args: str, terminal: bool = True) -> str:
    screen = Screen()
    env = Environment(stdout=screen, terminal=terminal, width=100, environ=os.environ)
    assert main(["list", "--no-bundled", "--data", str(MINI), *args], env) == 0
    return screen.getvalue()


def test_a_tall_answer_goes_through_the_pager(paged: Path) -> None:
    assert run() == ""
    text = paged.read_text()
    assert text.count("\n") > 10
    assert "Sputnik 1" in text


def test_no_pager_a_pipe_or_a_short_answer_print_directly(
    paged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "Sputnik 1" in run("--no-pager")
    assert "Sputnik 1" in run(terminal=False)
    assert "Sputnik 1" in run("--limit", "2")  # four lines fit the screen
    assert not paged.exists()
    monkeypatch.setenv("LINES", "1000")
    assert "Sputnik 1" in run()
    assert not paged.exists()


def test_pager_order_and_fallbacks(paged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", "no-such-pager-anywhere")  # SPACETIME_PAGER comes first
    assert run() == ""
    paged.unlink()
    monkeypatch.delenv("SPACETIME_PAGER")
    assert "Sputnik 1" in run()  # a pager that cannot be found: plain output
    monkeypatch.setenv("PAGER", "")  # an empty pager (or cat) is none
    assert "Sputnik 1" in run()
    assert not paged.exists()


def test_help_and_commands_that_write_are_never_paged(paged: Path, tmp_path: Path) -> None:
    env = Environment(stdout=Screen(), terminal=True, width=100)
    assert main(["list", "--help"], env) == 0
    assert not paged.exists()
    assert main(["init", str(tmp_path / "mine.yaml")], env) == 0
    assert not paged.exists()


def test_a_stream_that_is_no_terminal_is_never_paged(paged: Path) -> None:
    """A table fitted to a width for a test or a library caller (`terminal=True` on a plain
    stream) is not sent to a pager."""
    plain = io.StringIO()
    assert (
        main(
            ["list", "--no-bundled", "--data", str(MINI)], Environment(stdout=plain, terminal=True)
        )
        == 0
    )
    assert "Sputnik 1" in plain.getvalue()
    assert not paged.exists()


@pytest.mark.slow
def test_on_a_real_terminal(paged: Path) -> None:
    """`spacetime list` on a pseudo-terminal (10 lines): through the pager; with --no-pager not."""
    command = [sys.executable, "-m", "spacetime", "list", "--no-bundled", "--data", str(MINI)]
    environment = {**os.environ, "COLUMNS": "100"}
    assert run_in_terminal(command, environment) == ""
    assert "Sputnik 1" in paged.read_text()
    paged.unlink()
    assert "Sputnik 1" in run_in_terminal([*command, "--no-pager"], environment)
    assert not paged.exists()
