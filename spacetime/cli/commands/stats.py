"""`spacetime stats`: counts by decade, country, category and status, with inline bars; or, with
`--launches`, counts of orbital launches."""

from typing import Annotated

import typer

from spacetime.cli.common import atlas, emit
from spacetime.cli.options import DataOptions, FilterOptions, OutputOptions, use
from spacetime.output.environment import Environment


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
    env: Environment,
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
) -> None:
    """Count the events the filters select, by decade, country, category and status."""
    if launches:
        from spacetime.launches.query import run_launches
        from spacetime.output.launches import launch_stats_report

        chosen = filters.launch_query("--launches")._replace(limit=None)
        from spacetime.cli.common import fresh_launches

        found = atlas(data, env)
        report = launch_stats_report(
            found.timeline, run_launches(found.timeline, found.files, chosen)
        )
        emit(
            fresh_launches(report, found.files, env, chosen.since, chosen.until, every=True),
            output,
            env,
        )
        return
    emit(atlas(data, env).stats(query=filters.query()).answer, output, env)
