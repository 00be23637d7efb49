"""`spacetime chart [filters]`: the timeline drawn in the terminal, saved as SVG or HTML on demand."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spacetime.cli.common import atlas, check_writable
from spacetime.cli.options import DataOptions, FilterOptions, split_values, use
from spacetime.core.errors import UsageError
from spacetime.engine.firsts import world_firsts
from spacetime.output.chart import lanes_by, render_chart
from spacetime.output.environment import Environment

if TYPE_CHECKING:
    from rich.console import RenderableType

MAX_LANES = 12
MIN_WIDTH, MAX_WIDTH = 40, 1000  # the chart is drawn in memory: its size must stay bounded


class Lanes(StrEnum):
    """What one lane of the chart holds."""

    COUNTRY = "country"
    CATEGORY = "category"


@use(data=DataOptions, filters=FilterOptions)
def chart(
    lanes: Annotated[
        Lanes,
        typer.Option(
            "--lanes", help="One lane per country or per category.", metavar="country|category"
        ),
    ] = Lanes.COUNTRY,
    width: Annotated[
        int | None,
        typer.Option(
            "--width",
            help=f"Columns, {MIN_WIDTH} to {MAX_WIDTH} (default: the terminal's, or 100 in a pipe).",
        ),
    ] = None,
    svg: Annotated[Path | None, typer.Option("--svg", help="Also save the chart as SVG.")] = None,
    html: Annotated[
        Path | None, typer.Option("--html", help="Also save the chart as HTML.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing --svg/--html file.")
    ] = False,
    launches: Annotated[
        bool,
        typer.Option(
            "--launches",
            help="Draw orbital launches per year per nation instead (GCAT launch log by Jonathan "
            "McDowell); takes --country, --since and --until.",
        ),
    ] = False,
    *,
    env: Environment,
    data: DataOptions,
    filters: FilterOptions,
) -> None:
    """Draw the timeline: a lane per nation (or category), years across, firsts emphasised;
    or, with --launches, orbital launches per year stacked by nation."""
    if launches:
        _launch_chart(env, data, filters, width, svg, html, force)
        return
    _check_width(width)
    check_writable([svg, html], force)
    found = atlas(data, env)
    timeline = found.timeline
    matches = found.events(query=filters.query()).value
    firsts = {e.id for e in world_firsts(timeline).values()}
    if lanes is Lanes.CATEGORY:
        used = {m.event.category for m in matches}
        keys = [(c.code, c.name) for c in timeline.categories.values() if c.code in used]
        key_of = {m.event.id: [m.event.category] if m.event.category else [] for m in matches}
    else:
        requested = [timeline.entity(n).code for n in split_values(filters.country)]
        key_of = {
            m.event.id: [m.stands_for] if m.stands_for else list(m.event.countries) for m in matches
        }
        codes = requested or _busiest([c for keys in key_of.values() for c in keys])
        keys = [(code, timeline.name_of(code)) for code in codes]
    drawn = lanes_by((m.event for m in matches), keys, key_of, firsts)
    title = f"{len(matches)} events · lanes by {lanes}"
    from spacetime.output.console import draw

    columns = width or (min(env.width, MAX_WIDTH) if env.terminal else 100)
    picture = render_chart(drawn, columns, title)
    draw(env, picture)
    if svg or html:
        _save(env, picture, columns, svg, html, force)


def _launch_chart(
    env: Environment,
    data: DataOptions,
    filters: FilterOptions,
    width: int | None,
    svg: Path | None,
    html: Path | None,
    force: bool,
) -> None:
    from spacetime.cli.common import launch_cutoff
    from spacetime.core.words import plural
    from spacetime.launches.cadence import yearly_series
    from spacetime.output.console import draw
    from spacetime.output.freshness import partial_mark
    from spacetime.output.launchchart import chart_html, chart_svg, chart_text

    query = filters.launch_query("--launches")
    _check_width(width)
    check_writable([svg, html], force)
    found = atlas(data, env)
    years, series = yearly_series(
        found.timeline, found.files, query.countries, query.lineage, query.since, query.until
    )
    total = sum(sum(s.per_year.values()) for s in series)
    span = f"{years[0]}–{years[-1]}" if years else ""
    title = f"Orbital launch attempts per year, {span} ({plural(total, 'launch', 'launches')})"
    cutoff = launch_cutoff(found.files, env, query.since, query.until)
    mark = partial_mark(str(years[-1]), cutoff) if years and cutoff else None
    title += f"; {mark}" if mark else ""
    columns = width or (min(env.width, MAX_WIDTH) if env.terminal else 100)
    draw(env, chart_text(years, series, title, columns, env.terminal and env.colour))
    if svg is not None or html is not None:
        picture = chart_svg(years, series, title)
        for path, text in ((svg, picture), (html, chart_html(picture, title))):
            if path is not None:
                from spacetime.core.files import write_file

                write_file(path, text, replace=force)
                env.tell(f"saved {path}")


def _busiest(codes: list[str]) -> list[str]:
    from collections import Counter

    return [code for code, _ in Counter(codes).most_common(MAX_LANES)]


def _save(
    env: Environment,
    picture: "RenderableType",
    width: int,
    svg: Path | None,
    html: Path | None,
    force: bool,
) -> None:
    from spacetime.core.files import write_file
    from spacetime.output.console import recorded

    as_svg, as_html = recorded(picture, width, "spacetime chart")
    if svg is not None:
        write_file(svg, as_svg, replace=force)
        env.tell(f"saved {svg}")
    if html is not None:
        write_file(html, as_html, replace=force)
        env.tell(f"saved {html}")


def _check_width(width: int | None) -> None:
    if width is not None and not MIN_WIDTH <= width <= MAX_WIDTH:
        raise UsageError(f"--width must be {MIN_WIDTH} to {MAX_WIDTH}, not {width}")
