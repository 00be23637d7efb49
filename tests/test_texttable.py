"""The text table: fitted, wrapped and coloured in a terminal; plain and uncut in a pipe."""

from __future__ import annotations

import io
import re

import pytest

from spacetime.output.listing import Column, Listing
from spacetime.output.texttable import fit, width, wrap, write_table

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


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


def draw(answer: Listing, columns: int, monkeypatch: pytest.MonkeyPatch, **env: str) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    for name in ("NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = Terminal()
    write_table(answer, out)
    return out.getvalue()


def test_terminal_table_wraps_the_long_column_to_the_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = ANSI.sub("", draw(listing(), 44, monkeypatch))
    assert text.splitlines() == [
        "Date        Event                   Status",
        "─" * 44,
        "4 Oct 1957  Sputnik 1, the first    achieved",
        "            artificial satellite,",
        "            goes into orbit",
        "6 Dec 1957  Vanguard TV3 explodes   failed",
        "            on its launch pad",
    ]


def test_terminal_table_is_coloured_unless_no_color_or_a_dumb_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    coloured = draw(listing(), 120, monkeypatch)
    assert "\x1b[1mDate\x1b[0m" in coloured
    assert "\x1b[31mVanguard TV3 explodes on its launch pad\x1b[0m" in coloured
    assert "\x1b" not in draw(listing(), 120, monkeypatch, NO_COLOR="1")
    assert "\x1b" not in draw(listing(), 120, monkeypatch, TERM="dumb")


def test_a_pipe_is_never_cut_or_coloured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "20")
    out = io.StringIO()
    write_table(listing(), out)
    assert out.getvalue().splitlines() == [
        "Date        Event                                                       Status",
        "----------  ----------------------------------------------------------  --------",
        "4 Oct 1957  Sputnik 1, the first artificial satellite, goes into orbit  achieved",
        "6 Dec 1957  Vanguard TV3 explodes on its launch pad                     failed",
    ]


def test_single_record_reads_as_bold_keys_and_values(monkeypatch: pytest.MonkeyPatch) -> None:
    answer = Listing(
        fields=[],
        records=[],
        columns=[Column("Field"), Column("Value", wrap=True)],
        rows=[["Date", "4 Oct 1957"], ["Sources", "https://a.example\nhttps://b.example"]],
        heading="Sputnik 1  [sputnik-1]",
        single=True,
    )
    text = draw(answer, 80, monkeypatch)
    assert text.splitlines() == [
        "\x1b[1mSputnik 1  [sputnik-1]\x1b[0m",
        "\x1b[1mDate\x1b[0m     4 Oct 1957",
        "\x1b[1mSources\x1b[0m  https://a.example",
        "         https://b.example",
    ]


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
    assert wrap("https://example.org/long", 10) == ["https://ex", "ample.org/", "long"]
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
