"""What most commands do first and last: load the timeline their options name, write a listing."""

from __future__ import annotations

from pathlib import Path

from spacetime.cli.options import DataOptions, OutputOptions
from spacetime.core.errors import DataError, Problem, UsageError
from spacetime.core.timeline import Timeline
from spacetime.load.cache import load_cached
from spacetime.output.formats import write
from spacetime.output.listing import Listing, Report

__all__ = ["check_readable", "check_writable", "emit", "load", "with_personal_hint"]


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
    """The timeline the data options name, through the cache (see `spacetime.load.cache`).

    When the personal timeline is what is wrong, the error ends by saying how to leave it out."""
    check_readable(options.data or [], "--data")
    files = options.files()
    try:
        return load_cached(files)
    except DataError as err:
        raise with_personal_hint(err, files.names) from None


def with_personal_hint(err: DataError, names: tuple[str, ...]) -> DataError:
    """`err`, followed by a way out when problems are in the personal timeline."""
    from spacetime.load.sources import personal_path

    mine = str(personal_path())
    if mine not in names or not any(p.file == mine for p in err.problems):
        return err
    hint = "this is your personal timeline: fix it, or leave it out with --no-personal"
    return DataError([*err.problems, Problem(mine, 0, hint)])


def emit(answer: Listing | Report, options: OutputOptions) -> None:
    write(answer, options.chosen)
