"""What most commands do first and last: load the timeline their options name, write a listing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from spacetime.cli.options import DataOptions, OutputOptions
from spacetime.core.errors import UsageError
from spacetime.core.timeline import Timeline
from spacetime.load.cache import load_cached
from spacetime.load.sources import DataFiles
from spacetime.output.environment import CURRENT, Environment
from spacetime.output.formats import write
from spacetime.output.listing import Listing, Report

__all__ = [
    "check_readable",
    "check_writable",
    "emit",
    "environment",
    "fresh",
    "fresh_launches",
    "load",
    "load_with_launches",
]


def check_readable(paths: list[Path], label: str) -> None:
    """A file named on the command line must be a readable regular file of at most
    `MAX_BYTES`: a usage error otherwise."""
    import os
    import stat

    from spacetime.core.files import kind_of
    from spacetime.core.reading import MAX_BYTES

    for path in paths:
        if not path.exists():
            raise UsageError(f"{label} {path}: no such file")
        if path.is_dir():
            raise UsageError(f"{label} {path}: is a directory, not a file")
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
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

    from spacetime.core.files import kind_of

    for path in paths:
        if path is None or str(path) == "-":
            continue
        try:
            mode = path.stat().st_mode
        except OSError:
            continue  # nothing there yet (or unreachable: the write will say why)
        if not stat.S_ISREG(mode):
            raise UsageError(f"{path} is {kind_of(mode)}; spacetime writes only regular files")
        if not force:
            raise UsageError(f"{path} exists; use --force to overwrite it")


def load(options: DataOptions, files: DataFiles | None = None) -> Timeline:
    """The timeline the data options name (`files`, when the caller has them already), through
    the cache (see `spacetime.load.cache`), as it stood on the --as-of day if one is given (see
    `spacetime.engine.asof`). The bundled events your files replace are named on stderr unless
    --quiet."""
    import gc

    check_readable(options.data or [], "--data")
    day = options.day()
    timeline = load_cached(files or options.files())
    gc.freeze()  # the timeline lives as long as the command: out of the collector's sight
    if timeline.replaced and not options.quiet:
        from spacetime.output.provenance import replacement_notes

        for note in replacement_notes(timeline):
            print(note, file=environment().stderr)
    if day is None:
        return timeline
    from spacetime.engine.asof import as_of

    return as_of(timeline, day)


def load_with_launches(options: DataOptions) -> tuple[Timeline, DataFiles]:
    """The timeline (as `load` gives it) and the data files the options name, for a command that
    reads launches too; with --as-of, the files carry the day, and every launch read through them
    is one of that UTC day or earlier."""
    from dataclasses import replace

    check_readable(options.data or [], "--data")
    files = options.files()
    check_readable(list(files.launches), "--data")
    timeline = load(options, files)
    day = options.day()
    return timeline, files if day is None else replace(files, as_of=day.isoformat())


def environment() -> Environment:
    """The environment `main` was given (or built from the process) for this run."""
    return CURRENT.get() or Environment.from_process()


def emit(answer: Listing | Report, options: OutputOptions) -> None:
    write(answer, options.chosen, choice=options.choice(), env=environment())


def fresh_launches(
    answer: Listing | Report,
    files: DataFiles,
    since: date | None = None,
    until: date | None = None,
    *,
    every: bool = False,
) -> Listing | Report:
    """A launch answer saying how fresh it is, with `launch_cutoff`'s note (see `fresh`)."""
    return fresh(answer, files, launch_cutoff(files, since, until), every=every)


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
    files: DataFiles, since: date | None = None, until: date | None = None
) -> date | None:
    """The last day the launch counts cover (the log's end, or --as-of when earlier); None
    without a launch log. When the range asked (`since`, `until`; an open end is today) or
    --as-of reaches past the log's end, a note on stderr says so."""
    from spacetime.sources.gcat import display_day, freshness

    found = freshness(files)
    if found is None:
        return None
    end = date.fromisoformat(found.last)
    as_of = date.fromisoformat(files.as_of) if files.as_of else None
    if since is not None or until is not None or as_of is not None:
        from spacetime.output.environment import today

        if min(until or today(), as_of or date.max) > end:
            print(
                f"spacetime: note: the launch log ends {display_day(found.last)}; later launches "
                "are not counted (`spacetime update` renews it)",
                file=environment().stderr,
            )
    return min(end, as_of) if as_of is not None else end
