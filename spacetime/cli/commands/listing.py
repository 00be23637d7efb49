"""`spacetime list`: the events that match the filters."""

from spacetime.cli.common import atlas, emit
from spacetime.cli.options import DataOptions, FilterOptions, IdsOption, OutputOptions, use
from spacetime.output.environment import Environment


@use(data=DataOptions, filters=FilterOptions, output=OutputOptions)
def list_events(
    ids: IdsOption = False,
    *,
    env: Environment,
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
) -> None:
    """List events, filtered and sorted (a table, or JSON, CSV... for scripts)."""
    emit(
        atlas(data, env).events(query=filters.query(), ids=ids, today=env.day()).answer, output, env
    )
