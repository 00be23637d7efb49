"""`spacetime show ID`: one event in full, or one launch by its GCAT tag (`1957-ALP`)."""

from typing import Annotated

import typer

from spacetime.cli.common import emit, load_with_launches
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.core.errors import UnknownName
from spacetime.engine.clock import today
from spacetime.engine.firsts import event_ranks
from spacetime.output.events import event_detail


@use(data=DataOptions, output=OutputOptions)
def show(
    event_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="An event's id (see `spacetime list`), or a launch's GCAT tag (1957-ALP).",
        ),
    ],
    *,
    data: DataOptions,
    output: OutputOptions,
) -> None:
    """Show one event with all its fields, ranks and sources, or one launch with its payloads."""
    timeline, files = load_with_launches(data)
    try:
        event = timeline.event(event_id)
    except UnknownName:
        from spacetime.launches.query import find_launch

        launch = find_launch(files, event_id) if files.launches else None
        if launch is None:
            raise
        from spacetime.launches.links import events_of
        from spacetime.output.launches import launch_detail

        day = launch.date.text[:10]
        same_day = [e for e in timeline.events if e.date.text[:10] == day or e.launch == launch.tag]
        linked = events_of(timeline, launch, same_day)
        emit(launch_detail(timeline, launch, [(e.id, e.title) for e in linked]), output)
        return
    detail = event_detail(timeline, event, today(), event_ranks(timeline, event))
    if files.launches:
        from spacetime.launches.links import launch_of
        from spacetime.launches.query import find_launch, launches_on

        day = event.date.text[:10]
        if event.launch is not None:
            launch = find_launch(files, event.launch)
        else:
            launch = launch_of(timeline, event, launches_on(files, day)) if len(day) == 10 else None
        if launch is not None:
            detail.records[0]["launch"] = launch.tag
            if "launch" not in detail.fields:
                detail.fields = [*detail.fields, "launch"]
            text = f"{launch.tag}: {launch.vehicle}, {launch.site.short} (spacetime show {launch.tag.replace(' ', '-')})"
            at = next((i for i, row in enumerate(detail.rows) if row[0] in ("Launch", "Tags")), -1)
            if at >= 0 and detail.rows[at][0] == "Launch":
                detail.rows[at] = ["Launch", text]
            else:
                detail.rows.insert(at if at >= 0 else len(detail.rows), ["Launch", text])
    emit(detail, output)
