"""`spacetime firsts [--country X]`: the world firsts in order, or one nation's firsts beside them."""

from typing import Annotated

import typer

from spacetime.cli import complete
from spacetime.cli.common import atlas, emit
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.output.environment import Environment


@use(data=DataOptions, output=OutputOptions)
def firsts(
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            "-c",
            help="One nation's firsts, with the world first beside each.",
            autocompletion=complete.nations,
        ),
    ] = None,
    no_lineage: Annotated[
        bool, typer.Option("--no-lineage", help="Do not count predecessors' firsts.")
    ] = False,
    *,
    env: Environment,
    data: DataOptions,
    output: OutputOptions,
) -> None:
    """Who did it first: every milestone's world first in date order, or one nation's firsts."""
    emit(
        atlas(data, env).firsts(country, lineage=not no_lineage, today=env.day()).answer,
        output,
        env,
    )
