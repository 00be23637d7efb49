"""What most commands do first and last: load the timeline their options name, write a listing."""

from __future__ import annotations

from spacetime.cli.options import DataOptions, OutputOptions
from spacetime.core.timeline import Timeline
from spacetime.load.cache import load_cached
from spacetime.load.sources import data_files
from spacetime.output.formats import write
from spacetime.output.listing import Listing, Report

__all__ = ["emit", "load"]


def load(options: DataOptions) -> Timeline:
    """The timeline the data options name, through the cache (see `spacetime.load.cache`)."""
    files = data_files(
        options.data or [], bundled=not options.no_bundled, personal=not options.no_personal
    )
    return load_cached(files)


def emit(answer: Listing | Report, options: OutputOptions) -> None:
    write(answer, options.chosen)
