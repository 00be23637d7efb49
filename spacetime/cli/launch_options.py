"""The options of `spacetime launches`: the country, then a flag for each launch filter of
`spacetime.launches.filters.LAUNCH_FILTERS` (made as the event filters' are, see
`cli.options.filter_options`), kept apart so that the other commands do not load the launch query
types at start-up; the options that events and launches share (`--no-lineage`, `--since`,
`--until`, `--reverse`, `--limit`) are the annotated types declared there."""

from typing import Annotated, Any, ClassVar

import typer

from spacetime.cli.options import (
    FILTERS,
    Group,
    Limit,
    Made,
    NoLineage,
    Reverse,
    Since,
    Until,
    bounds,
    country_option,
    filter_options,
    split_values,
)
from spacetime.launches.query import LaunchQuery, LaunchSort

__all__ = ["LaunchFilterOptions"]


def launch_filter_options() -> list[tuple[str, Any]]:
    from spacetime.launches.filters import LAUNCH_FILTERS

    return filter_options(LAUNCH_FILTERS)


class LaunchFilterOptions(Group):
    LEAD: ClassVar[tuple[str, ...]] = ("country",)

    country: Annotated[
        list[str] | None,
        country_option("The vehicle's state, by code or alias (china, ussr, esa)"),
    ] = None
    no_lineage: NoLineage = False
    since: Since = None
    until: Until = None
    chosen: dict[str, Any] = Made(launch_filter_options)  # type: ignore[assignment]
    """The launch filters' values by name, as given (one flag each)."""
    sort: Annotated[
        LaunchSort,
        typer.Option(
            "--sort",
            metavar="KEY",
            help="Order by date, tag, vehicle, site or country.",
            rich_help_panel=FILTERS,
        ),
    ] = LaunchSort.DATE
    reverse: Reverse = False
    limit: Limit = None

    def query(self) -> LaunchQuery:
        since, until = bounds(self.since, self.until, self.now)
        return LaunchQuery(
            countries=split_values(self.country),
            lineage=not self.no_lineage,
            filters=self.chosen,
            since=since,
            until=until,
            sort=self.sort,
            reverse=self.reverse,
            limit=self.limit,
        )
