"""`spacetime countries`, `milestones` and `categories`: the vocabularies of the loaded timeline."""

from typing import Annotated

import typer

from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.output.vocabulary import category_listing, entity_listing, milestone_listing


@use(data=DataOptions, output=OutputOptions)
def countries(
    every: Annotated[
        bool,
        typer.Option("--all", help="Every ISO 3166-1 country too, not only those of the timeline."),
    ] = False,
    *,
    data: DataOptions,
    output: OutputOptions,
) -> None:
    """List countries and organizations: codes, aliases, lineage and event counts.

    The curated ones and those with events; --all adds every other ISO 3166-1 country."""
    emit(entity_listing(load(data), every), output)


@use(data=DataOptions, output=OutputOptions)
def milestones(*, data: DataOptions, output: OutputOptions) -> None:
    """List the milestones ("firsts"), their definitions and who achieved each first."""
    emit(milestone_listing(load(data)), output)


@use(data=DataOptions, output=OutputOptions)
def categories(*, data: DataOptions, output: OutputOptions) -> None:
    """List the categories (what --category takes), defined, with their event counts."""
    emit(category_listing(load(data)), output)
