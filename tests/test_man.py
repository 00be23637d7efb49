"""`spacetime man`: a manual page made from the same help as `--help`, every command in it."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

import pytest

from conftest import Run
from spacetime.cli.app import COMMANDS
from spacetime.cli.helptext import EXAMPLES

Cli = Callable[..., Run]


def test_every_command_and_example_is_in_the_page(cli: Cli) -> None:
    result = cli("man")
    assert result.code == 0
    page = result.out
    assert page.startswith(".TH SPACETIME 1 ")
    sections = [line[4:] for line in page.splitlines() if line.startswith(".SS ")]
    assert sections == list(COMMANDS)
    for name, examples in EXAMPLES.items():
        for example in examples:
            for line in example.split("\n"):
                assert line.replace("\\", "\\e").replace("-", "\\-") in page, name
    assert "\\fB\\-\\-since DATE\\fR" in page  # options with their plain metavars


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_groff_reads_it(cli: Cli) -> None:
    done = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww"], input=cli("man").out, capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stderr == ""
    assert "spacetime compare china russia usa --svg race.svg" in done.stdout
