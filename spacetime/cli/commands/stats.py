"""`spacetime stats`: counts by decade, country, category and status, with inline bars; or, with
`--launches`, counts of orbital launches."""

from typing import Annotated

import typer

from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, FilterOptions, OutputOptions, use
from spacetime.engine.query import run
from spacetime.engine.stats import stats as count
from spacetime.output.summaries import stats_report


@use(data=DataOptions, filters=FilterOptions, output=OutputOptions)
def stats(
    launches: Annotated[
        bool,
        typer.Option(
            "--launches",
            help="Count orbital launches instead, by decade, state, vehicle, site, outcome and "
            "kind (GCAT launch log by Jonathan McDowell); takes --country, "
            "--since and --until.",
        ),
    ] = False,
    *,
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
) -> None:
    """Count the events the filters select, by decade, country, category and status."""
    if launches:
        from spacetime.cli.common import fresh_launches, load_with_launches
        from spacetime.launches.query import run_launches
        from spacetime.output.launches import launch_stats_report

        chosen = filters.launch_query("--launches")._replace(limit=None)
        timeline, files = load_with_launches(data)
        report = launch_stats_report(timeline, run_launches(timeline, files, chosen))
        emit(fresh_launches(report, files, chosen.since, chosen.until, every=True), output)
        return
    timeline = load(data)
    query = filters.query()
    events = [m.event for m in run(timeline, query)]
    emit(stats_report(timeline, count(events, since=query.since)), output)
