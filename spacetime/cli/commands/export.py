"""`spacetime export FORMAT [filters] [-o FILE]`: the selected events in another tool's format."""

import io
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from spacetime.cli.common import check_writable, load
from spacetime.cli.options import DataOptions, FilterOptions, use
from spacetime.core.errors import UsageError
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine.query import run
from spacetime.output.formats import OutputClosed, OutputFormat, write


class ExportFormat(StrEnum):
    ICS = "ics"
    TIMELINEJS = "timelinejs"
    SQLITE = "sqlite"
    YAML = "yaml"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"
    MARKDOWN = "markdown"


def _text(fmt: ExportFormat, timeline: Timeline, events: list[Event]) -> str:
    if fmt is ExportFormat.ICS:
        from spacetime.export.ics import to_ics

        return to_ics(timeline, events)
    if fmt is ExportFormat.TIMELINEJS:
        from spacetime.export.timelinejs import to_timelinejs

        return json.dumps(to_timelinejs(timeline, events), ensure_ascii=False, indent=2) + "\n"
    if fmt is ExportFormat.YAML:
        from spacetime.output.yamlfmt import dump_timeline

        values = (
            timeline.entities.values(),
            timeline.milestones.values(),
            timeline.categories.values(),
        )
        return dump_timeline(events, *values)
    from spacetime.engine.query import Match
    from spacetime.output.events import event_listing

    buffer = io.StringIO()
    write(event_listing(timeline, [Match(e) for e in events]), OutputFormat(fmt.value), buffer)
    return buffer.getvalue()


@use(data=DataOptions, filters=FilterOptions)
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Argument(
            metavar="FORMAT",
            help="ics, timelinejs, sqlite, yaml, json, jsonl, csv, tsv or markdown.",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file ('-' or nothing: standard output)."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the output file if it exists.")
    ] = False,
    *,
    data: DataOptions,
    filters: FilterOptions,
) -> None:
    """Export the selected events: a calendar of anniversaries, TimelineJS, SQLite, YAML..."""
    if output is not None and str(output) == "-":
        output = None
    check_writable([output], force)
    if fmt is ExportFormat.SQLITE and output is None:
        raise UsageError("sqlite needs a file: add -o FILE")
    timeline = load(data)
    events = [m.event for m in run(timeline, filters.query())]
    if fmt is ExportFormat.SQLITE:
        from spacetime.export.sqlite import write_sqlite

        assert output is not None
        write_sqlite(timeline, events, output, replace=force)
    elif output is not None:
        from spacetime.core.files import write_file

        write_file(output, _text(fmt, timeline, events), replace=force)
    else:
        try:
            sys.stdout.write(_text(fmt, timeline, events))
            sys.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed from None
    if output is not None:
        print(f"exported {len(events)} events to {output}", file=sys.stderr)
