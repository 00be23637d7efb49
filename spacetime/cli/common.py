"""What most commands do first and last: load the `Atlas` their options name, write its answer."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from spacetime.cli.options import DataOptions, OutputOptions
from spacetime.core.errors import UsageError
from spacetime.load.cache import load_cached
from spacetime.output.environment import Environment
from spacetime.output.formats import write
from spacetime.output.listing import Listing, Report

if TYPE_CHECKING:
    from spacetime.api import Atlas
    from spacetime.load.sources import DataFiles

__all__ = [
    "atlas",
    "check_readable",
    "check_writable",
    "emit",
    "fresh",
    "fresh_launches",
    "launch_cutoff",
]


def check_readable(paths: list[Path], label: str) -> None:
    """A file named on the command line must be a readable regular file of at most
    `MAX_BYTES`: a usage error otherwise."""
    import os
    import stat

    from spacetime.core.reading import MAX_BYTES

    for path in paths:
        if not path.exists():
            raise UsageError(f"{label} {path}: no such file")
        if path.is_dir():
            raise UsageError(f"{label} {path}: is a directory, not a file")
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            from spacetime.core.files import kind_of  # (only for the message)

            raise UsageError(f"{label} {path}: {kind_of(status.st_mode)}, not a timeline file")
        if status.st_size > MAX_BYTES:
            raise UsageError(
                f"{label} {path}: larger than {MAX_BYTES // 2**20} MiB, the most spacetime reads"
            )
        if not os.access(path, os.R_OK):
            raise UsageError(f"{label} {path}: permission denied")


def check_writable(paths: list[Path | None], force: bool) -> None:
    """An output file named on the command line is never overwritten without --force, and is a
    regular file (or a link to one) or nothing yet: a usage error otherwise. This only fails
    early; the write itself (`spacetime.core.files`) is what makes sure."""
    import stat

    for path in paths:
        if path is None or str(path) == "-":
            continue
        try:
            mode = path.stat().st_mode
        except OSError:
            continue  # nothing there yet (or unreachable: the write will say why)
        if not stat.S_ISREG(mode):
            from spacetime.core.files import kind_of  # (only for the message)

            raise UsageError(f"{path} is {kind_of(mode)}; spacetime writes only regular files")
        if not force:
            raise UsageError(f"{path} exists; use --force to overwrite it")


def atlas(options: DataOptions, env: Environment) -> Atlas:
    """The `Atlas` of the files the data options name, read through the cache (see
    `spacetime.load.cache`), as it stood on the --as-of day if one is given; it lives as long as
    the command, out of the collector's sight. The bundled events your files replace are named
    on `env`'s stderr unless --quiet."""
    from spacetime.api import Atlas

    check_readable(options.data or [], "--data")
    files = options.files(env)
    check_readable(list(files.launches), "--data")
    timeline = load_cached(files, folder=env.cache_dir(), keep=True)
    if timeline.replaced and not options.quiet:
        from spacetime.output.provenance import replacement_notes

        for note in replacement_notes(timeline):
            env.tell(note)
    return Atlas(timeline, files, options.day())


def emit(answer: Listing | Report, options: OutputOptions, env: Environment) -> None:
    """Write a command's answer to `env.stdout` in the format the output options choose."""
    write(answer, options.chosen, choice=options.choice(), env=env)


def fresh_launches(
    answer: Listing | Report,
    files: DataFiles,
    env: Environment,
    since: date | None = None,
    until: date | None = None,
    *,
    every: bool = False,
) -> Listing | Report:
    """A launch answer saying how fresh it is, with `launch_cutoff`'s note (see `fresh`)."""
    return fresh(answer, files, launch_cutoff(files, env, since, until), every=every)


def fresh(
    answer: Listing | Report, files: DataFiles, cutoff: date | None, *, every: bool = False
) -> Listing | Report:
    """`answer` with the log's span after the credit and its partial last period marked (see
    `spacetime.output.freshness.fresh`: `every` marks it in every table of the answer)."""
    from spacetime.output import freshness as output
    from spacetime.sources.gcat import freshness

    found = freshness(files)
    return output.fresh(answer, found.line if found else None, cutoff, every=every)


def launch_cutoff(
    files: DataFiles, env: Environment, since: date | None = None, until: date | None = None
) -> date | None:
    """The last day the launch counts cover (the log's end, or --as-of when earlier); None
    without a launch log. When the range asked (`since`, `until`; an open end is `env`'s today)
    or --as-of reaches past the log's end, a note on `env`'s stderr says so."""
    from spacetime.sources.gcat import display_day, freshness

    found = freshness(files)
    if found is None:
        return None
    end = date.fromisoformat(found.last)
    as_of = date.fromisoformat(files.as_of) if files.as_of else None
    asked = since is not None or until is not None or as_of is not None
    if asked and min(until or env.day(), as_of or date.max) > end:
        env.note(
            f"the launch log ends {display_day(found.last)}; later launches are not counted "
            "(`spacetime update` renews it)"
        )
    return min(end, as_of) if as_of is not None else end
