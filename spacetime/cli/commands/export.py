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
from spacetime.core.words import plural
from spacetime.engine.query import run
from spacetime.output.formats import OutputClosed, OutputFormat, write


class ExportFormat(StrEnum):
    """Other tools' formats, then every listing format but the table (taken from `OutputFormat`,
    so a new output format is an export format too)."""

    _ignore_ = "listing"
    ICS = "ics"
    TIMELINEJS = "timelinejs"
    SQLITE = "sqlite"
    YAML = "yaml"
    for listing in OutputFormat:
        if listing is not OutputFormat.TABLE:
            locals()[listing.name] = listing.value


def _text(fmt: ExportFormat, timeline: Timeline, events: list[Event]) -> tuple[str, str]:
    """The exported text, and what it holds (for the message on stderr)."""
    if fmt is ExportFormat.ICS:
        from spacetime.engine.clock import now
        from spacetime.export.ics import by_day, to_ics

        known, vague = by_day(events)
        held = f"{_count(known)} as yearly anniversaries"
        if vague:
            held += (
                f"; left out {_count(vague)} not known to the day (a year, month or decade: "
                "no day to recur on)"
            )
        return to_ics(timeline, known, now()), held
    return _other(fmt, timeline, events), _count(events)


def _count(events: list[Event]) -> str:
    return plural(len(events), "event")


def _other(fmt: ExportFormat, timeline: Timeline, events: list[Event]) -> str:
    if fmt is ExportFormat.TIMELINEJS:
        from spacetime.export.timelinejs import to_timelinejs

        return json.dumps(to_timelinejs(timeline, events), ensure_ascii=False, indent=2) + "\n"
    if fmt is ExportFormat.YAML:
        from spacetime.load.sources import shipped_names
        from spacetime.output.yamlfmt import dump_timeline

        shipped = shipped_names()  # the standard vocabulary is loaded with every file: not repeated
        return dump_timeline(
            events,
            [e for e in timeline.entities.values() if e.origin.file not in shipped],
            [m for m in timeline.milestones.values() if m.origin.file not in shipped],
            [c for c in timeline.categories.values() if c.origin.file not in shipped],
        )
    from spacetime.engine.query import Match
    from spacetime.output.events import event_listing

    buffer = io.StringIO()
    write(event_listing(timeline, [Match(e) for e in events]), OutputFormat(fmt.value), buffer)
    return buffer.getvalue()


def _sqlite(output: Path, force: bool, data: DataOptions, filters: FilterOptions) -> None:
    """The selected events and the whole launch log loaded, in a database, with its Datasette
    metadata beside it (the database's companion, named after it: like it, replaced only with
    --force)."""
    from spacetime.cli.common import load_with_launches
    from spacetime.core.files import write_file
    from spacetime.export.sqlite import metadata, metadata_path, write_sqlite
    from spacetime.launches.query import load_launches

    described = metadata_path(output)
    check_writable([output, described], force)
    timeline, files = load_with_launches(data)
    events = [m.event for m in run(timeline, filters.query())]
    launches = load_launches(files) if files.launches else []
    write_sqlite(timeline, events, output, launches=launches, replace=force)
    document = json.dumps(metadata(output, bool(launches)), ensure_ascii=False, indent=2)
    write_file(described, document + "\n", replace=force)
    held = f"{_count(events)}" + (f" and {len(launches)} launches" if launches else "")
    print(f"exported {held} to {output} (Datasette metadata: {described})", file=sys.stderr)


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
    if fmt is ExportFormat.SQLITE:
        if output is None:
            raise UsageError("sqlite needs a file: add -o FILE")
        _sqlite(output, force, data, filters)
        return
    check_writable([output], force)
    timeline = load(data)
    events = [m.event for m in run(timeline, filters.query())]
    text, held = _text(fmt, timeline, events)
    if output is not None:
        from spacetime.core.files import write_file

        write_file(output, text, replace=force)
        print(f"exported {held} to {output}", file=sys.stderr)
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise OutputClosed from None
    if fmt is ExportFormat.ICS:  # what a calendar leaves out is worth saying even on a pipe
        print(f"exported {held}", file=sys.stderr)
