"""The filters of `spacetime launches`, declared like the shared groups of `cli.options` (and
kept apart so that the other commands do not load the launch query types at start-up); the
options that events and launches share (`--no-lineage`, `--since`, `--until`, `--reverse`,
`--limit`) are the annotated types declared there."""

import dataclasses
from typing import Annotated

import typer

from spacetime.cli import complete
from spacetime.cli.options import (
    FILTERS,
    Limit,
    NoLineage,
    Reverse,
    Since,
    Until,
    bounds,
    split_values,
)
from spacetime.launches.query import LaunchQuery, LaunchSort

__all__ = ["LaunchFilterOptions"]


@dataclasses.dataclass(eq=False, repr=False)
class LaunchFilterOptions:
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            "-c",
            metavar="NAME",
            help="The vehicle's state, by code or alias (china, ussr, esa); repeat or use commas.",
            rich_help_panel=FILTERS,
            autocompletion=complete.countries,
        ),
    ] = None
    no_lineage: NoLineage = False
    since: Since = None
    until: Until = None
    vehicle: Annotated[
        list[str] | None,
        typer.Option(
            "--vehicle",
            "-v",
            metavar="NAME",
            help="Vehicle family (soyuz, falcon, 'long march') or exact vehicle ('Falcon 9').",
            rich_help_panel=FILTERS,
        ),
    ] = None
    site: Annotated[
        list[str] | None,
        typer.Option(
            "--site",
            metavar="SITE",
            help="Launch site, by GCAT code (CSG, JQ) or words of its name (baykonur, kourou).",
            rich_help_panel=FILTERS,
        ),
    ] = None
    outcome: Annotated[
        list[str] | None,
        typer.Option(
            "--outcome",
            metavar="OUTCOME",
            help="success, failure or partial.",
            rich_help_panel=FILTERS,
        ),
    ] = None
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="orbital, deep-space, or off-earth (launches from the Moon).",
            rich_help_panel=FILTERS,
        ),
    ] = None
    agency: Annotated[
        list[str] | None,
        typer.Option(
            "--agency",
            metavar="NAME",
            help="Agency, by GCAT code or name (SPX, SpaceX, CALT, RVSN).",
            rich_help_panel=FILTERS,
        ),
    ] = None
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-s",
            metavar="WORDS",
            help="Words that must each start a word of a payload, the vehicle, flight or tag.",
            rich_help_panel=FILTERS,
        ),
    ] = None
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
        since, until = bounds(self.since, self.until)
        return LaunchQuery(
            countries=split_values(self.country),
            lineage=not self.no_lineage,
            vehicles=split_values(self.vehicle),
            sites=split_values(self.site),
            agencies=split_values(self.agency),
            outcomes=split_values(self.outcome),
            kinds=split_values(self.kind),
            text=self.search,
            since=since,
            until=until,
            sort=self.sort,
            reverse=self.reverse,
            limit=self.limit,
        )
