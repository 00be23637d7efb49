"""`spacetime firsts [--country X]`: the world firsts in order, or one nation's firsts beside them."""

from typing import Annotated

import typer

from spacetime.cli import complete
from spacetime.cli.common import emit, load
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.engine.compare import nation_cells
from spacetime.engine.firsts import claims, ranks, world_firsts
from spacetime.output.firsts import nation_firsts_listing, world_firsts_listing


@use(data=DataOptions, output=OutputOptions)
def firsts(
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            "-c",
            help="One nation's firsts, with the world first beside each.",
            autocompletion=complete.nations,
        ),
    ] = None,
    no_lineage: Annotated[
        bool, typer.Option("--no-lineage", help="Do not count predecessors' firsts.")
    ] = False,
    *,
    data: DataOptions,
    output: OutputOptions,
) -> None:
    """Who did it first: every milestone's world first in date order, or one nation's firsts."""
    timeline = load(data)
    world = world_firsts(timeline)
    if country is None:
        places = ranks(timeline, claims(timeline), lineage=not no_lineage)
        emit(world_firsts_listing(timeline, world, places), output)
        return
    code = timeline.entity(country).code
    cells = nation_cells(timeline, code, lineage=not no_lineage)
    emit(nation_firsts_listing(timeline, code, cells, world, data.today()), output)
