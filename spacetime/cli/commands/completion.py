"""`spacetime completion SHELL`: print the shell completion script (as `gh completion` does)."""

from enum import StrEnum
from typing import Annotated

import typer

from spacetime.cli.options import use
from spacetime.output.environment import Environment


class Shell(StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


@use()
def completion(
    shell: Annotated[Shell, typer.Argument(help="bash, zsh or fish.", metavar="SHELL")],
    *,
    env: Environment,
) -> None:
    """Print the completion script for a shell.

    Load it from your shell's start-up file. bash: eval "$(spacetime completion bash)" in
    ~/.bashrc; zsh: eval "$(spacetime completion zsh)" in ~/.zshrc (after compinit); fish:
    spacetime completion fish > ~/.config/fish/completions/spacetime.fish
    """
    from spacetime.cli.complete import script

    env.say(script(shell.value))
