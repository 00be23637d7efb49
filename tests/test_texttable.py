"""The text table: fitted, wrapped and coloured in a terminal; plain and uncut in a pipe."""

from __future__ import annotations

import io
import re

from spacetime.output.environment import Environment
from spacetime.output.listing import Brief, Column, Listing
from spacetime.output.texttable import fit, layout, width, wrap, write_table

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def listing() -> Listing:
    rows = [
        ["4 Oct 1957", "Sputnik 1, the first artificial satellite, goes into orbit", "achieved"],
        ["6 Dec 1957", "Vanguard TV3 explodes on its launch pad", "failed"],
    ]
    return Listing(
        fields=["date", "title", "status"],
        records=[],
        columns=[Column("Date"), Column("Event", wrap=True), Column("Status")],
        rows=rows,
        styles=[None, "red"],
    )


def draw(answer: Listing, columns: int, *, colour: bool = True) -> str:
    """The table as a terminal of `columns` cells shows it (the facts injected, not patched)."""
    out = io.StringIO()
    write_table(answer, out, Environment(stdout=out, terminal=True, width=columns, colour=colour))
    return out.getvalue()


def test_terminal_table_wraps_the_long_column_to_the_width() -> None:
    text = ANSI.sub("", draw(listing(), 44))
    assert text.splitlines() == [
        "Date        Event                   Status",
        "─" * 44,
        "4 Oct 1957  Sputnik 1, the first    achieved",
        "            artificial satellite,",
        "            goes into orbit",
        "6 Dec 1957  Vanguard TV3 explodes   failed",
        "            on its launch pad",
    ]


def test_terminal_table_is_coloured_unless_no_color_or_a_dumb_terminal() -> None:
    coloured = draw(listing(), 120)
    assert "\x1b[1mDate\x1b[0m" in coloured
    assert "\x1b[31mVanguard TV3 explodes on its launch pad\x1b[0m" in coloured
    assert "\x1b" not in draw(listing(), 120, colour=False)


def test_a_pipe_is_never_cut_or_coloured() -> None:
    out = io.StringIO()
    write_table(listing(), out, Environment(stdout=out, terminal=False, width=20, colour=True))
    assert out.getvalue().splitlines() == [
        "Date        Event                                                       Status",
        "----------  ----------------------------------------------------------  --------",
        "4 Oct 1957  Sputnik 1, the first artificial satellite, goes into orbit  achieved",
        "6 Dec 1957  Vanguard TV3 explodes on its launch pad                     failed",
    ]


def test_single_record_reads_as_bold_keys_and_values() -> None:
    answer = Listing(
        fields=[],
        records=[],
        columns=[Column("Field"), Column("Value", wrap=True)],
        rows=[["Date", "4 Oct 1957"], ["Sources", "https://a.example\nhttps://b.example"]],
        heading="Sputnik 1  [sputnik-1]",
        single=True,
    )
    text = draw(answer, 80, colour=False)
    assert text.splitlines() == [
        "Sputnik 1  [sputnik-1]",
        "Date     4 Oct 1957",
        "Sources  https://a.example",
        "         https://b.example",
    ]
    # in colour, each source is a terminal link (OSC 8) around the whole URL
    coloured = draw(answer, 80)
    link = "\x1b]8;;https://a.example\x1b\\https://a.example\x1b]8;;\x1b\\"
    assert f"\x1b[1mSources\x1b[0m  {link}" in coloured.splitlines()


def test_wide_characters_take_two_cells_and_keep_columns_aligned() -> None:
    assert width("嫦娥五号") == 8
    assert width("e\u0301") == 1
    answer = Listing(
        fields=[],
        records=[],
        columns=[Column("Name"), Column("Year", justify="right")],
        rows=[["嫦娥五号", "2020"], ["Luna 16", "1970"]],
    )
    out = io.StringIO()
    write_table(answer, out)
    assert out.getvalue().splitlines()[2:] == ["嫦娥五号  2020", "Luna 16   1970"]


def test_wrap_breaks_at_spaces_and_folds_a_word_longer_than_the_line() -> None:
    assert wrap("one two three", 7) == ["one two", "three"]
    assert wrap("liquid-propellant rocket", 10) == ["liquid-pro", "pellant", "rocket"]
    # a URL is never broken, it overflows; a no-break space holds two words together
    assert wrap("see https://example.org/long", 10) == ["see", "https://example.org/long"]
    assert wrap("at 45.6\u00a0y", 6) == ["at", "45.6 y"]
    assert wrap("a\nb c", 10) == ["a", "b c"]
    assert wrap("嫦娥五号", 5) == ["嫦娥", "五号"]


def test_fit_shares_the_room_and_a_narrow_column_gives_its_spare() -> None:
    assert fit([10, 30, 8], [False, True, False], 80) == [10, 30, 8]
    # 40 cells: 10 + 8 fixed, 4 for gaps, 18 left for the one wrapping column
    assert fit([10, 30, 8], [False, True, False], 40) == [10, 18, 8]
    # two wrapping columns: the narrow one keeps its 5, the other takes the rest
    assert fit([5, 50, 40], [True, True, False], 70) == [5, 21, 40]
    # too tight for the wrapping columns alone: every column gives way
    assert sum(fit([30, 30, 30], [False, True, False], 40)) + 4 == 40


def events(title: str) -> Listing:
    return Listing(
        fields=[],
        records=[],
        columns=[
            Column("Date"),
            Column("Event", wrap=True, main=True),
            Column("Countries", wrap=True, drop=1),
            Column("Category", drop=2),
            Column(Brief("Status", "")),
        ],
        rows=[
            [
                Brief("4 Oct 1957 19:28:34 UTC", "4 Oct 1957"),
                title,
                "Soviet Union",
                "human-spaceflight",
                Brief("achieved", "✓"),
            ]
        ],
        footer=Brief("1 event", "1 event; ✓ achieved"),
    )


def test_a_narrow_terminal_takes_short_forms_then_drops_columns_before_breaking_words() -> None:
    title = "GIRD-09, the first Soviet liquid-propellant rocket, flies"
    # wide enough: everything in full
    assert layout(events(title), 200) == ([0, 1, 2, 3, 4], frozenset(), [23, 57, 12, 17, 8])
    # 120: everything fits once the date is short; the status keeps its word
    assert layout(events(title), 120) == ([0, 1, 2, 3, 4], {0}, [10, 57, 12, 17, 8])
    # 80: short forms (compact date, status mark); the title takes the room left
    keep, short, widths = layout(events(title), 80)
    assert (keep, short) == ([0, 1, 2, 3, 4], {0, 4})
    assert widths[0] == 10 and widths[4] == 1 and sum(widths) + 8 <= 80
    # 50: the category goes before a word is broken, then the countries
    assert layout(events(title), 50)[0] == [0, 1, 2, 4]
    assert layout(events(title), 36)[0] == [0, 1, 4]
    text = ANSI.sub("", draw(events(title), 50))
    assert text.splitlines() == [
        "Date        Event                     Countries",
        "─" * 50,
        "4 Oct 1957  GIRD-09, the first        Soviet     ✓",
        "            Soviet liquid-propellant  Union",
        "            rocket, flies",
        "1 event; ✓ achieved",
    ]
    for line in text.splitlines():
        assert "liquid-pro " not in line
