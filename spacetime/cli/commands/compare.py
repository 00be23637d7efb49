"""`spacetime compare NATION NATION...`: milestones, lags and activity side by side."""

from typing import Annotated

import typer

from spacetime.cli import complete
from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, FilterOptions, OutputOptions, use
from spacetime.core.errors import UsageError
from spacetime.engine.compare import compare as run_compare
from spacetime.engine.query import run
from spacetime.output.compare import comparison_report


@use(data=DataOptions, filters=FilterOptions, output=OutputOptions)
def compare(
    nations: Annotated[
        list[str],
        typer.Argument(
            metavar="NATION...",
            help="2 to 8 nations, by code or alias.",
            autocompletion=complete.nations,
        ),
    ],
    by: Annotated[
        str, typer.Option("--by", help="Activity per decade or per year.", metavar="decade|year")
    ] = "decade",
    by_category: Annotated[
        bool, typer.Option("--by-category", help="Split the activity by category.")
    ] = False,
    *,
    data: DataOptions,
    filters: FilterOptions,
    output: OutputOptions,
) -> None:
    """Compare nations: who got each milestone first, how far behind the others were, and when."""
    if filters.country:
        raise UsageError("compare takes the nations as arguments; --country does not apply")
    timeline = load(data)
    query = filters.query()
    lineage = query.lineage
    scoped = None
    if filters.selects_events():
        scoped = [m.event for m in run(timeline, query._replace(limit=None))]
    result = run_compare(timeline, nations, events=scoped, lineage=lineage, by=by)
    emit(
        comparison_report(timeline, result, lineage=lineage, by=by, by_category=by_category), output
    )
