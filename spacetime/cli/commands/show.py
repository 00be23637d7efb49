"""`spacetime show ID|WORDS`: one event in full, found by id, id prefix or words of its title."""

from dataclasses import replace
from typing import Annotated

import typer

from spacetime.cli import complete
from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.core.errors import UsageError
from spacetime.engine.find import find_events, nearest_events
from spacetime.output.events import event_detail

MAX_CANDIDATES = 20


@use(data=DataOptions, output=OutputOptions)
def show(
    event_id: Annotated[
        str,
        typer.Argument(
            metavar="ID|WORDS",
            help="The event's id, the start of it (apollo-11), or words of its title (\"chang'e 4\").",
            autocompletion=complete.event_ids,
        ),
    ],
    *,
    data: DataOptions,
    output: OutputOptions,
) -> None:
    """Show one event with all its fields and sources."""
    timeline = load(data)
    found = find_events(timeline, event_id)
    if not found and data.day() is not None:
        later = find_events(load(replace(data, as_of=None)), event_id)
        if len(later) == 1:
            raise UsageError(
                f"'{later[0].id}' ({later[0].date.display(False)}) is not known as of {data.day()}"
            )
    if not found:
        near = nearest_events(timeline, event_id)
        hint = "; did you mean " + " or ".join(f"'{e.id}'" for e in near) + "?" if near else ""
        raise UsageError(f"no event matches '{event_id}'{hint}")
    if len(found) > 1:
        lines = [f"'{event_id}' matches {len(found)} events; show one by its id:"]
        lines += [f"  {e.id}  {e.date.display(False)}  {e.title}" for e in found[:MAX_CANDIDATES]]
        if len(found) > MAX_CANDIDATES:
            lines.append(
                f"  ... and {len(found) - MAX_CANDIDATES} more (spacetime list --ids -s WORDS)"
            )
        raise UsageError("\n".join(lines))
    emit(event_detail(timeline, found[0], data.today()), output)
