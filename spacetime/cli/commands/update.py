"""`spacetime update`: renew the launch log from GCAT, or go back to the bundled one (`--reset`)."""

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from spacetime.cli.options import use
from spacetime.core.errors import UsageError
from spacetime.output.environment import Environment
from spacetime.sources.fetch import DEFAULT_TIMEOUT
from spacetime.sources.gcat import URL_VARIABLE


@use()
def update(
    url: Annotated[
        str | None,
        typer.Option(
            "--url",
            metavar="BASE",
            help=f"Download from this copy of GCAT's site (default: ${URL_VARIABLE}, else GCAT's own).",
        ),
    ] = None,
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="FILE",
            help="Read a launchlog.tsv already downloaded (sites.tsv and orgs.tsv beside it are read too).",
        ),
    ] = None,
    reset: Annotated[
        bool, typer.Option("--reset", help="Go back to the bundled launch log.")
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", metavar="SECONDS", help="Give up a download that waits longer than this."
        ),
    ] = DEFAULT_TIMEOUT,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")
    ] = False,
    upcoming: Annotated[
        bool,
        typer.Option(
            "--upcoming",
            help="Fetch the upcoming launches from Launch Library 2 instead, in one request "
            "(for spacetime next).",
        ),
    ] = False,
    ll2_url: Annotated[
        str | None,
        typer.Option(
            "--ll2-url",
            metavar="BASE",
            help="With --upcoming: ask this Launch Library 2 server (default: $SPACETIME_LL2_URL, "
            "else The Space Devs' own).",
        ),
    ] = None,
    *,
    env: Environment,
) -> None:
    """Renew the launch log from GCAT (checked before it replaces the one in use), or go back to the bundled one.

    Downloads GCAT's launch log (from https://planet4589.org/space/gcat/) with its sites and organisations tables, and uses it only if it reads through the importer, is a GCAT launch log, has no fewer launches and no older last date than the log in use, and holds Sputnik 1, Explorer 1 and Vostok 1. A second run asks only for what changed. Exit 3 when a check fails, 4 when the download fails: the log in use is then as it was.

    GCAT: Jonathan McDowell, https://planet4589.org (CC BY 4.0).

    With --upcoming, asks Launch Library 2 (The Space Devs) for the next 100 upcoming launches, checks them, and keeps them for spacetime next; 429 (its rate limit) is exit 4, an answer that fails a check exit 3, and the list kept before stays as it was.
    """
    from spacetime.sources import gcat

    if reset and (url is not None or from_file is not None):
        raise UsageError("--reset goes back to the bundled log: it takes neither --url nor --from")
    if url is not None and from_file is not None:
        raise UsageError("--url and --from name two sources: give one")
    if url is not None and not url.startswith(("http://", "https://", "file://")):
        raise UsageError(f"--url takes an http://, https:// or file:// address, not '{url}'")
    if not timeout > 0:
        raise UsageError(f"--timeout must be more than 0 seconds, not {timeout:g}")
    if upcoming or ll2_url is not None:
        from spacetime.cli.upcoming import update_upcoming

        if not upcoming or reset or url is not None or from_file is not None:
            raise UsageError(
                "--ll2-url goes with --upcoming, which takes no --url, --from or --reset"
            )
        if ll2_url is not None and not ll2_url.startswith(("http://", "https://")):
            raise UsageError(f"--ll2-url takes an http:// or https:// address, not '{ll2_url}'")
        bar = None if quiet or not _isatty(env.stderr) else _Bar(env.stderr)
        with bar.progress if bar else nullcontext():
            shown = bar

            def advance(_url: str, done: int, total: int | None) -> None:
                if shown is not None:  # one line, named for what comes (not the long URL)
                    shown.advance("upcoming launches", done, total)

            line = update_upcoming(ll2_url, timeout, advance if bar else None, env)
        if not quiet:
            env.tell(line)
        return

    def say(line: str) -> None:
        if not quiet:
            env.tell(line)

    if reset:
        removed = gcat.reset(env.data_dir())
        to = gcat.read_span(gcat.log_in_use(env.data_dir())).last
        say(f"{'back to' if removed else 'already on'} the bundled launch log (data to {to})")
        return
    if from_file is not None:
        from spacetime.cli.common import check_readable

        check_readable([from_file], "--from")
    bar = None if quiet or not _isatty(env.stderr) else _Bar(env.stderr)
    with bar.progress if bar else nullcontext():
        done = gcat.update(
            base=url,
            from_file=from_file,
            timeout=timeout,
            progress=bar.advance if bar else None,
            env=env.environ,
            today=env.day(),
        )
    span = done.span
    if done.current:
        say(f"already current (data to {span.last})")
        return
    say(f"{span.launches:,} launches, {span.first} to {span.last}; {done.new:,} new")


def _isatty(stream: object) -> bool:
    try:
        return bool(getattr(stream, "isatty")())  # noqa: B009
    except (AttributeError, ValueError):
        return False


class _Bar:
    """A Rich progress bar on the terminal: a line per file, bytes, rate and time left."""

    def __init__(self, stream: object) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=Console(file=stream),  # type: ignore[arg-type]
            transient=True,
        )
        self.tasks: dict[str, object] = {}

    def advance(self, url: str, done: int, total: int | None) -> None:
        task = self.tasks.get(url)
        if task is None:
            task = self.tasks[url] = self.progress.add_task(url.rsplit("/", 1)[-1], total=total)
        self.progress.update(task, completed=done, total=total)  # type: ignore[arg-type]
