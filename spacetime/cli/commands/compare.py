"""`spacetime compare NATION NATION...`: milestones, lags and activity side by side."""

from typing import Annotated

import typer

from spacetime.cli import complete
from spacetime.cli.common import atlas, emit
from spacetime.cli.options import DataOptions, OutputOptions, SelectOptions, use
from spacetime.core.dates import Per
from spacetime.core.timeline import Timeline
from spacetime.output.environment import Environment


@use(data=DataOptions, filters=SelectOptions, output=OutputOptions)
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
        Per, typer.Option("--by", help="Activity per decade or per year.", metavar="decade|year")
    ] = Per.DECADE,
    by_category: Annotated[
        bool, typer.Option("--by-category", help="Split the activity by category.")
    ] = False,
    no_launches: Annotated[
        bool,
        typer.Option(
            "--no-launches",
            help="Leave out the launch cadence (from the GCAT launch log).",
        ),
    ] = False,
    *,
    env: Environment,
    data: DataOptions,
    filters: SelectOptions,
    output: OutputOptions,
) -> None:
    """Compare nations: who got each milestone first, how far behind, and their launch cadence.

    The cadence (orbital launch attempts and success rate per period) comes from the GCAT launch
    log."""
    found = atlas(data, env)
    query = filters.query()
    if query.lineage:
        _warn_counted_twice(env, found.timeline, nations)
    scoped = None
    if filters.selects_events():
        scoped = [m.event for m in found.events(query=query._replace(limit=None)).value]
    result = found.compare(
        *nations,
        lineage=query.lineage,
        by=by,
        by_category=by_category,
        launches=not no_launches,
        events=scoped,
    )
    emit(result.answer, output, env)


def _warn_counted_twice(env: Environment, timeline: Timeline, nations: list[str]) -> None:
    """A nation compared beside its successor is in both columns (the Soviet Union in Russia's)."""
    codes = [timeline.entity(n).code for n in nations]
    for code in dict.fromkeys(codes):
        for older in timeline.predecessors(code):
            if older in codes:
                env.warn(
                    f"{timeline.name_of(older)} is counted twice: in its own "
                    f"column and in {timeline.name_of(code)}'s, which includes its predecessors "
                    "(--no-lineage counts each on its own)"
                )
