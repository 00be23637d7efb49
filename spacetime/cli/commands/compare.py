"""`spacetime compare NATION NATION...`: milestones, lags and activity side by side."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from spacetime.cli import complete
from spacetime.cli.common import check_writable, emit, fresh, launch_cutoff, load_with_launches
from spacetime.cli.options import DataOptions, OutputOptions, SelectOptions, use
from spacetime.core.dates import Per
from spacetime.core.timeline import Timeline
from spacetime.engine.compare import Comparison
from spacetime.engine.compare import compare as run_compare
from spacetime.engine.query import run
from spacetime.output.compare import comparison_report


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
    data: DataOptions,
    filters: SelectOptions,
    output: OutputOptions,
) -> None:
    """Compare nations: who got each milestone first, how far behind, and their launch cadence.

    The cadence (orbital launch attempts and success rate per period) comes from the GCAT launch
    log."""
    check_writable([svg, html], force)
    timeline, files = load_with_launches(data)
    query = filters.query()
    lineage = query.lineage
    if lineage:
        _warn_counted_twice(timeline, nations)
    scoped = None
    if filters.selects_events():
        scoped = [m.event for m in run(timeline, query._replace(limit=None))]
    result = run_compare(timeline, nations, events=scoped, lineage=lineage, by=by)
    rhythm = cutoff = None
    if files.launches and not no_launches:
        from spacetime.launches.cadence import cadence

        rhythm = cadence(timeline, files, result.nations, lineage, by)
        cutoff = launch_cutoff(files)
    report = comparison_report(
        timeline,
        result,
        lineage=lineage,
        by=by,
        by_category=by_category,
        cadence=rhythm,
        today=data.today(),
        cutoff=cutoff,
    )
    if next_launches:
        from spacetime.cli.upcoming import add_next

        add_next(report, timeline, result.nations)
    emit(report if rhythm is None else fresh(report, files, cutoff), output)
    if svg is not None or html is not None:
        _draw(timeline, result, nations, svg, html, force)


def _draw(
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
            print(f"saved {path}", file=sys.stderr)


def _warn_counted_twice(timeline: Timeline, nations: list[str]) -> None:
    """A nation compared beside its successor is in both columns (the Soviet Union in Russia's)."""
    codes = [timeline.entity(n).code for n in nations]
    for code in dict.fromkeys(codes):
        for older in timeline.predecessors(code):
            if older in codes:
                print(
                    f"spacetime: warning: {timeline.name_of(older)} is counted twice: in its own "
                    f"column and in {timeline.name_of(code)}'s, which includes its predecessors "
                    "(--no-lineage counts each on its own)",
                    file=sys.stderr,
                )
