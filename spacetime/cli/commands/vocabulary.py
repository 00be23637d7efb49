"""`spacetime countries`, `milestones` and `categories`: the vocabularies of the loaded timeline."""

from spacetime.cli.common import atlas, emit
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.output.environment import Environment


@use(data=DataOptions, output=OutputOptions)
def countries(*, env: Environment, data: DataOptions, output: OutputOptions) -> None:
    """List countries and organizations: codes, aliases, lineage and event counts."""
    emit(atlas(data, env).countries().answer, output, env)


@use(data=DataOptions, output=OutputOptions)
def milestones(*, env: Environment, data: DataOptions, output: OutputOptions) -> None:
    """List the milestones ("firsts"), their definitions and who achieved each first."""
    emit(atlas(data, env).milestones().answer, output, env)


@use(data=DataOptions, output=OutputOptions)
def categories(*, env: Environment, data: DataOptions, output: OutputOptions) -> None:
    """List the categories (what --category takes), defined, with their event counts."""
    emit(atlas(data, env).categories().answer, output, env)
