"""`spacetime show ID|WORDS|TAG`: one event in full, found by id, id prefix or words of its title;
or one launch by its GCAT tag (`1957-ALP`)."""

from typing import TYPE_CHECKING, Annotated

import typer

from spacetime.cli import complete
from spacetime.cli.common import emit, load, load_with_launches
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.core.errors import UsageError
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine.find import find_events, nearest_events
from spacetime.engine.firsts import event_ranks
from spacetime.load.sources import DataFiles
from spacetime.output.events import event_detail
from spacetime.output.listing import Listing

if TYPE_CHECKING:
    from spacetime.launches.model import Launch

MAX_CANDIDATES = 20


@use(data=DataOptions, output=OutputOptions)
def show(
    event_id: Annotated[
        str,
        typer.Argument(
            metavar="ID|WORDS|TAG",
            help="The event's id, the start of it (apollo-11), words of its title (\"chang'e 4\"), or a launch's GCAT tag (1957-ALP).",
            autocompletion=complete.event_ids,
        ),
    ],
    *,
    data: DataOptions,
    output: OutputOptions,
) -> None:
    """Show one event with all its fields, ranks and sources, or one launch by its GCAT tag.

    Words that name one mission show the mission: its launch, then its events in order."""
    timeline, files = load_with_launches(data)
    found = find_events(timeline, event_id)
    if not found and files.launches:
        from spacetime.launches.query import find_launch

        launch = find_launch(files, event_id)
        if launch is not None:
            from spacetime.launches.links import events_of
            from spacetime.output.launches import launch_detail

            day = launch.date.text[:10]
            same_day = [
                e for e in timeline.events if e.date.text[:10] == day or e.launch == launch.tag
            ]
            linked = events_of(timeline, launch, same_day)
            emit(launch_detail(timeline, launch, [(e.id, e.title) for e in linked]), output)
            return
        if files.as_of is not None:
            from dataclasses import replace

            later_launch = find_launch(replace(files, as_of=None), event_id)
            if later_launch is not None:
                raise UsageError(
                    f"launch {later_launch.tag} ({later_launch.date.text[:10]}) is not known "
                    f"as of {files.as_of}"
                )
    if not found and data.day() is not None:
        later = find_events(load(data.replace(as_of=None, quiet=True)), event_id)
        if len(later) == 1:
            raise UsageError(
                f"'{later[0].id}' ({later[0].date.display(False)}) is not known as of {data.day()}"
            )
    if not found:
        near = nearest_events(timeline, event_id)
        hint = "; did you mean " + " or ".join(f"'{e.id}'" for e in near) + "?" if near else ""
        raise UsageError(f"no event matches '{event_id}'{hint}")
    if len(found) > 1:
        from spacetime.engine.missions import mission_events, named_mission

        mission = named_mission(timeline, event_id, found)
        if mission is not None:
            from spacetime.output.missions import mission_listing

            events = mission_events(timeline, mission)
            launch = next((x for x in (_launch_of(timeline, e, files) for e in events) if x), None)
            emit(mission_listing(mission, launch, events), output)
            return
        lines = [f"'{event_id}' matches {len(found)} events; show one by its id:"]
        shown = found[:MAX_CANDIDATES]
        ids = max(len(e.id) for e in shown)
        dates = max(len(e.date.display(False)) for e in shown)
        lines += [
            f"  {e.id:<{ids}}  {e.date.display(False):<{dates}}  {e.title}" for e in shown
        ]  # in columns
        if len(found) > MAX_CANDIDATES:
            lines.append(
                f"  ... and {len(found) - MAX_CANDIDATES} more (spacetime list --ids -s WORDS)"
            )
        raise UsageError("\n".join(lines))
    event = found[0]
    detail = event_detail(timeline, event, data.today(), event_ranks(timeline, event))
    _add_launch(detail, timeline, event, files)
    if data.day() is None:
        from spacetime.cli.common import environment
        from spacetime.cli.upcoming import add_upcoming

        add_upcoming(detail, event, environment())
    emit(detail, output)


def _launch_of(timeline: Timeline, event: Event, files: DataFiles) -> "Launch | None":
    """The launch the event is (or is dated by), from the launch log."""
    if not files.launches:
        return None
    from spacetime.launches.links import launch_of
    from spacetime.launches.query import find_launch, launches_on

    day = event.date.text[:10]
    if event.launch is not None:
        return find_launch(files, event.launch)
    return launch_of(timeline, event, launches_on(files, day)) if len(day) == 10 else None


def _add_launch(detail: Listing, timeline: Timeline, event: Event, files: DataFiles) -> None:
    """The launch the event is (or is dated by), from the launch log, in the detail."""
    launch = _launch_of(timeline, event, files)
    if launch is None:
        return
    detail.records[0]["launch"] = launch.tag
    if "launch" not in detail.fields:
        detail.fields = [*detail.fields, "launch"]
    where = f"spacetime show {launch.tag.replace(' ', '-')}"
    text = f"{launch.tag}: {launch.vehicle}, {launch.site.short} ({where})"
    rows = detail.rows
    assert isinstance(rows, list)  # one event's detail: a plain list
    at = next((i for i, row in enumerate(rows) if row[0] in ("Launch", "Tags")), -1)
    if at >= 0 and rows[at][0] == "Launch":
        rows[at] = ["Launch", text]
    else:
        rows.insert(at if at >= 0 else len(rows), ["Launch", text])
