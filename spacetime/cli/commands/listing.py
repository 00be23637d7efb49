"""`spacetime list`: the events that match the filters."""

from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, FilterOptions, IdsOption, OutputOptions, use
from spacetime.engine.query import run
from spacetime.output.events import event_listing


@use(data=DataOptions, filters=FilterOptions, output=OutputOptions)
def list_events(
    ids: IdsOption = False, *, data: DataOptions, filters: FilterOptions, output: OutputOptions
) -> None:
    """List events, filtered and sorted (a table, or JSON, CSV... for scripts)."""
    timeline = load(data)
    found = run(timeline, filters.query())
    emit(event_listing(timeline, found, ids=ids, today=data.today()), output)
