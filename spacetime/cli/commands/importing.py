"""`spacetime import gcat LAUNCHLOG.tsv -o FILE`: GCAT's launch log into a spacetime launch file."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from spacetime.cli.common import check_readable, check_writable
from spacetime.cli.options import use
from spacetime.core.errors import DataError, ExitCode
from spacetime.launches.model import CREDIT
from spacetime.output.environment import Environment


class Source(StrEnum):
    GCAT = "gcat"


@use()
def import_data(
    source: Annotated[
        Source, typer.Argument(help="What the file is: gcat (GCAT's launchlog.tsv).")
    ],
    launchlog: Annotated[Path, typer.Argument(metavar="LAUNCHLOG.tsv", help="GCAT's launch log.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The launch file to write.")],
    sites: Annotated[
        Path | None,
        typer.Option("--sites", help="GCAT's sites.tsv: names and states of the launch sites."),
    ] = None,
    orgs: Annotated[
        Path | None,
        typer.Option("--orgs", help="GCAT's orgs.tsv: names of agencies and states."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    *,
    env: Environment,
) -> int:
    """Convert GCAT's launch log into a spacetime launch file (for --data or $SPACETIME_DATA).

    Rows that cannot be read are reported as file:line: problem and left out; the others are still written, and the exit status is then 3.

    GCAT: Jonathan McDowell, https://planet4589.org (CC BY 4.0).
    """
    from spacetime.core.files import write_file
    from spacetime.launches.gcat import read_gcat
    from spacetime.launches.store import launch_file_text

    check_readable([p for p in (launchlog, sites, orgs) if p is not None], "input")
    check_writable([output], force)
    result = read_gcat(launchlog, sites, orgs)
    if not result.launches:
        raise DataError(result.problems)
    for line in DataError(result.problems).lines():  # at most 20 a file, then a count
        env.tell(line)
    days = sorted(launch.date.text[:10] for launch in result.launches)
    inputs = ", ".join(p.name for p in (launchlog, sites, orgs) if p is not None)
    notes = [
        f"Derived by `spacetime import gcat` from {inputs}"
        + (f" (GCAT updated {result.updated})" if result.updated else ""),
        f"{len(result.launches)} launches from {days[0]} to {days[-1]}",
    ]
    write_file(output, launch_file_text(result.launches, notes), replace=force)
    summary = (
        f"{launchlog}: {result.rows} rows, {len(result.launches)} launches "
        f"({days[0]} to {days[-1]}) written to {output}"
    )
    if result.problems:
        summary += f"; {result.skipped_rows} rows left out, {len(result.problems)} problems"
    env.tell(summary)
    env.tell(CREDIT)
    return ExitCode.DATA if result.problems else ExitCode.OK
