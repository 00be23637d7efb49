"""`spacetime export FORMAT [filters] [-o FILE]`: the selected events in another tool's format."""

import io
import json
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from spacetime.cli.common import atlas, check_writable
from spacetime.cli.options import DataOptions, FilterOptions, use
from spacetime.core.errors import UsageError
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.core.words import plural
from spacetime.output.environment import Environment
from spacetime.output.formats import OutputClosed, OutputFormat, write
from spacetime.output.registry import FORMATS, choices, export_names


class ExportFormat(StrEnum):
    """The names of `spacetime.output.registry.export_names()` (a test keeps them in step)."""

    ICS = "ics"
    TIMELINEJS = "timelinejs"
    SQLITE = "sqlite"
    YAML = "yaml"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"
    MARKDOWN = "markdown"


def _text(
    fmt: ExportFormat, timeline: Timeline, events: list[Event], now: datetime
) -> tuple[str, str]:
    """The exported text, and what it holds (for the message on stderr); `now` stamps a
    calendar's entries."""
    writer = next(f.writer for f in FORMATS if f.name == fmt.value)
    if writer is not None:
        from importlib import import_module

        module, function = writer.split(":")
        written: tuple[str, str] = getattr(import_module(module), function)(timeline, events, now)
        return written
    from spacetime.engine.query import Match
    from spacetime.output.events import event_listing

    buffer = io.StringIO()
    write(event_listing(timeline, [Match(e) for e in events]), OutputFormat(fmt.value), buffer)
    return buffer.getvalue(), _count(events)


def _count(events: list[Event]) -> str:
    return plural(len(events), "event")


def _sqlite(
    env: Environment, output: Path, force: bool, data: DataOptions, filters: FilterOptions
) -> None:
    """The selected events and the whole launch log loaded, in a database, with its Datasette
    metadata beside it (the database's companion, named after it: like it, replaced only with
    --force)."""
    from spacetime.core.files import write_file
    from spacetime.export.sqlite import metadata, metadata_path, write_sqlite
    from spacetime.launches.query import load_launches

    described = metadata_path(output)
    check_writable([output, described], force)
    found = atlas(data, env)
    timeline, files = found.timeline, found.files
    events = [m.event for m in found.events(query=filters.query()).value]
    launches = load_launches(files) if files.launches else []
    write_sqlite(timeline, events, output, launches=launches, replace=force)
    document = json.dumps(metadata(output, bool(launches)), ensure_ascii=False, indent=2)
    write_file(described, document + "\n", replace=force)
    held = f"{_count(events)}" + (f" and {len(launches)} launches" if launches else "")
    env.tell(f"exported {held} to {output} (Datasette metadata: {described})")


@use(data=DataOptions, filters=FilterOptions)
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Argument(
            metavar="FORMAT",
            help=choices(export_names()),
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
    env: Environment,
    data: DataOptions,
    filters: FilterOptions,
) -> None:
    """Export the selected events: a calendar of anniversaries, TimelineJS, SQLite, YAML..."""
    if output is not None and str(output) == "-":
        output = None
    if fmt is ExportFormat.SQLITE:
        if output is None:
            raise UsageError("sqlite needs a file: add -o FILE")
        _sqlite(env, output, force, data, filters)
        return
    check_writable([output], force)
    found = atlas(data, env)
    events = [m.event for m in found.events(query=filters.query()).value]
    text, held = _text(fmt, found.timeline, events, env.now())
    if output is not None:
        from spacetime.core.files import write_file

        write_file(output, text, replace=force)
        env.tell(f"exported {held} to {output}")
        return
    try:
        env.write(text)
        env.stdout.flush()
    except BrokenPipeError:
        raise OutputClosed from None
    if fmt is ExportFormat.ICS:  # what a calendar leaves out is worth saying even on a pipe
        env.tell(f"exported {held}")
