"""Rich tables from listings: the human form of every listing command."""

from __future__ import annotations

from typing import Literal, cast

from rich import box
from rich.table import Table
from rich.text import Text

from spacetime.output.listing import Listing

__all__ = ["rich_table"]

Justify = Literal["default", "left", "center", "right", "full"]


def rich_table(listing: Listing) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_lines=listing.row_lines
    )
    for column in listing.columns:
        table.add_column(
            column.header,
            justify=cast(Justify, column.justify),
            overflow="fold",
            no_wrap=not column.wrap,
            ratio=1 if column.wrap else None,
        )
    styles = listing.styles or [None] * len(listing.rows)
    for row, style in zip(listing.rows, styles, strict=True):
        table.add_row(*(Text(cell) for cell in row), style=style)
    return table
