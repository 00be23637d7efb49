"""`spacetime show ID`: one event in full, or one launch by its GCAT tag (`1957-ALP`)."""

from typing import Annotated

import typer

from spacetime.cli.common import emit, load_with_launches
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.core.errors import UnknownName
from spacetime.engine.clock import today
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
    """Show one event with all its fields and sources, or one launch with its payloads."""
    timeline, files = load_with_launches(data)
    try:
        event = timeline.event(event_id)
    except UnknownName:
        from spacetime.launches.query import find_launch

        launch = find_launch(files, event_id) if files.launches else None
        if launch is None:
            raise
        from spacetime.output.launches import launch_detail

        emit(launch_detail(timeline, launch), output)
        return
    emit(event_detail(timeline, event, today()), output)
