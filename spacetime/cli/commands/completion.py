"""`spacetime completion SHELL`: print the shell completion script (as `gh completion` does)."""

import sys
from enum import StrEnum
from typing import Annotated

import typer


class Shell(StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


def completion(
    shell: Annotated[Shell, typer.Argument(help="bash, zsh or fish.", metavar="SHELL")],
) -> None:
    """Print the completion script for a shell.

    Load it from your shell's start-up file. bash: eval "$(spacetime completion bash)" in
    ~/.bashrc; zsh: eval "$(spacetime completion zsh)" in ~/.zshrc (after compinit); fish:
    spacetime completion fish > ~/.config/fish/completions/spacetime.fish
    """
    from spacetime.cli.complete import script

    sys.stdout.write(script(shell.value) + "\n")
