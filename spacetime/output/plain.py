"""The table format in a pipe: aligned plain-text columns, no colour, no cell ever cut.

In a terminal, tables are drawn by Rich (`spacetime.output.tables`); in a pipe there is no width to
fit and nothing to colour, so the same listing is laid out here without importing Rich at all.
"""

from __future__ import annotations

from typing import TextIO

from spacetime.output.listing import Listing

__all__ = ["write_plain_table"]

GAP = "  "


def write_plain_table(listing: Listing, out: TextIO) -> None:
    columns = listing.columns
    cells = [[cell.split("\n") for cell in row] for row in listing.rows]
    widths = [len(c.header) for c in columns]
    for row in cells:
        for index, lines in enumerate(row):
            widths[index] = max(widths[index], *(len(line) for line in lines))

    def line(texts: list[str]) -> str:
        padded = [
            text.rjust(width) if column.justify == "right" else text.ljust(width)
            for text, width, column in zip(texts, widths, columns, strict=True)
        ]
        return GAP.join(padded).rstrip()

    if listing.heading:
        out.write(listing.heading + "\n")
    if listing.rows and not listing.single:  # a single record reads as "key  value" lines
        out.write(line([c.header for c in columns]) + "\n")
        out.write(GAP.join("-" * w for w in widths) + "\n")
    for row in cells:
        height = max(len(lines) for lines in row)
        for number in range(height):
            out.write(line([lines[number] if number < len(lines) else "" for lines in row]) + "\n")
        if listing.row_lines:
            out.write("\n")
    if listing.footer:
        out.write(listing.footer + "\n")
