"""`spacetime countries`, `milestones` and `categories`: the vocabularies of the loaded timeline."""

from typing import Annotated

import typer

from spacetime.cli.common import atlas, emit
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.output.environment import Environment


@use(data=DataOptions, output=OutputOptions)
def countries(
    every: Annotated[
        bool,
        typer.Option("--all", help="Every ISO 3166-1 country too, not only those of the timeline."),
    ] = False,
    *,
    env: Environment,
    data: DataOptions,
    output: OutputOptions,
) -> None:
    """List countries and organizations: codes, aliases, lineage and event counts.

    The curated ones and those with events; --all adds every other ISO 3166-1 country."""
    emit(atlas(data, env).countries(every=every).answer, output, env)


@use(data=DataOptions, output=OutputOptions)
def milestones(*, env: Environment, data: DataOptions, output: OutputOptions) -> None:
    """List the milestones ("firsts"), their definitions and who achieved each first."""
    emit(atlas(data, env).milestones().answer, output, env)


@use(data=DataOptions, output=OutputOptions)
def categories(*, env: Environment, data: DataOptions, output: OutputOptions) -> None:
    """List the categories (what --category takes), defined, with their event counts."""
    emit(atlas(data, env).categories().answer, output, env)
