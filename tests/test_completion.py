"""Shell completion, run for real in bash: commands, options and values from the timeline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer

from conftest import Run
from spacetime.cli.app import build_app
from spacetime.cli.complete import countries, milestones
from spacetime.output.environment import Environment

Cli = Callable[..., Run]
BIN = Path(sys.executable).parent
BASH = shutil.which("bash")
DRIVER = """
source <(spacetime completion bash)
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=()
_spacetime_completion spacetime
printf '%s\\n' "${COMPREPLY[@]}"
"""


def complete(*words: str) -> list[str]:
    """What bash offers after `words` (the last one being typed), through the printed script."""
    assert BASH is not None
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(
        [BASH, "-c", DRIVER, "driver", "spacetime", *words],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return [line for line in done.stdout.splitlines() if line]


pytestmark = pytest.mark.skipif(
    BASH is None or not (BIN / "spacetime").exists(), reason="needs bash and the installed command"
)


@pytest.mark.slow
def test_bash_completes_commands_and_options() -> None:
    assert complete("comp") == ["compare", "completion"]
    assert complete("list", "--as") == ["--as-of"]
    assert "--no-lineage" in complete("list", "--no")


@pytest.mark.slow
def test_bash_completes_values_from_the_timeline() -> None:
    assert "china" in complete("list", "-c", "chi")
    assert complete("list", "-c", "usa,chin") == ["usa,china"]
    assert complete("list", "--category", "ma") == ["mars"]
    assert complete("list", "--status", "pl") == ["planned"]
    assert complete("list", "-m", "first-mars-l") == ["first-mars-landing"]
    assert complete("show", "sputnik-1") == ["sputnik-1"]
    assert "russia" in complete("compare", "china", "rus")
    assert complete("launches", "-c", "usa,chin") == ["usa,china"]


def test_value_completers_follow_what_was_typed() -> None:
    ctx = typer.Context(
        typer.main.get_command(build_app(["list"])), obj=Environment(environ=os.environ)
    )
    assert countries(ctx, "US,SOV") == ["US,soviet", "US,soviets"]
    assert milestones(ctx, "first-lunar-s") == [
        "first-lunar-soft-landing",
        "first-lunar-sample-return",
        "first-lunar-south-pole-landing",
    ]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script_for_each_shell(cli: Cli, shell: str) -> None:
    result = cli("completion", shell)
    assert result.code == 0 and "_SPACETIME_COMPLETE=complete_" + shell in result.out
    assert cli("completion", "tcsh").code == 2


@pytest.mark.parametrize(
    ("words", "offered", "imported"),
    [
        ("spacetime list -c chi", ["china", "chile"], ["spacetime.cli.commands.listing"]),
        ("spacetime comp", ["compare", "completion"], []),
    ],
)
def test_completing_imports_only_the_command_typed(
    words: str, offered: list[str], imported: list[str]
) -> None:
    code = (
        "import sys; from spacetime.cli.app import main; main();"
        "print(sorted(m for m in sys.modules if m.startswith('spacetime.cli.commands.')),"
        " file=sys.stderr)"
    )
    typed = {"_SPACETIME_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env = {**os.environ, **typed, "COMP_CWORD": str(len(words.split()) - 1)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == offered
    assert done.stderr.strip() == str(imported)
