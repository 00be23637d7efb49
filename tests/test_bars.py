"""Inline bars (`listing.Bar`) shrink to the room a terminal table gives them, on one scale for
the whole table, and never wrap; in a pipe they are drawn whole."""

from __future__ import annotations

import io

import pytest

from spacetime.output.environment import Environment
from spacetime.output.listing import Align, Bar, Column, Listing
from spacetime.output.texttable import write_table


def table(width: int, terminal: bool = True) -> list[str]:
    counts = {"alpha": (40, 10), "beta": (20, 40)}
    listing = Listing(
        fields=["name", "a", "b"],
        records=[],
        columns=[Column("Name"), Column("A"), Column("B", justify=Align.LEFT)],
        rows=[
            [name, Bar(a, 40, f"{a:>3} "), Bar(b, 40, f"{b:>3} ")]
            for name, (a, b) in counts.items()
        ],
    )
    out = io.StringIO()
    write_table(listing, out, Environment(stdout=out, terminal=terminal, width=width))
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [30, 40, 60])
def test_bars_shrink_on_one_scale_and_never_wrap(width: int) -> None:
    lines = table(width)
    assert len(lines) == 4  # header, rule, two rows: nothing wrapped
    assert all(len(line) <= width for line in lines)
    alpha, beta = (line.split() for line in lines[2:])
    # alpha's 40 and beta's 40 are bars of one length; 20 and 10 are a half and a quarter of it
    assert len(alpha[2]) == len(beta[4]) > 1
    assert len(beta[2]) == round(len(alpha[2]) / 2)


def test_bars_are_whole_in_a_pipe() -> None:
    lines = table(30, terminal=False)
    assert lines[2].split()[2] == "█" * 30
