"""`spacetime countries`, `milestones` and `categories`: the vocabularies of the loaded timeline."""

from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.output.environment import Environment
from spacetime.output.vocabulary import category_listing, entity_listing, milestone_listing


@use(data=DataOptions, output=OutputOptions)
def countries(*, env: Environment, data: DataOptions, output: OutputOptions) -> None:
    """List countries and organizations: codes, aliases, lineage and event counts."""
    emit(entity_listing(load(data, env)), output, env)


@use(data=DataOptions, output=OutputOptions)
def milestones(*, env: Environment, data: DataOptions, output: OutputOptions) -> None:
    """List the milestones ("firsts"), their definitions and who achieved each first."""
    emit(milestone_listing(load(data, env)), output, env)


@use(data=DataOptions, output=OutputOptions)
def categories(*, env: Environment, data: DataOptions, output: OutputOptions) -> None:
    """List the categories (what --category takes), defined, with their event counts."""
    emit(category_listing(load(data, env)), output, env)
