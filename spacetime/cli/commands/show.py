"""`spacetime show ID`: one event in full."""

from typing import Annotated

import typer

from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.engine.clock import today
from spacetime.engine.firsts import event_ranks
from spacetime.output.events import event_detail


@use(data=DataOptions, output=OutputOptions)
def show(
    event_id: Annotated[
        str, typer.Argument(metavar="ID", help="The event's id (see `spacetime list`).")
    ],
    *,
    data: DataOptions,
    output: OutputOptions,
) -> None:
    """Show one event with all its fields and sources."""
    timeline = load(data)
    event = timeline.event(event_id)
    emit(event_detail(timeline, event, today(), event_ranks(timeline, event)), output)
