"""`spacetime stats`: counts by decade, country, category and status, with inline bars."""

from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, FilterOptions, OutputOptions, use
from spacetime.engine.query import run
from spacetime.engine.stats import stats as count
from spacetime.output.summaries import stats_report


@use(data=DataOptions, filters=FilterOptions, output=OutputOptions)
def stats(*, data: DataOptions, filters: FilterOptions, output: OutputOptions) -> None:
    """Count the events the filters select, by decade, country, category and status."""
    timeline = load(data)
    query = filters.query()
    events = [m.event for m in run(timeline, query)]
    emit(stats_report(timeline, count(events, since=query.since)), output)
