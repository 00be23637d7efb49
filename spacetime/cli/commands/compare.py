"""`spacetime compare NATION NATION...`: milestones, lags and activity side by side."""

from pathlib import Path
from typing import Annotated

import typer

from spacetime.cli import complete
from spacetime.cli.common import atlas, check_writable, emit, fresh, launch_cutoff
from spacetime.cli.options import DataOptions, OutputOptions, SelectOptions, use
from spacetime.core.dates import Per
from spacetime.core.timeline import Timeline
from spacetime.engine.compare import Comparison
from spacetime.output.environment import Environment
from spacetime.output.listing import Report


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
    next_launches: Annotated[
        bool,
        typer.Option(
            "--next",
            help="Add each nation's next launches, from pads in the nation (Launch Library 2: "
            "spacetime update --upcoming).",
        ),
    ] = False,
    svg: Annotated[
        Path | None,
        typer.Option("--svg", help="Also draw the milestone race as an SVG picture."),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also draw the milestone race as an HTML page."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing --svg/--html file.")
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
    check_writable([svg, html], force)
    found = atlas(data, env)
    query = filters.query()
    if query.lineage:
        _warn_counted_twice(env, found.timeline, nations)
    scoped = None
    if filters.selects_events():
        scoped = [m.event for m in found.events(query=query._replace(limit=None)).value]
    cadence = bool(found.files.launches) and not no_launches
    cutoff = launch_cutoff(found.files, env) if cadence else None
    result = found.compare(
        *nations,
        lineage=query.lineage,
        by=by,
        by_category=by_category,
        launches=not no_launches,
        events=scoped,
        today=env.day(),
        cutoff=cutoff,
    )
    report = result.answer
    assert isinstance(report, Report)  # compare's answer is a report
    if next_launches:
        from spacetime.cli.upcoming import add_next

        add_next(report, found.timeline, result.value.nations, env)
    emit(fresh(report, found.files, cutoff) if cadence else report, output, env)
    if svg is not None or html is not None:
        _draw(env, found.timeline, result.value, nations, svg, html, force)


def _draw(
    env: Environment,
    timeline: Timeline,
    result: Comparison,
    nations: list[str],
    svg: Path | None,
    html: Path | None,
    force: bool,
) -> None:
    """Save the milestone race (spacetime.output.race) to the files asked for."""
    from spacetime.core.files import write_file
    from spacetime.output.launchchart import chart_html
    from spacetime.output.race import race_svg

    command = "spacetime compare " + " ".join(nations)
    picture = race_svg(timeline, result, command)
    title = "The milestone race: " + " · ".join(timeline.name_of(n) for n in result.nations)
    for path, text in ((svg, picture), (html, chart_html(picture, title))):
        if path is not None:
            write_file(path, text, replace=force)
            env.tell(f"saved {path}")


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
