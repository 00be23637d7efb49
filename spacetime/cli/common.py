"""What most commands do first and last: load the timeline their options name, write a listing."""

from __future__ import annotations

from pathlib import Path

from spacetime.cli.options import DataOptions, OutputOptions
from spacetime.core.errors import UsageError
from spacetime.core.timeline import Timeline
from spacetime.load.cache import load_cached
from spacetime.output.formats import write
from spacetime.output.listing import Listing, Report

__all__ = ["check_readable", "check_writable", "emit", "load"]


def check_readable(paths: list[Path], label: str) -> None:
    """A file named on the command line must be a readable file: a usage error otherwise."""
    import os

    for path in paths:
        if not path.exists():
            raise UsageError(f"{label} {path}: no such file")
        if path.is_dir():
            raise UsageError(f"{label} {path}: is a directory, not a file")
        if not os.access(path, os.R_OK):
            raise UsageError(f"{label} {path}: permission denied")


def check_writable(paths: list[Path | None], force: bool) -> None:
    """An output file named on the command line is never overwritten without --force, and is
    never a directory: a usage error otherwise."""
    for path in paths:
        if path is None:
            continue
        if path.exists() and not force:
            raise UsageError(f"{path} exists; use --force to overwrite it")
        if path.is_dir():
            raise UsageError(f"{path} is a directory")


def load(options: DataOptions) -> Timeline:
    """The timeline the data options name, through the cache (see `spacetime.load.cache`), as it
    stood on the --as-of day if one is given (see `spacetime.engine.asof`)."""
    check_readable(options.data or [], "--data")
    day = options.day()
    timeline = load_cached(options.files())
    if day is None:
        return timeline
    from spacetime.engine.asof import as_of

    return as_of(timeline, day)


def emit(answer: Listing | Report, options: OutputOptions) -> None:
    write(answer, options.chosen)
