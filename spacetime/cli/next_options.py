"""The filters of `spacetime next`, declared like the launch filters of `cli.launch_options`
(the options all listings share, `--since`, `--until`, `--reverse` and `--limit`, are the
annotated types of `cli.options`). Names are Launch Library 2's: the pad's country, LL2's
vehicle, pad and provider names."""

from typing import Annotated

import typer

from spacetime.cli.options import (
    FILTERS,
    Group,
    Limit,
    Reverse,
    Since,
    Until,
    bounds,
    country_option,
    split_values,
)
from spacetime.launches.upcoming import NextQuery

__all__ = ["NextFilterOptions"]


class NextFilterOptions(Group):
    country: Annotated[
        list[str] | None,
        country_option("The country of the pad, by code or alias (china, usa, india)"),
    ] = None
    since: Since = None
    until: Until = None
    vehicle: Annotated[
        list[str] | None,
        typer.Option(
            "--vehicle",
            "-v",
            metavar="NAME",
            help="Vehicle or family ('Falcon 9', falcon, 'long march 7').",
            rich_help_panel=FILTERS,
        ),
    ] = None
    site: Annotated[
        list[str] | None,
        typer.Option(
            "--site",
            metavar="SITE",
            help="Words of the pad or its location (wenchang, kourou, 'slc-40').",
            rich_help_panel=FILTERS,
        ),
    ] = None
    agency: Annotated[
        list[str] | None,
        typer.Option(
            "--agency",
            metavar="NAME",
            help="Launch provider, by name or abbreviation (SpaceX, CASC, ISRO).",
            rich_help_panel=FILTERS,
        ),
    ] = None
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-s",
            metavar="WORDS",
            help="Words that must each start a word of the launch's name, mission or vehicle.",
            rich_help_panel=FILTERS,
        ),
    ] = None
    reverse: Reverse = False
    limit: Limit = None

    def query(self) -> NextQuery:
        since, until = bounds(self.since, self.until, self.now)
        return NextQuery(
            countries=split_values(self.country),
            vehicles=split_values(self.vehicle),
            sites=split_values(self.site),
            agencies=split_values(self.agency),
            text=self.search,
            since=since,
            until=until,
            reverse=self.reverse,
            limit=self.limit,
        )
