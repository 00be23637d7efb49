"""`spacetime validate [FILE...]`: check timeline files and say what was checked."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from spacetime.cli.common import check_readable
from spacetime.cli.options import FileOptions, use
from spacetime.engine.clock import today
from spacetime.load.loader import load_timeline, review


@use(data=FileOptions)
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files to check (with the bundled timeline, whose codes they may use)."
        ),
    ] = None,
    *,
    data: FileOptions,
) -> None:
    """Check timeline files: every problem as file:line, then a summary. Exit 3 if any is invalid."""
    check_readable(data.data or [], "--data")
    check_readable(files or [], "validate")
    chosen = data.files(files or [])
    checked = {str(f) for f in files} if files else set(chosen.names)
    timeline = load_timeline(chosen.paths, chosen.names)
    warnings = [w for w in review(timeline, today()) if w.file in checked]
    for warning in warnings:
        print(warning, file=sys.stderr)
    events = sum(1 for e in timeline.events if e.origin.file in checked)
    names = ", ".join(n for n in chosen.names if n in checked)
    others = [n for n in chosen.names if n not in checked]
    extra = (
        f" (checked together with {', '.join(others)}, whose entities, milestones and"
        " categories it may use)"
        if others
        else ""
    )
    print(
        f"{names}: valid{extra}: {events} event{'s' if events != 1 else ''}, {len(timeline.entities)} entities, "
        f"{len(timeline.milestones)} milestones, {len(timeline.categories)} categories; "
        f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
    )
