"""`spacetime list`: the events that match the filters."""

from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, FilterOptions, IdsOption, OutputOptions, use
from spacetime.engine.query import run
from spacetime.output.environment import Environment
from spacetime.output.events import event_listing


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
    timeline = load(data, env)
    emit(event_listing(timeline, run(timeline, filters.query()), ids=ids), output, env)
