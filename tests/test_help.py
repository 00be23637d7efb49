"""`spacetime --help`: every command by group, read without importing Typer or any command."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from collections.abc import Callable
from importlib import import_module

import pytest

from conftest import Run
from spacetime.cli.app import COMMANDS

Cli = Callable[..., Run]


def test_root_help_lists_every_command_with_its_docstring(cli: Cli) -> None:
    result = cli("--help")
    assert result.code == 0
    for name, (module, function, _, summary) in COMMANDS.items():
        doc = inspect.getdoc(getattr(import_module(f"spacetime.cli.commands.{module}"), function))
        assert doc is not None
        assert summary == doc.split("\n\n")[0].replace("\n", " "), name
        assert f"  {name} " in result.out
    assert cli().out == result.out == cli("-h").out


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_root_help_fits_the_terminal(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = cli("--help").out.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert any(line.startswith("  compare     Compare nations: who got") for line in lines)


def test_root_help_imports_neither_typer_nor_a_command() -> None:
    code = (
        "import sys; from spacetime.cli.app import main; main(['--help']);"
        "print(sorted(m for m in sys.modules if m.startswith(('typer', 'rich', 'spacetime.cli.c'))),"
        " file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]"


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_help_cuts_no_word(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, command: str, columns: int
) -> None:
    """Each command's help fits the terminal, keeping every word whole: no ellipsis cutting one
    short, no word broken over two lines (each word is one of the help drawn 1000 wide)."""
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli(command, "--help")
    assert result.code == 0
    assert "…" not in result.out
    assert max(len(line) for line in result.out.splitlines()) <= columns
    monkeypatch.setenv("COLUMNS", "1000")
    wide = set(_words(cli(command, "--help").out))
    assert [word for word in _words(result.out) if word not in wide] == []


def _words(text: str) -> list[str]:
    return re.sub(r"[│╭╮╰╯─]", " ", text).split()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_usage_lines_use_plain_metavars(cli: Cli, command: str) -> None:
    usage = cli(command, "--help").out.strip().splitlines()[0].strip()
    assert usage.startswith(f"Usage: spacetime {command} [OPTIONS]")
    assert re.fullmatch(r"Usage: spacetime \S+ \[OPTIONS\]( \[?[A-Z]+(\.\.\.)?\]?)*", usage)
