"""`spacetime launches`: the orbital launches of GCAT's launch log, filtered, or counted `--by`."""

from typing import Annotated

import typer

from spacetime.cli.common import atlas, emit, fresh_launches
from spacetime.cli.launch_options import LaunchFilterOptions
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.launches.model import CREDIT
from spacetime.launches.query import By, counts, run_launches
from spacetime.output.environment import Environment


@use(data=DataOptions, filters=LaunchFilterOptions, output=OutputOptions)
def launches(
    by: Annotated[
        By | None,
        typer.Option(
            "--by",
            help="Count launches, successes and failures per year, decade, vehicle family, "
            "variant (the exact vehicle), "
            "site or country instead of listing them (per country too when --country is given).",
        ),
    ] = None,
    *,
    env: Environment,
    data: DataOptions,
    filters: LaunchFilterOptions,
    output: OutputOptions,
) -> None:
    """List orbital launch attempts since 1957, filtered and sorted, or count them --by.

    One row per launch (GCAT's Launch_Tag), dates in UTC.
    """
    from spacetime.output.launches import count_listing, site_names

    loaded = atlas(data, env)
    timeline, files = loaded.timeline, loaded.files
    query = filters.query()
    if by is None:
        from spacetime.output.formats import OutputFormat

        human = output.chosen in (OutputFormat.TABLE, OutputFormat.MARKDOWN)
        listed = loaded.launches(query=query, human=human).answer
        emit(fresh_launches(listed, files, env, query.since, query.until), output, env)
        return
    matches = run_launches(timeline, files, query._replace(limit=None))
    found = counts(matches, by, per_nation=bool(query.countries))
    shown = found[: query.limit] if query.limit else found
    listing = count_listing(timeline, shown, by, site_names(matches) if by is By.SITE else None)
    emit(fresh_launches(listing, files, env, query.since, query.until), output, env)


launches.__doc__ = f"{launches.__doc__}\n\n    {CREDIT}."
