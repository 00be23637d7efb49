"""`spacetime show ID|WORDS|TAG`: one event in full, found by id, id prefix or words of its title;
or one launch by its GCAT tag (`1957-ALP`)."""

from typing import TYPE_CHECKING, Annotated

import typer

from spacetime.cli import complete
from spacetime.cli.common import atlas, emit, fresh
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.core.errors import UsageError
from spacetime.engine.find import find_events, nearest_events
from spacetime.output.environment import Environment
from spacetime.output.listing import Listing

if TYPE_CHECKING:
    pass

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
    env: Environment,
    data: DataOptions,
    output: OutputOptions,
) -> None:
    """Show one event with all its fields, ranks and sources, or one launch by its GCAT tag.

    Words that name one mission show the mission: its launch, then its events in order."""
    loaded = atlas(data, env)
    timeline, files = loaded.timeline, loaded.files
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
            full = launch_detail(timeline, launch, [(e.id, e.title) for e in linked])
            emit(fresh(full, files, None), output, env)
            return
        if files.as_of is not None:
            later_launch = find_launch(files._replace(as_of=None), event_id)
            if later_launch is not None:
                raise UsageError(
                    f"launch {later_launch.tag} ({later_launch.date.text[:10]}) is not known "
                    f"as of {files.as_of}"
                )
    if not found and data.day() is not None:
        later = find_events(atlas(data.replace(as_of=None, quiet=True), env).timeline, event_id)
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
            from spacetime.launches.links import event_launch

            launch = next(
                (x for x in (event_launch(timeline, e, files) for e in events) if x), None
            )
            emit(fresh(mission_listing(mission, launch, events), files, None), output, env)
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
    detail = loaded.show(found[0].id, today=env.day()).answer
    if data.day() is None:
        from spacetime.cli.upcoming import add_upcoming

        assert isinstance(detail, Listing)  # one event's detail
        add_upcoming(detail, found[0], env)
    emit(detail, output, env)
